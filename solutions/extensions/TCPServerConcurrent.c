#define _POSIX_C_SOURCE 200809L
// TCPServerConcurrent.c: extension E4 (handouts/extensions.md): a TCP
// server for several clients at once, in C.
//
// Usage: TCPServerConcurrent [port]    (port 12000 by default; 0 lets the OS choose)
//
// TCPServer.c serves one client at a time: while it waits for a slow
// client, the others wait in the welcoming socket's queue. This one
// fork()s a child process for each connection it accepts: the child
// serves that client (exactly as TCPServer does, by the same message
// rule) and exits, while the parent goes straight back to accept() the
// next client. So a client that sends nothing, or half a sentence, holds
// up only its own child. Stops cleanly (exit status 0) on SIGINT (Ctrl-C)
// or SIGTERM.
//
// Two rules keep the processes and descriptors in order:
//  - each process closes the socket it does not use: the child the
//    welcoming socket, the parent the connection socket (without that
//    close, the parent's copy would keep the connection open after the
//    child's close(), no FIN would be sent, and the client would wait);
//  - the parent reaps each child that has exited with waitpid(), in a
//    SIGCHLD handler; otherwise every client served leaves a zombie.
//
// The message rule (as in TCPServer.c). The server upper-cases each chunk
// as it arrives and sends it straight back; the sentence ends at the
// client's FIN or after a chunk holding a newline. A client that sends
// nothing for 3 seconds, or cannot take the reply for 3 seconds, is
// dropped with a message.

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define BACKLOG       32  // connections the OS queues until we accept them
#define CLIENT_TIMEOUT 3  // seconds a client may keep us waiting

// SIGINT (Ctrl-C) or SIGTERM ends the server with exit status 0. A signal
// handler may only make async-signal-safe calls: _exit() is one (exit() is
// not, it runs stdio code the signal may have interrupted). There is
// nothing to clean up: the kernel closes the sockets.
static void on_signal(int sig)
{
	(void)sig;
	_exit(0);
}

// Reap every child that has exited (a child not reaped stays a zombie).
// waitpid() may change errno, which the interrupted code may be about to
// read: keep it.
static void on_child(int sig)
{
	(void)sig;
	int saved = errno;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	errno = saved;
}

// Make SIGINT and SIGTERM call on_signal, reap children on SIGCHLD, and
// ignore SIGPIPE. With SA_RESTART, an accept() interrupted by SIGCHLD
// simply goes on. SIGPIPE is raised by send() on a connection the
// client has closed and kills by default; ignored, send() fails with EPIPE
// and we go on. Returns 0, or -1 after printing why.
static int set_signals(void)
{
	struct sigaction sa, sc;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	memset(&sc, 0, sizeof sc);
	sc.sa_handler = on_child;
	sigemptyset(&sc.sa_mask);
	sc.sa_flags = SA_RESTART | SA_NOCLDSTOP;  // only children that exited
	if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0 ||
	    sigaction(SIGCHLD, &sc, NULL) < 0 || signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
		perror("TCPServerConcurrent: sigaction");
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
		fprintf(stderr, "TCPServerConcurrent: getaddrinfo: %s\n", gai_strerror(err));
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
		fprintf(stderr, "TCPServerConcurrent: %s: %s\n", call, strerror(errno));
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
		perror("TCPServerConcurrent: getsockname");
		return -1;
	}
	int port = serverAddress.ss_family == AF_INET6
	         ? ntohs(((struct sockaddr_in6 *)&serverAddress)->sin6_port)
	         : ntohs(((struct sockaddr_in *)&serverAddress)->sin_port);
	printf("The server is ready to receive on port %d\n", port);
	if (fflush(stdout) != 0) {
		perror("TCPServerConcurrent: stdout");
		return -1;
	}
	return 0;
}

// Make recv() and send() on the connection give up (EAGAIN or
// EWOULDBLOCK) after CLIENT_TIMEOUT seconds. Returns 0 or -1 (errno set).
static int set_client_timeouts(int connectionSocket)
{
	struct timeval tv = { .tv_sec = CLIENT_TIMEOUT, .tv_usec = 0 };
	if (setsockopt(connectionSocket, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
	    setsockopt(connectionSocket, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
		return -1;
	return 0;
}

// Send all len bytes of buf: send() may take fewer than asked (it copies
// what fits into the socket's send buffer), so loop until all are gone.
// Returns 0, or -1 with errno set.
static int send_all(int s, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(s, buf, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

// Serve one client on connectionSocket by the message rule above: receive
// a chunk, upper-case it, send it all back, until the client's FIN or a
// chunk holding '\n'. Returns 0, or -1 with errno set and *call naming
// the call that failed.
static int serve_client(int connectionSocket, const char **call)
{
	char sentence[4096];
	*call = "setsockopt";
	if (set_client_timeouts(connectionSocket) < 0)
		return -1;
	for (;;) {
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
		if (send_all(connectionSocket, capitalizedSentence, (size_t)n) < 0)
			return -1;
		if (memchr(sentence, '\n', (size_t)n) != NULL)
			return 0;  // a line: the whole sentence for a client like nc
	}
}

// Report on stderr that serving the client at address `who` failed in
// `call` with error number err; the server goes on with the next client.
static void report_client(const char *who, const char *call, int err)
{
	if ((err == EAGAIN || err == EWOULDBLOCK) && strcmp(call, "recv") == 0)
		fprintf(stderr, "TCPServerConcurrent: client %s: recv: no data for %d seconds, "
		        "dropping the connection\n", who, CLIENT_TIMEOUT);
	else if (err == EAGAIN || err == EWOULDBLOCK)
		fprintf(stderr, "TCPServerConcurrent: client %s: %s: the client took no data for %d "
		        "seconds, dropping the connection\n", who, call, CLIENT_TIMEOUT);
	else
		fprintf(stderr, "TCPServerConcurrent: client %s: %s: %s\n", who, call, strerror(err));
}

// In the child process: serve the client on connectionSocket, report a
// failure, close the connection (our FIN: the reply is complete) and exit.
// Never returns. _exit(), not exit(): the stdio buffers copied from the
// parent are the parent's to flush.
static void serve_in_child(int connectionSocket, const struct sockaddr *clientAddress,
                           socklen_t clientAddressLen)
{
	const char *call;
	if (serve_client(connectionSocket, &call) < 0) {
		int err = errno;
		char who[96];
		describe(clientAddress, clientAddressLen, who, sizeof who);
		report_client(who, call, err);
	}
	close(connectionSocket);
	_exit(0);
}

// The textbook's while-True loop, one process per client: accept a
// connection, fork() a child to serve it, close the parent's copy of the
// connection socket and accept the next at once. Returns only if accept
// fails, after saying why. (SIGINT and SIGTERM end the program in
// on_signal.)
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
			perror("TCPServerConcurrent: accept");
			return;
		}
		pid_t pid = fork();
		if (pid == 0) {
			close(serverSocket);  // the child only serves its client
			serve_in_child(connectionSocket, (struct sockaddr *)&clientAddress,
			               clientAddressLen);
		}
		if (pid < 0)
			perror("TCPServerConcurrent: fork");  // this client is dropped
		close(connectionSocket);  // the child has its own copy
	}
}

int main(int argc, char *argv[])
{
	if (argc > 2) {
		fprintf(stderr, "usage: TCPServerConcurrent [port]\n");
		return 2;
	}
	const char *serverPort = argc == 2 ? argv[1] : "12000";
	if (check_port(serverPort) < 0) {
		fprintf(stderr, "TCPServerConcurrent: bad port '%s': port must be a number from 0 to 65535\n",
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
