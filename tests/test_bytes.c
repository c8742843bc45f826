// test_bytes.c: the bounds-checked packet accessor (trace/bytes.c) at
// every edge: reads that fit exactly, reads one byte too long, empty
// windows, sub-windows and checksums. Buffers are heap copies of exactly
// the bytes under test, so under ASan a read past them is a failure.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytes.h"

static uint8_t *heap_copy(const void *d, size_t n)
{
	uint8_t *p = malloc(n ? n : 1);
	assert_non_null(p);
	memcpy(p, d, n);
	return p;
}

static const uint8_t B[] = { 0x12, 0x34, 0x56, 0x78, 0x9a };

static void test_reads_in_order(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, sizeof B);
	struct cursor c;
	cur_init(&c, b, sizeof B);
	assert_int_equal(cur_left(&c), 5);
	assert_int_equal(get_u8(&c), 0x12);
	assert_int_equal(get_be16(&c), 0x3456);
	assert_int_equal(cur_left(&c), 2);
	assert_int_equal(get_be16(&c), 0x789a);
	assert_int_equal(cur_left(&c), 0);
	assert_int_equal(c.is_short, 0);
	free(b);
}

static void test_be32_le32(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 4);
	struct cursor c;
	cur_init(&c, b, 4);
	assert_int_equal(get_be32(&c), 0x12345678);
	assert_int_equal(c.is_short, 0);
	cur_init(&c, b, 4);
	assert_int_equal(get_le32(&c), 0x78563412);
	assert_int_equal(c.off, 4);
	free(b);
}

// Each read one byte longer than what is left: 0, no advance, short.
static void test_short_reads_do_not_advance(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 3);
	struct cursor c;
	cur_init(&c, b, 3);
	assert_int_equal(get_be32(&c), 0);
	assert_int_equal(c.is_short, 1);
	assert_int_equal(c.off, 0);
	cur_init(&c, b, 3);
	assert_int_equal(get_le32(&c), 0);
	assert_int_equal(c.is_short, 1);
	cur_init(&c, b, 3);
	get_u8(&c);
	get_u8(&c);
	assert_int_equal(get_be16(&c), 0);
	assert_int_equal(c.off, 2);
	assert_int_equal(c.is_short, 1);
	// The byte that is there can still be read; the mark stays.
	assert_int_equal(get_u8(&c), 0x56);
	assert_int_equal(get_u8(&c), 0);
	assert_int_equal(c.off, 3);
	assert_int_equal(c.is_short, 1);
	free(b);
}

static void test_empty_window(void **state)
{
	(void)state;
	struct cursor c;
	uint8_t d[4] = { 9, 9, 9, 9 };
	uint32_t avail = 7;
	cur_init(&c, NULL, 0);
	assert_int_equal(cur_left(&c), 0);
	assert_null(cur_view(&c, &avail));
	assert_int_equal(avail, 0);
	assert_int_equal(get_u8(&c), 0);
	assert_int_equal(get_bytes(&c, d, 4), -1);
	assert_int_equal(d[0] | d[1] | d[2] | d[3], 0);
	assert_int_equal(cur_skip(&c, 0), 0);
	assert_int_equal(cur_skip(&c, 1), -1);
	assert_int_equal(c.is_short, 1);
}

static void test_get_bytes_and_skip(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 5);
	uint8_t d[5];
	struct cursor c;
	cur_init(&c, b, 5);
	assert_int_equal(get_bytes(&c, d, 5), 0);
	assert_memory_equal(d, B, 5);
	cur_init(&c, b, 5);
	assert_int_equal(cur_skip(&c, 5), 0);
	assert_int_equal(cur_left(&c), 0);
	assert_int_equal(c.is_short, 0);
	cur_init(&c, b, 5);
	assert_int_equal(cur_skip(&c, 6), -1);
	assert_int_equal(c.off, 0);
	assert_int_equal(get_bytes(&c, d, 6 - 1), 0);
	// A huge skip must not wrap the offset around.
	cur_init(&c, b, 5);
	get_u8(&c);
	assert_int_equal(cur_skip(&c, 0xffffffffu), -1);
	assert_int_equal(c.off, 1);
	free(b);
}

static void test_peek(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 5);
	struct cursor c;
	cur_init(&c, b, 5);
	assert_int_equal(peek_u8(&c, 4), 0x9a);
	assert_int_equal(c.is_short, 0);
	assert_int_equal(peek_u8(&c, 5), 0);
	assert_int_equal(c.is_short, 1);
	assert_int_equal(c.off, 0);
	free(b);
}

// A limit shrinks the window and never grows it.
static void test_limit(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 5);
	struct cursor c;
	cur_init(&c, b, 5);
	get_u8(&c);
	assert_int_equal(cur_limit(&c, 2), 0);
	assert_int_equal(cur_left(&c), 2);
	assert_int_equal(get_be16(&c), 0x3456);
	assert_int_equal(get_u8(&c), 0);
	assert_int_equal(c.is_short, 1);
	cur_init(&c, b, 5);
	assert_int_equal(cur_limit(&c, 6), -1);
	assert_int_equal(c.len, 5);
	free(b);
}

static void test_sub(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 5);
	struct cursor c, s;
	cur_init(&c, b, 5);
	get_u8(&c);
	s = cur_sub(&c, 2);
	assert_int_equal(s.off, 1);
	assert_int_equal(cur_left(&s), 2);
	get_be32(&s);
	assert_int_equal(s.is_short, 1);
	assert_int_equal(c.is_short, 0);   // the parent is not marked
	s = cur_sub(&c, 100);              // bounded by the parent
	assert_int_equal(cur_left(&s), 4);
	free(b);
}

static void test_view(void **state)
{
	(void)state;
	uint8_t *b = heap_copy(B, 5);
	struct cursor c;
	uint32_t avail;
	cur_init(&c, b, 5);
	cur_skip(&c, 3);
	const uint8_t *v = cur_view(&c, &avail);
	assert_ptr_equal(v, b + 3);
	assert_int_equal(avail, 2);
	assert_int_equal(c.off, 3);
	free(b);
}

// The IPv4 header from RFC 1071's usual example sums to 0xffff.
static void test_sum(void **state)
{
	(void)state;
	static const uint8_t h[] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	uint8_t *b = heap_copy(h, sizeof h);
	struct cursor c;
	uint64_t s = 0;
	cur_init(&c, b, sizeof h);
	assert_int_equal(cur_sum(&c, 0, 20, &s), 0);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	assert_int_equal(s, 0xffff);
	s = 0;
	assert_int_equal(cur_sum(&c, 19, 1, &s), 0);   // odd: padded
	assert_int_equal(s, 0xc700);
	assert_int_equal(cur_sum(&c, 19, 2, &s), -1);
	assert_int_equal(cur_sum(&c, 21, 0, &s), -1);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_in_order),
		cmocka_unit_test(test_be32_le32),
		cmocka_unit_test(test_short_reads_do_not_advance),
		cmocka_unit_test(test_empty_window),
		cmocka_unit_test(test_get_bytes_and_skip),
		cmocka_unit_test(test_peek),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_sub),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_sum),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
