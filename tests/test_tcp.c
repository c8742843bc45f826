// test_tcp.c: end-to-end tests of solutions/TCPServer and solutions/TCPClient.
//
// Each test starts its own TCPServer on port 0 (the OS picks a free port,
// read from the ready line), or plays the server itself.
#include <errno.h>
#include <poll.h>
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
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT_MS 5000  // the longest any single step may take

static char server_path[4096], client_path[4096];

// Start a TCPServer on port (0: a free one). Returns its port (the test
// fails if the server does not come up).
static int start_server(struct proc *p, int port)
{
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	char *argv[] = { server_path, portstr, NULL };
	int got = server_start(p, argv, WAIT_MS);
	assert_true(got > 0);
	return got;
}

// Run TCPClient host port with stdin input. Fills r (free with run_free).
static void run_client(struct run *r, const char *host, int port, const char *input,
                       int timeout_ms)
{
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	char *argv[] = { client_path, (char *)host, portstr, NULL };
	assert_int_equal(proc_run(r, argv, input, strlen(input), timeout_ms), 0);
}

// TCPClient sends "hello" to port and prints the reply, as it must.
static void assert_served(const char *host, int port)
{
	struct run r;
	run_client(&r, host, port, "hello\n", WAIT_MS);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "Input lowercase sentence:\nFrom Server: HELLO\n");
	run_free(&r);
}

// Send sig to the server while it waits in accept(): it must exit 0.
static void assert_clean_exit_on(struct proc *p, int sig)
{
	assert_int_equal(proc_wait_asleep(p, WAIT_MS), 0);
	assert_int_equal(kill(p->pid, sig), 0);
	int status = proc_wait(p, WAIT_MS);
	assert_true(status != -1);  // -1: still running
	if (WIFSIGNALED(status))
		fail_msg("TCPServer died of signal %d", WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

// Accept a connection on the listening socket fd within timeout_ms.
static int accept_within(int fd, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	assert_int_equal(poll(&pfd, 1, timeout_ms), 1);
	int conn = accept(fd, NULL, NULL);
	assert_true(conn >= 0);
	return conn;
}

static void tcp_server_one_byte_at_a_time(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	assert_true(fd >= 0);
	// Lock-step: each byte must come back before the next is sent, so the
	// server must keep reading after the first chunk, and must answer
	// without waiting for more than it has.
	const char *msg = "hello world";
	for (size_t i = 0; msg[i]; i++) {
		char c;
		assert_int_equal(send(fd, &msg[i], 1, 0), 1);
		assert_int_equal(recv(fd, &c, 1, 0), 1);
		assert_int_equal(c, "HELLO WORLD"[i]);
	}
	assert_int_equal(shutdown(fd, SHUT_WR), 0);
	char rest[16];
	assert_int_equal(net_recv_all(fd, rest, sizeof rest, WAIT_MS), 0);  // then EOF
	close(fd);
	assert_served("127.0.0.1", port);
	proc_kill(&p);
}

static void tcp_server_line_ends_the_message(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	// Like nc: a line, and the connection left open. The server must close
	// at once, well before its 3-second timeout.
	assert_int_equal(net_send_all(fd, "hello\n", 6), 0);
	char reply[16];
	assert_int_equal(net_recv_all(fd, reply, sizeof reply, 2000), 6);
	assert_memory_equal(reply, "HELLO\n", 6);
	close(fd);
	proc_kill(&p);
}

static void tcp_server_large_message(void **state)
{
	(void)state;
	enum { SIZE = 1 << 20 };
	static char msg[SIZE], reply[SIZE];
	struct proc p;
	int port = start_server(&p, 0);
	for (size_t i = 0; i < SIZE; i++)  // many byte values, NUL included,
		msg[i] = i % 251 == '\n' ? 'z' : (char)(i % 251);  // but no newline
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	// Send and receive at once (the echo streams back while we send).
	size_t sent = 0, got = 0;
	while (got < SIZE) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN | (sent < SIZE ? POLLOUT : 0) };
		assert_int_equal(poll(&pfd, 1, WAIT_MS), 1);
		if (pfd.revents & POLLOUT) {
			ssize_t n = send(fd, msg + sent, SIZE - sent, MSG_DONTWAIT);
			assert_true(n > 0 || errno == EAGAIN);
			sent += n > 0 ? (size_t)n : 0;
			if (sent == SIZE)
				assert_int_equal(shutdown(fd, SHUT_WR), 0);
		}
		if (pfd.revents & (POLLIN | POLLHUP)) {
			ssize_t n = recv(fd, reply + got, SIZE - got, MSG_DONTWAIT);
			assert_true(n > 0 || (n < 0 && errno == EAGAIN));
			got += n > 0 ? (size_t)n : 0;
		}
	}
	char extra[1];
	assert_int_equal(net_recv_all(fd, extra, sizeof extra, WAIT_MS), 0);
	for (size_t i = 0; i < SIZE; i++) {
		char c = msg[i];
		char want = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
		if (reply[i] != want)
			fail_msg("byte %zu came back as %d, not %d", i, reply[i], want);
	}
	close(fd);
	proc_kill(&p);
}

