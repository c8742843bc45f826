// calls_decode_linux.c: the arguments and results of the traced socket
// calls as text, read from the traced program's memory with bounded,
// checked reads (process_vm_readv, or PTRACE_PEEKDATA where that is
// refused), and the sockets' ends from /proc/PID/net (see calls_int.h).
// Everything the program supplies is escaped before it is kept.
#include "calls_int.h"

#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "annotate.h"
#include "escape.h"

const struct call_kind call_kinds[] = {
	{ SYS_socket, "socket", K_SOCKET },
	{ SYS_bind, "bind", K_BIND },
	{ SYS_connect, "connect", K_CONNECT },
	{ SYS_listen, "listen", K_LISTEN },
	{ SYS_accept, "accept", K_ACCEPT },
	{ SYS_accept4, "accept4", K_ACCEPT4 },
	{ SYS_sendto, "sendto", K_SENDTO },
	{ SYS_recvfrom, "recvfrom", K_RECVFROM },
	{ SYS_sendmsg, "sendmsg", K_SENDMSG },
	{ SYS_recvmsg, "recvmsg", K_RECVMSG },
	{ SYS_write, "write", K_WRITE },
	{ SYS_read, "read", K_READ },
	{ SYS_shutdown, "shutdown", K_SHUTDOWN },
	{ SYS_close, "close", K_CLOSE },
	{ SYS_setsockopt, "setsockopt", K_SETSOCKOPT },
	{ SYS_getsockopt, "getsockopt", K_GETSOCKOPT },
	{ SYS_getsockname, "getsockname", K_GETSOCKNAME },
	{ SYS_getpeername, "getpeername", K_GETPEERNAME },
#ifdef SYS_poll
	{ SYS_poll, "poll", K_POLL },
#endif
	{ SYS_ppoll, "ppoll", K_PPOLL },
#ifdef SYS_select
	{ SYS_select, "select", K_SELECT },
#endif
	{ SYS_pselect6, "pselect6", K_PSELECT },
	{ -1, NULL, 0 },
};

// Read len bytes at addr in tid's memory into buf. Returns the bytes
// read (fewer at the end of a mapping), or -1.
static ssize_t peek(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len }, remote = { (void *)(uintptr_t)addr, len };
	if (addr == 0 || len == 0)
		return addr ? 0 : -1;
	ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	if (n >= 0 || errno == EFAULT)
		return n;
	size_t got = 0;  // refused (EPERM, ENOSYS): a word at a time
	while (got < len) {
		errno = 0;
		long w = ptrace(PTRACE_PEEKDATA, tid, (void *)(uintptr_t)(addr + got), 0);
		if (errno != 0)
			break;
		size_t k = len - got < sizeof w ? len - got : sizeof w;
		memcpy((char *)buf + got, &w, k);
		got += k;
	}
	return got ? (ssize_t)got : -1;
}

// Is fd of tid a socket? Fills *ino from the /proc/tid/fd link.
static int fd_socket(pid_t tid, long fd, unsigned long *ino)
{
	char path[64], link[64];
	if (fd < 0 || fd > 1 << 20)
		return 0;
	snprintf(path, sizeof path, "/proc/%d/fd/%ld", (int)tid, fd);
	ssize_t n = readlink(path, link, sizeof link - 1);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	return sscanf(link, "socket:[%lu]", ino) == 1;
}

// Parse one hex address of /proc/net/{tcp,udp}[6] into ip.
static void proc_addr(const char *hex, struct ipaddr *ip)
{
	size_t n = strlen(hex);
	memset(ip, 0, sizeof *ip);
	ip->family = n == 32 ? 6 : 4;
	for (size_t w = 0; w < n / 8 && w < 4; w++) {
		char word[9];
		memcpy(word, hex + 8 * w, 8);
		word[8] = '\0';
		uint32_t v = (uint32_t)strtoul(word, NULL, 16);
		memcpy(ip->a + 4 * w, &v, 4);  // the kernel printed it in host order
	}
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	if (ip->family == 6 && memcmp(ip->a, mapped, 12) == 0) {
		memmove(ip->a, ip->a + 12, 4);  // ::ffff:a.b.c.d is IPv4
		memset(ip->a + 4, 0, 12);
		ip->family = 4;
	}
}

