// endpoint.c: an address and port as text ("1.2.3.4:80", "[::1]:80"),
// for the notes, the listings and the call recorder.
#include "endpoint.h"

#include <arpa/inet.h>
#include <string.h>

#include "outbuf.h"

// Write an IPv4 address in dotted quad at out; returns its length.
static size_t dotted_quad(char *out, const uint8_t *a)
{
	char *p = out;
	for (int i = 0; i < 4; i++) {
		unsigned v = a[i];
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		if (i < 3)
			*p++ = '.';
	}
	*p = '\0';
	return (size_t)(p - out);
}

// Write an IPv4 address in dotted quad at out; returns its length. The
// text of the last few is kept (one per value of the low two bits): the
// two ends of a conversation are then both found.
static size_t format_v4(char *out, const uint8_t *a)
{
	static struct { uint8_t a[4]; char text[16]; size_t len; } kept[4];
	int i = a[3] & 3;

	if (kept[i].len == 0 || memcmp(a, kept[i].a, 4) != 0) {
		kept[i].len = dotted_quad(kept[i].text, a);
		memcpy(kept[i].a, a, 4);
	}
	memcpy(out, kept[i].text, sizeof kept[i].text);
	return kept[i].len;
}

// Write an IPv6 address as inet_ntop does at out; returns its length.
// The last one written is kept: a capture's conversations are between
// few addresses, and inet_ntop is slow (a sprintf for every group).
static size_t format_v6(char *out, const uint8_t *a)
{
	static uint8_t last[16];
	static char text[INET6_ADDRSTRLEN];
	static size_t len;

	if (len == 0 || memcmp(a, last, sizeof last) != 0) {
		if (!inet_ntop(AF_INET6, a, text, sizeof text))
			strcpy(text, "?");
		memcpy(last, a, sizeof last);
		len = strlen(text);
	}
	memcpy(out, text, len + 1);
	return len;
}

size_t format_endpoint(char *out, const struct ipaddr *ip, int port)
{
	size_t n;

	if (ip->family == 4) {
		n = format_v4(out, ip->a);
	} else if (ip->family == 6 && port < 0) {
		return format_v6(out, ip->a);  // no port: no brackets
	} else if (ip->family == 6) {
		out[0] = '[';
		n = 1 + format_v6(out + 1, ip->a);
		out[n++] = ']';
	} else {
		strcpy(out, "?");
		n = 1;
	}
	if (port >= 0) {
		out[n++] = ':';
		n += put_decimal(out + n, (uint32_t)port);
	}
	out[n] = '\0';
	return n;
}
