// test_savefile.c: socktrace reads a classic pcap file with its own block
// reader (trace/savefile.c) exactly as libpcap reads it. Each file is
// traced twice: by name (the block reader, where it handles the file)
// and from standard input (always libpcap); stdout, stderr and the exit
// code must be the same. Files: every capture in tests/captures, the lab
// capture cut at every length, and crafted headers and records
// (nanosecond time stamps, records longer than the snapshot length or
// than libpcap allows, odd times, the cases handed back to libpcap).
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

static char dir[256];

// Path of a capture under tests/captures (static buffer).
static const char *capture(const char *name)
{
	static char path[512];
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(path, sizeof path, "%s/tests/captures/%s", root ? root : ".", name);
	return path;
}

// The bytes of file path (malloc'd) and their number in *len.
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	uint8_t *b = malloc((size_t)n + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return b;
}

// Trace the len bytes at data by file name and from stdin, with the
// options in opts (NULL-terminated); fail unless both say the same.
static void same_both_ways(const char *what, const uint8_t *data, size_t len,
                           const char *const *opts)
{
	char path[320], *argv[16];
	int n = 0;
	struct run byname, piped;
	snprintf(path, sizeof path, "%s/f.pcap", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	argv[n++] = (char *)harness_path("socktrace");
	for (int i = 0; opts[i] && n < 12; i++)
		argv[n++] = (char *)opts[i];
	argv[n++] = "-r";
	argv[n++] = path;
	argv[n] = NULL;
	assert_int_equal(proc_run(&byname, argv, NULL, 0, 20000), 0);
	argv[n - 1] = "-";
	assert_int_equal(proc_run(&piped, argv, data, len, 20000), 0);
	if (byname.status != piped.status || byname.outlen != piped.outlen ||
	    memcmp(byname.out, piped.out, byname.outlen) != 0 || strcmp(byname.err, piped.err) != 0)
		fail_msg("%s (%s): by name, status %#x, stderr \"%s\", %zu bytes out; from stdin, "
		         "status %#x, stderr \"%s\", %zu bytes out", what, opts[0] ? opts[0] : "",
		         byname.status, byname.err, byname.outlen, piped.status, piped.err,
		         piped.outlen);
	run_free(&byname);
	run_free(&piped);
}

static const char *const terse[] = { "-q", NULL };
static const char *const annotated[] = { NULL };
static const char *const json_fields[] = { "--json", "-v", NULL };
static const char *const filtered[] = { "-q", "tcp", "and", "port", "12000", NULL };

static void every_capture_reads_the_same(void **state)
{
	(void)state;
	const char *root = getenv("SOCKLAB_ROOT");
	char cdir[512], path[800];
	snprintf(cdir, sizeof cdir, "%s/tests/captures", root ? root : ".");
	DIR *d = opendir(cdir);
	assert_non_null(d);
	int files = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL; ) {
		const char *dot = strrchr(e->d_name, '.');
		size_t len;
		if (!dot || (strcmp(dot, ".pcap") != 0 && strcmp(dot, ".pcapng") != 0))
			continue;
		snprintf(path, sizeof path, "%s/%s", cdir, e->d_name);
		uint8_t *b = slurp(path, &len);
		same_both_ways(e->d_name, b, len, terse);
		same_both_ways(e->d_name, b, len, annotated);
		same_both_ways(e->d_name, b, len, json_fields);
		same_both_ways(e->d_name, b, len, filtered);
		free(b);
		files++;
	}
	closedir(d);
	assert_true(files >= 60);
}

