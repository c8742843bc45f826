// calls_threads.c: a test program for test_calls.c. Two threads each
// send one datagram ("thread 1", "thread 2") to 127.0.0.1:PORT from one
// socket; a third waits in recvfrom() for a reply that never comes, and
// the program exits while it waits (a call that never returns).
// Usage: calls_threads PORT
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int sock;
static struct sockaddr_in to;

// Send "thread N" (arg N) to the port.
static void *sender(void *arg)
{
	char msg[16];
	snprintf(msg, sizeof msg, "thread %d", (int)(long)arg);
	if (sendto(sock, msg, strlen(msg), 0, (struct sockaddr *)&to, sizeof to) < 0)
		perror("calls_threads: sendto");
	return NULL;
}

// Wait for a datagram that never comes.
static void *waiter(void *arg)
{
	char buf[64];
	(void)arg;
	if (recv(sock, buf, sizeof buf, 0) < 0)
		perror("calls_threads: recv");
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[3];
	if (argc != 2) {
		fprintf(stderr, "usage: calls_threads PORT\n");
		return 2;
	}
	sock = socket(AF_INET, SOCK_DGRAM, 0);
	if (sock < 0) {
		perror("calls_threads: socket");
		return 1;
	}
	to.sin_family = AF_INET;
	to.sin_port = htons((unsigned short)atoi(argv[1]));
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (long i = 0; i < 2; i++) {  // one after the other: a known order
		if (pthread_create(&t[i], NULL, sender, (void *)(i + 1)) != 0)
			return 1;
		pthread_join(t[i], NULL);
	}
	if (pthread_create(&t[2], NULL, waiter, NULL) != 0)
		return 1;
	usleep(200 * 1000);  // let the waiter block: what is tested is exit() then
	printf("calls_threads: sent 2\n");
	return 0;            // ends the waiting thread mid-call
}
