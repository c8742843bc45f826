// test_interop.c: the C programs with the textbook's own Python programs
// (tests/interop/*.py, corrected for Python 3) and with nc as peers.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT_MS 5000
#define PYTHON "/usr/bin/python3"

// Path of tests/interop/<name>.py under $SOCKLAB_ROOT (default ".").
static void script(char *buf, size_t size, const char *name)
{
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(buf, size, "%s/tests/interop/%s.py", root ? root : ".", name);
}

// Path of the built C program solutions/<name>.
static void program(char *buf, size_t size, const char *name)
{
	char rel[64];
	snprintf(rel, sizeof rel, "solutions/%s", name);
	snprintf(buf, size, "%s", harness_path(rel));
}

// Path of OpenBSD netcat (it has -N), or NULL: the nc tests then skip.
static const char *netcat(void)
{
	if (access("/bin/nc.openbsd", X_OK) == 0)
		return "/bin/nc.openbsd";
	if (access("/usr/bin/nc.openbsd", X_OK) == 0)
		return "/usr/bin/nc.openbsd";
	return NULL;
}

// Start the server <name>: the C one, or with python set the Python one.
// Returns its port.
static int start(struct proc *p, const char *name, int python)
{
	char path[4096];
	int port;
	if (python) {
		script(path, sizeof path, name);
		char *argv[] = { PYTHON, path, "0", NULL };
		port = server_start(p, argv, WAIT_MS);
	} else {
		program(path, sizeof path, name);
		char *argv[] = { path, "0", NULL };
		port = server_start(p, argv, WAIT_MS);
	}
	assert_true(port > 0);
	return port;
}

// Run the client <name> (C, or with python the Python one) against
// 127.0.0.1 port with stdin input: it must exit 0 printing exactly want.
static void assert_client(const char *name, int python, int port, const char *input,
                          const char *want)
{
	char path[4096], portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	struct run r;
	if (python) {
		script(path, sizeof path, name);
		char *argv[] = { PYTHON, path, "127.0.0.1", portstr, NULL };
		assert_int_equal(proc_run(&r, argv, input, strlen(input), WAIT_MS), 0);
	} else {
		program(path, sizeof path, name);
		char *argv[] = { path, "127.0.0.1", portstr, NULL };
		assert_int_equal(proc_run(&r, argv, input, strlen(input), WAIT_MS), 0);
	}
	if (r.status != 0)
		fail_msg("%s: status %#x, stderr: %s", name, r.status, r.err);
	assert_string_equal(r.out, want);
	run_free(&r);
}

static void c_udp_client_with_python_udp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "UDPServer", 1);
	assert_client("UDPClient", 0, port, "hello world\n",
	              "Input lowercase sentence:\nHELLO WORLD\n");
	proc_kill(&p);
}

static void python_udp_client_with_c_udp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "UDPServer", 0);
	// Python's input() does not end the prompt's line when stdin is a pipe.
	assert_client("UDPClient", 1, port, "hello world\n",
	              "Input lowercase sentence:HELLO WORLD\n");
	proc_kill(&p);
}

static void c_tcp_client_with_python_tcp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "TCPServer", 1);
	assert_client("TCPClient", 0, port, "hello world\n",
	              "Input lowercase sentence:\nFrom Server: HELLO WORLD\n");
	assert_client("TCPClient", 0, port, "again\n",  // the Python server goes on
	              "Input lowercase sentence:\nFrom Server: AGAIN\n");
	proc_kill(&p);
}

static void python_tcp_client_with_c_tcp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "TCPServer", 0);
	// No newline, no half-close: served by the streaming echo at once
	// (the time limit is well under the server's 3-second timeout).
	char path[4096], portstr[16];
	script(path, sizeof path, "TCPClient");
	snprintf(portstr, sizeof portstr, "%d", port);
	char *argv[] = { PYTHON, path, "127.0.0.1", portstr, NULL };
	struct run r;
	assert_int_equal(proc_run(&r, argv, "hello world\n", 12, 2000), 0);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "Input lowercase sentence:From Server: HELLO WORLD\n");
	run_free(&r);
	assert_client("TCPClient", 0, port, "next\n",
	              "Input lowercase sentence:\nFrom Server: NEXT\n");
	proc_kill(&p);
}

// Run nc with args and stdin input: it must exit 0 within timeout_ms
// printing exactly want.
static void assert_nc(const char *const args[], const char *input, const char *want,
                      int timeout_ms)
{
	const char *nc = netcat();
	if (nc == NULL)
		skip();
	char *argv[8] = { (char *)nc };
	for (int i = 0; args[i] && i < 6; i++)
		argv[i + 1] = (char *)args[i];
	struct run r;
	assert_int_equal(proc_run(&r, argv, input, strlen(input), timeout_ms), 0);
	if (r.status != 0)
		fail_msg("nc: status %#x, stderr: %s", r.status, r.err);
	assert_string_equal(r.out, want);
	run_free(&r);
}

static void nc_with_c_udp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "UDPServer", 0);
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	// -u: UDP; -w1: quit one second after the last datagram.
	const char *args[] = { "-u", "-w1", "127.0.0.1", portstr, NULL };
	assert_nc(args, "hello nc\n", "HELLO NC\n", WAIT_MS);  // nc sends the newline too
	proc_kill(&p);
}

static void nc_with_c_tcp_server(void **state)
{
	(void)state;
	struct proc p;
	int port = start(&p, "TCPServer", 0);
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	// -N: shut the connection down for writing at end of input (half-close).
	const char *half[] = { "-N", "127.0.0.1", portstr, NULL };
	assert_nc(half, "no newline", "NO NEWLINE", WAIT_MS);
	// Without -N nc never half-closes: the newline ends the message, at
	// once (the time limit is well under the server's 3-second timeout).
	const char *line[] = { "127.0.0.1", portstr, NULL };
	assert_nc(line, "a line\n", "A LINE\n", 2000);
	proc_kill(&p);
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(nc_with_c_udp_server, teardown),
		cmocka_unit_test_teardown(c_udp_client_with_python_udp_server, teardown),
		cmocka_unit_test_teardown(python_udp_client_with_c_udp_server, teardown),
		cmocka_unit_test_teardown(c_tcp_client_with_python_tcp_server, teardown),
		cmocka_unit_test_teardown(python_tcp_client_with_c_tcp_server, teardown),
		cmocka_unit_test_teardown(nc_with_c_tcp_server, teardown),
	};
	return cmocka_run_group_tests_name("interop", tests, NULL, NULL);
}
