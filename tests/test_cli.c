// test_cli.c: socktrace's command line: --help, usage errors and exit
// codes, clear one-line errors for missing, empty, corrupt and cut-short
// captures and bad filters, pcapng and standard input, -w saving what
// was read after filtering, colour choice, that no packet byte reaches
// the terminal unescaped, and the JSON schema's keys.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

static char tmpdir[] = "/tmp/socktrace-cli-XXXXXX";

// Path of a capture under tests/captures (static buffer, one at a time).
static const char *capture(const char *name)
{
	static char path[512];
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(path, sizeof path, "%s/tests/captures/%s", root ? root : ".", name);
	return path;
}

// Path of a scratch file in this test's directory (static buffer).
static const char *scratch(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

// Run socktrace with args (NULL-terminated), stdin from input; fill r.
static void run(struct run *r, const void *input, size_t len, ...)
{
	char *argv[24];
	int argc = 0;
	va_list ap;

	argv[argc++] = (char *)harness_path("socktrace");
	va_start(ap, len);
	while (argc < 23 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	assert_int_equal(proc_run(r, argv, input, len, 20000), 0);
	assert_true(r->status != -1);
}

static int exit_code(const struct run *r)
{
	return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}

// Assert stderr is exactly one line starting "socktrace: " containing want.
static void assert_one_error_line(const struct run *r, const char *want)
{
	if (strncmp(r->err, "socktrace: ", 11) != 0 || !strstr(r->err, want) ||
	    strchr(r->err, '\n') != r->err + r->errlen - 1)
		fail_msg("stderr %s, want one line with '%s'", r->err, want);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void help_documents_exit_codes(void **state)
{
	struct run r;
	(void)state;
	run(&r, NULL, 0, "--help", NULL);
	assert_int_equal(exit_code(&r), 0);
	assert_non_null(strstr(r.out, "usage: socktrace -r FILE"));
	assert_non_null(strstr(r.out, "Exit status: 0"));
	assert_non_null(strstr(r.out, "2 usage error"));
	run_free(&r);
}

static void usage_errors_exit_2(void **state)
{
	static const char *const cases[][3] = {
		{ "-z", NULL, "unknown option" },
		{ "-r", NULL, "option needs an argument" },
		{ "-q", NULL, "give -r FILE or -i IFACE" },
		{ "--color=blue", "-r", "--color takes" },
		{ "--json", "--ladder", "keeps stdout to JSON Lines" },
		{ "--mermaid", "--json", "keeps stdout to JSON Lines" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct run r;
		run(&r, NULL, 0, cases[i][0], cases[i][1], NULL);
		assert_int_equal(exit_code(&r), 2);
		assert_true(strncmp(r.err, "socktrace: ", 11) == 0);
		assert_non_null(strstr(r.err, cases[i][2]));
		assert_int_equal(r.outlen, 0);
		run_free(&r);
	}
}

static void missing_file_exit_1(void **state)
{
	struct run r;
	(void)state;
	run(&r, NULL, 0, "-r", scratch("nonexistent.pcap"), NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_one_error_line(&r, "No such file or directory");
	run_free(&r);
}

static void empty_file_exit_1(void **state)
{
	struct run r;
	(void)state;
	write_file(scratch("empty.pcap"), "", 0);
	run(&r, NULL, 0, "-r", scratch("empty.pcap"), NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_one_error_line(&r, "empty file");
	run_free(&r);
}

static void corrupt_file_exit_1(void **state)
{
	struct run r;
	static const char junk[64] = "this is not a capture file at all, just text";
	(void)state;
	write_file(scratch("corrupt.pcap"), junk, sizeof junk);
	run(&r, NULL, 0, "-r", scratch("corrupt.pcap"), NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_one_error_line(&r, "not a pcap or pcapng capture");
	run_free(&r);
}

static void directory_exit_1(void **state)
{
	struct run r;
	(void)state;
	run(&r, NULL, 0, "-r", tmpdir, NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_one_error_line(&r, "is a directory");
	run_free(&r);
}

// Unreadable: only meaningful when not root (root reads anything).
static void unreadable_file_exit_1(void **state)
{
	struct run r;
	(void)state;
	if (geteuid() == 0)
		skip();
	write_file(scratch("secret.pcap"), "x", 1);
	assert_int_equal(chmod(scratch("secret.pcap"), 0), 0);
	run(&r, NULL, 0, "-r", scratch("secret.pcap"), NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_one_error_line(&r, "Permission denied");
	run_free(&r);
}

// A file cut inside its third packet: the first two are printed, then a
// one-line error, exit 1.
static void cut_short_file_prints_then_fails(void **state)
{
	struct run r;
	char buf[4096];
	FILE *f = fopen(capture("rec-tcp.pcap"), "rb");
	size_t n;
	(void)state;
	assert_non_null(f);
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	// Header 24, two records of 16 + 74 bytes, then 30 bytes of the third.
	assert_true(n > 24 + 2 * 90 + 30);
	write_file(scratch("cut.pcap"), buf, 24 + 2 * 90 + 30);
	run(&r, NULL, 0, "-r", scratch("cut.pcap"), "-q", NULL);
	assert_int_equal(exit_code(&r), 1);
	assert_non_null(strstr(r.out, "handshake-2\n"));
	assert_null(strstr(r.out, "handshake-3"));
	assert_one_error_line(&r, "truncated");
	run_free(&r);
}

static void bad_filter_exit_2(void **state)
{
	struct run r;
	(void)state;
	run(&r, NULL, 0, "-r", capture("rec-udp.pcap"), "udp", "and", "port", NULL);
	assert_int_equal(exit_code(&r), 2);
	assert_one_error_line(&r, "bad filter 'udp and port'");
	assert_int_equal(r.outlen, 0);
	run_free(&r);
}

// The filter is the remaining arguments joined: only the second client.
static void filter_from_joined_arguments(void **state)
{
	struct run r;
	(void)state;
	run(&r, NULL, 0, "-q", "-r", capture("rec-udp-two-clients.pcap"),
	    "udp", "port", "44710", NULL);
	assert_int_equal(exit_code(&r), 0);
	assert_null(strstr(r.out, "38565"));
	assert_non_null(strstr(r.out, "127.0.0.1:44710 > 127.0.0.1:12000"));
	run_free(&r);
}

// pcapng and standard input give the same output as the pcap file.
static void pcapng_and_stdin_match_pcap(void **state)
{
	struct run a, b, c;
	char *data = malloc(65536);
	FILE *f = fopen(capture("rec-tcp.pcap"), "rb");
	size_t n;
	(void)state;
	assert_non_null(f);
	n = fread(data, 1, 65536, f);
	fclose(f);
	run(&a, NULL, 0, "-r", capture("rec-tcp.pcap"), NULL);
	run(&b, NULL, 0, "-r", capture("rec-tcp.pcapng"), NULL);
	run(&c, data, n, "-r", "-", NULL);
	assert_int_equal(exit_code(&a), 0);
	assert_true(a.outlen > 500);
	assert_string_equal(a.out, b.out);
	assert_string_equal(a.out, c.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	free(data);
}

// -w saves what was read after filtering; the saved file reads back.
static void write_saves_filtered_packets(void **state)
{
	struct run r, back;
	(void)state;
	run(&r, NULL, 0, "-q", "-r", capture("rec-tcp.pcap"), "-w",
	    scratch("syn.pcap"), "tcp[tcpflags] & tcp-syn != 0", NULL);
	assert_int_equal(exit_code(&r), 0);
	run(&back, NULL, 0, "-q", "-r", scratch("syn.pcap"), NULL);
	assert_int_equal(exit_code(&back), 0);
	assert_string_equal(r.out, back.out);
	assert_non_null(strstr(back.out, "handshake-1\n"));
	assert_non_null(strstr(back.out, "handshake-2\n"));
	assert_int_equal(strchr(strchr(back.out, '\n') + 1, '\n') - back.out + 1,
	                 (long)back.outlen);  // exactly two lines
	run_free(&r);
	run_free(&back);
}

// No byte of a packet reaches the output unescaped: the payload holds
// ESC, BEL, CR and TAB; text and JSON hold no control byte but newline.
static void payload_bytes_are_escaped(void **state)
{
	static const char *const forms[] = { "--json", "-S", "--ladder", "--mermaid" };
	(void)state;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct run r;
		run(&r, NULL, 0, forms[i], "-r", capture("rec-udp-escapes.pcap"), NULL);
		assert_int_equal(exit_code(&r), 0);
		for (size_t k = 0; k < r.outlen; k++)
			if ((unsigned char)r.out[k] < 0x20 && r.out[k] != '\n')
				fail_msg("%s: control byte 0x%02x at %zu", forms[i],
				         (unsigned char)r.out[k], k);
		run_free(&r);
	}
}

// Colour: never into a pipe by default or with NO_COLOR; always on
// request, and even then the payload's own ESC stays escaped.
static void colour_choice(void **state)
{
	struct run r;
	(void)state;
	setenv("NO_COLOR", "1", 1);
	run(&r, NULL, 0, "-r", capture("rec-udp-escapes.pcap"), NULL);
	assert_null(strchr(r.out, '\033'));
	run_free(&r);
	run(&r, NULL, 0, "--color=always", "-r", capture("rec-udp-escapes.pcap"), NULL);
	assert_non_null(strstr(r.out, "\033[36mudp-request\033[0m"));
	assert_non_null(strstr(r.out, "esc\\x1b[31mred"));
	assert_null(strstr(r.out, "\033[31mred"));
	run_free(&r);
	unsetenv("NO_COLOR");
	run(&r, NULL, 0, "-r", capture("rec-udp-escapes.pcap"), NULL);
	assert_null(strchr(r.out, '\033'));  // a pipe is not a terminal
	run_free(&r);
}

// Every JSON line has every documented key, in the documented order.
static void json_schema_keys(void **state)
{
	static const char *const keys[] = {
		"\"n\":", "\"ts\":", "\"link\":", "\"caplen\":", "\"wirelen\":",
		"\"ip_version\":", "\"src\":", "\"sport\":", "\"dst\":", "\"dport\":",
		"\"proto\":", "\"ip_proto\":", "\"length\":", "\"flags\":", "\"seq\":",
		"\"ack\":", "\"rel_seq\":", "\"rel_ack\":", "\"window\":",
		"\"icmp_type\":", "\"icmp_code\":", "\"payload\":", "\"event\":",
		"\"conv\":", "\"from\":", "\"client\":", "\"server\":", "\"note\":",
		"\"notes\":", "\"summary\":", "\"stopped\":",
	};
	struct run r;
	int lines = 0;
	(void)state;
	run(&r, NULL, 0, "--json", "-r", capture("rec-udp-noserver.pcap"), NULL);
	assert_int_equal(exit_code(&r), 0);
	for (char *line = r.out; *line; line = strchr(line, '\n') + 1) {
		const char *at = line;
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			const char *p = strstr(at, keys[k]);
			if (!p || p > strchr(line, '\n'))
				fail_msg("line %d: key %s missing or out of order",
				         lines + 1, keys[k]);
			at = p;
		}
		lines++;
	}
	assert_int_equal(lines, 2);
	assert_non_null(strstr(r.out, "\"event\":\"udp-request\""));
	assert_non_null(strstr(r.out, "\"event\":\"icmp-unreachable\",\"conv\":1,\"from\":\"server\""));
	run_free(&r);
}

// Read from the pty master fd into buf (appending at *len) until want
// appears or 5 s pass. Returns 0 if it appeared.
static int pty_expect(int fd, char *buf, size_t size, size_t *len, const char *want)
{
	for (int waited = 0; waited < 5000; waited += 50) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		buf[*len] = '\0';
		if (strstr(buf, want))
			return 0;
		if (poll(&pfd, 1, 50) > 0) {
			ssize_t n = read(fd, buf + *len, size - 1 - *len);
			if (n <= 0)
				return -1;
			*len += (size_t)n;
		}
	}
	return -1;
}

// Start socktrace --step on a pseudo-terminal; returns the master fd.
static int start_on_pty(pid_t *pid)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(master >= 0);
	assert_int_equal(grantpt(master), 0);
	assert_int_equal(unlockpt(master), 0);
	const char *slave = ptsname(master);
	assert_non_null(slave);
	*pid = fork();
	assert_true(*pid >= 0);
	if (*pid == 0) {
		setsid();
		int fd = open(slave, O_RDWR);  // becomes the controlling terminal
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execl(harness_path("socktrace"), "socktrace", "-q", "--step", "-r",
		      capture("rec-tcp.pcap"), (char *)NULL);
		_exit(127);
	}
	return master;
}

// --step on a terminal: one packet, its ladder row, a prompt; Enter shows
// the next; q stops with status 0 before the rest.
static void step_waits_for_enter(void **state)
{
	char buf[8192];
	size_t len = 0;
	pid_t pid;
	int status, master = start_on_pty(&pid);
	(void)state;
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "to quit --"), 0);
	assert_non_null(strstr(buf, "handshake-1"));
	assert_non_null(strstr(buf, "|-- 1/3 SYN seq=0 --"));
	assert_null(strstr(buf, "handshake-2"));
	assert_int_equal(write(master, "\n", 1), 1);
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "2/3 SYN,ACK"), 0);
	assert_int_equal(write(master, "q\n", 2), 2);
	// Wait up to 5 s for it to exit, reading what it prints meanwhile.
	// Once the terminal hangs up, poll returns at once: then just wait.
	pid_t done = 0;
	int open_pty = 1;
	for (int i = 0; i < 500 && (done = waitpid(pid, &status, WNOHANG)) == 0; i++) {
		struct pollfd pfd = { master, POLLIN, 0 };
		if (!open_pty || len >= sizeof buf - 1) {
			poll(NULL, 0, 10);
		} else if (poll(&pfd, 1, 10) > 0) {
			ssize_t n = read(master, buf + len, sizeof buf - 1 - len);
			open_pty = n > 0;
			len += n > 0 ? (size_t)n : 0;
			buf[len] = '\0';
		}
	}
	if (done == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		fail_msg("socktrace --step did not stop on q");
	}
	close(master);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_null(strstr(buf, "handshake-3"));
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	const char *names[] = { "empty.pcap", "corrupt.pcap", "secret.pcap",
	                        "cut.pcap", "syn.pcap" };
	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		unlink(scratch(names[i]));
	rmdir(tmpdir);
	harness_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(help_documents_exit_codes),
		cmocka_unit_test(usage_errors_exit_2),
		cmocka_unit_test(missing_file_exit_1),
		cmocka_unit_test(empty_file_exit_1),
		cmocka_unit_test(corrupt_file_exit_1),
		cmocka_unit_test(directory_exit_1),
		cmocka_unit_test(unreadable_file_exit_1),
		cmocka_unit_test(cut_short_file_prints_then_fails),
		cmocka_unit_test(bad_filter_exit_2),
		cmocka_unit_test(filter_from_joined_arguments),
		cmocka_unit_test(pcapng_and_stdin_match_pcap),
		cmocka_unit_test(write_saves_filtered_packets),
		cmocka_unit_test(payload_bytes_are_escaped),
		cmocka_unit_test(colour_choice),
		cmocka_unit_test(json_schema_keys),
		cmocka_unit_test(step_waits_for_enter),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
