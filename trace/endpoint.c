// endpoint.c: an address and port as text ("1.2.3.4:80", "[::1]:80"),
// for the notes, the listings and the call recorder.
#include "endpoint.h"

#include <arpa/inet.h>
#include <string.h>

// Write an IPv4 address in dotted quad at out; returns its length.
static size_t format_v4(char *out, const uint8_t *a)
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

size_t format_endpoint(char *out, const struct ipaddr *ip, int port)
{
	size_t n;

	if (ip->family == 4) {
		n = format_v4(out, ip->a);
	} else if (ip->family == 6) {
		out[0] = '[';
		if (!inet_ntop(AF_INET6, ip->a, out + 1, ENDPOINT_LEN - 10))
			strcpy(out + 1, "?");
		n = strlen(out);
		if (port < 0) {
			// No port: drop the brackets.
			memmove(out, out + 1, n);
			return n - 1;
		}
		out[n++] = ']';
	} else {
		strcpy(out, "?");
		n = 1;
	}
	if (port >= 0) {
		char digits[8];
		int k = 0;
		out[n++] = ':';
		do {
			digits[k++] = (char)('0' + port % 10);
			port /= 10;
		} while (port && k < 7);
		while (k > 0)
			out[n++] = digits[--k];
	}
	out[n] = '\0';
	return n;
}
