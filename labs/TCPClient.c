#define _POSIX_C_SOURCE 200809L
// TCPClient.c: the TCP client of Kurose & Ross §2.7.2, in C.
//
// Usage: TCPClient [host [port]]    (localhost and 12000 by default)
//
// Connects to TCPServer, reads one line, sends it, prints the upper-cased
// reply after "From Server: ".
//
// The message rule. A TCP connection carries a stream of bytes with no
// message boundaries: one send() may arrive in several recv()s and several
// in one. So the client sends the whole sentence (send() may take only part
// of it: we loop), then half-closes the connection with shutdown(SHUT_WR):
// its FIN tells the server "that was the whole sentence". It then receives
// until the server's FIN (recv() returns 0), because one recv() is not one
// message: the textbook's single recv(1024) can return part of the reply.
// (The server echoes while we are still sending, and we read only once
// all is sent: the echo waits in the connection's buffers meanwhile. That
// holds a line of up to a few megabytes; past that both sides wait on
// each other until the server gives up, after 3 seconds.)

#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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

// Connect to serverName at serverPort: look up its addresses (IPv4 and
// IPv6 alike: AF_UNSPEC) and try each in turn until one accepts. connect()
// runs TCP's three-way handshake. Returns the connected socket, or -1
// after printing why the last attempt failed.
static int connect_to_server(const char *serverName, const char *serverPort)
{
	struct addrinfo hints, *res;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	// TODO 1: the type of socket TCP uses, for hints.ai_socktype (§2.7.2; Lab 2 part 4, 'Make the socket and connect')
	hints.ai_socktype = todo(1);
	hints.ai_flags = AI_NUMERICSERV;
	// TODO 2: look up serverName and serverPort into res: call getaddrinfo() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')
	int err = todo(2);
	if (err != 0) {
		fprintf(stderr, "TCPClient: getaddrinfo: %s: %s\n", serverName, gai_strerror(err));
		return -1;
	}
	int clientSocket = -1;
	const char *call = "socket";
	for (struct addrinfo *ai = res; ai && clientSocket < 0; ai = ai->ai_next) {
		// TODO 3: make the client's socket for this address: call socket() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')
		clientSocket = todo(3);
		if (clientSocket < 0)
			continue;
		// TODO 4: connect to the server (the three-way handshake): call connect() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')
		if (todo(4) < 0) {
			call = "connect";
			int saved = errno;
			close(clientSocket);
			errno = saved;
			clientSocket = -1;
		}
	}
	if (clientSocket < 0)
		fprintf(stderr, "TCPClient: %s: %s\n", call, strerror(errno));
	freeaddrinfo(res);
	return clientSocket;
}

// Prompt, then read one line of any length from standard input into a
// malloc'd *sentence (the caller frees it) of *len bytes, without its
// newline. An empty line is a valid, zero-length sentence. Returns 0, or
// -1 after printing why (end of input before any byte, or a read error).
static int read_sentence(char **sentence, size_t *len)
{
	printf("Input lowercase sentence:");
	fflush(stdout);
	size_t cap = 0;
	*sentence = NULL;
	ssize_t n = getline(sentence, &cap, stdin);
	if (n < 0) {
		int saved = errno;
		putchar('\n');  // end the prompt's line before the error
		fflush(stdout);
		errno = saved;
		if (ferror(stdin))
			perror("TCPClient: getline");
		else
			fprintf(stderr, "TCPClient: no sentence to send: standard input is empty\n");
		free(*sentence);
		*sentence = NULL;
		return -1;
	}
	if (n > 0 && (*sentence)[n - 1] == '\n')
		n--;  // the newline ends the line; it is not part of the sentence
	*len = (size_t)n;
	// Typed input ended the prompt's line with its Enter; input from a
	// file or pipe did not, so end it here and the reply gets its own line.
	if (!isatty(STDIN_FILENO))
		putchar('\n');
	fflush(stdout);
	return 0;
}

// Send all len bytes of sentence: send() may take fewer than asked (it
// copies what fits into the socket's send buffer), so loop until all are
// gone. Returns 0, or -1 with errno set.
static int send_all(int clientSocket, const char *sentence, size_t len)
{
	while (len > 0) {
		// TODO 5: send what is left of sentence: call send(); it returns how many bytes it took (§2.7.2; Lab 2 part 4, 'Send the sentence')
		ssize_t n = todo(5);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		sentence += n;
		len -= (size_t)n;
	}
	return 0;
}

