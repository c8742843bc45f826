// test_outbuf.c: the output buffer (trace/outbuf.c): numbers in decimal
// at every digit-count edge against printf, appends cut off at a full
// buffer (never past it), times and microseconds; and the terse line of
// the widest TCP segment at every room size (print_text.c writes its TCP
// part straight into room kept for the longest one).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annotate.h"
#include "endpoint.h"
#include "outbuf.h"
#include "packet.h"
#include "print.h"

// ob_u64(v) into an empty buffer, as a NUL-terminated string in out.
static void u64_text(uint64_t v, char *out, size_t size)
{
	struct outbuf b;
	ob_init(&b, out, size);
	ob_u64(&b, v);
	out[b.len] = '\0';
}

// Each power of ten, one less and one more, through 32 bits and past.
static void test_numbers_at_digit_edges(void **state)
{
	(void)state;
	char got[32], want[32];
	uint64_t p = 1;

	for (int k = 0; k <= 19; k++, p *= 10) {
		uint64_t vs[] = { p - 1, p, p + 1 };
		for (size_t i = 0; i < 3; i++) {
			u64_text(vs[i], got, sizeof got);
			snprintf(want, sizeof want, "%llu", (unsigned long long)vs[i]);
			assert_string_equal(got, want);
		}
	}
	u64_text(UINT32_MAX, got, sizeof got);
	assert_string_equal(got, "4294967295");
	u64_text(UINT64_MAX, got, sizeof got);
	assert_string_equal(got, "18446744073709551615");
}

// put_decimal writes the digits alone and says how many.
static void test_put_decimal(void **state)
{
	(void)state;
	char out[12];
	const uint32_t vs[] = { 0, 7, 10, 99, 100, 65535, 1000000000, UINT32_MAX };
	char want[12];

	for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
		memset(out, 'x', sizeof out);
		size_t n = put_decimal(out, vs[i]);
		snprintf(want, sizeof want, "%u", (unsigned)vs[i]);
		assert_int_equal(n, strlen(want));
		assert_memory_equal(out, want, n);
		assert_int_equal(out[n], 'x');  // nothing after the digits
	}
}

// A full buffer keeps what fits and never writes past its end.
static void test_cut_at_full(void **state)
{
	(void)state;
	char mem[8];
	struct outbuf b;

	memset(mem, '#', sizeof mem);
	ob_init(&b, mem, 6);  // room for 5 and the NUL
	ob_str(&b, "ab");
	ob_u64(&b, 123456);
	assert_int_equal(b.len, 5);
	assert_memory_equal(mem, "ab123", 5);
	ob_char(&b, 'z');
	ob_str(&b, "more");
	ob_printf(&b, "%d", 42);
	assert_int_equal(b.len, 5);
	assert_int_equal(mem[6], '#');
	assert_int_equal(mem[7], '#');
}

// Times of day in UTC, and microseconds always as six digits.
static void test_time_and_usec(void **state)
{
	(void)state;
	char mem[64];
	struct outbuf b;
	struct timeval tv = { 3600 + 60 + 1, 42 };

	setenv("TZ", "UTC", 1);
	ob_init(&b, mem, sizeof mem);
	ob_time(&b, &tv);
	ob_char(&b, ' ');
	ob_usec(&b, 7);
	mem[b.len] = '\0';
	assert_string_equal(mem, "01:01:01.000042 000007");
}

// A TCP segment with every flag, every option the line shows and each
// number at its widest, and its annotation.
static void widest_segment(struct packet *pk, struct annotation *a,
                           char src[ENDPOINT_LEN], char dst[ENDPOINT_LEN])
{
	memset(pk, 0, sizeof *pk);
	memset(a, 0, sizeof *a);
	pk->ts.tv_sec = 86399;
	pk->ts.tv_usec = 999999;
	pk->ip_version = 6;
	pk->proto = PROTO_TCP;
	pk->tcp_flags = 0xff;
	pk->seq = pk->ack = UINT32_MAX;
	pk->window = UINT16_MAX;
	pk->payload_len = UINT32_MAX;
	pk->opt = (struct tcp_options){ .has_mss = 1, .has_wscale = 1, .has_sack_ok = 1,
		.has_ts = 1, .has_tfo = 1, .mss = UINT16_MAX, .wscale = UINT8_MAX,
		.tsval = UINT32_MAX, .tsecr = UINT32_MAX - 1, .nsack = 4 };
	for (int i = 0; i < 4; i++)
		pk->opt.sack[i][0] = pk->opt.sack[i][1] = UINT32_MAX - (uint32_t)i;
	memset(src, 0, ENDPOINT_LEN);
	memset(dst, 0, ENDPOINT_LEN);
	strcpy(src, "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535");
	strcpy(dst, "[fe80::1]:12000");
	a->src = src;
	a->dst = dst;
	a->src_len = strlen(src);
	a->dst_len = strlen(dst);
	a->has_win = 1;
	a->win_calc = UINT32_MAX;
	a->event = EV_RETRANSMISSION;
}

// The widest terse line, whole with room to spare; with less room at
// every size, what fits of it (under ASan, a write past the room kept
// for the TCP part is an error); its TCP part within 256 bytes.
static void test_widest_tcp_line(void **state)
{
	(void)state;
	static char whole[4096], cut[4096];
	char src[ENDPOINT_LEN], dst[ENDPOINT_LEN];
	struct packet pk;
	struct annotation a;
	struct trace_opts o = { 0 };
	struct outbuf b;

	setenv("TZ", "UTC", 1);
	widest_segment(&pk, &a, src, dst);
	ob_init(&b, whole, sizeof whole);
	print_terse(&b, &pk, &a, &o);
	whole[b.len] = '\0';
	size_t n = b.len;
	assert_non_null(strstr(whole, " [SFRPUEW.] seq 4294967295 ack 4294967295 win 65535 "
	                       "(scaled 4294967295) <mss 65535,sackOK,TS val 4294967295 ecr "
	                       "4294967294,wscale 255,tfo cookiereq,sack 4294967295-4294967295,"));
	const char *tcp = strstr(whole, " [SFRPUEW.]");
	const char *len = strstr(whole, "> len ");
	assert_true(tcp && len && len + 1 - tcp <= 256);
	for (size_t room = 1; room <= n + 1; room++) {
		memset(cut, '#', sizeof cut);
		ob_init(&b, cut, room);
		print_terse(&b, &pk, &a, &o);
		assert_int_equal(b.len, room - 1 < n ? room - 1 : n);
		assert_memory_equal(cut, whole, b.len);
		assert_int_equal(cut[room], '#');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_at_digit_edges),
		cmocka_unit_test(test_put_decimal),
		cmocka_unit_test(test_cut_at_full),
		cmocka_unit_test(test_time_and_usec),
		cmocka_unit_test(test_widest_tcp_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
