// peers.c: the reference peers (see peers.h).
#include "peers.h"
#include "sandbox.h"

#include <arpa/inet.h>
#include <errno.h>
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
		if (ok) {
			peer_port = ntohs(a.sin_port);
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

pid_t peer_udp_server(void)
{
	return peer_udp_server_with(0, 0);
}

pid_t peer_udp_server_with(int drop, int delay_ms)
{
	int s = bound_socket(SOCK_DGRAM);
	if (s < 0)
		return -1;
	pid_t pid = fork();
	if (pid != 0) {
		close(s);
		return pid;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
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
	pid_t pid = fork();
	if (pid != 0) {
		close(s);
		return pid;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
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