// Receive until the server closes its side (recv() returns 0: its FIN),
// collecting the bytes into a malloc'd *reply of *replyLen bytes (the
// caller frees it). Returns 0, or -1 after printing why (and then nothing
// is left to free).
static int recv_all(int clientSocket, char **reply, size_t *replyLen)
{
	size_t cap = 4096, got = 0;  // room in modifiedSentence, bytes in it
	char *modifiedSentence = malloc(cap);
	if (modifiedSentence == NULL) {
		perror("TCPClient: malloc");
		return -1;
	}
	for (;;) {
		if (got == cap) {
			char *bigger = realloc(modifiedSentence, cap * 2);
			if (bigger == NULL) {
				perror("TCPClient: realloc");
				free(modifiedSentence);
				return -1;
			}
			modifiedSentence = bigger;
			cap *= 2;
		}
		// TODO 7: receive more of the reply after the got bytes already in modifiedSentence: call recv(); 0 means the server closed (§2.7.2; Lab 2 part 4, 'Receive the whole reply')
		ssize_t n = todo(7);
		if (n == 0)
			break;  // the server's FIN: the whole reply is here
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			perror("TCPClient: recv");
			free(modifiedSentence);
			return -1;
		}
		got += (size_t)n;
	}
	*reply = modifiedSentence;
	*replyLen = got;
	return 0;
}

// Send the whole sentence, half-close, receive the whole reply and print
// it after "From Server: ". Returns 0, or -1 after printing why.
static int exchange(int clientSocket, const char *sentence, size_t len)
{
	if (send_all(clientSocket, sentence, len) < 0) {
		perror("TCPClient: send");
		return -1;
	}
	// Half-close: our FIN says "that was the whole sentence"; we can still
	// receive on the socket.
	// TODO 6: half-close: say 'that was the whole sentence' with shutdown(SHUT_WR) (§2.7.2; Lab 2 part 4, 'Half-close')
	if (todo(6) < 0) {
		perror("TCPClient: shutdown");
		return -1;
	}
	char *modifiedSentence;
	size_t modifiedLen;
	if (recv_all(clientSocket, &modifiedSentence, &modifiedLen) < 0)
		return -1;
	printf("From Server: ");
	fwrite(modifiedSentence, 1, modifiedLen, stdout);
	putchar('\n');
	free(modifiedSentence);
	if (fflush(stdout) != 0) {
		perror("TCPClient: stdout");
		return -1;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc > 3) {
		fprintf(stderr, "usage: TCPClient [host [port]]\n");
		return 2;
	}
	const char *serverName = argc > 1 ? argv[1] : "localhost";
	const char *serverPort = argc > 2 ? argv[2] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "TCPClient: bad port '%s': port must be a number from 1 to 65535\n",
		        serverPort);
		return 2;
	}
	// Sending on a connection the server has closed raises SIGPIPE, which
	// kills by default; ignored, send() fails with EPIPE and we report it.
	signal(SIGPIPE, SIG_IGN);

	// As in the book, connect before asking for the sentence.
	int clientSocket = connect_to_server(serverName, serverPort);
	if (clientSocket < 0)
		return 1;
	char *sentence = NULL;  // read_sentence leaves it NULL when it fails
	size_t len = 0;
	int ok = read_sentence(&sentence, &len) == 0 &&
	         exchange(clientSocket, sentence, len) == 0;
	free(sentence);
	// TODO 8: close the connection: call close() (§2.7.2; Lab 2 part 4, 'Close')
	todo(8);  // closes the connection (the rest of TCP's goodbye)
	return ok ? 0 : 1;
}

// ---- Lab scaffolding: todo() stands in for the code of each blank. ----

static const char *const todo_hints[] = {
	[1] = "the type of socket TCP uses, for hints.ai_socktype (§2.7.2; Lab 2 part 4, 'Make the socket and connect')",
	[2] = "look up serverName and serverPort into res: call getaddrinfo() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')",
	[3] = "make the client's socket for this address: call socket() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')",
	[4] = "connect to the server (the three-way handshake): call connect() (§2.7.2; Lab 2 part 4, 'Make the socket and connect')",
	[5] = "send what is left of sentence: call send(); it returns how many bytes it took (§2.7.2; Lab 2 part 4, 'Send the sentence')",
	[6] = "half-close: say 'that was the whole sentence' with shutdown(SHUT_WR) (§2.7.2; Lab 2 part 4, 'Half-close')",
	[7] = "receive more of the reply after the got bytes already in modifiedSentence: call recv(); 0 means the server closed (§2.7.2; Lab 2 part 4, 'Receive the whole reply')",
	[8] = "close the connection: call close() (§2.7.2; Lab 2 part 4, 'Close')",
};

// Say that blank n is not filled in yet, and stop the program.
_Noreturn int todo(int n, ...)
{
	fprintf(stderr, "TCPClient: TODO %d is not done yet: %s\n", n, todo_hints[n]);
	exit(1);
}
