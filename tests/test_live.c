// test_live.c: `socktrace -i lo` on a private loopback: it says what it
// listens to, annotates packets as they arrive (a datagram to a closed
// port and the ICMP port unreachable answering it), stops cleanly on
// SIGINT with exit status 0, and prints "N packets received, N dropped".
// The test program moves itself into a new network namespace first (as
// root, or through a user namespace); where neither is allowed, the test
// is skipped.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static int have_netns;  // 1 once this process is in its own network

// Write s to the file at path. 0 or -1.
static int write_text(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n = fd < 0 ? -1 : write(fd, s, strlen(s));
	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

// Enter a new network namespace (with a user namespace when not root).
static int enter_netns(void)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (geteuid() == 0)
		return unshare(CLONE_NEWNET);
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
		return -1;
	snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
	if (write_text("/proc/self/uid_map", map) < 0)
		return -1;
	write_text("/proc/self/setgroups", "deny");
	snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
	return write_text("/proc/self/gid_map", map);
}

// Bring the namespace's loopback interface up.
static int loopback_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int rc = -1;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP;
		rc = ioctl(fd, SIOCSIFFLAGS, &ifr);
	}
	close(fd);
	return rc;
}

// Send one datagram to 127.0.0.1:12000, where nothing listens.
static void send_to_closed_port(void)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(12000) };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	assert_true(fd >= 0);
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(sendto(fd, "anyone?", 7, 0, (struct sockaddr *)&to,
	                        sizeof to), 7);
	close(fd);
}

// Read lines from fd until one contains want (or time runs out).
static int wait_for_line(int fd, const char *want, int timeout_ms)
{
	char line[1024];

	while (read_line(fd, line, sizeof line, timeout_ms) >= 0)
		if (strstr(line, want))
			return 0;
	return -1;
}

static void live_capture_annotates_and_stops_on_sigint(void **state)
{
	char *argv[] = { (char *)harness_path("socktrace"), "-q", "-i", "lo", NULL };
	char err[4096];
	struct proc p;
	int status;
	(void)state;
	if (!have_netns)
		skip();
	assert_int_equal(proc_start(&p, argv), 0);
	assert_int_equal(wait_for_line(p.err, "listening on lo, filter 'port 12000 or icmp or icmp6 or (ip[6:2] & 0x1fff != 0) or ip6[6] == 44'", 10000), 0);
	send_to_closed_port();
	assert_int_equal(wait_for_line(p.out, "127.0.0.1:12000 len 7 udp-request", 10000), 0);
	assert_int_equal(wait_for_line(p.out, "icmp-unreachable", 10000), 0);
	assert_int_equal(kill(p.pid, SIGINT), 0);
	status = proc_wait(&p, 10000);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(read_all(p.err, err, sizeof err, 5000) >= 0);
	assert_non_null(strstr(err, " packets received, 0 dropped\n"));
	proc_kill(&p);
}

static void live_capture_bad_interface(void **state)
{
	char *argv[] = { (char *)harness_path("socktrace"), "-i", "nosuch0", NULL };
	struct run r;
	(void)state;
	if (!have_netns)
		skip();
	assert_int_equal(proc_run(&r, argv, NULL, 0, 10000), 0);
	assert_true(WIFEXITED(r.status));
	assert_int_equal(WEXITSTATUS(r.status), 1);
	assert_non_null(strstr(r.err, "socktrace: pcap_activate: nosuch0: no such interface"));
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(live_capture_annotates_and_stops_on_sigint),
		cmocka_unit_test(live_capture_bad_interface),
	};
	int rc;

	have_netns = enter_netns() == 0 && loopback_up() == 0;
	if (!have_netns)
		fprintf(stderr, "test_live: no private network namespace here "
		        "(not root, and user namespaces refused): skipping\n");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	harness_cleanup();
	return rc;
}
