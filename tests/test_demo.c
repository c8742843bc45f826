// test_demo.c: what `make demo`, `make trace-*` and `socktrace run` show
// matches what the handouts say of them: every trace target's server is on
// the textbook's port 12000; the programs' lines come in time order among
// the packets (trace/timeline.c, and a real TCP run); the lossy scenarios
// fall back to a shipped capture, saying so, where tc netem cannot run;
// in a container (tests/dockersim) socktrace says why no private namespace
// can be made there and what applies there, and does what it can;
// `socktrace shell` has the programs on PATH and leaves nothing running;
// --step on a terminal takes single keys and gives the terminal back.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"
#include "timeline.h"

#define BIG (256 * 1024)

static char out[BIG], err[BIG];

// Run argv with no input: stdout into out, stderr into err. Returns its
// wait status, or -1 if it did not end within timeout_ms.
static int run(char *const argv[], int timeout_ms)
{
	return harness_run_output(argv, out, sizeof out, err, sizeof err, timeout_ms);
}

// ---- the timeline, alone ----

static char order[64];

// timeline_flush callback: note "p" for a packet or the text's first byte.
static void note(const struct tl_item *it, void *arg)
{
	(void)arg;
	size_t n = strlen(order);
	order[n] = it->text ? it->text[0] : 'p';
	order[n + 1] = '\0';
}

static void add_packet(struct timeline *tl, long usec)
{
	struct pcap_pkthdr h = { .ts = { .tv_sec = 100, .tv_usec = usec }, .caplen = 1, .len = 1 };
	assert_int_equal(timeline_add_packet(tl, &h, (const unsigned char *)"x"), 0);
}

static void add_text(struct timeline *tl, long usec, const char *text)
{
	struct timeval ts = { .tv_sec = 100, .tv_usec = usec };
	assert_int_equal(timeline_add_text(tl, ts, NULL, text, strlen(text)), 0);
}

static void test_timeline_orders_by_time(void **state)
{
	(void)state;
	struct timeline *tl = timeline_new();
	assert_non_null(tl);
	order[0] = '\0';
	add_packet(tl, 10);
	add_packet(tl, 30);
	add_text(tl, 20, "a");   // written between the two packets
	add_text(tl, 30, "b");   // same time as the second packet: after it
	add_text(tl, 50, "c");
	struct timeval upto = { .tv_sec = 100, .tv_usec = 30 };
	assert_int_equal(timeline_flush(tl, &upto, note, NULL), 4);
	assert_string_equal(order, "papb");
	add_packet(tl, 40);      // came later, but is earlier than "c"
	assert_int_equal(timeline_flush(tl, NULL, note, NULL), 2);
	assert_string_equal(order, "papbpc");
	assert_int_equal(timeline_flush(tl, NULL, note, NULL), 0);
	timeline_free(tl);
}

// ---- a real run: the client's lines among its packets ----

// Line number (from 1) of the first line of text holding want at or
// after line from, or 0.
static int line_of(const char *text, const char *want, int from)
{
	int n = 1;
	for (const char *p = text; *p; n++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (n >= from && memmem(p, len, want, strlen(want)))
			return n;
		p += len + (eol != NULL);
	}
	return 0;
}

static void test_lines_in_time_order(void **state)
{
	(void)state;
	char st[4096], srv[4096], cli[4096];
	snprintf(st, sizeof st, "%s", harness_path("socktrace"));
	snprintf(srv, sizeof srv, "%s", harness_path("solutions/TCPServer"));
	snprintf(cli, sizeof cli, "%s", harness_path("solutions/TCPClient"));
	// Every run: on a loaded machine the whole exchange takes less time
	// than the tracer's printing, which is when lines used to come late.
	for (int i = 0; i < 5; i++) {
		char *argv[] = { st, "run", "-q", "--input", "hello", "--", srv, "12000", "--", cli,
		                 "{host}", "{port}", NULL };
		int status = run(argv, 20000);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
			skip();  // no namespaces here: socktrace said why
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		int hs3 = line_of(out, "handshake-3", 1);
		int prompt = line_of(out, "[TCPClient] Input lowercase sentence:", 1);
		int data = line_of(out, "127.0.0.1:12000 [P.]", 1);  // the sentence
		int fin = line_of(out, "127.0.0.1:12000 > ", line_of(out, "[F.]", 1));
		int reply = line_of(out, "[TCPClient] From Server: HELLO", 1);
		// pcap_stats' count of twice the packets is explained.
		if (!strstr(err, "every packet twice, as sent and as received"))
			fail_msg("\"pcap_stats: N received\" is not explained:\n%s", err);
		if (!(hs3 && prompt > hs3 && data > prompt && reply > data && reply > fin))
			fail_msg("lines out of time order (handshake-3 %d, prompt %d, sentence %d, "
			         "server FIN %d, reply %d):\n%s", hs3, prompt, data, fin, reply, out);
	}
}

