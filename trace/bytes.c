// bytes.c: the bounds-checked packet accessor (see bytes.h; its small
// reads are inline there).
#include "bytes.h"

// Start a cursor over the len bytes at base.
void cur_init(struct cursor *c, const uint8_t *base, uint32_t len)
{
	c->base = base;
	c->len = len;
	c->off = 0;
	c->is_short = 0;
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
