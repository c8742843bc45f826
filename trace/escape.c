// escape.c: turn packet-derived bytes into text that is safe to print.
#include "escape.h"

#include <string.h>

static const char hexdig[] = "0123456789abcdef";

// Whether byte c is printed as itself (escape_one's one-character case).
static int plain(uint8_t c)
{
	return c >= 0x20 && c < 0x7f && c != '\\';
}

// Spell one byte into buf (at least 5 bytes) as its escaped form; returns
// the number of characters (1 for a printable byte, 2 or 4 otherwise).
static size_t escape_one(char *buf, uint8_t c)
{
	switch (c) {
	case '\n': buf[0] = '\\'; buf[1] = 'n'; return 2;
	case '\r': buf[0] = '\\'; buf[1] = 'r'; return 2;
	case '\t': buf[0] = '\\'; buf[1] = 't'; return 2;
	case '\0': buf[0] = '\\'; buf[1] = '0'; return 2;
	case '\\': buf[0] = '\\'; buf[1] = '\\'; return 2;
	}
	if (plain(c)) {
		buf[0] = (char)c;
		return 1;
	}
	buf[0] = '\\';
	buf[1] = 'x';
	buf[2] = hexdig[c >> 4];
	buf[3] = hexdig[c & 15];
	return 4;
}

// Append the marker "..." at out[n] if it fits in outlen (room was kept).
static size_t add_ellipsis(char *out, size_t outlen, size_t n)
{
	if (n + 4 <= outlen) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	return n;
}

size_t escape_bytes(char *out, size_t outlen, const uint8_t *data, size_t len)
{
	size_t n = 0;
	char e[4];

	if (outlen == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		// Most payload bytes are text: a run of printable ones (other
		// than '\\') is copied as it is while room for "..." and the NUL
		// stays (the one-byte steps below cost the annotated listing a
		// tenth of its instructions).
		while (i < len && plain(data[i]) && n + 5 <= outlen)
			out[n++] = (char)data[i++];
		if (i == len)
			break;
		size_t k = escape_one(e, data[i]);
		// Keep room for "..." and the NUL unless this is the last byte.
		size_t reserve = (i + 1 < len) ? 4 : 1;
		if (n + k + reserve > outlen) {
			n = add_ellipsis(out, outlen, n);
			break;
		}
		memcpy(out + n, e, k);
		n += k;
	}
	out[n] = '\0';
	return n;
}

size_t escape_str(char *out, size_t outlen, const char *s)
{
	return escape_bytes(out, outlen, (const uint8_t *)s, strlen(s));
}

// Whether c can appear as itself inside a JSON string we write.
static int json_plain(uint8_t c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

size_t escape_json(char *out, size_t outlen, const char *s)
{
	size_t n = 0;
	char e[6];

	if (outlen == 0)
		return 0;
	while (*s) {
		// Copy a run of plain characters at once.
		size_t run = 0;
		while (json_plain((uint8_t)s[run]))
			run++;
		if (run) {
			size_t reserve = s[run] ? 4 : 1;
			if (n + run + reserve > outlen) {
				size_t fit = outlen > n + 4 ? outlen - n - 4 : 0;
				memcpy(out + n, s, fit);
				n = add_ellipsis(out, outlen, n + fit);
				break;
			}
			memcpy(out + n, s, run);
			n += run;
			s += run;
			continue;
		}
		uint8_t c = (uint8_t)*s;
		size_t k = 2;
		if (c == '"' || c == '\\') {
			e[0] = '\\';
			e[1] = (char)c;
		} else {
			memcpy(e, "\\u00", 4);
			e[4] = hexdig[c >> 4];
			e[5] = hexdig[c & 15];
			k = 6;
		}
		size_t reserve = s[1] ? 4 : 1;
		if (n + k + reserve > outlen) {
			n = add_ellipsis(out, outlen, n);
			break;
		}
		memcpy(out + n, e, k);
		n += k;
		s++;
	}
	out[n] = '\0';
	return n;
}
