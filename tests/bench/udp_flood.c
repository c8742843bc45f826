// udp_flood.c: send UDP datagrams of a fixed length at a fixed rate to a
// socket of its own on the loopback, for the live side of `make bench`.
//
// Usage: udp_flood RATE LENGTH SECONDS
// Sends RATE datagrams a second (paced each millisecond on an absolute
// clock) of LENGTH bytes to 127.0.0.1, to a port it binds itself and
// never reads (so no ICMP answers), and prints "sent N".
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

// Open the sink (bound, never read) and a sender connected to it.
// Returns the sender's socket, or -1 after printing why.
static int open_pair(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof a;
	int sink = socket(AF_INET, SOCK_DGRAM, 0);
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (sink < 0 || s < 0 || bind(sink, (struct sockaddr *)&a, sizeof a) < 0 ||
	    getsockname(sink, (struct sockaddr *)&a, &len) < 0 ||
	    connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
		fprintf(stderr, "udp_flood: socket setup: %s\n", strerror(errno));
		return -1;
	}
	return s;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: udp_flood RATE LENGTH SECONDS\n");
		return 2;
	}
	long rate = atol(argv[1]), length = atol(argv[2]), seconds = atol(argv[3]);
	if (rate <= 0 || length <= 0 || length > 65000 || seconds <= 0) {
		fprintf(stderr, "udp_flood: bad arguments\n");
		return 2;
	}
	int s = open_pair();
	if (s < 0)
		return 1;
	char *buf = malloc((size_t)length);
	if (buf == NULL)
		return 1;
	memset(buf, 'x', (size_t)length);
	struct timespec tick;
	clock_gettime(CLOCK_MONOTONIC, &tick);
	long sent = 0, total = rate * seconds;
	for (long ms = 1; sent < total; ms++) {
		long due = rate * ms / 1000;  // datagrams due by the end of this ms
		for (; sent < due && sent < total; sent++)
			if (send(s, buf, (size_t)length, 0) < 0 && errno != ENOBUFS) {
				fprintf(stderr, "udp_flood: send: %s\n", strerror(errno));
				return 1;
			}
		tick.tv_nsec += 1000000;
		if (tick.tv_nsec >= 1000000000) {
			tick.tv_sec++;
			tick.tv_nsec -= 1000000000;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &tick, NULL);
	}
	printf("sent %ld\n", sent);
	free(buf);
	return 0;
}
