// endpoint.h: an address and port as text (endpoint.c).
#ifndef SOCKTRACE_ENDPOINT_H
#define SOCKTRACE_ENDPOINT_H

#include <stddef.h>

#include "packet.h"

#define ENDPOINT_LEN   56   // "[ffff:...:ffff]:65535" and its NUL

// Write an address (and port, if port >= 0) as "1.2.3.4:80" or "[::1]:80"
// into out (at least ENDPOINT_LEN bytes). Returns the length.
size_t format_endpoint(char *out, const struct ipaddr *ip, int port);

#endif
