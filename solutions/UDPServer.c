#define _POSIX_C_SOURCE 200809L
// UDPServer.c: the UDP server of Kurose & Ross §2.7.1, in C.
//
// Usage: UDPServer [port]    (port 12000 by default; 0 lets the OS choose)
//
// Waits for datagrams; sends each one back upper-cased to the address it
// came from; stops cleanly (exit status 0) on SIGINT (Ctrl-C) or SIGTERM.
// Differences from the textbook's UDPServer.py, and why:
//  - bind() takes an address structure (Python's bind(('', port)) needs the
//    tuple: the book's bind('', serverPort) is an erratum);
//  - one IPv6 socket serves IPv4 clients too ("dual-stack");
//  - the buffer holds 65536 bytes, not 2048, so no datagram is cut short;
//  - only the bytes a-z change: a message is bytes, not text.

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

// The largest UDP payload is 65,507 bytes over IPv4 (65,535 minus the IP
// and UDP headers), 65,527 over IPv6: a 65536-byte buffer holds any datagram.
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
		perror("UDPServer: sigaction");
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

// Upper-case the ASCII letters a-z in buf[0..len); every other byte, NUL
// and bytes above 127 included, passes unchanged. (Not toupper(): what it
// does to bytes above 127 depends on the locale.)
static void upper_ascii(char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] = buf[i] - 'a' + 'A';
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
		fprintf(stderr, "UDPServer: getaddrinfo: %s\n", gai_strerror(err));
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
		fprintf(stderr, "UDPServer: %s: %s\n", call, strerror(errno));
	freeaddrinfo(res);
	return serverSocket;
}

// Make sure the socket can send the largest datagram in one go (macOS
// allows only 9216 bytes by default). Returns 0, or -1 after printing why.
static int allow_big_datagrams(int serverSocket)
{
	int size;
	socklen_t len = sizeof size;
	if (getsockopt(serverSocket, SOL_SOCKET, SO_SNDBUF, &size, &len) < 0) {
		perror("UDPServer: getsockopt SO_SNDBUF");
		return -1;
	}
	size = MAX_DATAGRAM;
	if (len == sizeof size && size < MAX_DATAGRAM &&
	    setsockopt(serverSocket, SOL_SOCKET, SO_SNDBUF, &size, sizeof size) < 0) {
		perror("UDPServer: setsockopt SO_SNDBUF");
		return -1;
	}
	return 0;
}

// Print the ready line with the port the socket really has (the one the
// OS chose when we asked for port 0), and flush it at once so that a
// program reading our output through a pipe sees it now. Returns 0 or -1.
static int announce(int serverSocket)
{
	struct sockaddr_storage serverAddress;
	socklen_t len = sizeof serverAddress;
	if (getsockname(serverSocket, (struct sockaddr *)&serverAddress, &len) < 0) {
		perror("UDPServer: getsockname");
		return -1;
	}
	int port = serverAddress.ss_family == AF_INET6
	         ? ntohs(((struct sockaddr_in6 *)&serverAddress)->sin6_port)
	         : ntohs(((struct sockaddr_in *)&serverAddress)->sin_port);
	printf("The server is ready to receive on port %d\n", port);
	if (fflush(stdout) != 0) {
		perror("UDPServer: stdout");
		return -1;
	}
	return 0;
}

// The textbook's while-True loop: receive a datagram, upper-case it, send
// it back to exactly the address (and address length) recvfrom reported.
// A reply that cannot be sent is reported and the loop goes on. Returns
// only if recvfrom fails, after saying why. (SIGINT and SIGTERM end the
// program in on_signal.)
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
			perror("UDPServer: recvfrom");
			return;
		}
		// A zero-length datagram is a valid message: it gets a zero-length reply.
		char *modifiedMessage = message;  // upper-cased in place
		upper_ascii(modifiedMessage, (size_t)n);
		if (sendto(serverSocket, modifiedMessage, (size_t)n, 0,
		           (struct sockaddr *)&clientAddress, clientAddressLen) < 0) {
			int err = errno;
			char who[96];
			describe((struct sockaddr *)&clientAddress, clientAddressLen, who, sizeof who);
			fprintf(stderr, "UDPServer: sendto %s: %s\n", who, strerror(err));
		}
	}
}

int main(int argc, char *argv[])
{
	if (argc > 2) {
		fprintf(stderr, "usage: UDPServer [port]\n");
		return 2;
	}
	const char *serverPort = argc == 2 ? argv[1] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "UDPServer: bad port '%s': port must be a number from 0 to 65535\n",
		        serverPort);
		return 2;
	}
	if (catch_stop_signals() < 0)
		return 1;
	int serverSocket = open_server_socket(serverPort);
	if (serverSocket < 0)
		return 1;
	if (allow_big_datagrams(serverSocket) == 0 && announce(serverSocket) == 0)
		serve(serverSocket);  // returns only if recvfrom fails
	close(serverSocket);
	return 1;
}
