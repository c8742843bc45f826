// test_fields.c: the per-layer fields recorded for -v/-x/--json -v:
// layer boundaries, field positions and values, checksum verdicts
// (correct, incorrect, loopback offload, none, not checkable), values
// past the captured bytes, and that every decoded header is covered by
// its fields exactly once, for every generated capture.
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <pcap/pcap.h>

#include "fields.h"
#include "packet.h"
#include "pktbuild.h"
#include "print_verbose.h"

static struct field_list fl;
static struct packet pk;
static uint8_t frame[PKT_MAX];

// Decode the first len bytes of p as link type dlt, recording fields.
static void decode_fields(const struct pkt *p, int dlt, uint32_t len, int loopback)
{
	struct timeval ts = { 0, 0 };
	memcpy(frame, p->b, len);
	memset(&pk, 0, sizeof pk);
	memset(&fl, 0, sizeof fl);
	fl.loopback = loopback;
	pk.fields = &fl;
	decode_packet(&pk, dlt, &ts, len, p->len, frame);
}

// The layer of that name (the first), or fail.
static const struct layer *layer(const char *name)
{
	for (int i = 0; i < fl.nlayers; i++)
		if (strcmp(fl.layer[i].name, name) == 0)
			return &fl.layer[i];
	fail_msg("no layer %s", name);
	return NULL;
}

// The field of that name in the named layer, or fail.
static const struct field *field(const char *lname, const char *fname)
{
	const struct layer *l = layer(lname);
	for (int i = l->first; i < l->first + l->count; i++)
		if (strcmp(fl.field[i].name, fname) == 0)
			return &fl.field[i];
	fail_msg("no field %s in %s", fname, lname);
	return NULL;
}

static void udp_frame(struct pkt *p, const char *src, const char *dst)
{
	memset(p, 0, sizeof *p);
	put_eth(p, 0x0800);
	put_ipv4(p, 17, src, dst, 0x1234, 0x4000, NULL, 0);
	put_udp(p, 40000, 12000);
	put_bytes(p, "hello", 5);
	pkt_finish(p);
}

static void test_udp_layers_and_fields(void **state)
{
	(void)state;
	struct pkt p;
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(fl.nlayers, 4);
	const char *names[4] = { "ethernet", "ipv4", "udp", "payload" };
	const uint32_t offs[4] = { 0, 14, 34, 42 }, lens[4] = { 14, 20, 8, 5 };
	for (int i = 0; i < 4; i++) {
		assert_string_equal(fl.layer[i].name, names[i]);
		assert_int_equal(fl.layer[i].offset, offs[i]);
		assert_int_equal(fl.layer[i].length, lens[i]);
		assert_int_equal(fl.layer[i].caplen, lens[i]);
	}
	assert_int_equal(fl.layer[3].kind, LAYER_PAYLOAD);
	const struct field *f = field("ipv4", "ttl");
	assert_int_equal(f->bit_off, (14 + 8) * 8);
	assert_int_equal(f->bits, 8);
	assert_string_equal(f->value, "64");
	f = field("ipv4", "ihl");
	assert_int_equal(f->bit_off, 14 * 8 + 4);
	assert_int_equal(f->bits, 4);
	assert_string_equal(f->value, "5 (20 bytes)");
	assert_string_equal(field("ipv4", "src")->value, "10.0.0.1");
	assert_string_equal(field("ipv4", "protocol")->value, "17 (UDP)");
	assert_string_equal(field("ipv4", "flags")->value, "0x2 (DF, don't fragment)");
	assert_string_equal(field("udp", "dst_port")->value, "12000");
	assert_string_equal(field("udp", "length")->value, "13 bytes (8 header + 5 data)");
	assert_int_equal(field("ipv4", "checksum")->check, CHECK_OK);
	assert_int_equal(field("udp", "checksum")->check, CHECK_OK);
	assert_int_equal(field("ipv4", "ttl")->check, CHECK_NA);
}

