// peers.c: the reference peers (see peers.h).
#include "peers.h"
#include "sandbox.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

int peer_port = 12000;
static char peer_host[16] = "127.0.0.1";

int peer_pick_port(void)
{
	for (int tries = 0; tries < 20; tries++) {
		int u = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		int t = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		struct sockaddr_in a = { .sin_family = AF_INET };
		socklen_t len = sizeof a;
		int ok = u >= 0 && t >= 0 && bind(u, (struct sockaddr *)&a, sizeof a) == 0 &&
		         getsockname(u, (struct sockaddr *)&a, &len) == 0 &&
		         bind(t, (struct sockaddr *)&a, sizeof a) == 0;
		if (u >= 0)
			close(u);
		if (t >= 0)
			close(t);
		// A port whose two bytes are equal is its own byte swap: a
		// missing htons() could not be seen on it; one whose swap is
		// below 1024 would make such a server's bind() fail with EACCES
		// instead of binding the swapped port the hint names. Take
		// another.
		int port = ntohs(a.sin_port);
		int swapped = (port & 0xff) << 8 | port >> 8;
		if (ok && swapped != port && swapped >= 1024) {
			peer_port = port;
			snprintf(peer_host, sizeof peer_host, "127.1.%d.%d", peer_port >> 8,
			         peer_port & 0xff);
			return 0;
		}
	}
	return -1;
}

const char *peer_host_text(void)
{
	return peer_host;
}

const char *peer_port_text(void)
{
	static char text[8];
	snprintf(text, sizeof text, "%d", peer_port);
	return text;
}

// A socket of type bound to PEER_PORT: a datagram one on the address
// student clients are given (so its replies come from the address they
// sent to, as a client that connect()s expects), a stream one on every
// address. Returns it, or -1.
static int bound_socket(int type)
{
	int s = socket(AF_INET, type | SOCK_CLOEXEC, 0);
	int on = 1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(PEER_PORT) };
	if (type == SOCK_DGRAM)
		inet_pton(AF_INET, peer_host, &a.sin_addr);
	if (s < 0)
		return -1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
		close(s);
		return -1;
	}
	return s;
}

struct sockaddr_in peer_address(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(PEER_PORT) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static void upcase(char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (b[i] >= 'a' && b[i] <= 'z')
			b[i] = (char)(b[i] - 'a' + 'A');
}

// Wait until fd is readable, at most ms. 1 if readable.
static int readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, ms) > 0;
}

// Fork a peer serving socket s: in the parent, close s and return the
// child's pid (or -1); in the child, which dies with the grader, return 0.
static pid_t fork_peer(int s)
{
	pid_t pid = fork();
	if (pid != 0) {
		close(s);
		return pid;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	return 0;
}

pid_t peer_udp_server(void)
{
	return peer_udp_server_with(0, 0);
}

pid_t peer_udp_server_with(int drop, int delay_ms)
{
	int s = bound_socket(SOCK_DGRAM);
	if (s < 0)
		return -1;
	pid_t pid = fork_peer(s);
	if (pid != 0)
		return pid;
	for (;;) {
		char buf[65536];
		struct sockaddr_storage from;
		socklen_t fl = sizeof from;
		ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
		if (n < 0 || drop-- > 0)
			continue;
		if (delay_ms > 0)
			poll(NULL, 0, delay_ms);
		upcase(buf, (size_t)n);
		sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&from, fl);
	}
}

char peer_token(uint32_t seed, size_t i)
{
	uint64_t x = (uint64_t)seed << 32 ^ (uint64_t)i;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;  // splitmix64's finaliser
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return (char)('A' + x % 26);
}

void peer_token_text(uint32_t seed, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = peer_token(seed, i);
	out[len] = '\0';
}

pid_t peer_udp_token_server(uint32_t seed)
{
	int s = bound_socket(SOCK_DGRAM);
	if (s < 0)
		return -1;
	pid_t pid = fork_peer(s);
	if (pid != 0)
		return pid;
	for (;;) {
		static char buf[65536];
		struct sockaddr_storage from;
		socklen_t fl = sizeof from;
		ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
		for (ssize_t i = 0; i < n; i++)
			buf[i] = peer_token(seed, (size_t)i);
		if (n >= 0)
			sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&from, fl);
	}
}

