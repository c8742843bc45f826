// calls_bind.c: a test program for test_calls.c: a client that calls
// bind() on a port of its own before it sends, as the kit's clients
// should not. It learns a free port by binding a first socket to port 0,
// then binds the socket it sends from to that very port (SO_REUSEPORT on
// both: no other program can take the port meanwhile).
//   calls_bind udp PORT  sends one datagram "bound" to 127.0.0.1:PORT;
//   calls_bind tcp PORT  connects there and send()s 100000 bytes at once.
// Usage: calls_bind udp|tcp PORT
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BIG 100000

// A socket of type with SO_REUSEPORT, bound to 127.0.0.1:port; -1 on error
// (said on stderr).
static int bound_socket(int type, unsigned short port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	int one = 1, s = socket(AF_INET, type, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0) {
		perror("calls_bind: socket");
		return -1;
	}
	if (setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0 ||
	    bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
		perror("calls_bind: bind");
		close(s);
		return -1;
	}
	return s;
}

// The port socket s is bound to, or 0 (said on stderr).
static unsigned short port_of(int s)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	if (getsockname(s, (struct sockaddr *)&a, &len) < 0) {
		perror("calls_bind: getsockname");
		return 0;
	}
	return ntohs(a.sin_port);
}

// Send from s (bound) to to: one datagram, or (tcp) a connection and one
// send() of BIG bytes. 0, or 1 on error (said on stderr).
static int send_from(int s, int tcp, const struct sockaddr_in *to)
{
	static char big[BIG];
	if (!tcp) {
		if (sendto(s, "bound", 5, 0, (const struct sockaddr *)to, sizeof *to) < 0) {
			perror("calls_bind: sendto");
			return 1;
		}
		return 0;
	}
	if (connect(s, (const struct sockaddr *)to, sizeof *to) < 0) {
		perror("calls_bind: connect");
		return 1;
	}
	memset(big, 'x', sizeof big);
	if (send(s, big, sizeof big, 0) < 0)  // the server may close early
		perror("calls_bind: send");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "udp") && strcmp(argv[1], "tcp"))) {
		fprintf(stderr, "usage: calls_bind udp|tcp PORT\n");
		return 2;
	}
	int tcp = strcmp(argv[1], "tcp") == 0, type = tcp ? SOCK_STREAM : SOCK_DGRAM;
	struct sockaddr_in to = { .sin_family = AF_INET };
	to.sin_port = htons((unsigned short)atoi(argv[2]));
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int first = bound_socket(type, 0);
	unsigned short port = first < 0 ? 0 : port_of(first);
	int s = port ? bound_socket(type, port) : -1;
	if (s < 0)
		return 1;
	int rc = send_from(s, tcp, &to);
	printf("calls_bind: sent from port %u\n", port);
	close(s);
	close(first);
	return rc;
}
