// test_udp.c: end-to-end tests of solutions/UDPServer and solutions/UDPClient.
//
// Each test starts its own UDPServer on port 0 (the OS picks a free port,
// read from the ready line), or plays the server itself with a UDP socket.
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT_MS 5000  // the longest any single step may take

static char server_path[4096], client_path[4096];

// Start a UDPServer on a free port. Returns the port (the test fails if
// the server does not come up).
static int start_server(struct proc *p)
{
	char *argv[] = { server_path, "0", NULL };
	int port = server_start(p, argv, WAIT_MS);
	assert_true(port > 0);
	return port;
}

// Send len bytes of msg from socket fd to host and port, then receive one
// datagram into reply (size bytes). Returns the reply's length, or -1 if
// none came within the socket's timeout. If from is not NULL, it gets the
// reply's source address.
static ssize_t ask(int fd, const char *host, int port, const void *msg, size_t len,
                   void *reply, size_t size, struct sockaddr_storage *from)
{
	struct sockaddr_storage to, ignored;
	socklen_t tolen, fromlen = sizeof to;
	assert_int_equal(net_addr(host, port, &to, &tolen), 0);
	assert_int_equal(sendto(fd, msg, len, 0, (struct sockaddr *)&to, tolen), (ssize_t)len);
	return recvfrom(fd, reply, size, 0, (struct sockaddr *)(from ? from : &ignored), &fromlen);
}

// The server still answers: "abc" from a new IPv4 socket comes back "ABC".
static void assert_still_serving(int port)
{
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	char reply[16];
	assert_int_equal(ask(fd, "127.0.0.1", port, "abc", 3, reply, sizeof reply, NULL), 3);
	assert_memory_equal(reply, "ABC", 3);
	close(fd);
}

// Run UDPClient host port with stdin input. Fills r (free with run_free).
static void run_client(struct run *r, const char *host, int port, const char *input,
                       size_t len, int timeout_ms)
{
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	char *argv[] = { client_path, (char *)host, portstr, NULL };
	assert_int_equal(proc_run(r, argv, input, len, timeout_ms), 0);
}

static void udp_server_zero_length_datagram(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p);
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	char reply[16];
	// recv returns 0 for an empty datagram, -1 if nothing came.
	assert_int_equal(ask(fd, "127.0.0.1", port, "", 0, reply, sizeof reply, NULL), 0);
	close(fd);
	assert_still_serving(port);
	proc_kill(&p);
}

static void udp_server_largest_datagram(void **state)
{
	(void)state;
	static char msg[65507], reply[65536];
	struct proc p;
	int port = start_server(&p);
	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (char)('a' + i % 26);
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	assert_int_equal(ask(fd, "127.0.0.1", port, msg, sizeof msg, reply, sizeof reply, NULL),
	                 (ssize_t)sizeof msg);
	for (size_t i = 0; i < sizeof msg; i++)
		if (reply[i] != (char)('A' + i % 26))
			fail_msg("byte %zu of the reply is %d", i, reply[i]);
	close(fd);
	assert_still_serving(port);
	proc_kill(&p);
}

static void udp_server_binary_bytes(void **state)
{
	(void)state;
	unsigned char msg[256], reply[512];
	struct proc p;
	int port = start_server(&p);
	for (int i = 0; i < 256; i++)
		msg[i] = (unsigned char)i;  // NUL, controls, 0x80-0xff: all of them
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	assert_int_equal(ask(fd, "127.0.0.1", port, msg, sizeof msg, reply, sizeof reply, NULL), 256);
	for (int i = 0; i < 256; i++) {
		int want = i >= 'a' && i <= 'z' ? i - 'a' + 'A' : i;
		if (reply[i] != want)
			fail_msg("byte %d came back as %d", i, reply[i]);
	}
	close(fd);
	assert_still_serving(port);
	proc_kill(&p);
}