// A damaged byte: the checksums say so, unless the capture is loopback.
static void test_checksum_verdicts(void **state)
{
	(void)state;
	struct pkt p;
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	p.b[p.len - 1] ^= 1;
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("udp", "checksum")->check, CHECK_BAD);
	assert_int_equal(field("ipv4", "checksum")->check, CHECK_OK);
	decode_fields(&p, 1, p.len, 1);
	assert_int_equal(field("udp", "checksum")->check, CHECK_OFFLOAD);
	udp_frame(&p, "127.0.0.1", "127.0.0.1");   // loopback addresses
	p.b[p.len - 1] ^= 1;
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("udp", "checksum")->check, CHECK_OFFLOAD);
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	p.b[14 + 8] = 63;                            // TTL changed, not the sum
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("ipv4", "checksum")->check, CHECK_BAD);
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	p.b[40] = p.b[41] = 0;                       // no UDP checksum
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("udp", "checksum")->check, CHECK_NONE);
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	decode_fields(&p, 1, p.len - 1, 0);          // a byte not captured
	assert_int_equal(field("udp", "checksum")->check, CHECK_UNKNOWN);
	assert_string_equal(check_name(CHECK_OFFLOAD),
	                    "unverified: loopback checksum offload");
}

// A partial checksum (only the pseudo-header sum, left to the card) is
// unverified whether the frame is read live or from a file; a wrong one
// stays incorrect from a file.
static void test_partial_checksum(void **state)
{
	(void)state;
	struct pkt p;
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	uint32_t s = 17 + 8 + 5 + 0x0a00 + 0x0001 + 0x0a00 + 0x0002;
	s = (s & 0xffff) + (s >> 16);
	p.b[40] = (uint8_t)(s >> 8);
	p.b[41] = (uint8_t)s;
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("udp", "checksum")->check, CHECK_PARTIAL);
	decode_fields(&p, 1, p.len, 1);
	assert_int_equal(field("udp", "checksum")->check, CHECK_PARTIAL);
	p.b[41] ^= 0x10;
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("udp", "checksum")->check, CHECK_BAD);
}

// IPv4 flags name every bit set; option names go on past a NOP.
static void test_ipv4_flags_and_options(void **state)
{
	(void)state;
	static const uint8_t rr[8] = { 1, 7, 7, 4, 0, 0, 0, 0 };
	static const uint16_t frag[4] = { 0x6000, 0x8000, 0xe000, 0 };
	static const char *const text[4] = {
		"0x3 (DF, don't fragment, MF, more fragments)",
		"0x4 (reserved bit set)",
		"0x7 (reserved bit set, DF, don't fragment, MF, more fragments)",
		"0x0 (none)",
	};
	for (int i = 0; i < 4; i++) {
		struct pkt p = { .len = 0 };
		put_eth(&p, 0x0800);
		put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 1, frag[i], rr, 8);
		put_udp(&p, 40000, 12000);
		put_bytes(&p, "x", 1);
		pkt_finish(&p);
		decode_fields(&p, 1, p.len, 0);
		assert_string_equal(field("ipv4", "flags")->value, text[i]);
		assert_string_equal(field("ipv4", "options")->value, "NOP, record route");
	}
}

// The outer tag of QinQ (TPID 0x88a8) is 802.1ad; the inner 802.1Q.
static void test_qinq_titles(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x88a8);
	put_be16(&p, 100);
	put_be16(&p, 0x8100);
	put_be16(&p, 200);
	put_be16(&p, 0x0800);
	put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 1, 0, NULL, 0);
	put_udp(&p, 40000, 12000);
	pkt_finish(&p);
	decode_fields(&p, 1, p.len, 0);
	assert_string_equal(fl.layer[1].title, "802.1ad service tag (QinQ outer)");
	assert_string_equal(fl.layer[2].title, "802.1Q VLAN tag");
}