// The bytes not yet read by the program on the TCP socket of local port
// lport connected to port rport (this namespace's /proc/net), or -1 if
// there is no such socket.
static long unread(int lport, int rport)
{
	static const char *const files[] = { "/proc/net/tcp", "/proc/net/tcp6" };
	long found = -1;
	for (int i = 0; i < 2 && found < 0; i++) {
		FILE *f = fopen(files[i], "r");
		char line[512];
		unsigned lp, rp;
		unsigned long rx;
		while (f != NULL && found < 0 && fgets(line, sizeof line, f) != NULL)
			if (sscanf(line, " %*u: %*[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:%x %*x %*x:%lx", &lp, &rp,
			           &rx) == 3 && (int)lp == lport && (int)rp == rport)
				found = (long)rx;
		if (f != NULL)
			fclose(f);
	}
	return found;
}

// Wait (at most max_ms) until the program reading at lport (connected to
// rport) has read all that was sent to it, so that what is sent next
// cannot reach it in the same recv() as what came before, however slowly
// it runs.
static void wait_read(int lport, int rport, int max_ms)
{
	for (long long end = now_ms() + max_ms; unread(lport, rport) > 0 && now_ms() < end; )
		poll(NULL, 0, 2);
}

// Send the token bytes [*off, *off + n) of seed on c, to the client at
// port cport; if paced, at each cut wait until the client has read what
// came and pause. 0, or -1 if the client is gone.
static int send_token(int c, int cport, uint32_t seed, size_t *off, size_t n, int paced)
{
	static const size_t cuts[] = { PEER_CUT1, PEER_CUT2, (size_t)-1 };
	char buf[8192];
	while (n > 0) {
		size_t k = n < sizeof buf ? n : sizeof buf;
		for (int i = 0; i < 2; i++)
			if (*off < cuts[i] && *off + k > cuts[i])
				k = cuts[i] - *off;
		for (size_t i = 0; i < k; i++)
			buf[i] = peer_token(seed, *off + i);
		if (send(c, buf, k, MSG_NOSIGNAL) != (ssize_t)k)
			return -1;
		*off += k, n -= k;
		if (paced && (*off == PEER_CUT1 || *off == PEER_CUT2)) {
			wait_read(cport, PEER_PORT, 500);
			poll(NULL, 0, PEER_CUT_MS);
		}
	}
	return 0;
}

