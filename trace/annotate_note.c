// annotate_note.c: note(), the notes' own small printf. A note is a
// sentence or two of fixed text around a few numbers and names, and
// vsnprintf spent a third of the annotated output's time going through
// that text; here it is copied whole, and the numbers are written with
// ob_u64 (%.3f too, where that is exact: ob_fixed3). A conversion the
// notes do not use leaves the whole note to vsnprintf.
#include "annotate_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "outbuf.h"

// Append a signed number in decimal.
static void ob_i64(struct outbuf *b, long v)
{
	if (v < 0) {
		ob_char(b, '-');
		ob_u64(b, 0 - (unsigned long)v);
		return;
	}
	ob_u64(b, (unsigned long)v);
}

// Append v as %.3f would. The notes' values are times, whole
// microseconds divided by 1000 (or 10^6): when v is within 10^-6 of a
// multiple of 0.001, printf's rounding of v to three places is that
// multiple, and it is written from integers. snprintf took 6% of the
// annotated listing's instructions (some 1,600 for each number). Any
// other value (negative, huge, not a number) still goes to snprintf.
static void ob_fixed3(struct outbuf *b, double v)
{
	char num[64];
	double m = v * 1000.0;

	if (!signbit(v) && m < 1e15) {  // not -0.0, which printf shows as -0.000
		uint64_t k = (uint64_t)(m + 0.5);
		double off = m - (double)k;
		if (off < 1e-3 && off > -1e-3) {
			unsigned d = (unsigned)(k % 1000);
			ob_u64(b, k / 1000);
			ob_char(b, '.');
			ob_char(b, (char)('0' + d / 100));
			ob_char(b, (char)('0' + d / 10 % 10));
			ob_char(b, (char)('0' + d % 10));
			return;
		}
	}
	snprintf(num, sizeof num, "%.3f", v);
	ob_str(b, num);
}

// Append the conversion at *f (just past its '%') with its argument from
// ap, and move *f past it: %s %d %u %ld %lu %.3f %%. Returns 0, or -1
// for any other.
static int one_conv(struct outbuf *b, const char **f, va_list *ap)
{
	const char *s = *f;

	if (s[0] == 's') {
		const char *arg = va_arg(*ap, const char *);
		ob_str(b, arg ? arg : "(null)");
	} else if (s[0] == 'd') {
		ob_i64(b, va_arg(*ap, int));
	} else if (s[0] == 'u') {
		ob_u64(b, va_arg(*ap, unsigned));
	} else if (s[0] == 'l' && s[1] == 'd') {
		ob_i64(b, va_arg(*ap, long));
		s++;
	} else if (s[0] == 'l' && s[1] == 'u') {
		ob_u64(b, va_arg(*ap, unsigned long));
		s++;
	} else if (strncmp(s, ".3f", 3) == 0) {
		ob_fixed3(b, va_arg(*ap, double));
		s += 2;
	} else if (s[0] == '%') {
		ob_char(b, '%');
	} else {
		return -1;
	}
	*f = s + 1;
	return 0;
}

// Format fmt with ap into b as vsnprintf would (cut off at b's end).
// Returns 0, or -1 if fmt has a conversion one_conv does not know.
static int format(struct outbuf *b, const char *fmt, va_list *ap)
{
	const char *f = fmt;

	for (;;) {
		const char *pct = strchr(f, '%');
		if (!pct) {
			ob_str(b, f);
			return 0;
		}
		ob_mem(b, f, (size_t)(pct - f));
		f = pct + 1;
		if (one_conv(b, &f, ap) < 0)
			return -1;
	}
}

void note(struct annotation *a, const char *fmt, ...)
{
	va_list ap, again;
	struct outbuf b;

	if (a->nnotes >= ANNOT_NOTES)
		return;
	int i = a->nnotes++;
	char *out = a->notes[i];
	ob_init(&b, out, ANNOT_NOTE_LEN);
	va_start(ap, fmt);
	va_copy(again, ap);
	if (format(&b, fmt, &ap) == 0) {
		out[b.len] = '\0';
	} else {
		vsnprintf(out, ANNOT_NOTE_LEN, fmt, again);
		b.len = strlen(out);
	}
	va_end(again);
	va_end(ap);
	a->note_len[i] = (uint16_t)b.len;
}
