// bytes.h: the one bounds-checked accessor through which the decoders
// read every packet byte. A cursor walks a window [off, len) of a frame;
// a read that would pass len returns 0, leaves the cursor where it was
// and marks it short, so a decoder can read a whole header and then ask
// once whether it was all there.
#ifndef SOCKTRACE_BYTES_H
#define SOCKTRACE_BYTES_H

#include <stdint.h>
#include <string.h>

struct cursor {
	const uint8_t *base;  // the frame's first byte (offsets count from it)
	uint32_t len;         // end of the window: no byte at or past it is read
	uint32_t off;         // next byte to read
	int is_short;         // 1 once a read asked for bytes past len
};

// Start a cursor over the len bytes at base.
void cur_init(struct cursor *c, const uint8_t *base, uint32_t len);

// The reads below are inline: they are the decoders' hot path (a few
// dozen per packet), and each is one bounds check and a load.

// Bytes left between the cursor and the end of its window.
static inline uint32_t cur_left(const struct cursor *c)
{
	return c->off < c->len ? c->len - c->off : 0;
}

// 1 if n more bytes can be read; otherwise mark c short and return 0.
static inline int cur_have(struct cursor *c, uint32_t n)
{
	if (cur_left(c) >= n)
		return 1;
	c->is_short = 1;
	return 0;
}

// Read one byte / a big-endian 16- or 32-bit / a little-endian 32-bit
// number and advance. Past the end: 0, no advance, is_short set.
static inline uint8_t get_u8(struct cursor *c)
{
	if (!cur_have(c, 1))
		return 0;
	return c->base[c->off++];
}

static inline uint16_t get_be16(struct cursor *c)
{
	if (!cur_have(c, 2))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 2;
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t get_be32(struct cursor *c)
{
	if (!cur_have(c, 4))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline uint32_t get_le32(struct cursor *c)
{
	if (!cur_have(c, 4))
		return 0;
	const uint8_t *p = c->base + c->off;
	c->off += 4;
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

// Advance n bytes. Returns 0, or -1 (no advance, is_short set).
static inline int cur_skip(struct cursor *c, uint32_t n)
{
	if (!cur_have(c, n))
		return -1;
	c->off += n;
	return 0;
}

// Copy n bytes into dst and advance. Returns 0, or -1 (dst zeroed, no
// advance, is_short set) if fewer than n bytes are left. (Inline too:
// n is a constant, an address's 4 or 16 bytes, and the copy a move.)
static inline int get_bytes(struct cursor *c, void *dst, uint32_t n)
{
	if (!cur_have(c, n)) {
		memset(dst, 0, n);
		return -1;
	}
	memcpy(dst, c->base + c->off, n);
	c->off += n;
	return 0;
}

// Read byte at (absolute) offset at without moving; 0 and is_short set
// if at is outside [0, len).
uint8_t peek_u8(struct cursor *c, uint32_t at);

// Shrink the window so it ends n bytes after the cursor (never grows it).
// Returns 0, or -1 if fewer than n bytes were left (the window is kept).
static inline int cur_limit(struct cursor *c, uint32_t n)
{
	if (cur_left(c) < n)
		return -1;
	c->len = c->off + n;
	return 0;
}

// A copy of c whose window ends at most n bytes after c's position.
static inline struct cursor cur_sub(const struct cursor *c, uint32_t n)
{
	struct cursor s = *c;

	s.is_short = 0;
	if (cur_left(&s) > n)
		s.len = s.off + n;
	return s;
}

// The bytes from the cursor to the end of its window, without advancing:
// the only pointer into packet data handed out (for payloads). *avail
// gets how many may be read through it.
static inline const uint8_t *cur_view(const struct cursor *c, uint32_t *avail)
{
	*avail = cur_left(c);
	return *avail ? c->base + c->off : NULL;
}

// One's-complement sum of the n bytes at absolute offset at (odd last
// byte padded with zero), added to sum, unfolded. Returns -1 if the
// bytes are not all inside the window, else 0.
int cur_sum(const struct cursor *c, uint32_t at, uint32_t n, uint64_t *sum);

#endif