pid_t peer_tcp_token_server(uint32_t seed, int *counts)
{
	int s = bound_socket(SOCK_STREAM), on = 1, p[2];
	if (s < 0 || listen(s, 8) < 0 || pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		return -1;
	pid_t pid = fork_peer(s);
	if (pid != 0) {
		close(p[1]);
		*counts = p[0];
		return pid;
	}
	close(p[0]);
	for (int client = 0;; client++) {
		struct sockaddr_in from;
		socklen_t fl = sizeof from;
		int c = accept(s, (struct sockaddr *)&from, &fl);
		size_t off = 0, got = 0;
		char buf[8192];
		ssize_t n;
		if (c < 0)
			continue;
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
		while (readable(c, 3000) && (n = recv(c, buf, sizeof buf, 0)) > 0 &&
		       (got += (size_t)n, send_token(c, ntohs(from.sin_port), seed, &off, (size_t)n, client == 0) == 0))
			;
		close(c);
		if (write(p[1], &got, sizeof got) != (ssize_t)sizeof got)
			continue;  // nobody reads: the test is over
	}
}

size_t peer_token_count(int counts, int timeout_ms)
{
	size_t n, last = 0;
	if (!readable(counts, timeout_ms))
		return 0;
	while (read(counts, &n, sizeof n) == (ssize_t)sizeof n)  // the pipe does not block
		last = n;
	return last;
}

// Serve one TCP connection as peer_tcp_server describes.
static void serve_tcp(int c)
{
	char buf[8192];
	size_t len = 0;
	int wait = 2000;  // for the first bytes; then 300 ms of silence ends it
	while (len < sizeof buf && readable(c, wait)) {
		ssize_t n = recv(c, buf + len, sizeof buf - len, 0);
		if (n <= 0)
			break;
		len += (size_t)n;
		if (memchr(buf, '\n', len) != NULL)
			break;
		wait = 300;
	}
	upcase(buf, len);
	send(c, buf, len, MSG_NOSIGNAL);
	close(c);
}

pid_t peer_tcp_server(void)
{
	int s = bound_socket(SOCK_STREAM);
	if (s < 0 || listen(s, 8) < 0)
		return -1;
	pid_t pid = fork_peer(s);
	if (pid != 0)
		return pid;
	for (;;) {
		int c = accept(s, NULL, NULL);
		if (c >= 0)
			serve_tcp(c);
	}
}

ssize_t peer_udp_ask(const char *msg, char *buf, size_t size, int timeout_ms)
{
	return peer_udp_ask_len(msg, strlen(msg), buf, size, timeout_ms);
}

ssize_t peer_udp_ask_len(const char *msg, size_t len, char *buf, size_t size,
                         int timeout_ms)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -2;
	struct sockaddr_in a = peer_address();
	ssize_t n = -1;
	if (sendto(s, msg, len, 0, (struct sockaddr *)&a, sizeof a) >= 0 &&
	    readable(s, timeout_ms))
		n = recv(s, buf, size - 1, MSG_DONTWAIT);
	if (n >= 0)
		buf[n] = '\0';
	close(s);
	return n < 0 ? -1 : n;
}

int peer_tcp_connect(void)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in addr = peer_address();
	if (s >= 0 && connect(s, (struct sockaddr *)&addr, sizeof addr) < 0) {
		close(s);
		return -1;
	}
	return s;
}

void peer_tcp_read(int s, size_t want, int wait_eof, int timeout_ms, struct tcp_answer *a)
{
	long long deadline = now_ms() + timeout_ms;
	while (a->len < sizeof a->data - 1) {
		if (!wait_eof && a->len >= want)
			break;
		long long left = deadline - now_ms();
		if (left <= 0 || !readable(s, (int)left))
			break;
		ssize_t n = recv(s, a->data + a->len, sizeof a->data - 1 - a->len, 0);
		if (n <= 0) {
			a->eof = n == 0;
			break;
		}
		a->len += (size_t)n;
	}
	a->data[a->len] = '\0';
}

void peer_tcp_ask(const char *msg, size_t want, int wait_eof, int timeout_ms,
                  struct tcp_answer *a)
{
	memset(a, 0, sizeof *a);
	int s = peer_tcp_connect();
	if (s < 0)
		return;
	a->connected = 1;
	send(s, msg, strlen(msg), MSG_NOSIGNAL);
	shutdown(s, SHUT_WR);
	peer_tcp_read(s, want, wait_eof, timeout_ms, a);
	close(s);
}

void peer_tcp_ask_paced(const struct piece *p, int n, size_t want, int timeout_ms,
                        struct tcp_answer *a)
{
	int on = 1;
	memset(a, 0, sizeof *a);
	int s = peer_tcp_connect();
	if (s < 0)
		return;
	a->connected = 1;
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
	struct sockaddr_in me;
	socklen_t ml = sizeof me;
	int port = getsockname(s, (struct sockaddr *)&me, &ml) == 0 ? ntohs(me.sin_port) : -1;
	for (int i = 0; i < n && !a->eof; i++) {
		if (send(s, p[i].data, p[i].len, MSG_NOSIGNAL) != (ssize_t)p[i].len)
			break;  // the server is gone: what it sent is read below
		if (p[i].wait_ms > 0)
			wait_read(PEER_PORT, port, 500);
		if (p[i].wait_ms > 0 && readable(s, p[i].wait_ms))
			peer_tcp_read(s, a->len + 1, 0, 1, a);
	}
	shutdown(s, SHUT_WR);
	peer_tcp_read(s, want, 0, timeout_ms, a);
	close(s);
}
