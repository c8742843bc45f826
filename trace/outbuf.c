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

void ob_cut(struct outbuf *restrict b, const char *s, size_t n)
{
	if (n > b->cap - b->len)
		n = b->cap - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void ob_pad(struct outbuf *restrict b, size_t n)
{
	while (n-- > 0)
		ob_char(b, ' ');
}

static const char pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

// Write the decimal digits of w (which has n of them) to end at out + n,
// two at a time.
static void put_digits(char *out, uint32_t w, int n)
{
	char *p = out + n;
	while (w >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (w % 100), 2);  // one 2-byte move
		w /= 100;
	}
	if (w >= 10)
		memcpy(p - 2, pairs + 2 * w, 2);
	else
		p[-1] = (char)('0' + w);
}

// The number of decimal digits of w. Its bit length times log10(2)
// (1233 / 4096) is the digit count or one more than it; one comparison
// tells which. (No loop: this runs for every number printed.)
static int digits(uint32_t w)
{
	static const uint32_t tens[] = {
		0, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
		100000000, 1000000000,
	};
	int t = (32 - __builtin_clz(w | 1)) * 1233 >> 12;
	return t + 1 - (w < tens[t]);
}

size_t put_decimal(char *out, uint32_t w)
{
	int n = digits(w);
	put_digits(out, w, n);
	return (size_t)n;
}

// The digits go straight into the buffer: composed elsewhere and then
// copied, each number's copy waited for its own bytes to be stored (a
// tenth of socktrace -q's time). A value past 32 bits is rare: printf.
void ob_u64(struct outbuf *restrict b, uint64_t v)
{
	if (v > UINT32_MAX) {
		ob_printf(b, "%llu", (unsigned long long)v);
		return;
	}
	uint32_t w = (uint32_t)v;
	int n = digits(w);
	if ((size_t)n > b->cap - b->len) {
		char tmp[12];
		put_digits(tmp, w, n);
		ob_cut(b, tmp, (size_t)n);
		return;
	}
	put_digits(b->p + b->len, w, n);
	b->len += (size_t)n;
}

void ob_printf(struct outbuf *restrict b, const char *fmt, ...)
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

// Append v (< 1000000) as exactly six digits, zero-padded, two at a time.
static void ob_six(struct outbuf *restrict b, uint32_t v)
{
	char tmp[6], *out = b->cap - b->len >= 6 ? b->p + b->len : tmp;
	uint32_t hi = v / 10000, mid = v / 100 % 100, lo = v % 100;

	memcpy(out, pairs + 2 * hi, 2);
	memcpy(out + 2, pairs + 2 * mid, 2);
	memcpy(out + 4, pairs + 2 * lo, 2);
	if (out == tmp)
		ob_cut(b, tmp, 6);
	else
		b->len += 6;
}

void ob_usec(struct outbuf *restrict b, unsigned long usec)
{
	ob_six(b, (uint32_t)(usec % 1000000));
}

// The cached "HH:MM:SS." (or "??:??:??.") is always 9 characters: a
// copy of a known length is inline (this runs for every packet).
void ob_time(struct outbuf *restrict b, const struct timeval *tv)
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
	ob_six(b, (uint32_t)((unsigned long)tv->tv_usec % 1000000));
}

int ob_flush(struct outbuf *b, FILE *f)
{
	size_t n = b->len;

	b->len = 0;
	if (n && fwrite(b->p, 1, n, f) != n)
		return -1;
	return 0;
}
