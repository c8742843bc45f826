// netns_linux.c: private network namespaces on Linux (see netns.h):
// unshare, uid/gid maps, loopback up, and a veth pair to a second
// namespace configured over rtnetlink. Why one is refused, and what
// allows one, comes from nsdiag_linux.c (shared with the grader).
#include "netns.h"
#include "nsdiag.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

#define PEER_IF "veth1"
#define LOCAL_IF "veth0"
#define OPER_UP 6  // IF_OPER_UP (RFC 2863); linux/if.h clashes with net/if.h

// Fill err with a printf-style message followed by ": strerror(errno)".
static void fail_errno(char *err, size_t errlen, const char *fmt, ...)
{
	int saved = errno;
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s: %s", msg, strerror(saved));
	errno = saved;
}

// Fill r for a refusal: what refuses (nsdiag.h) and what would allow a
// private namespace here, for root or not, in a container or not.
static void denied(struct netns_refusal *r)
{
	struct nsdiag d;
	int saved = errno;  // the probes below may change it
	nsdiag_probe(&d);
	snprintf(r->why, sizeof r->why, "%s", d.why);
	r->container = d.container;
	if (d.container)
		snprintf(r->fix, sizeof r->fix, "%sstart the container with --cap-add SYS_ADMIN "
		         "--cap-add NET_ADMIN (or --security-opt seccomp=unconfined), or run "
		         "socktrace on the host", d.root ? "" : "run socktrace as root in the "
		         "container (it traces the container's own loopback), ");
	else if (d.fix)
		snprintf(r->fix, sizeof r->fix, "%s%s", d.fix, d.root ? "" : ", or run socktrace "
		         "with sudo");
	else
		snprintf(r->fix, sizeof r->fix, "%s", d.root ? "" : "run socktrace with sudo");
	errno = saved;
}

// Write text to a /proc file. 0, or -1 with errno set.
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = strlen(text);
	ssize_t n = write(fd, text, len);
	int saved = errno;
	close(fd);
	if (n != (ssize_t)len) {
		errno = n < 0 ? saved : EIO;
		return -1;
	}
	return 0;
}

// Set IFF_UP on the interface named name in the current namespace.
// 0, or -1 with err filled.
static int link_up(const char *name, char *err, size_t errlen)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		fail_errno(err, errlen, "socket");
		return -1;
	}
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
	int rc = ioctl(s, SIOCGIFFLAGS, &ifr);
	if (rc == 0) {
		ifr.ifr_flags |= IFF_UP;
		rc = ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	if (rc < 0)
		fail_errno(err, errlen, "ioctl SIOCSIFFLAGS %s up", name);
	close(s);
	return rc;
}

int netns_set_mtu(const char *ifname, int mtu, char *err, size_t errlen)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		fail_errno(err, errlen, "socket");
		return -1;
	}
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	ifr.ifr_mtu = mtu;
	int rc = ioctl(s, SIOCSIFMTU, &ifr);
	if (rc < 0)
		fail_errno(err, errlen, "ioctl SIOCSIFMTU %s %d", ifname, mtu);
	close(s);
	return rc;
}

// Classify errno after a failed namespace step: policy or missing support.
static enum netns_error classify(void)
{
	if (errno == EPERM || errno == EACCES || errno == ENOSPC || errno == EUSERS)
		return NETNS_DENIED;
	if (errno == EINVAL || errno == ENOSYS)
		return NETNS_UNSUPPORTED;
	return NETNS_FAILED;
}

// Unprivileged path: new user + network namespace, the caller's ids mapped
// to themselves. Returns NETNS_OK or an error with r filled.
static enum netns_error enter_userns(struct netns_refusal *r)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char map[64];
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
		enum netns_error e = classify();
		if (e == NETNS_DENIED)
			denied(r);
		else
			fail_errno(r->why, sizeof r->why, "unshare(CLONE_NEWUSER|CLONE_NEWNET)");
		return e;
	}
	snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)uid, (unsigned long)uid);
	if (write_file("/proc/self/uid_map", map) < 0) {
		if (classify() != NETNS_DENIED) {
			fail_errno(r->why, sizeof r->why, "write /proc/self/uid_map");
			return NETNS_FAILED;
		}
		denied(r);
		return NETNS_DENIED;
	}
	// An unprivileged process may map its group only once setgroups is off.
	if (write_file("/proc/self/setgroups", "deny") < 0 && errno != ENOENT) {
		fail_errno(r->why, sizeof r->why, "write /proc/self/setgroups");
		return NETNS_FAILED;
	}
	snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)gid, (unsigned long)gid);
	if (write_file("/proc/self/gid_map", map) < 0) {
		fail_errno(r->why, sizeof r->why, "write /proc/self/gid_map");
		return NETNS_FAILED;
	}
	return NETNS_OK;
}