// Look for inode ino in /proc/tid/net/NAME; fill s. 1 if found.
static int proc_scan(pid_t tid, const char *name, int proto, unsigned long ino,
                     struct call_sock *s)
{
	char path[64], line[512], la[40], ra[40];
	unsigned lp, rp;
	unsigned long i;
	snprintf(path, sizeof path, "/proc/%d/net/%s", (int)tid, name);
	FILE *f = fopen(path, "r");
	int found = 0;
	while (f && !found && fgets(line, sizeof line, f))
		if (sscanf(line, " %*d: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %*x %*x:%*x %*x:%*x "
		           "%*x %*u %*u %lu", la, &lp, ra, &rp, &i) == 5 && i == ino) {
			proc_addr(la, &s->local);
			proc_addr(ra, &s->remote);
			s->lport = (uint16_t)lp;
			s->rport = (uint16_t)rp;
			s->proto = proto;
			found = 1;
		}
	if (f)
		fclose(f);
	return found;
}

// Is socket inode ino one of tid's Unix sockets (/proc/PID/net/unix:
// "Num RefCount Protocol Flags Type St Inode Path")? Such a socket is
// not the network's: socktrace's own channel for a program's output, say.
static int unix_socket(pid_t tid, unsigned long ino)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/net/unix", (int)tid);
	FILE *f = fopen(path, "r");
	int found = 0;
	if (f == NULL)
		return 0;
	while (!found && fgets(line, sizeof line, f) != NULL) {
		unsigned long inode;
		found = sscanf(line, "%*s %*s %*s %*s %*s %*s %lu", &inode) == 1 && inode == ino;
	}
	fclose(f);
	return found;
}

struct call_sock *sock_known(struct calls *c, unsigned long ino)
{
	for (int i = 0; ino && i < c->nsocks; i++)
		if (c->socks[i].ino == ino)
			return &c->socks[i];
	return NULL;
}

struct call_sock *sock_find(struct calls *c, pid_t tid, unsigned long ino, int refresh)
{
	static const struct { const char *name; int proto; } tabs[] = {
		{ "tcp", 6 }, { "udp", 17 }, { "tcp6", 6 }, { "udp6", 17 },
	};
	struct call_sock *s = sock_known(c, ino);
	if (s == NULL) {
		if (c->nsocks == CALLS_SOCKS)  // forget the oldest
			memmove(c->socks, c->socks + 1, sizeof c->socks[0] * (size_t)--c->nsocks);
		s = &c->socks[c->nsocks++];
		memset(s, 0, sizeof *s);
		s->ino = ino;
		refresh = refresh < 0 ? 0 : 1;  // inherited: look it up once
		if (unix_socket(tid, ino))
			s->family = AF_UNIX;
	}
	if (refresh > 0)
		for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
			if (proc_scan(tid, tabs[i].name, tabs[i].proto, ino, s))
				break;
	return s;
}

// Write a socket address read from tid at addr (len bytes) into out as
// text, and into ip/port when it is an IP one.
static void read_sockaddr(pid_t tid, uint64_t addr, uint64_t len, char *out, size_t outlen,
                          struct ipaddr *ip, uint16_t *port)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	size_t n = len < sizeof ss ? (size_t)len : sizeof ss;
	if (addr == 0) {
		snprintf(out, outlen, "NULL");
		return;
	}
	if (n < sizeof(sa_family_t) || peek(tid, addr, &ss, n) < (ssize_t)sizeof(sa_family_t)) {
		snprintf(out, outlen, "(unreadable address)");
		return;
	}
	if (ss.ss_family == AF_INET && n >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)&ss;
		*ip = (struct ipaddr){ .family = 4 };
		memcpy(ip->a, &sin->sin_addr, 4);
		*port = ntohs(sin->sin_port);
	} else if (ss.ss_family == AF_INET6 && n >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)&ss;
		*ip = (struct ipaddr){ .family = 6 };
		memcpy(ip->a, &s6->sin6_addr, 16);
		*port = ntohs(s6->sin6_port);
	} else if (ss.ss_family == AF_UNIX) {
		char path[sizeof ((struct sockaddr_un *)0)->sun_path + 1];
		memcpy(path, ((struct sockaddr_un *)&ss)->sun_path, sizeof path - 1);
		path[sizeof path - 1] = '\0';
		char text[160];
		escape_str(text, sizeof text, path);
		snprintf(out, outlen, "unix:%.40s", text);
		return;
	} else {
		snprintf(out, outlen, "(address family %d)", ss.ss_family);
		return;
	}
	if (outlen >= ENDPOINT_LEN)
		format_endpoint(out, ip, *port);
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	if (ip->family == 6 && memcmp(ip->a, mapped, 12) == 0) {
		memmove(ip->a, ip->a + 12, 4);  // as the packets show it: IPv4
		memset(ip->a + 4, 0, 12);
		ip->family = 4;
	}
}