// A file cut anywhere after its header (which libpcap reads either way,
// and whose errors name the file): in a record's header or in its data.
static void every_cut_reads_the_same(void **state)
{
	(void)state;
	char what[64];
	size_t len;
	uint8_t *b = slurp(capture("rec-tcp.pcap"), &len);
	for (size_t cut = 24; cut <= len; cut++) {
		snprintf(what, sizeof what, "rec-tcp.pcap cut to %zu bytes", cut);
		same_both_ways(what, b, cut, terse);
	}
	free(b);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

// The offset of record i (from 0) of the pcap file b[len], or 0.
static size_t record_at(const uint8_t *b, size_t len, int i)
{
	size_t off = 24;
	for (; i > 0 && off + 16 <= len; i--)
		off += 16 + get32(b + off + 8);
	return off + 16 <= len ? off : 0;
}

// rec-tcp.pcap with one change made by edit.
static void crafted(const char *what, void (*edit)(uint8_t *b, size_t len))
{
	size_t len;
	uint8_t *b = slurp(capture("rec-tcp.pcap"), &len);
	edit(b, len);
	same_both_ways(what, b, len, terse);
	same_both_ways(what, b, len, json_fields);
	free(b);
}

// Nanosecond time stamps (shown in microseconds, rounded down).
static void to_nsec(uint8_t *b, size_t len)
{
	put32(b, 0xa1b23c4d);
	for (int i = 0; record_at(b, len, i); i++) {
		size_t r = record_at(b, len, i);
		put32(b + r + 4, get32(b + r + 4) * 1000 + 999);
	}
}

static void snaplen_60(uint8_t *b, size_t len)  // records longer than it
{
	(void)len;
	put32(b + 16, 60);
}

static void snaplen_0(uint8_t *b, size_t len)  // libpcap takes its maximum
{
	(void)len;
	put32(b + 16, 0);
}

static void caplen_huge(uint8_t *b, size_t len)  // past libpcap's 262144
{
	put32(b + record_at(b, len, 2) + 8, 300000);
}

static void caplen_past_snaplen(uint8_t *b, size_t len)  // ... and the snapshot
{
	put32(b + 16, 100);
	put32(b + record_at(b, len, 1) + 8, 300000);
}

static void caplen_past_end(uint8_t *b, size_t len)  // the last record
{
	size_t r = 0;
	for (int i = 0; record_at(b, len, i); i++)
		r = record_at(b, len, i);
	put32(b + r + 8, get32(b + r + 8) + 1);
}

static void odd_times(uint8_t *b, size_t len)  // before 1970, usec > 999999
{
	put32(b + record_at(b, len, 0), 0x80000000u);
	put32(b + record_at(b, len, 1) + 4, 2000000);
	put32(b + record_at(b, len, 2) + 4, 0xffffffffu);
}

static void version_2_3(uint8_t *b, size_t len)  // libpcap's own reader
{
	(void)len;
	b[6] = 3;
}

static void big_endian(uint8_t *b, size_t len)  // libpcap's own reader
{
	size_t at[64];
	int n = 0;
	while (n < 64 && record_at(b, len, n))
		at[n] = record_at(b, len, n), n++;
	for (size_t off = 0; off < 24; off += 4)
		if (off != 4)
			put32(b + off, __builtin_bswap32(get32(b + off)));
	uint8_t v[4] = { b[5], b[4], b[7], b[6] };  // the two 16-bit versions
	memcpy(b + 4, v, 4);
	for (int i = 0; i < n; i++)
		for (size_t k = 0; k < 16; k += 4)
			put32(b + at[i] + k, __builtin_bswap32(get32(b + at[i] + k)));
}

static void link_type_unknown(uint8_t *b, size_t len)  // not one it decodes
{
	(void)len;
	put32(b + 20, 147);  // LINKTYPE_USER0
}

static void crafted_files_read_the_same(void **state)
{
	(void)state;
	crafted("nanosecond time stamps", to_nsec);
	crafted("snapshot length 60", snaplen_60);
	crafted("snapshot length 0", snaplen_0);
	crafted("a record of 300000 bytes", caplen_huge);
	crafted("a record past the snapshot length and the maximum", caplen_past_snaplen);
	crafted("the last record one byte longer than the file", caplen_past_end);
	crafted("odd time stamps", odd_times);
	crafted("version 2.3", version_2_3);
	crafted("big-endian", big_endian);
	crafted("link type USER0", link_type_unknown);
}

static int setup(void **state)
{
	(void)state;
	return harness_scratch(dir, sizeof dir, "socktrace-savefile") == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_capture_reads_the_same),
		cmocka_unit_test(every_cut_reads_the_same),
		cmocka_unit_test(crafted_files_read_the_same),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