const char *netns_loopback(void)
{
	return "lo";
}

enum netns_error netns_enter(struct netns_refusal *r)
{
	r->fix[0] = '\0';
	r->container = 0;
	int done = 0;
	if (geteuid() == 0) {
		// Root needs no user namespace; in a container without
		// CAP_SYS_ADMIN this fails and the user namespace is tried.
		if (unshare(CLONE_NEWNET) == 0)
			done = 1;
	}
	if (!done) {
		enum netns_error e = enter_userns(r);
		if (e != NETNS_OK)
			return e;
	}
	if (link_up("lo", r->why, sizeof r->why) < 0) {
		if (errno == EPERM || errno == EACCES) {
			// AppArmor's restriction lets unshare succeed but
			// strips the capabilities: this is where it shows.
			denied(r);
			return NETNS_DENIED;
		}
		return NETNS_FAILED;
	}
	return NETNS_OK;
}

// ---- rtnetlink, for the veth pair ----

// A request under construction: a header and its attributes, aligned.
struct nlreq {
	_Alignas(struct nlmsghdr) char buf[1024];
};

// Append attribute type with len bytes of data to the message. Returns a
// pointer to the attribute (for nesting), or NULL if it would not fit.
static struct rtattr *add_attr(struct nlmsghdr *h, size_t cap, int type,
                               const void *data, size_t len)
{
	size_t at = NLMSG_ALIGN(h->nlmsg_len);
	size_t need = RTA_SPACE(len);
	if (at + need > cap)
		return NULL;
	struct rtattr *a = (struct rtattr *)((char *)h + at);
	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	if (len > 0)
		memcpy(RTA_DATA(a), data, len);
	h->nlmsg_len = (uint32_t)(at + need);
	return a;
}

// Close a nested attribute opened by add_attr(..., NULL, 0).
static void end_nest(struct nlmsghdr *h, struct rtattr *nest)
{
	nest->rta_len = (unsigned short)((char *)h + h->nlmsg_len - (char *)nest);
}

// Open a NETLINK_ROUTE socket, subscribed to groups. fd, or -1 + err.
static int nl_open(unsigned groups, char *err, size_t errlen)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0) {
		fail_errno(err, errlen, "socket(AF_NETLINK)");
		return -1;
	}
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = groups };
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		fail_errno(err, errlen, "bind(AF_NETLINK)");
		close(fd);
		return -1;
	}
	return fd;
}

