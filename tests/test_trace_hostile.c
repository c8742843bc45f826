// test_trace_hostile.c: socktrace against what could break it from
// outside its code: a capture file claiming absurd times (a pcapng whose
// if_tsresol is 10^0, so its 64-bit time stamps count whole seconds, up
// to 2^64), read in every output form; and root saving a live capture
// with -w into a folder only root may write, as tcpdump allows.
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "pktbuild.h"

#define WAIT_MS 10000
#define LAST_SECOND 253402300799ULL  // 9999-12-31 23:59:59 UTC

static char tmp[64];

static int setup(void **state)
{
	(void)state;
	return harness_scratch(tmp, sizeof tmp, "socklab-thostile");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Append a little-endian 16/32-bit number to p.
static void le16(struct pkt *p, uint16_t v)
{
	put_u8(p, (uint8_t)v);
	put_u8(p, (uint8_t)(v >> 8));
}

// Append a pcapng Enhanced Packet Block holding frame f, stamped t (in
// the interface's units: here whole seconds).
static void put_epb(struct pkt *file, const struct pkt *f, uint64_t t)
{
	uint32_t pad = (4 - f->len % 4) % 4, len = 32 + f->len + pad;
	put_le32(file, 6);
	put_le32(file, len);
	put_le32(file, 0);                   // interface 0
	put_le32(file, (uint32_t)(t >> 32));
	put_le32(file, (uint32_t)t);
	put_le32(file, f->len);
	put_le32(file, f->len);
	put_bytes(file, f->b, f->len);
	put_bytes(file, "\0\0\0", pad);
	put_le32(file, len);
}

// A UDP datagram on lo from sport to dport holding text.
static void udp_frame(struct pkt *f, uint16_t sport, uint16_t dport, const char *text)
{
	memset(f, 0, sizeof *f);
	put_eth(f, 0x0800);
	put_ipv4(f, 17, "127.0.0.1", "127.0.0.1", 1, 0, NULL, 0);
	put_udp(f, sport, dport);
	put_bytes(f, text, strlen(text));
	pkt_finish(f);
}

// Write to path a pcapng file of one Ethernet interface with if_tsresol
// 10^0 and a request/reply exchange stamped 1 s, 2^63 s, 2^63 - 1 s and
// 2^64 - 1 s after 1970.
static void write_absurd_times(const char *path)
{
	static struct pkt file, f;
	memset(&file, 0, sizeof file);
	// Section Header Block.
	put_le32(&file, 0x0a0d0d0a);
	put_le32(&file, 28);
	put_le32(&file, 0x1a2b3c4d);
	le16(&file, 1), le16(&file, 0);
	put_le32(&file, 0xffffffff), put_le32(&file, 0xffffffff);
	put_le32(&file, 28);
	// Interface Description Block: Ethernet, if_tsresol = 10^0.
	put_le32(&file, 1);
	put_le32(&file, 32);
	le16(&file, 1), le16(&file, 0);
	put_le32(&file, 65535);
	le16(&file, 9), le16(&file, 1);
	put_bytes(&file, "\0\0\0\0", 4);     // the value 0, padded
	put_le32(&file, 0);                  // opt_endofopt
	put_le32(&file, 32);
	const uint64_t times[] = { 1, 1ULL << 63, (1ULL << 63) - 1, UINT64_MAX };
	for (int i = 0; i < 4; i++) {
		if (i % 2 == 0)
			udp_frame(&f, 40000, 12000, "hello");
		else
			udp_frame(&f, 12000, 40000, "HELLO");
		put_epb(&file, &f, times[i]);
	}
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(file.b, 1, file.len, out), file.len);
	assert_int_equal(fclose(out), 0);
}

// Run socktrace with one option on the capture at path; check it ends
// well, says that times were out of range, and prints none of them.
static void read_absurd(const char *path, const char *option)
{
	struct run r;
	char *argv[] = { (char *)harness_path("socktrace"), "--color=never", (char *)option,
	                 "-r", (char *)path, NULL };
	if (option == NULL)
		argv[2] = "-S";
	assert_int_equal(proc_run(&r, argv, NULL, 0, WAIT_MS), 0);
	if (r.status != 0)
		fail_msg("socktrace %s: wait status %d\n%s", argv[2], r.status, r.err);
	if (strstr(r.err, "time stamp out of range") == NULL)
		fail_msg("socktrace %s does not say the times are out of range:\n%s", argv[2], r.err);
	// Seconds near 2^63 or 2^64, or an overflowed difference of them.
	if (strstr(r.out, "922337203685") || strstr(r.out, "1844674407") || strstr(r.out, "inf") ||
	    strstr(r.out, "nan"))
		fail_msg("socktrace %s printed an absurd time:\n%s", argv[2], r.out);
	// JSON: every "ts" is a time within 1970..9999.
	for (const char *p = r.out; (p = strstr(p, "\"ts\":")) != NULL; p++)
		if (strtoull(p + 5, NULL, 10) > LAST_SECOND)
			fail_msg("socktrace --json: %.40s", p);
	if (strstr(r.out, "12000") == NULL)
		fail_msg("socktrace %s lost the packets:\n%s", argv[2], r.out);
	run_free(&r);
}

static void test_absurd_time_stamps(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/absurd-times.pcapng", tmp);
	write_absurd_times(path);
	const char *options[] = { NULL, "--json", "--ladder", "--mermaid", "-v", "-q", "-x" };
	for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
		read_absurd(path, options[i]);
}

// Is this process root of the initial user namespace (where socktrace
// gives up root after opening a live capture)?
static int real_root(void)
{
	unsigned long inside, outside, count;
	FILE *f = fopen("/proc/self/uid_map", "r");
	int n = f ? fscanf(f, "%lu %lu %lu", &inside, &outside, &count) : 0;
	if (f)
		fclose(f);
	return geteuid() == 0 && n == 3 && count == 4294967295ul;
}

static void test_root_saves_where_only_root_writes(void **state)
{
	(void)state;
	char dir[128], path[160], line[512] = "";
	if (!real_root()) {
		print_message("skipped: needs root outside any user namespace (socktrace "
		              "gives up root only there)\n");
		skip();
	}
	// A folder nobody (socktrace's user after the drop) cannot write.
	snprintf(dir, sizeof dir, "%s/root-only", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/lo.pcap", dir);
	char *argv[] = { (char *)harness_path("socktrace"), "-i", "lo", "-w", path, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	// The drop is said once the capture and its file are open.
	while (strstr(line, "running as") == NULL && strstr(line, "socktrace: pcap") == NULL &&
	       read_line(p.err, line, sizeof line, WAIT_MS) > 0)
		;
	if (strstr(line, "pcap_activate") != NULL) {  // no CAP_NET_RAW here (a container)
		print_message("skipped: %s", line);
		proc_kill(&p);
		skip();
	}
	if (strstr(line, "running as") == NULL)
		fail_msg("socktrace -i lo -w %s as root: %s", path, line);
	assert_int_equal(kill(p.pid, SIGINT), 0);
	int status = proc_wait(&p, WAIT_MS);
	assert_true(status != -1 && WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	// A pcap file: its header at least, written by root's descriptor.
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size >= 24);
	proc_kill(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_absurd_time_stamps),
		cmocka_unit_test(test_root_saves_where_only_root_writes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