// Read up to len bytes of data at addr into r->bytes (escaped).
static void read_bytes(pid_t tid, uint64_t addr, uint64_t len, struct call_rec *r)
{
	uint8_t buf[CALL_BYTES];
	size_t want = len < CALL_BYTES ? (size_t)len : CALL_BYTES;
	ssize_t n = peek(tid, addr, buf, want);
	if (n < 0) {
		snprintf(r->bytes, sizeof r->bytes, "(unreadable)");
		r->has_bytes = 1;
		return;
	}
	escape_bytes(r->bytes, sizeof r->bytes - 4, buf, (size_t)n);
	if (len > (uint64_t)n)
		strcat(r->bytes, "...");
	r->has_bytes = 1;
}

// Append flag names for the bits of v that names[] knows, "|" between,
// the rest in hex; "0" for none.
struct flagname { unsigned long bit; const char *name; };

static void flag_text(char *out, size_t outlen, unsigned long v, const struct flagname *names)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; names[i].name && n < outlen; i++)
		if (v & names[i].bit) {
			n += (size_t)snprintf(out + n, outlen - n, "%s%s", n ? "|" : "", names[i].name);
			v &= ~names[i].bit;
		}
	if (n < outlen && (v || n == 0))
		snprintf(out + n, outlen - n, n ? "|%#lx" : "%lu", v);
}

static const struct flagname msg_flags[] = {
	{ MSG_OOB, "MSG_OOB" }, { MSG_PEEK, "MSG_PEEK" }, { MSG_DONTROUTE, "MSG_DONTROUTE" },
	{ MSG_TRUNC, "MSG_TRUNC" }, { MSG_DONTWAIT, "MSG_DONTWAIT" }, { MSG_EOR, "MSG_EOR" },
	{ MSG_WAITALL, "MSG_WAITALL" }, { MSG_CONFIRM, "MSG_CONFIRM" },
	{ MSG_NOSIGNAL, "MSG_NOSIGNAL" }, { MSG_MORE, "MSG_MORE" },
	{ MSG_FASTOPEN, "MSG_FASTOPEN" }, { 0, NULL },
};