// Send one request asking for an acknowledgement and wait for it.
// 0, or -1 with err naming what.
static int nl_talk(struct nlmsghdr *h, const char *what, char *err, size_t errlen)
{
	int fd = nl_open(0, err, errlen);
	if (fd < 0)
		return -1;
	h->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	h->nlmsg_seq = 1;
	int rc = -1;
	if (send(fd, h, h->nlmsg_len, 0) < 0) {
		fail_errno(err, errlen, "netlink %s", what);
		goto out;
	}
	char reply[4096];
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	if (poll(&pfd, 1, 2000) <= 0) {
		snprintf(err, errlen, "netlink %s: no answer from the kernel", what);
		goto out;
	}
	ssize_t n = recv(fd, reply, sizeof reply, 0);
	struct nlmsghdr *r = (struct nlmsghdr *)reply;
	if (n < (ssize_t)sizeof *r || !NLMSG_OK(r, (size_t)n) || r->nlmsg_type != NLMSG_ERROR) {
		snprintf(err, errlen, "netlink %s: unexpected answer", what);
		goto out;
	}
	struct nlmsgerr *e = NLMSG_DATA(r);
	if (e->error != 0) {
		errno = -e->error;
		fail_errno(err, errlen, "netlink %s", what);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

// Create the veth pair: LOCAL_IF here, PEER_IF in the namespace peer_fd.
static int make_veth(int peer_fd, char *err, size_t errlen)
{
	struct nlreq rq;
	memset(&rq, 0, sizeof rq);
	struct nlmsghdr *h = (struct nlmsghdr *)rq.buf;
	h->nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	h->nlmsg_type = RTM_NEWLINK;
	h->nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL;
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	ifi->ifi_family = AF_UNSPEC;
	size_t cap = sizeof rq;
	int ok = add_attr(h, cap, IFLA_IFNAME, LOCAL_IF, sizeof LOCAL_IF) != NULL;
	struct rtattr *info = add_attr(h, cap, IFLA_LINKINFO, NULL, 0);
	ok = ok && info && add_attr(h, cap, IFLA_INFO_KIND, "veth", 4);
	struct rtattr *data = add_attr(h, cap, IFLA_INFO_DATA, NULL, 0);
	struct rtattr *peer = add_attr(h, cap, VETH_INFO_PEER, NULL, 0);
	struct ifinfomsg pifi = { .ifi_family = AF_UNSPEC };
	// The peer's ifinfomsg sits in front of its own attributes.
	ok = ok && data && peer;
	if (ok) {
		h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len);
		memcpy((char *)h + h->nlmsg_len, &pifi, sizeof pifi);
		h->nlmsg_len += NLMSG_ALIGN(sizeof pifi);
		uint32_t nsfd = (uint32_t)peer_fd;
		ok = add_attr(h, cap, IFLA_IFNAME, PEER_IF, sizeof PEER_IF) &&
		     add_attr(h, cap, IFLA_NET_NS_FD, &nsfd, sizeof nsfd);
	}
	if (!ok) {
		snprintf(err, errlen, "netlink: request too long");
		return -1;
	}
	end_nest(h, peer);
	end_nest(h, data);
	end_nest(h, info);
	return nl_talk(h, "create veth pair", err, errlen);
}

// Give interface ifname (in the current namespace) the address text/prefix,
// with duplicate address detection off so that it is usable at once.
static int add_addr(const char *ifname, int family, const char *text, int prefix,
                    char *err, size_t errlen)
{
	unsigned idx = if_nametoindex(ifname);
	if (idx == 0) {
		fail_errno(err, errlen, "if_nametoindex %s", ifname);
		return -1;
	}
	uint8_t addr[16];
	if (inet_pton(family, text, addr) != 1) {
		snprintf(err, errlen, "bad address %s", text);
		return -1;
	}
	size_t alen = family == AF_INET ? 4 : 16;
	struct nlreq rq;
	memset(&rq, 0, sizeof rq);
	struct nlmsghdr *h = (struct nlmsghdr *)rq.buf;
	h->nlmsg_len = NLMSG_LENGTH(sizeof(struct ifaddrmsg));
	h->nlmsg_type = RTM_NEWADDR;
	h->nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL;
	struct ifaddrmsg *ifa = NLMSG_DATA(h);
	ifa->ifa_family = (uint8_t)family;
	ifa->ifa_prefixlen = (uint8_t)prefix;
	ifa->ifa_flags = IFA_F_NODAD;
	ifa->ifa_index = idx;
	uint32_t flags = IFA_F_NODAD;
	if (!add_attr(h, sizeof rq, IFA_LOCAL, addr, alen) ||
	    !add_attr(h, sizeof rq, IFA_ADDRESS, addr, alen) ||
	    !add_attr(h, sizeof rq, IFA_FLAGS, &flags, sizeof flags)) {
		snprintf(err, errlen, "netlink: request too long");
		return -1;
	}
	char what[64];
	snprintf(what, sizeof what, "add address %s to %s", text, ifname);
	return nl_talk(h, what, err, errlen);
}

// Ask for ifname's link state. 1 if its operational state is up (it can
// carry packets), 0 if not, -1 + err on error.
static int oper_up(const char *ifname, char *err, size_t errlen)
{
	int fd = nl_open(0, err, errlen);
	if (fd < 0)
		return -1;
	struct nlreq rq;
	memset(&rq, 0, sizeof rq);
	struct nlmsghdr *h = (struct nlmsghdr *)rq.buf;
	h->nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	h->nlmsg_type = RTM_GETLINK;
	h->nlmsg_flags = NLM_F_REQUEST;
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	ifi->ifi_index = (int)if_nametoindex(ifname);
	int up = -1;
	char reply[8192];
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;
	if (send(fd, h, h->nlmsg_len, 0) < 0 || poll(&pfd, 1, 2000) <= 0 ||
	    (n = recv(fd, reply, sizeof reply, 0)) <= 0) {
		fail_errno(err, errlen, "netlink get link %s", ifname);
		close(fd);
		return -1;
	}
	struct nlmsghdr *r = (struct nlmsghdr *)reply;
	if (NLMSG_OK(r, (size_t)n) && r->nlmsg_type == RTM_NEWLINK) {
		up = 0;
		struct ifinfomsg *ri = NLMSG_DATA(r);
		int len = (int)IFLA_PAYLOAD(r);
		for (struct rtattr *a = IFLA_RTA(ri); RTA_OK(a, len); a = RTA_NEXT(a, len))
			if (a->rta_type == IFLA_OPERSTATE && *(uint8_t *)RTA_DATA(a) == OPER_UP)
				up = 1;
	} else {
		snprintf(err, errlen, "netlink get link %s: unexpected answer", ifname);
	}
	close(fd);
	return up;
}

// Milliseconds on a clock that never jumps.
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// Wait until ifname is operationally up, woken by the kernel's link
// notifications; give up after timeout_ms. 0, or -1 + err.
static int wait_up(const char *ifname, int timeout_ms, char *err, size_t errlen)
{
	int ev = nl_open(RTMGRP_LINK, err, errlen);  // subscribe before asking
	if (ev < 0)
		return -1;
	long long deadline = now_ms() + timeout_ms;
	int rc = -1;
	for (;;) {
		int up = oper_up(ifname, err, errlen);
		if (up != 0) {
			rc = up > 0 ? 0 : -1;
			break;
		}
		long long left = deadline - now_ms();
		struct pollfd pfd = { .fd = ev, .events = POLLIN };
		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0) {
			snprintf(err, errlen, "%s did not come up within %d ms", ifname, timeout_ms);
			break;
		}
		char drain[8192];
		if (recv(ev, drain, sizeof drain, MSG_DONTWAIT) < 0 && errno != EAGAIN) {
			fail_errno(err, errlen, "netlink link events");
			break;
		}
	}
	close(ev);
	return rc;
}