static void udp_server_replies_to_each_sender(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p);
	int a = net_udp("127.0.0.1", 0, WAIT_MS), b = net_udp("127.0.0.1", 0, WAIT_MS);
	struct sockaddr_storage to, from;
	socklen_t tolen, fromlen = sizeof from;
	assert_int_equal(net_addr("127.0.0.1", port, &to, &tolen), 0);
	// Both ask before either reads: each reply must reach its own sender.
	assert_int_equal(sendto(a, "from a", 6, 0, (struct sockaddr *)&to, tolen), 6);
	assert_int_equal(sendto(b, "from b", 6, 0, (struct sockaddr *)&to, tolen), 6);
	char reply[16];
	assert_int_equal(recvfrom(b, reply, sizeof reply, 0, (struct sockaddr *)&from, &fromlen), 6);
	assert_memory_equal(reply, "FROM B", 6);
	assert_int_equal(net_addr("127.0.0.1", port, &to, &tolen), 0);
	assert_int_equal(fromlen, tolen);  // the reply comes from the server's port
	assert_memory_equal(&from, &to, tolen);
	assert_int_equal(recv(a, reply, sizeof reply, 0), 6);
	assert_memory_equal(reply, "FROM A", 6);
	close(a);
	close(b);
	proc_kill(&p);
}

static void udp_server_ipv4_and_ipv6_clients(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p);
	int fd6 = net_udp("::1", 0, WAIT_MS);
	assert_true(fd6 >= 0);
	char reply[16];
	assert_int_equal(ask(fd6, "::1", port, "six", 3, reply, sizeof reply, NULL), 3);
	assert_memory_equal(reply, "SIX", 3);
	close(fd6);
	int fd4 = net_udp("127.0.0.1", 0, WAIT_MS);
	assert_int_equal(ask(fd4, "127.0.0.1", port, "four", 4, reply, sizeof reply, NULL), 4);
	assert_memory_equal(reply, "FOUR", 4);
	close(fd4);
	proc_kill(&p);
}

// Start a server, make sure it is serving, send it sig: it must exit 0.
static void assert_clean_exit_on(int sig)
{
	struct proc p;
	int port = start_server(&p);
	assert_still_serving(port);  // now it is in its loop
	assert_int_equal(proc_wait_asleep(&p, WAIT_MS), 0);  // blocked in recvfrom
	assert_int_equal(kill(p.pid, sig), 0);
	int status = proc_wait(&p, WAIT_MS);
	assert_true(status != -1);  // -1: still running (SA_RESTART?)
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	proc_kill(&p);
}

static void udp_server_sigterm_exits_0(void **state)
{
	(void)state;
	assert_clean_exit_on(SIGTERM);
}

static void udp_server_sigint_exits_0(void **state)
{
	(void)state;
	assert_clean_exit_on(SIGINT);
}

static void udp_client_end_to_end(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p);
	struct run r;
	run_client(&r, "127.0.0.1", port, "hello world\n", 12, WAIT_MS);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "Input lowercase sentence:\nHELLO WORLD\n");
	run_free(&r);
	proc_kill(&p);
}

static void udp_client_ipv6_literal(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p);
	struct run r;
	run_client(&r, "::1", port, "over six\n", 9, WAIT_MS);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "Input lowercase sentence:\nOVER SIX\n");
	run_free(&r);
	proc_kill(&p);
}

static void udp_client_long_line(void **state)
{
	(void)state;
	static char line[65508], want[65536];
	struct proc p;
	int port = start_server(&p);
	memset(line, 'q', 65507);
	line[65507] = '\n';
	int n = snprintf(want, sizeof want, "Input lowercase sentence:\n");
	memset(want + n, 'Q', 65507);
	want[n + 65507] = '\n';
	struct run r;
	run_client(&r, "127.0.0.1", port, line, sizeof line, WAIT_MS);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.outlen, (size_t)n + 65508);
	assert_memory_equal(r.out, want, r.outlen);
	run_free(&r);
	proc_kill(&p);
}

// Play the server: receive the client's datagram, check it, answer reply.
static void fake_server(int fd, const char *want, size_t wantlen, const char *reply, size_t len)
{
	char got[256];
	struct sockaddr_storage from;
	socklen_t fromlen = sizeof from;
	ssize_t n = recvfrom(fd, got, sizeof got, 0, (struct sockaddr *)&from, &fromlen);
	assert_int_equal(n, (ssize_t)wantlen);
	assert_memory_equal(got, want, wantlen);
	assert_int_equal(sendto(fd, reply, len, 0, (struct sockaddr *)&from, fromlen), (ssize_t)len);
}

