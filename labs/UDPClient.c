#define _POSIX_C_SOURCE 200809L
// UDPClient.c: the UDP client of Kurose & Ross §2.7.1, in C.
//
// Usage: UDPClient [host [port]]    (localhost and 12000 by default)
//
// Reads one line, sends it to UDPServer in one datagram, prints the
// upper-cased reply. Differences from the textbook's UDPClient.py, and why:
//  - host and port come from the command line, as a name, an IPv4 or an
//    IPv6 address (getaddrinfo finds out which);
//  - the line's newline is not sent, and a line of any length is read
//    (Python 3's input() does the same; raw_input() is Python 2);
//  - the reply buffer holds any datagram (the book's 2048 bytes would cut
//    a longer reply short);
//  - the book's client waits forever for a reply that may never come: UDP
//    has no connection, so nothing tells the client that no server is
//    listening. Ours gives up after 3 seconds and says so.

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

// Lab skeleton: fill in the blanks, in order. Each todo(n) stands for
// code you write, described by the "TODO n" comment above it; until
// then the program stops there and says which blank it reached.
_Noreturn int todo(int n, ...);
// Until the blanks are filled in, some variables are not used yet.
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-variable"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wunused-but-set-parameter"

#define REPLY_TIMEOUT 3      // seconds to wait for the reply
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
// for the first address it can. Sets *server to that address and *listp
// to the list holding it (for the caller to freeaddrinfo). Returns the
// socket, or -1 after printing why (and then nothing is left to free).
static int open_client_socket(const char *serverName, const char *serverPort,
                              struct addrinfo **listp, struct addrinfo **server)
{
	struct addrinfo hints, *list;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	// TODO 1: the type of socket UDP uses, for hints.ai_socktype (§2.7.1; Lab 1 part 3, 'Make the socket')
	hints.ai_socktype = todo(1);
	hints.ai_flags = AI_NUMERICSERV;
	// TODO 2: look up serverName and serverPort into list: call getaddrinfo() (§2.7.1; Lab 1 part 3, 'Make the socket')
	int err = todo(2);
	if (err != 0) {
		fprintf(stderr, "UDPClient: getaddrinfo: %s: %s\n", serverName, gai_strerror(err));
		return -1;
	}
	// Like the book's client, we do not bind(): the OS picks our port at
	// the first sendto().
	for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
		// TODO 3: make the client's socket for this address: call socket() (§2.7.1; Lab 1 part 3, 'Make the socket')
		int clientSocket = todo(3);
		if (clientSocket >= 0) {
			*listp = list;
			*server = ai;
			return clientSocket;
		}
	}
	perror("UDPClient: socket");
	freeaddrinfo(list);
	return -1;
}

// Make recvfrom on the socket give up after REPLY_TIMEOUT seconds, failing
// with EAGAIN (or EWOULDBLOCK). Returns 0, or -1 after printing why.
static int set_reply_timeout(int clientSocket)
{
	struct timeval tv = { .tv_sec = REPLY_TIMEOUT, .tv_usec = 0 };
	if (setsockopt(clientSocket, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
		perror("UDPClient: setsockopt SO_RCVTIMEO");
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
			perror("UDPClient: getline");
		else
			fprintf(stderr, "UDPClient: no sentence to send: standard input is empty\n");
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

// Send message to server in one datagram and print the reply (which may
// hold any bytes, NUL included) on its own line. Returns 0, or -1 after
// printing why.
static int exchange(int clientSocket, const struct addrinfo *server,
                    const char *serverName, const char *serverPort,
                    const char *message, size_t len)
{
	// sendto attaches the destination address to the datagram; the OS adds
	// the source address (ours) and picks our port.
	// TODO 4: send the len bytes of message in one datagram to the server: call sendto() (§2.7.1; Lab 1 part 3, 'Send the sentence')
	if (todo(4) < 0) {
		perror("UDPClient: sendto");
		return -1;
	}
	static char modifiedMessage[MAX_DATAGRAM];
	struct sockaddr_storage serverAddress;  // who sent the reply (unused, as in the book)
	socklen_t serverAddressLen = sizeof serverAddress;
	// TODO 5: receive the reply into modifiedMessage and its sender into serverAddress: call recvfrom() (§2.7.1; Lab 1 part 3, 'Receive the reply')
	ssize_t n = todo(5);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		fprintf(stderr, "UDPClient: no reply from %s port %s within %d seconds: "
		        "is UDPServer running there? (UDP has no connection, so nothing "
		        "tells the client when no server is listening)\n",
		        serverName, serverPort, REPLY_TIMEOUT);
		return -1;
	}
	if (n < 0) {
		perror("UDPClient: recvfrom");
		return -1;
	}
	fwrite(modifiedMessage, 1, (size_t)n, stdout);
	putchar('\n');
	if (fflush(stdout) != 0) {
		perror("UDPClient: stdout");
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc > 3) {
		fprintf(stderr, "usage: UDPClient [host [port]]\n");
		return 2;
	}
	const char *serverName = argc > 1 ? argv[1] : "localhost";
	const char *serverPort = argc > 2 ? argv[2] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "UDPClient: bad port '%s': port must be a number from 1 to 65535\n",
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
	         exchange(clientSocket, server, serverName, serverPort, message, len) == 0;
	free(message);
	// TODO 6: give the socket back to the OS: call close() (§2.7.1; Lab 1 part 3, 'Close')
	todo(6);
	freeaddrinfo(list);
	return ok ? 0 : 1;
}

// ---- Lab scaffolding: todo() stands in for the code of each blank. ----

static const char *const todo_hints[] = {
	[1] = "the type of socket UDP uses, for hints.ai_socktype (§2.7.1; Lab 1 part 3, 'Make the socket')",
	[2] = "look up serverName and serverPort into list: call getaddrinfo() (§2.7.1; Lab 1 part 3, 'Make the socket')",
	[3] = "make the client's socket for this address: call socket() (§2.7.1; Lab 1 part 3, 'Make the socket')",
	[4] = "send the len bytes of message in one datagram to the server: call sendto() (§2.7.1; Lab 1 part 3, 'Send the sentence')",
	[5] = "receive the reply into modifiedMessage and its sender into serverAddress: call recvfrom() (§2.7.1; Lab 1 part 3, 'Receive the reply')",
	[6] = "give the socket back to the OS: call close() (§2.7.1; Lab 1 part 3, 'Close')",
};

// Say that blank n is not filled in yet, and stop the program.
_Noreturn int todo(int n, ...)
{
	fprintf(stderr, "UDPClient: TODO %d is not done yet: %s\n", n, todo_hints[n]);
	exit(1);
}
