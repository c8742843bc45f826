// outbuf.h: build one packet's output in a fixed buffer, then write it
// with a single fwrite. Appends past the end are cut off, never overflow.
#ifndef SOCKTRACE_OUTBUF_H
#define SOCKTRACE_OUTBUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

// p never points into the struct itself, and the functions below take
// b as restrict, saying so: the compiler may then keep len and cap in
// registers while it stores characters at p. (Without it, every append
// stored len and the next loaded it again: socktrace -q ran 1.3% more
// instructions and some 3% longer on the bench's capture.)
struct outbuf {
	char *p;
	size_t len, cap;   // cap includes room kept for a final NUL
};

// Start an empty buffer over mem[size].
void ob_init(struct outbuf *b, char *mem, size_t size);

// Write the decimal digits of w at out (room for 10), two at a time, with
// no NUL; returns how many. For text built outside an outbuf (endpoint.c).
size_t put_decimal(char *out, uint32_t w);

// Append as much of n bytes of s as there is room for (ob_mem's slow way).
void ob_cut(struct outbuf *restrict b, const char *s, size_t n);

// Append n bytes of s, the string s, or one character. Inline: a line of
// output is made of dozens of these, and a call each was a tenth of the
// time socktrace -q takes.
static inline void ob_mem(struct outbuf *restrict b, const char *s, size_t n)
{
	if (n > b->cap - b->len) {
		ob_cut(b, s, n);
		return;
	}
	// n is often a string constant's length, known here: the copy is
	// then a move or two, not a call of memcpy.
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void ob_str(struct outbuf *restrict b, const char *s)
{
	ob_mem(b, s, strlen(s));
}

static inline void ob_char(struct outbuf *restrict b, char c)
{
	if (b->len < b->cap)
		b->p[b->len++] = c;
}

// Append an unsigned number in decimal.
void ob_u64(struct outbuf *restrict b, uint64_t v);

// Append printf-style text.
void ob_printf(struct outbuf *restrict b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

// Append n spaces.
void ob_pad(struct outbuf *restrict b, size_t n);

// Append a time of day "HH:MM:SS.uuuuuu" in local time (the part down to
// the second is cached, so this is cheap for consecutive packets).
void ob_time(struct outbuf *restrict b, const struct timeval *tv);

// Append microseconds as exactly six digits.
void ob_usec(struct outbuf *restrict b, unsigned long usec);

// Write the buffer to f and empty it. Returns 0 or -1 (errno set).
int ob_flush(struct outbuf *b, FILE *f);

#endif