// The name of a socket option, or NULL.
static const char *opt_name(long level, long name)
{
	static const struct { long level, name; const char *text; } opts[] = {
		{ SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR" }, { SOL_SOCKET, SO_REUSEPORT, "SO_REUSEPORT" },
		{ SOL_SOCKET, SO_RCVTIMEO, "SO_RCVTIMEO" }, { SOL_SOCKET, SO_SNDTIMEO, "SO_SNDTIMEO" },
		{ SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST" }, { SOL_SOCKET, SO_KEEPALIVE, "SO_KEEPALIVE" },
		{ SOL_SOCKET, SO_LINGER, "SO_LINGER" }, { SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF" },
		{ SOL_SOCKET, SO_SNDBUF, "SO_SNDBUF" }, { SOL_SOCKET, SO_ERROR, "SO_ERROR" },
		{ SOL_SOCKET, SO_TYPE, "SO_TYPE" }, { IPPROTO_TCP, TCP_NODELAY, "TCP_NODELAY" },
		{ IPPROTO_TCP, TCP_CORK, "TCP_CORK" }, { IPPROTO_TCP, TCP_MAXSEG, "TCP_MAXSEG" },
		{ IPPROTO_IPV6, IPV6_V6ONLY, "IPV6_V6ONLY" },
	};
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (opts[i].level == level && opts[i].name == name)
			return opts[i].text;
	return NULL;
}

// setsockopt/getsockopt arguments: level, name, and an int value.
static void sockopt_args(pid_t tid, const uint64_t *a, int set, struct call_rec *r)
{
	const char *lv = (long)a[1] == SOL_SOCKET ? "SOL_SOCKET" : (long)a[1] == IPPROTO_TCP ?
	                 "IPPROTO_TCP" : (long)a[1] == IPPROTO_IPV6 ? "IPPROTO_IPV6" :
	                 (long)a[1] == IPPROTO_IP ? "IPPROTO_IP" : NULL;
	const char *nm = opt_name((long)a[1], (long)a[2]);
	char lvbuf[24], nmbuf[24], val[48] = "...";
	snprintf(lvbuf, sizeof lvbuf, "%ld", (long)a[1]);
	snprintf(nmbuf, sizeof nmbuf, "%ld", (long)a[2]);
	int v;
	struct timeval tv;
	if (set && a[4] == sizeof v && peek(tid, a[3], &v, sizeof v) == sizeof v)
		snprintf(val, sizeof val, "[%d]", v);
	else if (set && a[4] == sizeof tv && peek(tid, a[3], &tv, sizeof tv) == sizeof tv)
		snprintf(val, sizeof val, "{%ld s, %ld us}", (long)tv.tv_sec, (long)tv.tv_usec);
	if (set)
		snprintf(r->args, sizeof r->args, "%d, %s, %s, %s, %lu", r->fd, lv ? lv : lvbuf,
		         nm ? nm : nmbuf, val, (unsigned long)a[4]);
	else
		snprintf(r->args, sizeof r->args, "%d, %s, %s", r->fd, lv ? lv : lvbuf,
		         nm ? nm : nmbuf);
}

// sendmsg/recvmsg: the message's name and first buffer's address and size.
static int read_msghdr(pid_t tid, uint64_t addr, struct msghdr *m, struct iovec *iov)
{
	if (peek(tid, addr, m, sizeof *m) != (ssize_t)sizeof *m)
		return -1;
	if (m->msg_iovlen == 0 || peek(tid, (uintptr_t)m->msg_iov, iov, sizeof *iov) != (ssize_t)sizeof *iov)
		iov->iov_base = NULL, iov->iov_len = 0;
	return 0;
}

// poll/ppoll: trace it when one of its first 16 descriptors is a socket.
static int poll_args(pid_t tid, const uint64_t *a, struct call_rec *r)
{
	struct pollfd p[16];
	size_t n = a[1] < 16 ? (size_t)a[1] : 16;
	ssize_t got = peek(tid, a[0], p, n * sizeof p[0]);
	int any = 0;
	size_t len = (size_t)snprintf(r->args, sizeof r->args, "[");
	for (size_t i = 0; got > 0 && i < (size_t)got / sizeof p[0] && len < sizeof r->args; i++) {
		unsigned long ino;
		int sock = fd_socket(tid, p[i].fd, &ino);
		any |= sock;
		len += (size_t)snprintf(r->args + len, sizeof r->args - len, "%s{%d%s, %s%s}",
		                        i ? ", " : "", p[i].fd, sock ? "" : " (not a socket)",
		                        p[i].events & POLLIN ? "POLLIN" : "",
		                        p[i].events & POLLOUT ? (p[i].events & POLLIN ? "|POLLOUT" : "POLLOUT") : "");
	}
	if (len < sizeof r->args)
		snprintf(r->args + len, sizeof r->args - len, "%s], %lu, %ld", a[1] > 16 ? ", ..." : "",
		         (unsigned long)a[1], (long)a[2]);
	return any;
}

// select/pselect6: trace it when one of the read or write set's first
// 64 descriptors is a socket.
static int select_args(pid_t tid, const uint64_t *a, struct call_rec *r)
{
	uint64_t sets[2] = { 0, 0 };
	int any = 0;
	size_t len = (size_t)snprintf(r->args, sizeof r->args, "%ld, [", (long)a[0]);
	for (int s = 0; s < 2; s++)
		if (a[1 + s] && peek(tid, a[1 + s], &sets[s], sizeof sets[s]) != sizeof sets[s])
			sets[s] = 0;
	for (int fd = 0; fd < 64 && fd < (long)a[0]; fd++) {
		unsigned long ino;
		if (!((sets[0] | sets[1]) >> fd & 1))
			continue;
		any |= fd_socket(tid, fd, &ino);
		if (len < sizeof r->args)
			len += (size_t)snprintf(r->args + len, sizeof r->args - len, "%s%d",
			                        len > 6 ? " " : "", fd);
	}
	if (len < sizeof r->args)
		snprintf(r->args + len, sizeof r->args - len, "], ...");
	return any;
}

// socket(): domain, type, protocol by name.
static void socket_args(const uint64_t *a, struct call_rec *r)
{
	int d = (int)a[0], t = (int)a[1] & 0xf;
	const char *dn = d == AF_INET ? "AF_INET" : d == AF_INET6 ? "AF_INET6" :
	                 d == AF_UNIX ? "AF_UNIX" : d == AF_NETLINK ? "AF_NETLINK" : NULL;
	const char *tn = t == SOCK_STREAM ? "SOCK_STREAM" : t == SOCK_DGRAM ? "SOCK_DGRAM" :
	                 t == SOCK_RAW ? "SOCK_RAW" : NULL;
	char db[16], tb[16];
	snprintf(db, sizeof db, "%d", d);
	snprintf(tb, sizeof tb, "%d", t);
	snprintf(r->args, sizeof r->args, "%s, %s%s%s, %d", dn ? dn : db, tn ? tn : tb,
	         (int)a[1] & SOCK_NONBLOCK ? "|SOCK_NONBLOCK" : "",
	         (int)a[1] & SOCK_CLOEXEC ? "|SOCK_CLOEXEC" : "", (int)a[2]);
	r->fd = -1;
}

// The arguments of the calls that send data: the data, its length, flags
// and (sendto) the address.
static void send_args(pid_t tid, int k, const uint64_t *a, struct call_rec *r)
{
	char flags[128] = "";
	uint64_t buf = a[1], len = a[2];
	int many = 0;  // sendmsg: more buffers than the one read, or none readable
	struct msghdr m;
	struct iovec iov;
	if (k == K_SENDMSG) {
		if (read_msghdr(tid, a[1], &m, &iov) == 0) {
			buf = (uintptr_t)iov.iov_base;
			len = iov.iov_len;
			many = m.msg_iovlen > 1;
			if (m.msg_name)
				read_sockaddr(tid, (uintptr_t)m.msg_name, m.msg_namelen, r->addr,
				              sizeof r->addr, &r->to, &r->to_port);
		} else {
			buf = len = 0;
			many = 1;  // its length is not known
		}
	}
	if (k == K_SENDTO && a[4])
		read_sockaddr(tid, a[4], a[5], r->addr, sizeof r->addr, &r->to, &r->to_port);
	flag_text(flags, sizeof flags, k == K_SENDMSG ? a[2] : a[3], msg_flags);
	r->len = many || len > (uint64_t)LONG_MAX ? -1 : (long)len;
	read_bytes(tid, buf, len, r);
	int n = snprintf(r->args, sizeof r->args, "%d, \"%s\", %lu", r->fd, r->bytes,
	                 (unsigned long)len);
	if (k != K_WRITE && n > 0 && (size_t)n < sizeof r->args)
		n += snprintf(r->args + n, sizeof r->args - (size_t)n, ", %s", flags);
	if (r->addr[0] && n > 0 && (size_t)n < sizeof r->args)
		snprintf(r->args + n, sizeof r->args - (size_t)n, ", %s", r->addr);
}

// The arguments of the calls that take an fd that must be a socket.
static void fd_args(pid_t tid, int k, const uint64_t *a, struct call_rec *r)
{
	char flags[128];
	struct ipaddr ip;
	uint16_t port;
	switch (k) {
	case K_BIND: case K_CONNECT:  // bind's address is this end: not r->to
		read_sockaddr(tid, a[1], a[2], r->addr, sizeof r->addr,
		              k == K_BIND ? &ip : &r->to, k == K_BIND ? &port : &r->to_port);
		snprintf(r->args, sizeof r->args, "%d, %s", r->fd, r->addr);
		break;
	case K_LISTEN:
		snprintf(r->args, sizeof r->args, "%d, %ld", r->fd, (long)a[1]);
		break;
	case K_RECVFROM: case K_READ:
		flag_text(flags, sizeof flags, a[3], msg_flags);
		snprintf(r->args, sizeof r->args, k == K_READ ? "%d, %lu" : "%d, %lu, %s", r->fd,
		         (unsigned long)a[2], flags);
		break;
	case K_SHUTDOWN:
		snprintf(r->args, sizeof r->args, "%d, %s", r->fd, a[1] == SHUT_RD ? "SHUT_RD" :
		         a[1] == SHUT_WR ? "SHUT_WR" : a[1] == SHUT_RDWR ? "SHUT_RDWR" : "?");
		break;
	case K_SETSOCKOPT: case K_GETSOCKOPT:
		sockopt_args(tid, a, k == K_SETSOCKOPT, r);
		break;
	default:
		snprintf(r->args, sizeof r->args, "%d", r->fd);
	}
}

// May the call make packets leave, and which?
static int sends(int k)
{
	switch (k) {
	case K_CONNECT: return SENDS_HANDSHAKE;
	case K_SENDTO: case K_SENDMSG: case K_WRITE: return SENDS_DATA | SENDS_HANDSHAKE;
	case K_SHUTDOWN: case K_CLOSE: return SENDS_FIN;
	default: return 0;
	}
}

// Call kind k on socket s: what it says of s being getaddrinfo's probe
// (see calls.h). A probe's close() is hidden with the rest of its calls.
static void probe_check(struct call_sock *s, int k, struct call_rec *r)
{
	if (k != K_CONNECT && k != K_GETSOCKNAME && k != K_CLOSE)
		s->probe = 0;
	r->hidden = k == K_CLOSE && s->probe && !s->shown;
}

int decode_entry(struct calls *c, pid_t tid, int k, const uint64_t *a, struct call_rec *r)
{
	unsigned long ino;
	r->fd = (int)a[0];
	r->len = -1;
	r->quick = k == K_SOCKET || k == K_BIND || k == K_LISTEN || k == K_SETSOCKOPT ||
	           k == K_GETSOCKOPT || k == K_GETSOCKNAME || k == K_GETPEERNAME;
	if (k == K_SOCKET) {
		socket_args(a, r);
		r->hidden = a[0] != AF_INET && a[0] != AF_INET6;  // traced for its family
		return 1;
	}
	if (k == K_POLL || k == K_PPOLL)
		return r->fd = -1, poll_args(tid, a, r);
	if (k == K_SELECT || k == K_PSELECT)
		return r->fd = -1, select_args(tid, a, r);
	if (!fd_socket(tid, (long)a[0], &ino))
		return 0;
	struct call_sock *s = sock_find(c, tid, ino, 0);
	if (s->family && s->family != AF_INET && s->family != AF_INET6)
		return 0;  // netlink (getaddrinfo), unix: not the network's
	probe_check(s, k, r);
	r->may_send = sends(k);
	if (k == K_SENDTO || k == K_SENDMSG || k == K_WRITE)
		send_args(tid, k, a, r);
	else if (k == K_RECVMSG)
		snprintf(r->args, sizeof r->args, "%d, ...", r->fd);
	else
		fd_args(tid, k, a, r);
	r->sock = *s;
	return 1;
}

// Read the address a call filled in at addr, its length at lenp.
static void returned_addr(pid_t tid, uint64_t addr, uint64_t lenp, struct call_rec *r)
{
	socklen_t len = 0;
	if (addr == 0 || lenp == 0 || peek(tid, lenp, &len, sizeof len) != sizeof len)
		return;
	read_sockaddr(tid, addr, len, r->addr, sizeof r->addr, &r->to, &r->to_port);
}

// What a successful receive returned: the data and where it came from.
static void received(pid_t tid, int k, const uint64_t *a, int64_t n, struct call_rec *r)
{
	struct msghdr m;
	struct iovec iov;
	if (k == K_RECVMSG) {
		if (read_msghdr(tid, a[1], &m, &iov) < 0)
			return;
		read_bytes(tid, (uintptr_t)iov.iov_base, (uint64_t)n < iov.iov_len ? (uint64_t)n : iov.iov_len, r);
		if (m.msg_name && m.msg_namelen)
			read_sockaddr(tid, (uintptr_t)m.msg_name, m.msg_namelen, r->addr, sizeof r->addr,
			              &r->to, &r->to_port);
	} else {
		read_bytes(tid, a[1], (uint64_t)n, r);
		if (k == K_RECVFROM)
			returned_addr(tid, a[4], a[5], r);
	}
	if (n == 0 && r->sock.proto == 6)
		snprintf(r->result, sizeof r->result, "(end of the stream: the other end's FIN)");
	else
		snprintf(r->result, sizeof r->result, "\"%.250s\"%s%s", r->bytes,
		         r->addr[0] ? " from " : "", r->addr);
}

// A new socket (socket() or accept()) returned as fd by call r: remember
// it (an accepted one serves; a UDP one may be getaddrinfo's probe).
static void new_socket(struct calls *c, pid_t tid, const uint64_t *a, int k, long fd,
                       struct call_rec *r)
{
	unsigned long ino;
	if (!fd_socket(tid, fd, &ino))
		return;
	struct call_sock *s = sock_find(c, tid, ino, k == K_SOCKET ? -1 : 1);  // new: unbound
	s->serves = k != K_SOCKET;
	s->connected = s->shown = 0;
	if (k == K_SOCKET) {
		s->family = (int)a[0];
		s->made = 1;
		s->bound = 0;
		s->port_by = NULL;
	}
	if (k == K_SOCKET && s->proto == 0 && (a[0] == AF_INET || a[0] == AF_INET6))
		s->proto = (a[1] & 0xf) == SOCK_STREAM ? 6 : (a[1] & 0xf) == SOCK_DGRAM ? 17 : 0;
	s->probe = k == K_SOCKET && s->proto == 17;
	if (k == K_SOCKET)
		r->sock = *s;
}

// After call r (kind k, returned without error) on socket s: remember a
// bind() and its arguments, a listen() or connect(), or the call during
// which an unbound socket's port became known (the OS picked it).
// Returns s.
static struct call_sock *learn_bound(struct call_sock *s, int k, const struct call_rec *r)
{
	int first_send = k == K_CONNECT || k == K_SENDTO || k == K_SENDMSG || k == K_WRITE;
	if (k == K_BIND) {
		s->bound = 1;
		snprintf(s->bind_args, sizeof s->bind_args, "%.*s", (int)sizeof s->bind_args - 1, r->args);
	} else if (!s->bound && !s->port_by && s->lport && r->sock.lport == 0 && first_send) {
		s->port_by = r->name;
	}
	s->serves |= k == K_LISTEN;
	s->connected |= k == K_CONNECT;
	return s;
}

void decode_exit(struct calls *c, pid_t tid, int k, const uint64_t *a,
                 int64_t rval, int is_error, struct call_rec *r)
{
	unsigned long ino;
	r->err = is_error ? (int)-rval : 0;
	r->ret = is_error ? -1 : (long)rval;
	if (is_error) {  // what was learnt of its socket meanwhile (the SYN's port)
		if (r->fd >= 0 && k != K_CLOSE && k != K_SOCKET && fd_socket(tid, r->fd, &ino))
			r->sock = *sock_find(c, tid, ino, 0);
		return;
	}
	if (k == K_SOCKET || k == K_ACCEPT || k == K_ACCEPT4)
		new_socket(c, tid, a, k, (long)rval, r);
	if (k == K_ACCEPT || k == K_ACCEPT4) {
		returned_addr(tid, a[1], a[2], r);
		if (r->addr[0])
			snprintf(r->result, sizeof r->result, "from %s", r->addr);
	}
	if ((k == K_RECVFROM || k == K_RECVMSG || k == K_READ) && rval >= 0)
		received(tid, k, a, rval, r);
	if (k == K_GETSOCKNAME || k == K_GETPEERNAME) {
		returned_addr(tid, a[1], a[2], r);
		snprintf(r->result, sizeof r->result, "%s", r->addr);
		if (k == K_GETSOCKNAME)
			r->to.family = 0;  // this end, not the other
	}
	// The calls that give a socket its ends; a first send binds it.
	int refresh = k == K_BIND || k == K_CONNECT || k == K_LISTEN ||
	              ((k == K_SENDTO || k == K_SENDMSG || k == K_WRITE) && r->sock.lport == 0);
	if (r->fd >= 0 && k != K_CLOSE && k != K_SOCKET && fd_socket(tid, r->fd, &ino))
		r->sock = *learn_bound(sock_find(c, tid, ino, refresh), k, r);
}