// --pipes: a program writing more in one write() than a timed socket's
// record holds (4 MB) runs as it would alone, its output whole.
static void test_pipes_take_big_writes(void **state)
{
	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	char st[4096];
	snprintf(st, sizeof st, "%s", harness_path("socktrace"));
	char *argv[] = { st, "run", "-q", "--pipes", "--", "/usr/bin/python3", "-c",
	                 "import os; os.write(1, b'a' * (6 << 20) + b'\\n'); print('done')", NULL };
	static char big[8 << 20];
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	ssize_t n = read_all(p.out, big, sizeof big, 20000);
	int status = proc_wait(&p, 20000);
	proc_kill(&p);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
		skip();
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(n > (6 << 20));
	assert_non_null(strstr(big + (6 << 20), "[python3] done"));
}

// ---- the trace targets ----

static const char *const targets[] = {
	"trace-udp", "trace-tcp", "trace-udp-noserver", "trace-tcp-noserver", "trace-two-clients",
	"trace-udp6", "trace-tcp6", "trace-two-hosts", "trace-udp-loss", "trace-tcp-loss",
};

// The `socktrace run` command make would run for target (into cmd), with
// -q and the capture written to scratch file instead. Fails the test if
// make has no such command.
static void target_command(const char *target, char *cmd, size_t size)
{
	char build[4200];
	snprintf(build, sizeof build, "BUILD=%s", getenv("SOCKLAB_BUILD") ? getenv("SOCKLAB_BUILD")
	                                                                  : "build");
	char *argv[] = { "/usr/bin/make", "-s", "-n", "--no-print-directory", (char *)target,
	                 "TRACE_OPTS=-q", build, NULL };
	int status = run(argv, 30000);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	char *line = strstr(out, "socktrace run ");
	if (line == NULL)
		fail_msg("make -n %s runs no socktrace run:\n%s", target, out);
	while (line > out && line[-1] != '\n')
		line--;
	char *eol = strchr(line, '\n');
	if (eol)
		*eol = '\0';
	size_t len = strlen(line);
	if (len >= size)
		fail_msg("make -n %s: command too long", target);
	memcpy(cmd, line, len + 1);
}

// The argument after the server program of cmd: its port.
static int server_port(const char *cmd)
{
	const char *srv = strstr(cmd, "Server ");
	return srv ? atoi(srv + strlen("Server ")) : -1;
}

static void test_trace_targets_serve_on_12000(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		char cmd[4096];
		target_command(targets[i], cmd, sizeof cmd);
		if (strstr(targets[i], "noserver")) {
			if (!strstr(cmd, " 12000"))
				fail_msg("%s: the client does not aim at port 12000: %s", targets[i], cmd);
			continue;
		}
		if (server_port(cmd) != 12000)
			fail_msg("%s: the server is not started on port 12000: %s", targets[i], cmd);
	}
}

// Point the "-w FILE" of command cmd at file instead (so that a test run
// neither needs make's build/traces/ nor overwrites a student's capture).
static void write_to(char *cmd, size_t size, const char *file)
{
	char *w = strstr(cmd, " -w ");
	assert_non_null(w);
	char *end = strchr(w + 4, ' ');
	assert_non_null(end);
	char rest[4096];
	snprintf(rest, sizeof rest, "%s", end);
	snprintf(w, size - (size_t)(w - cmd), " -w %s%s", file, rest);
}

