// netns.h: private network namespaces for `socktrace run` and `socktrace
// shell`. The Linux implementation is netns_linux.c (the only Linux-specific
// file of socktrace); elsewhere netns_other.c reports that it is unavailable.
#ifndef SOCKTRACE_NETNS_H
#define SOCKTRACE_NETNS_H

#include <stddef.h>

// Why netns_enter failed.
enum netns_error {
	NETNS_OK,
	NETNS_DENIED,       // the kernel forbids it here (policy): err has the fix
	NETNS_UNSUPPORTED,  // no network namespaces on this system at all
	NETNS_FAILED,       // anything else (err says which call)
};

// The loopback interface's name here: "lo" on Linux, "lo0" elsewhere.
const char *netns_loopback(void);

// Why netns_enter failed, in words for one line to the user.
struct netns_refusal {
	char why[256];   // what failed or refuses ("this is a container (...)")
	char fix[256];   // NETNS_DENIED: what would allow a namespace here, or ""
	int container;   // NETNS_DENIED in a container: its loopback is the one left
};

// Move the calling process (which must be single-threaded) into a fresh
// network namespace whose loopback is up. Not root: first a new user
// namespace that maps the caller's uid and gid to themselves, so that the
// programs run later are unprivileged while this process keeps the
// capabilities it needs to capture on its own loopback. Root: a plain new
// network namespace. Returns NETNS_OK, or an error code with r filled.
enum netns_error netns_enter(struct netns_refusal *r);

// Set the MTU of interface ifname in the current namespace. 0, or -1 + err.
int netns_set_mtu(const char *ifname, int mtu, char *err, size_t errlen);

// The second host of a two-host run: its namespace, joined to ours by a
// veth pair. Ours is veth0 10.0.0.1/24 fd00::1/64, the peer's veth1
// 10.0.0.2/24 fd00::2/64. Nothing is routed beyond the pair.
struct netns_peer {
	int fd;              // the peer namespace (open /proc/self/ns/net)
	char local_if[16];   // our end of the pair, "veth0"
	char peer_if[16];    // the peer's end, "veth1"
};

#define NETNS_LOCAL_ADDR  "10.0.0.1"
#define NETNS_PEER_ADDR   "10.0.0.2"
#define NETNS_LOCAL_ADDR6 "fd00::1"
#define NETNS_PEER_ADDR6  "fd00::2"

// After netns_enter: make the peer namespace and the veth pair, give both
// ends their addresses, bring them up and wait (at most timeout_ms) until
// both can carry packets. 0, or -1 with err filled.
int netns_make_peer(struct netns_peer *p, int timeout_ms, char *err, size_t errlen);

// In a child about to exec the server: move into the peer namespace.
// 0, or -1 with err filled.
int netns_join_peer(const struct netns_peer *p, char *err, size_t errlen);

// In a child about to exec a network tool (tc): keep CAP_NET_ADMIN across
// exec (as an ambient capability), which an unprivileged user's namespace
// otherwise loses at exec. 0, or -1 with err filled.
int netns_keep_admin(char *err, size_t errlen);

#endif