// Configure one end: both addresses, up. Runs in that end's namespace.
static int setup_end(const char *ifname, const char *a4, const char *a6,
                     char *err, size_t errlen)
{
	if (add_addr(ifname, AF_INET, a4, 24, err, errlen) < 0 ||
	    add_addr(ifname, AF_INET6, a6, 64, err, errlen) < 0)
		return -1;
	return link_up(ifname, err, errlen);
}

// Make a new network namespace and return an fd for it, staying in the
// namespace home_fd names. -1 + err on failure.
static int new_peer_ns(int home_fd, char *err, size_t errlen)
{
	if (unshare(CLONE_NEWNET) < 0) {
		fail_errno(err, errlen, "unshare(CLONE_NEWNET) for the second host");
		return -1;
	}
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		fail_errno(err, errlen, "open /proc/self/ns/net");
	if (setns(home_fd, CLONE_NEWNET) < 0) {
		fail_errno(err, errlen, "setns back to the first host");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

// Step into the peer's namespace and either configure its end (lo up,
// addresses, up) or wait until that end is up; then step back home.
// 0, or -1 + err.
static int in_peer(const struct netns_peer *p, int home, int configure, int timeout_ms,
                   char *err, size_t errlen)
{
	if (setns(p->fd, CLONE_NEWNET) < 0) {
		fail_errno(err, errlen, "setns into the second host");
		return -1;
	}
	int rc;
	if (configure)
		rc = link_up("lo", err, errlen) == 0 &&
		     setup_end(PEER_IF, NETNS_PEER_ADDR, NETNS_PEER_ADDR6, err, errlen) == 0 ? 0 : -1;
	else
		rc = wait_up(PEER_IF, timeout_ms, err, errlen);
	if (setns(home, CLONE_NEWNET) < 0) {
		fail_errno(err, errlen, "setns back to the first host");
		return -1;
	}
	return rc;
}

int netns_make_peer(struct netns_peer *p, int timeout_ms, char *err, size_t errlen)
{
	int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home < 0) {
		fail_errno(err, errlen, "open /proc/self/ns/net");
		return -1;
	}
	snprintf(p->local_if, sizeof p->local_if, "%s", LOCAL_IF);
	snprintf(p->peer_if, sizeof p->peer_if, "%s", PEER_IF);
	p->fd = new_peer_ns(home, err, errlen);
	int rc = -1;
	if (p->fd >= 0 && make_veth(p->fd, err, errlen) == 0 &&
	    in_peer(p, home, 1, timeout_ms, err, errlen) == 0 &&
	    setup_end(LOCAL_IF, NETNS_LOCAL_ADDR, NETNS_LOCAL_ADDR6, err, errlen) == 0 &&
	    wait_up(LOCAL_IF, timeout_ms, err, errlen) == 0 &&
	    in_peer(p, home, 0, timeout_ms, err, errlen) == 0)
		rc = 0;
	if (rc < 0 && p->fd >= 0) {
		close(p->fd);
		p->fd = -1;
	}
	close(home);
	return rc;
}

int netns_join_peer(const struct netns_peer *p, char *err, size_t errlen)
{
	if (setns(p->fd, CLONE_NEWNET) < 0) {
		fail_errno(err, errlen, "setns into the second host");
		return -1;
	}
	return 0;
}

int netns_keep_admin(char *err, size_t errlen)
{
	if (geteuid() == 0 && getuid() == 0)
		return 0;  // root keeps its capabilities across exec anyway
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof d);
	if (syscall(SYS_capget, &h, d) < 0) {
		fail_errno(err, errlen, "capget");
		return -1;
	}
	// An ambient capability must be permitted and inheritable first.
	d[0].inheritable |= 1u << CAP_NET_ADMIN;
	if (syscall(SYS_capset, &h, d) < 0) {
		fail_errno(err, errlen, "capset CAP_NET_ADMIN inheritable");
		return -1;
	}
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_ADMIN, 0, 0) < 0) {
		fail_errno(err, errlen, "prctl PR_CAP_AMBIENT_RAISE CAP_NET_ADMIN");
		return -1;
	}
	return 0;
}
