// test_truncate.c: every packet of every capture in tests/captures/
// (the generated odd cases and the recorded runs), and a few hand-built
// frames, decoded at every captured length from 0 to its caplen, each
// from a heap copy of exactly that many bytes: under ASan (make
// check-sanitize) this is the proof that no decoder reads past the
// captured bytes (also while recording fields and printing -v -x and
// JSON from them, on every other length). It also checks that a frame cut inside its headers
// says where it stopped, and that the generated captures are current.
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <pcap/pcap.h>

#include "fields.h"
#include "harness.h"
#include "packet.h"
#include "pktbuild.h"
#include "print_verbose.h"

static struct field_list fl;
static FILE *devnull;

// Decode the first len bytes of data with or without field recording;
// check what holds for any input.
static void decode_prefix(struct packet *pk, int dlt, const uint8_t *data,
                          uint32_t len, uint32_t wirelen, int fields)
{
	uint8_t *copy = malloc(len ? len : 1);
	struct timeval ts = { 0, 0 };
	assert_non_null(copy);
	memcpy(copy, data, len);
	memset(pk, 0, sizeof *pk);
	pk->fields = fields ? &fl : NULL;
	decode_packet(pk, dlt, &ts, len, wirelen, copy);
	assert_true(pk->payload_caplen <= pk->payload_len);
	if (pk->payload) {
		assert_true(pk->payload >= copy);
		assert_true(pk->payload + pk->payload_caplen <= copy + len);
	} else {
		assert_int_equal(pk->payload_caplen, 0);
	}
	assert_true((pk->stopped_layer == NULL) == (pk->stopped_reason == NULL));
	assert_non_null(pk->link);
	assert_true(memchr(pk->summary, 0, sizeof pk->summary) != NULL);
	if (fields) {   // -v -x and JSON read the fields and the frame too
		assert_true(fl.nfields <= FIELDS_MAX && fl.nlayers <= LAYERS_MAX);
		print_verbose(devnull, pk, copy, 1);
		print_fields_json(devnull, pk);
	}
	free(copy);
}

// Decode one frame at every length; a well-formed frame cut before the
// end of its transport header must report where it stopped, and once
// that header is whole the ports and sequence number must not change.
static void cut_everywhere(int dlt, const uint8_t *data, uint32_t caplen,
                           uint32_t wirelen, const char *what)
{
	struct packet full, pk;
	decode_prefix(&full, dlt, data, caplen, wirelen, 0);
	uint32_t hdr_end = full.proto == PROTO_UDP || full.proto == PROTO_TCP ?
	                   full.trans_off + full.trans_hlen : 0;
	for (uint32_t len = 0; len <= caplen; len++) {
		decode_prefix(&pk, dlt, data, len, wirelen, len & 1);
		if (full.stopped_layer || caplen != wirelen || !hdr_end)
			continue;
		if (len < hdr_end && !pk.stopped_layer)
			fail_msg("%s cut at %u of %u: no stop marker", what, len, caplen);
		if (len >= hdr_end && (pk.sport != full.sport ||
		                       pk.dport != full.dport || pk.seq != full.seq))
			fail_msg("%s cut at %u: transport fields changed", what, len);
	}
}

// Every packet of one capture file, cut everywhere. Returns its count.
static int cut_capture(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	if (!p)
		fail_msg("%s", err);
	struct pcap_pkthdr *h;
	const u_char *d;
	int n = 0, r;
	while ((r = pcap_next_ex(p, &h, &d)) == 1) {
		cut_everywhere(pcap_datalink(p), d, h->caplen, h->len, path);
		n++;
	}
	if (r == -1)
		fail_msg("%s: %s", path, pcap_geterr(p));
	pcap_close(p);
	return n;
}

static const char *captures_dir(void)
{
	static char dir[4096];
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(dir, sizeof dir, "%s/tests/captures", root ? root : ".");
	return dir;
}

static void test_every_capture_at_every_length(void **state)
{
	(void)state;
	DIR *d = opendir(captures_dir());
	assert_non_null(d);
	struct dirent *e;
	int files = 0, packets = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".pcap") != 0)
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", captures_dir(), e->d_name);
		packets += cut_capture(path);
		files++;
	}
	closedir(d);
	assert_true(files >= 26);   // at least the generated ones
	assert_true(packets >= 90);
	print_message("%d packets in %d captures cut at every length\n",
	              packets, files);
}

// Hand-built frames with everything at once: VLAN tag, IPv4 options,
// TCP options, and IPv6 with extension headers and an ICMPv6 error
// quoting a datagram with its own extension headers.
static void test_dense_frames_at_every_length(void **state)
{
	(void)state;
	static const uint8_t ipopt[8] = { 1, 1, 1, 7, 4, 4, 0, 0 };
	static const uint8_t topt[24] = { 2, 4, 5, 0xb4, 1, 3, 3, 14, 4, 2,
	                                  8, 10, 1, 2, 3, 4, 5, 6, 7, 8,
	                                  5, 2, 1, 0 };
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x8100);
	put_be16(&p, 7);
	put_be16(&p, 0x0800);
	put_ipv4(&p, 6, "10.9.8.7", "10.9.8.6", 1, 0, ipopt, 8);
	put_tcp(&p, 1, 2, 3, 4, 0xff, 5, topt, 24);
	put_bytes(&p, "payload", 7);
	pkt_finish(&p);
	cut_everywhere(1, p.b, p.len, p.len, "dense ipv4");

	struct pkt q = { .len = 0 }, d = { .len = 0 };
	put_ipv6(&d, 60, "2001:db8::9", "2001:db8::8");
	put_bytes(&d, "\x11\x00\x01\x04\x00\x00\x00\x00", 8);
	put_udp(&d, 7, 9);
	pkt_finish(&d);
	put_ipv6(&q, 0, "2001:db8::8", "2001:db8::9");
	put_bytes(&q, "\x3a\x00\x01\x04\x00\x00\x00\x00", 8);
	put_icmp(&q, 58, 1, 4, 0);
	put_bytes(&q, d.b, d.len);
	pkt_finish(&q);
	cut_everywhere(229, q.b, q.len, q.len, "dense ipv6");
}

// The committed gen-*.pcap files are what pcapgen writes today.
static void test_generated_captures_are_current(void **state)
{
	(void)state;
	char tmp[] = "/tmp/socklab-pcapgen-XXXXXX";
	assert_non_null(mkdtemp(tmp));
	char *argv[] = { (char *)harness_path("tests/pcapgen"), tmp, NULL };
	struct run r;
	assert_int_equal(proc_run(&r, argv, NULL, 0, 10000), 0);
	int status = r.status;
	run_free(&r);
	assert_int_equal(status, 0);
	DIR *dir = opendir(tmp);
	assert_non_null(dir);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char a[8192], b[8192], cmd[20000];
		snprintf(a, sizeof a, "%s/%s", tmp, e->d_name);
		snprintf(b, sizeof b, "%s/%s", captures_dir(), e->d_name);
		snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
		if (system(cmd) != 0)
			fail_msg("%s differs from pcapgen's output: run make captures", b);
		unlink(a);
		n++;
	}
	closedir(dir);
	rmdir(tmp);
	assert_true(n >= 26);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_capture_at_every_length),
		cmocka_unit_test(test_dense_frames_at_every_length),
		cmocka_unit_test(test_generated_captures_are_current),
	};
	devnull = fopen("/dev/null", "w");
	if (!devnull) {
		perror("test_truncate: /dev/null");
		return 1;
	}
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	fclose(devnull);
	harness_cleanup();
	return rc;
}
