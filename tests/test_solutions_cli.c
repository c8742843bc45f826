// test_solutions_cli.c: the four programs' command lines: bad ports, unknown hosts,
// extra arguments, empty input, a port already taken.
#include <setjmp.h>
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

#define WAIT_MS 5000

static const char *const names[] = { "UDPServer", "TCPServer", "UDPClient", "TCPClient" };

static int is_client(const char *name)
{
	return strstr(name, "Client") != NULL;
}

// Run solutions/<name> with the arguments args (NULL-terminated) and
// stdin input; it must fail (exit status not 0, within the time limit)
// with stderr starting "<name>: " and holding want. Returns nothing:
// assertions fail the test.
static void assert_fails(const char *name, const char *const args[], const char *input,
                         const char *want)
{
	char path[4096], rel[64];
	snprintf(rel, sizeof rel, "solutions/%s", name);
	snprintf(path, sizeof path, "%s", harness_path(rel));
	char *argv[8] = { path };
	for (int i = 0; args[i] && i < 6; i++)
		argv[i + 1] = (char *)args[i];
	struct run r;
	assert_int_equal(proc_run(&r, argv, input, strlen(input), WAIT_MS), 0);
	if (r.status == -1)
		fail_msg("%s did not finish within %d ms", name, WAIT_MS);
	if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) == 0)
		fail_msg("%s: status %#x, stderr: %s", name, r.status, r.err);
	if (strstr(r.err, want) == NULL)
		fail_msg("%s: stderr lacks \"%s\": %s", name, want, r.err);
	if (strncmp(r.err, name, strlen(name)) != 0 && strncmp(r.err, "usage: ", 7) != 0)
		fail_msg("%s: stderr does not name the program: %s", name, r.err);
	run_free(&r);
}

static void cli_bad_ports(void **state)
{
	(void)state;
	const char *bad[] = { "abc", "99999", "-1", "", "65536", "12x", "+5" };
	for (size_t n = 0; n < 4; n++)
		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
			const char *server_args[] = { bad[b], NULL };
			const char *client_args[] = { "127.0.0.1", bad[b], NULL };
			assert_fails(names[n], is_client(names[n]) ? client_args : server_args,
			             "hello\n", "port must be a number from");
		}
}

static void cli_clients_reject_port_0(void **state)
{
	(void)state;
	const char *args[] = { "127.0.0.1", "0", NULL };
	assert_fails("UDPClient", args, "hello\n", "port must be a number from 1 to 65535");
	assert_fails("TCPClient", args, "hello\n", "port must be a number from 1 to 65535");
}

static void cli_extra_arguments(void **state)
{
	(void)state;
	const char *server_args[] = { "12000", "extra", NULL };
	const char *client_args[] = { "localhost", "12000", "extra", NULL };
	for (size_t n = 0; n < 4; n++) {
		char want[64];
		snprintf(want, sizeof want, "usage: %s [", names[n]);
		assert_fails(names[n], is_client(names[n]) ? client_args : server_args, "hello\n", want);
	}
}

static void cli_unknown_host(void **state)
{
	(void)state;
	// .invalid never resolves (RFC 6761). Bound the resolver's wait in case
	// it asks a DNS server that does not answer: 1 s, one attempt.
	setenv("RES_OPTIONS", "timeout:1 attempts:1", 1);
	const char *args[] = { "nosuchhost.invalid", "12000", NULL };
	assert_fails("UDPClient", args, "hello\n", "UDPClient: getaddrinfo: nosuchhost.invalid: ");
	assert_fails("TCPClient", args, "hello\n", "TCPClient: getaddrinfo: nosuchhost.invalid: ");
	unsetenv("RES_OPTIONS");
}

static void cli_empty_stdin(void **state)
{
	(void)state;
	// TCPClient connects before it reads: give it something to connect to.
	int port;
	int lfd = net_listen("127.0.0.1", &port);
	assert_true(lfd >= 0);
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	const char *args[] = { "127.0.0.1", portstr, NULL };
	assert_fails("UDPClient", args, "", "standard input is empty");
	assert_fails("TCPClient", args, "", "standard input is empty");
	close(lfd);
}

static void cli_servers_report_port_in_use(void **state)
{
	(void)state;
	int port;
	int lfd = net_listen("127.0.0.1", &port);
	int ufd = net_udp("127.0.0.1", port, WAIT_MS);  // often free too; if not, skip UDP
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%d", port);
	const char *args[] = { portstr, NULL };
	assert_fails("TCPServer", args, "", "TCPServer: bind: Address already in use");
	if (ufd >= 0)
		assert_fails("UDPServer", args, "", "UDPServer: bind: Address already in use");
	close(lfd);
	if (ufd >= 0)
		close(ufd);
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
		cmocka_unit_test_teardown(cli_bad_ports, teardown),
		cmocka_unit_test_teardown(cli_clients_reject_port_0, teardown),
		cmocka_unit_test_teardown(cli_extra_arguments, teardown),
		cmocka_unit_test_teardown(cli_unknown_host, teardown),
		cmocka_unit_test_teardown(cli_empty_stdin, teardown),
		cmocka_unit_test_teardown(cli_servers_report_port_in_use, teardown),
	};
	return cmocka_run_group_tests_name("solutions_cli", tests, NULL, NULL);
}
