#define _POSIX_C_SOURCE 200809L
// UDPCountServer.c: extension E1 (handouts/extensions.md), the server
// Kurose & Ross suggest at the end of §2.7.1, in C.
//
// Usage: UDPCountServer [port]    (port 12000 by default; 0 lets the OS choose)
//
// Waits for datagrams; for each one, counts the bytes equal to 's' or 'S'
// and sends that number back, as decimal text ("4" for "Mississippi", "0"
// for an empty datagram: no sign, no newline, no NUL), to the address it
// came from; stops cleanly (exit status 0) on SIGINT (Ctrl-C) or SIGTERM.
// It is UDPServer.c with the upper-casing replaced by the counting. The
// reply is text, not a binary int: the client prints it as it is, and its
// meaning does not depend on the byte order or int size of either machine.

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

// The largest UDP payload is 65,507 bytes over IPv4, 65,527 over IPv6: a
// 65536-byte buffer holds any request whole, so every s in it is counted.
#define MAX_DATAGRAM 65536

// SIGINT (Ctrl-C) or SIGTERM ends the server with exit status 0. A signal
// handler may only make async-signal-safe calls: _exit() is one (exit() is
// not, it runs stdio code the signal may have interrupted). There is
// nothing to clean up: the kernel closes the socket.
static void on_signal(int sig)
{
	(void)sig;
	_exit(0);
}

// Make SIGINT and SIGTERM call on_signal. Returns 0, or -1 after printing why.
static int catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0) {
		perror("UDPCountServer: sigaction");
		return -1;
	}
	return 0;
}

// Check that s is a decimal port number from 0 to 65535. Returns 0 or -1.
static int check_port(const char *s)
{
	if (*s == '\0' || strlen(s) > 5)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atol(s) <= 65535 ? 0 : -1;
}

// Count the bytes of buf[0..len) that are 's' or 'S'. Any byte may be
// there, NUL included: the length, not a terminating NUL, says where the
// message ends.
static size_t count_s(const char *buf, size_t len)
{
	size_t count = 0;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == 's' || buf[i] == 'S')
			count++;
	return count;
}

// Write "host port N" for the socket address sa into buf.
static void describe(const struct sockaddr *sa, socklen_t len, char *buf, size_t size)
{
	char host[64], port[8];  // room for any numeric address (IPv6, scope too), "65535"
	if (getnameinfo(sa, len, host, sizeof host, port, sizeof port,
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(buf, size, "(unknown address)");
	else
		snprintf(buf, size, "%s port %s", host, port);
}

// Make a UDP socket for the local address ai and bind it there. An IPv6
// socket gets IPV6_V6ONLY turned off, so that it also receives IPv4
// datagrams (their senders appear as ::ffff:a.b.c.d). Returns the socket,
// or -1 with errno set and *call naming the call that failed.
static int bind_socket(const struct addrinfo *ai, const char **call)
{
	int serverSocket = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
	if (serverSocket < 0) {
		*call = "socket";
		return -1;
	}
	int off = 0;
	if (ai->ai_family == AF_INET6 &&
	    setsockopt(serverSocket, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) < 0) {
		*call = "setsockopt IPV6_V6ONLY";
	} else if (bind(serverSocket, ai->ai_addr, ai->ai_addrlen) < 0) {
		*call = "bind";
	} else {
		return serverSocket;
	}
	int saved = errno;
	close(serverSocket);
	errno = saved;
	return -1;
}

// Open the server's UDP socket on serverPort, for every local address:
// getaddrinfo with AI_PASSIVE gives the "any address" of each family; we
// take the IPv6 one first (one dual-stack socket serves both families) and
// fall back to IPv4 where IPv6 is unavailable. Returns the socket, or -1
// after printing why.
static int open_server_socket(const char *serverPort)
{
	struct addrinfo hints, *res;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int err = getaddrinfo(NULL, serverPort, &hints, &res);
	if (err != 0) {
		fprintf(stderr, "UDPCountServer: getaddrinfo: %s\n", gai_strerror(err));
		return -1;
	}
	int serverSocket = -1;
	const char *call = "getaddrinfo";
	int families[] = { AF_INET6, AF_INET };  // IPv6 results first, then IPv4
	for (int f = 0; f < 2 && serverSocket < 0; f++)
		for (struct addrinfo *ai = res; ai && serverSocket < 0; ai = ai->ai_next)
			if (ai->ai_family == families[f])
				serverSocket = bind_socket(ai, &call);
	if (serverSocket < 0)
		fprintf(stderr, "UDPCountServer: %s: %s\n", call, strerror(errno));
	freeaddrinfo(res);
	return serverSocket;
}

// Print the ready line with the port the socket really has (the one the
// OS chose when we asked for port 0), and flush it at once so that a
// program reading our output through a pipe sees it now. Returns 0 or -1.
static int announce(int serverSocket)
{
	struct sockaddr_storage serverAddress;
	socklen_t len = sizeof serverAddress;
	if (getsockname(serverSocket, (struct sockaddr *)&serverAddress, &len) < 0) {
		perror("UDPCountServer: getsockname");
		return -1;
	}
	int port = serverAddress.ss_family == AF_INET6
	         ? ntohs(((struct sockaddr_in6 *)&serverAddress)->sin6_port)
	         : ntohs(((struct sockaddr_in *)&serverAddress)->sin_port);
	printf("The server is ready to receive on port %d\n", port);
	if (fflush(stdout) != 0) {
		perror("UDPCountServer: stdout");
		return -1;
	}
	return 0;
}

// The textbook's while-True loop: receive a datagram, count its s's, send
// the count as text to exactly the address (and address length) recvfrom
// reported. A reply that cannot be sent is reported and the loop goes on.
// Returns only if recvfrom fails, after saying why. (SIGINT and SIGTERM
// end the program in on_signal.)
static void serve(int serverSocket)
{
	static char message[MAX_DATAGRAM];
	for (;;) {
		struct sockaddr_storage clientAddress;
		socklen_t clientAddressLen = sizeof clientAddress;
		ssize_t n = recvfrom(serverSocket, message, sizeof message, 0,
		                     (struct sockaddr *)&clientAddress, &clientAddressLen);
		if (n < 0 && errno == EINTR)
			continue;  // interrupted by a signal that did not end us: again
		if (n < 0) {
			perror("UDPCountServer: recvfrom");
			return;
		}
		// A zero-length datagram is a valid message: it holds no s, so "0".
		char countText[24];  // the digits of any size_t
		int len = snprintf(countText, sizeof countText, "%zu", count_s(message, (size_t)n));
		if (sendto(serverSocket, countText, (size_t)len, 0,
		           (struct sockaddr *)&clientAddress, clientAddressLen) < 0) {
			int err = errno;
			char who[96];
			describe((struct sockaddr *)&clientAddress, clientAddressLen, who, sizeof who);
			fprintf(stderr, "UDPCountServer: sendto %s: %s\n", who, strerror(err));
		}
	}
}

int main(int argc, char *argv[])
{
	if (argc > 2) {
		fprintf(stderr, "usage: UDPCountServer [port]\n");
		return 2;
	}
	const char *serverPort = argc == 2 ? argv[1] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "UDPCountServer: bad port '%s': port must be a number from 0 to 65535\n",
		        serverPort);
		return 2;
	}
	if (catch_stop_signals() < 0)
		return 1;
	int serverSocket = open_server_socket(serverPort);
	if (serverSocket < 0)
		return 1;
	if (announce(serverSocket) == 0)
		serve(serverSocket);  // returns only if recvfrom fails
	close(serverSocket);
	return 1;
}