// Run the command make gives for target, as make would, its capture
// written into a scratch folder removed after: stdout into out, stderr
// into err. Skips the test where the target says it cannot run here
// (exit 3); otherwise returns its wait status.
static int run_traced(const char *target)
{
	char cmd[4096], sh[4400], dir[64], file[128];
	target_command(target, cmd, sizeof cmd);
	assert_int_equal(harness_scratch(dir, sizeof dir, "test_demo"), 0);
	snprintf(file, sizeof file, "%s/trace.pcap", dir);
	write_to(cmd, sizeof cmd, file);
	snprintf(sh, sizeof sh, "exec %s", cmd);
	char *argv[] = { "/bin/sh", "-c", sh, NULL };
	int status = run(argv, 60000);
	harness_rmtree(dir);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
		skip();
	return status;
}

// Run target (run_traced); fail unless it ends well and what it shows
// has the server on port 12000.
static void run_target(const char *target)
{
	int status = run_traced(target);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !strstr(out, ":12000 "))
		fail_msg("%s: status %d, no packet of port 12000:\n%s\n%s", target, status, out, err);
	if (!strstr(target, "noserver") && !strstr(target, "loss") &&
	    !strstr(out, "ready to receive on port 12000"))
		fail_msg("%s: the server did not say port 12000:\n%s", target, out);
}

static void test_trace_targets_run_on_12000(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		if (!strstr(targets[i], "loss"))
			run_target(targets[i]);
}

// Where tc netem cannot run (no sch_netem, as on many container kernels),
// the lossy scenarios show the shipped captures and say what they are.
// Where it can, the real run is the lossy exchange (slow: left to make).
static void test_loss_targets_fall_back(void **state)
{
	(void)state;
	for (int i = 0; i < 2; i++) {
		const char *target = i ? "trace-tcp-loss" : "trace-udp-loss";
		int status = run_traced(target);
		if (!strstr(err, "tc failed")) {
			print_message("%s: tc netem works here: a real lossy run\n", target);
			continue;
		}
		if (!strstr(err, "showing the shipped capture tests/captures/gen-") ||
		    !strstr(err, "crafted packet by packet") || !strstr(out, "10.0.0.2:12000"))
			fail_msg("%s: no shipped capture, or not said:\n%s\n%s", target, out, err);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		if (i == 1 && !strstr(out, "retransmission"))
			fail_msg("trace-tcp-loss's capture shows no retransmission:\n%s", out);
	}
}

// ---- in a container ----

// Run sh -c script under tests/dockersim (Docker's default profile) and
// return its wait status; skip where no container can be simulated.
static int contained(const char *script)
{
	char sim[4096];
	snprintf(sim, sizeof sim, "%s", harness_path("tests/dockersim"));
	if (geteuid() != 0 || access(sim, X_OK) != 0) {
		print_message("skipped: dockersim needs root and %s\n", sim);
		skip();
	}
	char *argv[] = { sim, "/bin/sh", "-c", (char *)script, NULL };
	int status = run(argv, 60000);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 125) {
		print_message("skipped: dockersim could not make a container here: %s\n", err);
		skip();
	}
	return status;
}

// The line of err holding want (to its end), or fail.
static const char *err_line(const char *want, char *line, size_t size)
{
	const char *at = strstr(err, want);
	if (at == NULL)
		fail_msg("no \"%s\" on stderr:\n%s", want, err);
	while (at > err && at[-1] != '\n')
		at--;
	size_t len = strcspn(at, "\n");
	snprintf(line, size, "%.*s", (int)(len < size ? len : size - 1), at);
	return line;
}

// In a container (Docker's default profile) as root, make trace-tcp says
// in one line that no private namespace can be made there, why, that it
// traces the container's own loopback instead and what would give a
// private one; then it does trace the exchange. The sysctl fixes of a
// machine that forbids user namespaces do not apply there and are not
// given.
static void test_container_root_traces_its_loopback(void **state)
{
	(void)state;
	char cmd[4096], sh[4400], line[1024];
	target_command("trace-tcp", cmd, sizeof cmd);
	write_to(cmd, sizeof cmd, "/dev/null");
	snprintf(sh, sizeof sh, "exec %s", cmd);
	int status = contained(sh);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("trace-tcp in a container: status %#x\n%s\n%s", status, out, err);
	err_line("this is a container (a seccomp filter refuses unshare())", line, sizeof line);
	assert_non_null(strstr(line, "socktrace: run: no private network namespace here: "));
	assert_non_null(strstr(line, "tracing the container's own loopback instead"));
	assert_non_null(strstr(line, "for a private one: start the container with --cap-add "
	                       "SYS_ADMIN --cap-add NET_ADMIN (or --security-opt seccomp=unconfined)"));
	assert_null(strstr(err, "sysctl"));
	assert_null(strstr(err, "run as root"));
	assert_non_null(strstr(out, "handshake-3"));
	assert_non_null(strstr(out, "[TCPClient] From Server: HELLO FROM SOCKLAB"));
}