static void tcp_server_client_closes_before_reply(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	assert_int_equal(net_send_all(fd, "hello", 5), 0);
	close(fd);  // gone before the reply
	assert_served("127.0.0.1", port);
	assert_clean_exit_on(&p, SIGTERM);
	proc_kill(&p);
}

static void tcp_server_survives_sigpipe(void **state)
{
	(void)state;
	static char msg[65536];
	struct proc p;
	int port = start_server(&p, 0);
	memset(msg, 'x', sizeof msg);
	// The client sends much and closes without reading: the server's
	// first reply makes the client's TCP answer with a reset, and a later
	// send() by the server raises SIGPIPE (or fails, if it is ignored).
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	assert_int_equal(net_send_all(fd, msg, sizeof msg), 0);
	close(fd);
	char line[256];
	assert_true(read_line(p.err, line, sizeof line, WAIT_MS) > 0);
	assert_non_null(strstr(line, "TCPServer: client "));  // reported, with its address
	assert_non_null(strstr(line, "127.0.0.1 port "));
	assert_served("127.0.0.1", port);
	assert_clean_exit_on(&p, SIGTERM);  // and it did not die of SIGPIPE
	proc_kill(&p);
}

static void tcp_server_idle_client_cannot_block_others(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	int idle = net_connect("127.0.0.1", port, WAIT_MS);  // connects, never sends
	assert_true(idle >= 0);
	struct run r;
	run_client(&r, "127.0.0.1", port, "next\n", 8000);  // served after the 3 s deadline
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "Input lowercase sentence:\nFrom Server: NEXT\n");
	run_free(&r);
	char line[256];
	assert_true(read_line(p.err, line, sizeof line, WAIT_MS) > 0);
	assert_non_null(strstr(line, "not done within 3 seconds"));
	close(idle);
	proc_kill(&p);
}

// Milliseconds on the monotonic clock.
static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// Trickle a byte every 250 ms to fd, reading each echo, until the server
// closes the connection or limit_ms pass. Returns the milliseconds the
// connection lasted, or -1 if it was still open at the limit.
static long long trickle(int fd, int limit_ms)
{
	long long start = mono_ms();
	while (mono_ms() - start < limit_ms) {
		char c;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		if (send(fd, "x", 1, MSG_NOSIGNAL) != 1)
			return mono_ms() - start;  // reset: the server dropped us
		if (poll(&pfd, 1, WAIT_MS) != 1 || recv(fd, &c, 1, 0) != 1)
			return mono_ms() - start;
		// The pace of the trickle (not a synchronisation): an EOF ends it early.
		if (poll(&pfd, 1, 250) == 1 && recv(fd, &c, 1, 0) <= 0)
			return mono_ms() - start;
	}
	return -1;
}

static void tcp_server_trickling_client_meets_its_deadline(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	// A byte every 250 ms never lets one recv() wait long; only a deadline
	// for the whole exchange (3 s) ends it, so the next client waits at
	// most that long.
	int slow = net_connect("127.0.0.1", port, WAIT_MS);
	assert_true(slow >= 0);
	long long lasted = trickle(slow, 10000);
	if (lasted < 0)
		fail_msg("a client trickling a byte every 250 ms held TCPServer for 10 s");
	// Not before the deadline; after it, as soon as a busy machine lets it.
	if (lasted < 2500 || lasted > 6000)
		fail_msg("the trickling client was dropped after %lld ms, not about 3 s", lasted);
	char line[256];
	assert_true(read_line(p.err, line, sizeof line, WAIT_MS) > 0);
	assert_non_null(strstr(line, "not done within 3 seconds"));
	close(slow);
	assert_served("127.0.0.1", port);
	proc_kill(&p);
}

static void tcp_server_restarts_on_same_port(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	// A line makes the server close first, so its side of the connection
	// is left in TIME_WAIT, holding the port.
	int fd = net_connect("127.0.0.1", port, WAIT_MS);
	assert_int_equal(net_send_all(fd, "hi\n", 3), 0);
	char reply[8];
	assert_int_equal(net_recv_all(fd, reply, sizeof reply, WAIT_MS), 3);
	close(fd);
	assert_clean_exit_on(&p, SIGTERM);
	proc_kill(&p);
	struct proc again;
	assert_int_equal(start_server(&again, port), port);  // no "Address already in use"
	assert_served("127.0.0.1", port);
	proc_kill(&again);
}

static void tcp_server_sigint_exits_0(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	assert_served("127.0.0.1", port);
	assert_clean_exit_on(&p, SIGINT);
	proc_kill(&p);
}

static void tcp_client_end_to_end(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	assert_served("127.0.0.1", port);
	assert_served("localhost", port);
	proc_kill(&p);
}

