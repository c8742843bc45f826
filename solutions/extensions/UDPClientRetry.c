#define _POSIX_C_SOURCE 200809L
// UDPClientRetry.c: extension E3 (handouts/extensions.md): a UDP client
// with a timeout and retries, in C.
//
// Usage: UDPClientRetry [host [port]]    (localhost and 12000 by default)
//
// UDPClient.c, but it does not trust one datagram to arrive: it waits 1
// second for the reply, and if none comes it sends the same bytes again
// from the same socket (so from the same port), at most 3 times in all,
// as DNS clients do. The first reply that arrives, even a late one to an
// earlier try, is printed (exit status 0). After the third try has gone
// unanswered for 1 second it gives up (exit status 1): with no server at
// all, the run takes about 3 seconds and sends three identical datagrams.

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

#define REPLY_TIMEOUT 1      // seconds to wait for the reply to each try
#define MAX_TRIES     3      // datagrams sent at most
#define MAX_DATAGRAM  65536  // holds any UDP datagram

// Check that s is a decimal port number from 1 to 65535. Returns 0 or -1.
static int check_port(const char *s)
{
	if (*s == '\0' || strlen(s) > 5)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	long port = atol(s);
	return port >= 1 && port <= 65535 ? 0 : -1;
}

// Look up serverName and serverPort (getaddrinfo does DNS when it must:
// AF_UNSPEC asks for IPv4 and IPv6 addresses alike) and make a UDP socket
// for the first address it can. Sets *server to that address (part of
// *list, for the caller to freeaddrinfo). Returns the socket, or -1 after
// printing why.
static int open_client_socket(const char *serverName, const char *serverPort,
                              struct addrinfo **list, struct addrinfo **server)
{
	struct addrinfo hints;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_NUMERICSERV;
	int err = getaddrinfo(serverName, serverPort, &hints, list);
	if (err != 0) {
		fprintf(stderr, "UDPClientRetry: getaddrinfo: %s: %s\n", serverName, gai_strerror(err));
		return -1;
	}
	// Like the book's client, we do not bind(): the OS picks our port at
	// the first sendto().
	for (struct addrinfo *ai = *list; ai; ai = ai->ai_next) {
		int clientSocket = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (clientSocket >= 0) {
			*server = ai;
			return clientSocket;
		}
	}
	perror("UDPClientRetry: socket");
	freeaddrinfo(*list);
	return -1;
}

// Make recvfrom on the socket give up after REPLY_TIMEOUT seconds, failing
// with EAGAIN (or EWOULDBLOCK). Returns 0, or -1 after printing why.
static int set_reply_timeout(int clientSocket)
{
	struct timeval tv = { .tv_sec = REPLY_TIMEOUT, .tv_usec = 0 };
	if (setsockopt(clientSocket, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
		perror("UDPClientRetry: setsockopt SO_RCVTIMEO");
		return -1;
	}
	return 0;
}

// Prompt, then read one line of any length from standard input into a
// malloc'd *message (the caller frees it) of *len bytes, without its
// newline. An empty line is a valid, zero-length message. Returns 0, or
// -1 after printing why (end of input before any byte, or a read error).
static int read_message(char **message, size_t *len)
{
	printf("Input lowercase sentence:");
	fflush(stdout);
	size_t cap = 0;
	*message = NULL;
	ssize_t n = getline(message, &cap, stdin);
	if (n < 0) {
		int saved = errno;
		putchar('\n');  // end the prompt's line before the error
		fflush(stdout);
		errno = saved;
		if (ferror(stdin))
			perror("UDPClientRetry: getline");
		else
			fprintf(stderr, "UDPClientRetry: no sentence to send: standard input is empty\n");
		free(*message);
		*message = NULL;
		return -1;
	}
	if (n > 0 && (*message)[n - 1] == '\n')
		n--;  // the newline ends the line; it is not part of the message
	*len = (size_t)n;
	// Typed input ended the prompt's line with its Enter; input from a
	// file or pipe did not, so end it here and the reply gets its own line.
	if (!isatty(STDIN_FILENO))
		putchar('\n');
	fflush(stdout);
	return 0;
}

// Send message to server in one datagram and wait REPLY_TIMEOUT seconds
// for a reply; without one, say so and send it again, MAX_TRIES times in
// all. Sets *n to the length of the reply received into reply. Returns 0,
// or -1 after printing why (no reply to any try, or a failed call).
static int send_and_retry(int clientSocket, const struct addrinfo *server,
                          const char *message, size_t len, char *reply, size_t size,
                          ssize_t *n)
{
	for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
		// The same bytes from the same socket: the server sees the same
		// client port each time (and the same sentence, maybe twice).
		if (sendto(clientSocket, message, len, 0, server->ai_addr, server->ai_addrlen) < 0) {
			perror("UDPClientRetry: sendto");
			return -1;
		}
		struct sockaddr_storage serverAddress;  // who sent the reply (unused, as in the book)
		socklen_t serverAddressLen = sizeof serverAddress;
		*n = recvfrom(clientSocket, reply, size, 0,
		              (struct sockaddr *)&serverAddress, &serverAddressLen);
		if (*n >= 0)
			return 0;  // a reply, to this try or a late one to an earlier try
		if (errno != EAGAIN && errno != EWOULDBLOCK) {
			perror("UDPClientRetry: recvfrom");
			return -1;
		}
		if (attempt < MAX_TRIES)
			fprintf(stderr, "UDPClientRetry: no reply within %d s, sending again "
			        "(try %d of %d)\n", REPLY_TIMEOUT, attempt + 1, MAX_TRIES);
	}
	fprintf(stderr, "UDPClientRetry: no reply after %d tries\n", MAX_TRIES);
	return -1;
}

// Send message to server (again if need be) and print the reply (which
// may hold any bytes, NUL included) on its own line. Returns 0, or -1
// after printing why.
static int exchange(int clientSocket, const struct addrinfo *server,
                    const char *message, size_t len)
{
	static char modifiedMessage[MAX_DATAGRAM];
	ssize_t n;
	if (send_and_retry(clientSocket, server, message, len, modifiedMessage,
	                   sizeof modifiedMessage, &n) < 0)
		return -1;
	fwrite(modifiedMessage, 1, (size_t)n, stdout);
	putchar('\n');
	if (fflush(stdout) != 0) {
		perror("UDPClientRetry: stdout");
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc > 3) {
		fprintf(stderr, "usage: UDPClientRetry [host [port]]\n");
		return 2;
	}
	const char *serverName = argc > 1 ? argv[1] : "localhost";
	const char *serverPort = argc > 2 ? argv[2] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "UDPClientRetry: bad port '%s': port must be a number from 1 to 65535\n",
		        serverPort);
		return 2;
	}
	struct addrinfo *list, *server;
	int clientSocket = open_client_socket(serverName, serverPort, &list, &server);
	if (clientSocket < 0)
		return 1;
	char *message = NULL;
	size_t len = 0;
	int ok = set_reply_timeout(clientSocket) == 0 &&
	         read_message(&message, &len) == 0 &&
	         exchange(clientSocket, server, message, len) == 0;
	free(message);
	close(clientSocket);
	freeaddrinfo(list);
	return ok ? 0 : 1;
}