static void udp_client_sends_exactly_the_sentence(void **state)
{
	(void)state;
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	struct proc p;
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", net_port(fd));
	char *argv[] = { client_path, "127.0.0.1", portstr, NULL };
	assert_int_equal(proc_start(&p, argv), 0);
	assert_int_equal(proc_write(&p, "hello world\n", 12), 0);
	proc_close_stdin(&p);
	// No newline, no NUL: just the 11 bytes. The reply may hold a NUL.
	fake_server(fd, "hello world", 11, "A\0B", 3);
	char out[128];
	ssize_t n = read_all(p.out, out, sizeof out, WAIT_MS);
	assert_int_equal(n, 26 + 4);
	assert_memory_equal(out, "Input lowercase sentence:\nA\0B\n", 30);
	int status = proc_wait(&p, WAIT_MS);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	proc_kill(&p);
	close(fd);
}

static void udp_client_empty_line_is_a_message(void **state)
{
	(void)state;
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	struct proc p;
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", net_port(fd));
	char *argv[] = { client_path, "127.0.0.1", portstr, NULL };
	assert_int_equal(proc_start(&p, argv), 0);
	assert_int_equal(proc_write(&p, "\n", 1), 0);
	proc_close_stdin(&p);
	fake_server(fd, "", 0, "", 0);
	char out[128];
	assert_true(read_all(p.out, out, sizeof out, WAIT_MS) >= 0);
	assert_string_equal(out, "Input lowercase sentence:\n\n");
	int status = proc_wait(&p, WAIT_MS);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	proc_kill(&p);
	close(fd);
}

static void udp_client_gives_up_without_server(void **state)
{
	(void)state;
	// A bound socket that never answers: the port is ours, nobody replies.
	int fd = net_udp("127.0.0.1", 0, WAIT_MS);
	struct run r;
	run_client(&r, "127.0.0.1", net_port(fd), "anyone there?\n", 14, 10000);
	assert_true(r.status != -1);  // it did not wait forever
	assert_true(WIFEXITED(r.status));
	assert_int_equal(WEXITSTATUS(r.status), 1);
	assert_non_null(strstr(r.err, "UDPClient: no reply from 127.0.0.1 port "));
	assert_non_null(strstr(r.err, "within 3 seconds"));
	assert_true(r.ms >= 2500 && r.ms < 8000);
	run_free(&r);
	close(fd);
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	return 0;
}

int main(void)
{
	snprintf(server_path, sizeof server_path, "%s", harness_path("solutions/UDPServer"));
	snprintf(client_path, sizeof client_path, "%s", harness_path("solutions/UDPClient"));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(udp_client_gives_up_without_server, teardown),
		cmocka_unit_test_teardown(udp_server_zero_length_datagram, teardown),
		cmocka_unit_test_teardown(udp_server_largest_datagram, teardown),
		cmocka_unit_test_teardown(udp_server_binary_bytes, teardown),
		cmocka_unit_test_teardown(udp_server_replies_to_each_sender, teardown),
		cmocka_unit_test_teardown(udp_server_ipv4_and_ipv6_clients, teardown),
		cmocka_unit_test_teardown(udp_server_sigterm_exits_0, teardown),
		cmocka_unit_test_teardown(udp_server_sigint_exits_0, teardown),
		cmocka_unit_test_teardown(udp_client_end_to_end, teardown),
		cmocka_unit_test_teardown(udp_client_ipv6_literal, teardown),
		cmocka_unit_test_teardown(udp_client_long_line, teardown),
		cmocka_unit_test_teardown(udp_client_sends_exactly_the_sentence, teardown),
		cmocka_unit_test_teardown(udp_client_empty_line_is_a_message, teardown),
	};
	return cmocka_run_group_tests_name("udp", tests, NULL, NULL);
}
