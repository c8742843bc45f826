// test_outbuf.c: the output buffer (trace/outbuf.c): numbers in decimal
// at every digit-count edge against printf, appends cut off at a full
// buffer (never past it), times and microseconds.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "outbuf.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_at_digit_edges),
		cmocka_unit_test(test_put_decimal),
		cmocka_unit_test(test_cut_at_full),
		cmocka_unit_test(test_time_and_usec),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