// A long line, in many chunks each way. (Kept well under what the
// connection's buffers hold: TCPClient reads only once it has sent all.)
static void tcp_client_large_line(void **state)
{
	(void)state;
	enum { SIZE = 256 * 1024 };
	static char line[SIZE + 1], want[SIZE + 64];
	struct proc p;
	int port = start_server(&p, 0);
	memset(line, 'm', SIZE);
	line[SIZE] = '\0';
	line[SIZE - 1] = '\n';
	int n = snprintf(want, sizeof want, "Input lowercase sentence:\nFrom Server: ");
	memset(want + n, 'M', SIZE - 1);
	memcpy(want + n + SIZE - 1, "\n", 2);
	struct run r;
	run_client(&r, "127.0.0.1", port, line, WAIT_MS);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.outlen, strlen(want));
	assert_memory_equal(r.out, want, r.outlen);
	run_free(&r);
	proc_kill(&p);
}

static void tcp_client_ipv6_literal(void **state)
{
	(void)state;
	struct proc p;
	int port = start_server(&p, 0);
	assert_served("::1", port);
	proc_kill(&p);
}

static void tcp_client_connection_refused(void **state)
{
	(void)state;
	// A port bound to a socket that does not listen: nobody else can take
	// it, and a connection to it is refused.
	struct sockaddr_storage ss;
	socklen_t len;
	assert_int_equal(net_addr("127.0.0.1", 0, &ss, &len), 0);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&ss, len), 0);
	struct run r;
	run_client(&r, "127.0.0.1", net_port(fd), "hello\n", WAIT_MS);
	assert_true(r.status != -1 && WIFEXITED(r.status));
	assert_int_not_equal(WEXITSTATUS(r.status), 0);
	assert_string_equal(r.err, "TCPClient: connect: Connection refused\n");
	run_free(&r);
	close(fd);
}

static void tcp_client_half_closes_and_reads_to_eof(void **state)
{
	(void)state;
	int port;
	int lfd = net_listen("127.0.0.1", &port);
	assert_true(lfd >= 0);
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	char *argv[] = { client_path, "127.0.0.1", portstr, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	assert_int_equal(proc_write(&p, "hello world\n", 12), 0);
	proc_close_stdin(&p);
	int conn = accept_within(lfd, WAIT_MS);
	// The sentence, without its newline, then end of file: the client's
	// shutdown(SHUT_WR) while it still waits for the reply.
	char got[64];
	assert_int_equal(net_recv_all(conn, got, sizeof got, WAIT_MS), 11);
	assert_memory_equal(got, "hello world", 11);
	char line[64];
	assert_true(read_line(p.out, line, sizeof line, WAIT_MS) >= 0);
	assert_string_equal(line, "Input lowercase sentence:");
	// Half a reply: a client that took one recv() as the message would
	// print it now. Ours must wait for the rest.
	assert_int_equal(net_send_all(conn, "HEL", 3), 0);
	struct pollfd pfd = { .fd = p.out, .events = POLLIN };
	assert_int_equal(poll(&pfd, 1, 300), 0);
	assert_int_equal(net_send_all(conn, "LO\0!", 4), 0);  // a NUL too
	close(conn);
	char out[64];
	assert_int_equal(read_all(p.out, out, sizeof out, WAIT_MS), 21);
	assert_memory_equal(out, "From Server: HELLO\0!\n", 21);
	int status = proc_wait(&p, WAIT_MS);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	proc_kill(&p);
	close(lfd);
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	return 0;
}

int main(void)
{
	snprintf(server_path, sizeof server_path, "%s", harness_path("solutions/TCPServer"));
	snprintf(client_path, sizeof client_path, "%s", harness_path("solutions/TCPClient"));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(tcp_server_idle_client_cannot_block_others, teardown),
		cmocka_unit_test_teardown(tcp_server_trickling_client_meets_its_deadline, teardown),
		cmocka_unit_test_teardown(tcp_server_one_byte_at_a_time, teardown),
		cmocka_unit_test_teardown(tcp_server_line_ends_the_message, teardown),
		cmocka_unit_test_teardown(tcp_server_large_message, teardown),
		cmocka_unit_test_teardown(tcp_server_client_closes_before_reply, teardown),
		cmocka_unit_test_teardown(tcp_server_survives_sigpipe, teardown),
		cmocka_unit_test_teardown(tcp_server_restarts_on_same_port, teardown),
		cmocka_unit_test_teardown(tcp_server_sigint_exits_0, teardown),
		cmocka_unit_test_teardown(tcp_client_end_to_end, teardown),
		cmocka_unit_test_teardown(tcp_client_large_line, teardown),
		cmocka_unit_test_teardown(tcp_client_ipv6_literal, teardown),
		cmocka_unit_test_teardown(tcp_client_connection_refused, teardown),
		cmocka_unit_test_teardown(tcp_client_half_closes_and_reads_to_eof, teardown),
	};
	return cmocka_run_group_tests_name("tcp", tests, NULL, NULL);
}
