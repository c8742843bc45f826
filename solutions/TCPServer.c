#define _POSIX_C_SOURCE 200809L
// TCPServer.c: the TCP server of Kurose & Ross §2.7.2, in C.
//
// Usage: TCPServer [port]    (port 12000 by default; 0 lets the OS choose)
//
// Accepts one client at a time (an iterative server, as in the book),
// sends its sentence back upper-cased, closes the connection, accepts the
// next; stops cleanly (exit status 0) on SIGINT (Ctrl-C) or SIGTERM.
//
// The message rule. A TCP connection carries a stream of bytes with no
// message boundaries, so the book's single recv(1024) may get only part of
// the sentence. Here the server upper-cases each chunk as it arrives and
// sends it straight back (a streaming echo), so it never waits for bytes
// a correct client will not send. The sentence ends at the client's FIN
// (TCPClient half-closes with shutdown(SHUT_WR) after sending it), or after
// a chunk holding a newline (so `nc` works as a client). Then the server
// closes the connection, and its FIN tells the client the reply is whole.
// The book's Python client, which neither half-closes nor sends a newline,
// works too: its recv() gets the echo, then it closes the connection.
//
// The deadline rule. An iterative server serves nobody else while it
// serves one client, so each client gets CLIENT_DEADLINE seconds for the
// whole exchange, counted from accept(): every recv() and send() may wait
// only for the time that is left. A client still not done then (one that
// sends nothing, trickles a byte now and then, or takes no reply) is
// dropped with a message, so it delays the next client by at most that.
// (A timeout on each recv() alone would not do: a byte every 2 seconds
// would restart it forever.)

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <sys/types.h>
#include <unistd.h>

#define BACKLOG        5  // connections the OS queues while we serve one
#define CLIENT_DEADLINE 3  // seconds a client has for its whole exchange

// SIGINT (Ctrl-C) or SIGTERM ends the server with exit status 0. A signal
// handler may only make async-signal-safe calls: _exit() is one (exit() is
// not, it runs stdio code the signal may have interrupted). There is
// nothing to clean up: the kernel closes the sockets.
static void on_signal(int sig)
{
	(void)sig;
	_exit(0);
}

// Make SIGINT and SIGTERM call on_signal, and ignore SIGPIPE: send() on a
// connection the client has closed raises SIGPIPE, which kills by
// default; ignored, send() fails with EPIPE and we go on. Returns 0, or -1
// after printing why.
static int set_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0 ||
	    signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
		perror("TCPServer: sigaction");
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

// Make a TCP socket for the local address ai, bind it there and listen.
// SO_REUSEADDR lets a restarted server bind its port while connections of
// the previous run linger in TIME_WAIT. An IPv6 socket gets IPV6_V6ONLY
// turned off, so that it also accepts IPv4 clients (they appear as
// ::ffff:a.b.c.d). Returns the socket, or -1 with errno set and *call
// naming the call that failed.
static int listen_socket(const struct addrinfo *ai, const char **call)
{
	int serverSocket = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
	if (serverSocket < 0) {
		*call = "socket";
		return -1;
	}
	int on = 1, off = 0;
	if (setsockopt(serverSocket, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0)
		*call = "setsockopt SO_REUSEADDR";
	else if (ai->ai_family == AF_INET6 &&
	         setsockopt(serverSocket, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) < 0)
		*call = "setsockopt IPV6_V6ONLY";
	else if (bind(serverSocket, ai->ai_addr, ai->ai_addrlen) < 0)
		*call = "bind";
	else if (listen(serverSocket, BACKLOG) < 0)  // now it is the welcoming socket
		*call = "listen";
	else
		return serverSocket;
	int saved = errno;
	close(serverSocket);
	errno = saved;
	return -1;
}

// Open the server's welcoming socket on serverPort, for every local
// address: getaddrinfo with AI_PASSIVE gives the "any address" of each
// family; we take the IPv6 one first (one dual-stack socket serves both
// families) and fall back to IPv4 where IPv6 is unavailable. Returns the
// socket, or -1 after printing why.
static int open_server_socket(const char *serverPort)
{
	struct addrinfo hints, *res;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int err = getaddrinfo(NULL, serverPort, &hints, &res);
	if (err != 0) {
		fprintf(stderr, "TCPServer: getaddrinfo: %s\n", gai_strerror(err));
		return -1;
	}
	int serverSocket = -1;
	const char *call = "getaddrinfo";
	int families[] = { AF_INET6, AF_INET };  // IPv6 results first, then IPv4
	for (int f = 0; f < 2 && serverSocket < 0; f++)
		for (struct addrinfo *ai = res; ai && serverSocket < 0; ai = ai->ai_next)
			if (ai->ai_family == families[f])
				serverSocket = listen_socket(ai, &call);
	if (serverSocket < 0)
		fprintf(stderr, "TCPServer: %s: %s\n", call, strerror(errno));
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
		perror("TCPServer: getsockname");
		return -1;
	}
	int port = serverAddress.ss_family == AF_INET6
	         ? ntohs(((struct sockaddr_in6 *)&serverAddress)->sin6_port)
	         : ntohs(((struct sockaddr_in *)&serverAddress)->sin_port);
	printf("The server is ready to receive on port %d\n", port);
	if (fflush(stdout) != 0) {
		perror("TCPServer: stdout");
		return -1;
	}
	return 0;
}

