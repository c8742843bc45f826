// outbuf.c: the per-packet output buffer (see outbuf.h).
#include "outbuf.h"

#include <stdarg.h>
#include <time.h>

void ob_init(struct outbuf *b, char *mem, size_t size)
{
	b->p = mem;
	b->len = 0;
	b->cap = size - 1;
}

void ob_cut(struct outbuf *b, const char *s, size_t n)
{
	if (n > b->cap - b->len)
		n = b->cap - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void ob_pad(struct outbuf *b, size_t n)
{
	while (n-- > 0)
		ob_char(b, ' ');
}

// Two digits at a time ("00".."99"), and 32-bit division when the value
// fits: this runs several times for every packet.
void ob_u64(struct outbuf *b, uint64_t v)
{
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	char tmp[24];
	int i = sizeof tmp;

	while (v > UINT32_MAX) {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	}
	uint32_t w = (uint32_t)v;
	while (w >= 100) {
		uint32_t r = w % 100;
		w /= 100;
		tmp[--i] = pairs[2 * r + 1];
		tmp[--i] = pairs[2 * r];
	}
	if (w >= 10) {
		tmp[--i] = pairs[2 * w + 1];
		tmp[--i] = pairs[2 * w];
	} else {
		tmp[--i] = (char)('0' + w);
	}
	ob_mem(b, tmp + i, sizeof tmp - (size_t)i);
}

void ob_printf(struct outbuf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room = b->cap - b->len + 1;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->len += (size_t)n < room ? (size_t)n : room - 1;
}

// Append v as exactly width digits, zero-padded.
static void ob_fixed(struct outbuf *b, unsigned long v, int width)
{
	char tmp[12];

	for (int i = width - 1; i >= 0; i--) {
		tmp[i] = (char)('0' + v % 10);
		v /= 10;
	}
	ob_mem(b, tmp, (size_t)width);
}

void ob_usec(struct outbuf *b, unsigned long usec)
{
	ob_fixed(b, usec % 1000000, 6);
}

// The cached "HH:MM:SS." (or "??:??:??.") is always 9 characters: a
// copy of a known length is inline (this runs for every packet).
void ob_time(struct outbuf *b, const struct timeval *tv)
{
	static time_t cached_sec = (time_t)-1;
	static char hms[16];
	time_t sec = tv->tv_sec;

	if (sec != cached_sec) {
		struct tm tm;
		if (!localtime_r(&sec, &tm) ||
		    strftime(hms, sizeof hms, "%H:%M:%S.", &tm) != 9)
			strcpy(hms, "??:??:??.");
		cached_sec = sec;
	}
	ob_mem(b, hms, 9);
	ob_fixed(b, (unsigned long)tv->tv_usec % 1000000, 6);
}

int ob_flush(struct outbuf *b, FILE *f)
{
	size_t n = b->len;

	b->len = 0;
	if (n && fwrite(b->p, 1, n, f) != n)
		return -1;
	return 0;
}