static void test_tcp_option_fields(void **state)
{
	(void)state;
	static const uint8_t opt[20] = { 2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0,
	                                 100, 0, 0, 0, 0, 1, 3, 3, 7 };
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "10.0.0.1", "10.0.0.2", 1, 0x4000, NULL, 0);
	put_tcp(&p, 45678, 12000, 1000000000, 0, 0x02, 65495, opt, 20);
	pkt_finish(&p);
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(layer("tcp")->length, 40);
	assert_string_equal(field("tcp", "seq")->value, "1000000000");
	assert_string_equal(field("tcp", "ack")->value, "0 (ignored: ACK not set)");
	assert_string_equal(field("tcp", "flags")->value, "0x02 (SYN)");
	assert_int_equal(field("tcp", "flags")->bit_off, (34 + 13) * 8);
	assert_string_equal(field("tcp", "data_offset")->value, "10 (40 bytes)");
	assert_string_equal(field("tcp", "mss")->value, "1460 bytes");
	assert_int_equal(field("tcp", "mss")->bit_off, (34 + 20) * 8);
	assert_string_equal(field("tcp", "sack_permitted")->value, "yes");
	assert_string_equal(field("tcp", "timestamps")->value, "TSval 100 TSecr 0");
	assert_string_equal(field("tcp", "window_scale")->value, "7 (x128)");
	assert_int_equal(field("tcp", "checksum")->check, CHECK_OK);
	p.b[34 + 21] = 0;                            // MSS length 0
	decode_fields(&p, 1, p.len, 0);
	assert_string_equal(field("tcp", "malformed")->value, "kind 2, length 0");
}

// An ICMP port unreachable: the quoted datagram's layers, type names.
static void test_icmp_quoted_layers(void **state)
{
	(void)state;
	struct pkt d, p = { .len = 0 };
	udp_frame(&d, "10.0.0.1", "10.0.0.2");
	put_eth(&p, 0x0800);
	put_ipv4(&p, 1, "10.0.0.2", "10.0.0.1", 5, 0, NULL, 0);
	put_icmp(&p, 1, 3, 3, 0);
	put_bytes(&p, d.b + 14, d.len - 14);
	pkt_finish(&p);
	decode_fields(&p, 1, p.len, 0);
	assert_string_equal(field("icmp", "type")->value, "3 (destination unreachable)");
	assert_string_equal(field("icmp", "code")->value, "3 (port unreachable)");
	assert_int_equal(field("icmp", "checksum")->check, CHECK_OK);
	assert_int_equal(layer("quoted_ipv4")->quoted, 1);
	assert_int_equal(layer("quoted_ipv4")->offset, 42);
	assert_int_equal(field("quoted_ipv4", "checksum")->check, CHECK_OK);
	assert_string_equal(field("quoted_udp", "dst_port")->value, "12000");
	assert_int_equal(field("quoted_udp", "checksum")->check, CHECK_UNKNOWN);
	assert_int_equal(layer("ipv4")->quoted, 0);
}

// ICMPv6 checksums include the pseudo-header; NDP fields are recorded.
static void test_ndp_fields(void **state)
{
	(void)state;
	uint8_t t[16] = { 0xfe, 0x80, [15] = 2 };
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 58, "fe80::2", "fe80::1");
	put_icmp(&p, 58, 136, 0, 0x60000000);
	put_bytes(&p, t, 16);
	put_bytes(&p, "\2\1\2\0\0\0\0\2", 8);
	pkt_finish(&p);
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(field("icmp6", "checksum")->check, CHECK_OK);
	assert_string_equal(field("icmp6", "type")->value, "136 (neighbor advertisement)");
	assert_string_equal(field("icmp6", "target")->value, "fe80::2");
	assert_string_equal(field("icmp6", "target_lladdr")->value, "02:00:00:00:00:02");
	assert_string_equal(field("icmp6", "flags")->value, "0x60000000 (SO)");
	p.b[p.len - 1] ^= 0x10;
	decode_fields(&p, 1, p.len, 1);              // ICMP has no offload
	assert_int_equal(field("icmp6", "checksum")->check, CHECK_BAD);
}

// Fields past the captured bytes say so instead of showing zeros.
static void test_not_captured(void **state)
{
	(void)state;
	struct pkt p;
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	decode_fields(&p, 1, 30, 0);
	assert_string_equal(field("ipv4", "ttl")->value, "64");
	assert_string_equal(field("ipv4", "src")->value, "10.0.0.1");
	assert_string_equal(field("ipv4", "dst")->value, "(not captured)");
	assert_int_equal(field("ipv4", "checksum")->check, CHECK_UNKNOWN);
	assert_int_equal(layer("ipv4")->caplen, 16);
}