// Not root in the container: nothing can be captured there, so socktrace
// says to run it as root in the container (or start the container
// otherwise, or trace on the host) and shows the recorded capture; with
// --two-hosts root cannot either (no second namespace) and is told what
// would allow it.
static void test_container_user_gets_the_recording(void **state)
{
	(void)state;
	char dir[64], sh[8192], line[1024];
	assert_int_equal(harness_scratch(dir, sizeof dir, "test_demo"), 0);
	assert_int_equal(chmod(dir, 0755), 0);
	char *cp[] = { "/bin/cp", (char *)harness_path("socktrace"), "tests/captures/rec-udp.pcap",
	               dir, NULL };
	assert_int_equal(run(cp, 10000), 0);
	snprintf(sh, sizeof sh, "setpriv --reuid=65534 --regid=65534 --clear-groups %s/socktrace "
	         "run -q --fallback %s/rec-udp.pcap -- /bin/true; echo status $? >&2; "
	         "%s/socktrace run -q --two-hosts -- /bin/true", dir, dir, dir);
	int status = contained(sh);
	harness_rmtree(dir);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 3);  // the second run: no fallback given
	err_line("fix: run socktrace as root in the container (it traces the container's own "
	         "loopback), start the container with", line, sizeof line);
	assert_non_null(strstr(line, "this is a container (a seccomp filter refuses unshare())"));
	assert_non_null(strstr(err, "showing the recorded capture"));
	assert_non_null(strstr(err, "status 0"));
	assert_non_null(strstr(out, "udp-request"));
	err_line("fix: start the container with --cap-add SYS_ADMIN", line, sizeof line);
	assert_null(strstr(line, "as root"));
	assert_null(strstr(err, "tracing the container's own loopback"));
}

// ---- socktrace shell ----

// Is process pid gone (not even a zombie of ours)?
static int gone(long pid)
{
	return pid > 0 && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

static void test_shell_has_programs_and_leaves_nothing(void **state)
{
	(void)state;
	char st[4096];
	snprintf(st, sizeof st, "%s", harness_path("socktrace"));
	// A server left in the background, and a process whose parent (a
	// subshell) is gone: both must end with the shell.
	char *argv[] = { st, "shell", "--", "/bin/sh", "-c",
	                 "command -v UDPServer; UDPServer 12000 >/dev/null 2>&1 & echo server $!; "
	                 "(sleep 300 & echo orphan $!)", NULL };
	char *saved = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "/usr/bin:/bin", 1);  // the programs are not on it
	int status = run(argv, 20000);
	if (saved) {
		setenv("PATH", saved, 1);
		free(saved);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
		skip();
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (!strstr(out, "/UDPServer\n") || !strstr(err, "are on PATH: type UDPServer"))
		fail_msg("the programs are not on the shell's PATH:\n%s\n%s", out, err);
	const char *srv = strstr(out, "server "), *orphan = strstr(out, "orphan ");
	assert_non_null(srv);
	assert_non_null(orphan);
	long spid = atol(srv + 7), opid = atol(orphan + 7);
	if (!gone(spid) || !gone(opid)) {
		kill((pid_t)spid, SIGKILL);
		kill((pid_t)opid, SIGKILL);
		fail_msg("left running after the shell: server %ld %s, orphan %ld %s\n%s", spid,
		         gone(spid) ? "gone" : "RUNNING", opid, gone(opid) ? "gone" : "RUNNING", err);
	}
	assert_non_null(strstr(err, "ending what was still running in it: "));
	assert_non_null(strstr(err, "UDPServer"));
}

// ---- --step on a pseudo-terminal ----

// Read from the pty master fd into buf (appending at *len) until it holds
// want; 0, or -1 after 5 s or when the terminal closes.
static int pty_expect(int fd, char *buf, size_t size, size_t *len, const char *want)
{
	for (int i = 0; i < 500; i++) {
		buf[*len] = '\0';
		if (strstr(buf, want))
			return 0;
		struct pollfd pfd = { fd, POLLIN, 0 };
		if (poll(&pfd, 1, 10) > 0) {
			ssize_t n = read(fd, buf + *len, size - 1 - *len);
			if (n <= 0)
				return -1;
			*len += (size_t)n;
		}
	}
	return -1;
}

// Start socktrace --step on a new pseudo-terminal; its master in *master,
// the terminal itself (kept open here, so its settings can be read after
// socktrace ends) in *slave. Returns the pid.
static pid_t step_on_pty(int *master, int *slave)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(*master >= 0);
	assert_int_equal(grantpt(*master), 0);
	assert_int_equal(unlockpt(*master), 0);
	char name[128];
	snprintf(name, sizeof name, "%s", ptsname(*master));
	*slave = open(name, O_RDWR | O_NOCTTY);
	assert_true(*slave >= 0);
	static char st[4096], cap[4200];
	snprintf(st, sizeof st, "%s", harness_path("socktrace"));
	snprintf(cap, sizeof cap, "%s/tests/captures/rec-tcp.pcap",
	         getenv("SOCKLAB_ROOT") ? getenv("SOCKLAB_ROOT") : ".");
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setsid();
		int fd = open(name, O_RDWR);  // the controlling terminal
		if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execl(st, "socktrace", "-q", "--step", "-r", cap, (char *)NULL);
		_exit(127);
	}
	return pid;
}

