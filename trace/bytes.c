// bytes.c: the bounds-checked packet accessor (see bytes.h).
#include "bytes.h"

#include <string.h>

// Start a cursor over the len bytes at base.
void cur_init(struct cursor *c, const uint8_t *base, uint32_t len)
{
	c->base = base;
	c->len = len;
	c->off = 0;
	c->is_short = 0;
}

// Bytes left between the cursor and the end of its window.
uint32_t cur_left(const struct cursor *c)
{
	return c->off < c->len ? c->len - c->off : 0;
}

// 1 if n more bytes can be read; otherwise mark c short and return 0.
static int have(struct cursor *c, uint32_t n)
{
	if (cur_left(c) >= n)
		return 1;
	c->is_short = 1;
	return 0;
}

// Read one byte and advance (0 and is_short past the end).
uint8_t get_u8(struct cursor *c)
{
	if (!have(c, 1))
		return 0;
	return c->base[c->off++];
}

// Read a big-endian 16-bit number and advance (0 and is_short past the end).
uint16_t get_be16(struct cursor *c)
{
	if (!have(c, 2))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 2;
	return (uint16_t)(p[0] << 8 | p[1]);
}

// Read a big-endian 32-bit number and advance (0 and is_short past the end).
uint32_t get_be32(struct cursor *c)
{
	if (!have(c, 4))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

// Read a little-endian 32-bit number and advance (0 and is_short past the end).
uint32_t get_le32(struct cursor *c)
{
	if (!have(c, 4))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

// Copy n bytes to dst and advance; -1 (dst zeroed, is_short) if short.
int get_bytes(struct cursor *c, void *dst, uint32_t n)
{
	if (!have(c, n)) {
		memset(dst, 0, n);
		return -1;
	}
	memcpy(dst, c->base + c->off, n);
	c->off += n;
	return 0;
}

// Advance n bytes; -1 (no advance, is_short) if fewer are left.
int cur_skip(struct cursor *c, uint32_t n)
{
	if (!have(c, n))
		return -1;
	c->off += n;
	return 0;
}

// The byte at absolute offset at, without moving (0 and is_short outside).
uint8_t peek_u8(struct cursor *c, uint32_t at)
{
	if (at >= c->len) {
		c->is_short = 1;
		return 0;
	}
	return c->base[at];
}

// End the window n bytes after the cursor, if that shrinks it.
int cur_limit(struct cursor *c, uint32_t n)
{
	if (cur_left(c) < n)
		return -1;
	c->len = c->off + n;
	return 0;
}

// A copy of c whose window ends at most n bytes after c's position.
struct cursor cur_sub(const struct cursor *c, uint32_t n)
{
	struct cursor s = *c;
	s.is_short = 0;
	if (cur_left(&s) > n)
		s.len = s.off + n;
	return s;
}

// The bytes from the cursor to the end of the window, without advancing.
const uint8_t *cur_view(const struct cursor *c, uint32_t *avail)
{
	*avail = cur_left(c);
	return *avail ? c->base + c->off : NULL;
}

// Add the 16-bit big-endian words of [at, at+n) to *sum (see bytes.h).
int cur_sum(const struct cursor *c, uint32_t at, uint32_t n, uint64_t *sum)
{
	if (at > c->len || c->len - at < n)
		return -1;
	const uint8_t *p = c->base + at;
	uint64_t s = *sum;
	uint32_t i;
	for (i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	*sum = s;
	return 0;
}