// Seconds on the monotonic clock: it only goes forward, whatever happens
// to the time of day.
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// Make the next recv() or send() on the connection give up (EAGAIN or
// EWOULDBLOCK) when the client's deadline comes. Returns 0, or -1 with
// errno set: ETIMEDOUT if the deadline has passed already.
static int wait_until(int connectionSocket, double deadline)
{
	double left = deadline - now_seconds();
	if (left <= 0) {
		errno = ETIMEDOUT;
		return -1;
	}
	struct timeval tv;
	tv.tv_sec = (time_t)left;
	tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
	if (tv.tv_sec == 0 && tv.tv_usec == 0)
		tv.tv_usec = 1;  // a timeout of 0 would mean "wait forever"
	if (setsockopt(connectionSocket, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
	    setsockopt(connectionSocket, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
		return -1;
	return 0;
}

// Send all len bytes of capitalizedSentence before the deadline: send()
// may take fewer than asked (it copies what fits into the socket's send
// buffer), so loop until all are gone. Returns 0, or -1 with errno set.
static int send_all(int connectionSocket, const char *capitalizedSentence, size_t len,
                    double deadline)
{
	while (len > 0) {
		if (wait_until(connectionSocket, deadline) < 0)
			return -1;
		ssize_t n = send(connectionSocket, capitalizedSentence, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		capitalizedSentence += n;
		len -= (size_t)n;
	}
	return 0;
}

// Serve one client on connectionSocket by the message rule above: receive
// a chunk, upper-case it, send it all back, until the client's FIN or a
// chunk holding '\n', all within CLIENT_DEADLINE seconds (the deadline
// rule). Returns 0, or -1 with errno set and *call naming the call that
// failed.
static int serve_client(int connectionSocket, const char **call)
{
	char sentence[4096];
	double deadline = now_seconds() + CLIENT_DEADLINE;
	for (;;) {
		*call = "setsockopt";
		if (wait_until(connectionSocket, deadline) < 0)
			return -1;
		*call = "recv";
		ssize_t n = recv(connectionSocket, sentence, sizeof sentence, 0);
		if (n == 0)
			return 0;  // the client's FIN: the whole sentence has come
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		char *capitalizedSentence = sentence;  // upper-cased in place
		upper_ascii(capitalizedSentence, (size_t)n);
		*call = "send";
		if (send_all(connectionSocket, capitalizedSentence, (size_t)n, deadline) < 0)
			return -1;
		if (memchr(sentence, '\n', (size_t)n) != NULL)
			return 0;  // a line: the whole sentence for a client like nc
	}
}

// Report on stderr that serving the client at address `who` failed in
// `call` with error number err; the server goes on with the next client.
static void report_client(const char *who, const char *call, int err)
{
	if (err == EAGAIN || err == EWOULDBLOCK || err == ETIMEDOUT)
		fprintf(stderr, "TCPServer: client %s: not done within %d seconds, "
		        "dropping the connection\n", who, CLIENT_DEADLINE);
	else
		fprintf(stderr, "TCPServer: client %s: %s: %s\n", who, call, strerror(err));
}

// The textbook's while-True loop: accept a connection (a new socket for
// this client, while serverSocket goes on welcoming others), serve it,
// close it. Returns only if accept fails, after saying why. (SIGINT and
// SIGTERM end the program in on_signal.)
static void serve(int serverSocket)
{
	for (;;) {
		struct sockaddr_storage clientAddress;
		socklen_t clientAddressLen = sizeof clientAddress;
		int connectionSocket = accept(serverSocket, (struct sockaddr *)&clientAddress,
		                              &clientAddressLen);
		if (connectionSocket < 0 && (errno == EINTR || errno == ECONNABORTED))
			continue;  // a signal that did not end us, or a client gone already
		if (connectionSocket < 0) {
			perror("TCPServer: accept");
			return;
		}
		const char *call;
		if (serve_client(connectionSocket, &call) < 0) {
			int err = errno;
			char who[96];
			describe((struct sockaddr *)&clientAddress, clientAddressLen, who, sizeof who);
			report_client(who, call, err);
		}
		close(connectionSocket);  // our FIN: the reply is complete
	}
}

int main(int argc, char *argv[])
{
	if (argc > 2) {
		fprintf(stderr, "usage: TCPServer [port]\n");
		return 2;
	}
	const char *serverPort = argc == 2 ? argv[1] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "TCPServer: bad port '%s': port must be a number from 0 to 65535\n",
		        serverPort);
		return 2;
	}
	if (set_signals() < 0)
		return 1;
	int serverSocket = open_server_socket(serverPort);
	if (serverSocket < 0)
		return 1;
	if (announce(serverSocket) == 0)
		serve(serverSocket);  // returns only if accept fails
	close(serverSocket);
	return 1;
}