// Wait up to 5 s for pid to end, draining the master meanwhile; its wait
// status, or -1 (then it is killed).
static int wait_drained(pid_t pid, int master)
{
	int status;
	for (int i = 0; i < 500; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		char junk[512];
		struct pollfd pfd = { master, POLLIN, 0 };
		if (poll(&pfd, 1, 10) > 0 && read(master, junk, sizeof junk) <= 0)
			poll(NULL, 0, 10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

// Is the terminal in its normal, line-at-a-time mode with echo?
static int cooked(int fd)
{
	struct termios t;
	return tcgetattr(fd, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO);
}

static void test_step_takes_single_keys(void **state)
{
	(void)state;
	char buf[16384];
	size_t len = 0;
	int master, slave;
	pid_t pid = step_on_pty(&master, &slave);
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "to quit -- "), 0);
	assert_false(cooked(slave));  // waiting for one key, not a line
	assert_int_equal(write(master, " ", 1), 1);  // space, no Enter
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "handshake-2"), 0);
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "2/3 SYN,ACK"), 0);
	assert_int_equal(write(master, "\r", 1), 1);  // Enter, as a terminal sends it
	assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "handshake-3"), 0);
	assert_int_equal(write(master, "q", 1), 1);   // q alone quits
	int status = wait_drained(pid, master);
	assert_true(status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_null(strstr(buf, "] data"));
	assert_true(cooked(slave));  // given back
	close(master);
	close(slave);
}

// A signal while it waits for a key: the terminal is given back all the
// same (SIGTERM ends the capture; SIGHUP kills, after restoring).
static void test_step_restores_terminal_on_signals(void **state)
{
	(void)state;
	int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	for (size_t i = 0; i < 3; i++) {
		char buf[16384];
		size_t len = 0;
		int master, slave;
		pid_t pid = step_on_pty(&master, &slave);
		assert_int_equal(pty_expect(master, buf, sizeof buf, &len, "to quit -- "), 0);
		assert_false(cooked(slave));
		kill(pid, sigs[i]);
		int status = wait_drained(pid, master);
		if (status < 0)
			fail_msg("socktrace --step did not end on signal %d", sigs[i]);
		if (!cooked(slave))
			fail_msg("signal %d left the terminal without echo or lines", sigs[i]);
		close(master);
		close(slave);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline_orders_by_time),
		cmocka_unit_test(test_lines_in_time_order),
		cmocka_unit_test(test_pipes_take_big_writes),
		cmocka_unit_test(test_trace_targets_serve_on_12000),
		cmocka_unit_test(test_trace_targets_run_on_12000),
		cmocka_unit_test(test_loss_targets_fall_back),
		cmocka_unit_test(test_container_root_traces_its_loopback),
		cmocka_unit_test(test_container_user_gets_the_recording),
		cmocka_unit_test(test_shell_has_programs_and_leaves_nothing),
		cmocka_unit_test(test_step_takes_single_keys),
		cmocka_unit_test(test_step_restores_terminal_on_signals),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	harness_cleanup();
	return failed;
}
