// netns_other.c: network namespaces off Linux (see netns.h): there are
// none, so `socktrace run` and `socktrace shell` say they are unavailable.
// Built only where netns_linux.c is not (trace/module.mk).
#ifndef __linux__
#include "netns.h"

#include <stdio.h>

const char *netns_loopback(void)
{
	return "lo0";  // macOS and the BSDs
}

enum netns_error netns_enter(struct netns_refusal *r)
{
	snprintf(r->why, sizeof r->why, "private network namespaces need Linux; "
	         "use live capture instead (socktrace -i lo0)");
	r->fix[0] = '\0';
	r->container = 0;
	return NETNS_UNSUPPORTED;
}

int netns_make_peer(struct netns_peer *p, int timeout_ms, char *err, size_t errlen)
{
	(void)p;
	(void)timeout_ms;
	snprintf(err, errlen, "two hosts need Linux network namespaces");
	return -1;
}

int netns_join_peer(const struct netns_peer *p, char *err, size_t errlen)
{
	(void)p;
	snprintf(err, errlen, "two hosts need Linux network namespaces");
	return -1;
}
int netns_set_mtu(const char *ifname, int mtu, char *err, size_t errlen)
{
	(void)ifname;
	(void)mtu;
	snprintf(err, errlen, "network namespaces need Linux");
	return -1;
}

int netns_keep_admin(char *err, size_t errlen)
{
	snprintf(err, errlen, "capabilities need Linux");
	return -1;
}
#else
// On Linux netns_linux.c is used; ISO C wants a translation unit non-empty.
typedef int netns_other_unused;
#endif