// More layers than fit: the rest are counted, not written past the end.
static void test_too_many_layers(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 60, "2001:db8::1", "2001:db8::2");
	for (int i = 0; i < 15; i++)
		put_bytes(&p, i < 14 ? "\x3c\0\0\0\0\0\0\0" : "\x11\0\0\0\0\0\0\0", 8);
	put_udp(&p, 1, 2);
	mark_l4(&p, 17);
	p.l4 -= 8;
	pkt_finish(&p);
	decode_fields(&p, 1, p.len, 0);
	assert_int_equal(fl.nlayers, LAYERS_MAX);
	assert_true(fl.dropped > 0);
	assert_int_equal(pk.proto, PROTO_UDP);
}

// Every layer's fields lie inside it, in order, without overlapping; a
// fully decoded header is covered exactly. Returns layers checked.
static int check_coverage(const char *what)
{
	int n = 0;
	for (int i = 0; i < fl.nlayers; i++) {
		const struct layer *l = &fl.layer[i];
		uint32_t at = l->offset * 8, end = (l->offset + l->length) * 8;
		for (int k = l->first; k < l->first + l->count; k++) {
			const struct field *f = &fl.field[k];
			if (f->bit_off < at || f->bit_off + f->bits > end)
				fail_msg("%s: %s.%s at bit %u+%u outside [%u,%u) or overlapping",
				         what, l->name, f->name, f->bit_off, f->bits, at, end);
			at = f->bit_off + f->bits;
		}
		int eol = l->count && strcmp(fl.field[l->first + l->count - 1].name, "eol") == 0;
		if (!pk.stopped_layer && l->kind != LAYER_PAYLOAD && !eol && at != end)
			fail_msg("%s: %s fields end at bit %u, the header at %u",
			         what, l->name, at, end);
		n++;
	}
	return n;
}

static void test_every_capture_covered(void **state)
{
	(void)state;
	char dir[4096], path[8192], err[PCAP_ERRBUF_SIZE];
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(dir, sizeof dir, "%s/tests/captures", root ? root : ".");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	int layers = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".pcap") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		pcap_t *pc = pcap_open_offline(path, err);
		assert_non_null(pc);
		struct pcap_pkthdr *h;
		const u_char *data;
		while (pcap_next_ex(pc, &h, &data) == 1) {
			struct timeval ts = { 0, 0 };
			memset(&pk, 0, sizeof pk);
			pk.fields = &fl;
			decode_packet(&pk, pcap_datalink(pc), &ts, h->caplen, h->len, data);
			layers += check_coverage(path);
		}
		pcap_close(pc);
	}
	closedir(d);
	assert_true(layers > 300);
}

// The JSON form: an array of layers with escaped strings.
static void test_json_shape(void **state)
{
	(void)state;
	struct pkt p;
	char *buf = NULL;
	size_t len = 0;
	udp_frame(&p, "10.0.0.1", "10.0.0.2");
	decode_fields(&p, 1, p.len, 0);
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	print_fields_json(f, &pk);
	fclose(f);
	assert_true(len > 2 && buf[0] == '[' && buf[len - 1] == ']');
	assert_non_null(strstr(buf, "{\"name\":\"ipv4\",\"title\":\"IPv4\",\"kind\":"
	                            "\"network\",\"offset\":14,\"length\":20,"
	                            "\"captured\":20,\"quoted\":false,\"fields\":["));
	assert_non_null(strstr(buf, "{\"name\":\"ttl\",\"label\":\"Time to live\","
	                            "\"value\":\"64\",\"bit_offset\":176,\"bits\":8,"));
	assert_non_null(strstr(buf, "\"value\":\"0x2 (DF, don't fragment)\""));
	assert_non_null(strstr(buf, "\"check\":\"correct\""));
	free(buf);
	memset(&pk, 0, sizeof pk);
	f = open_memstream(&buf, &len);
	print_fields_json(f, &pk);                   // no fields: []
	fclose(f);
	assert_string_equal(buf, "[]");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_udp_layers_and_fields),
		cmocka_unit_test(test_checksum_verdicts),
		cmocka_unit_test(test_partial_checksum),
		cmocka_unit_test(test_ipv4_flags_and_options),
		cmocka_unit_test(test_qinq_titles),
		cmocka_unit_test(test_tcp_option_fields),
		cmocka_unit_test(test_icmp_quoted_layers),
		cmocka_unit_test(test_ndp_fields),
		cmocka_unit_test(test_not_captured),
		cmocka_unit_test(test_too_many_layers),
		cmocka_unit_test(test_every_capture_covered),
		cmocka_unit_test(test_json_shape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
