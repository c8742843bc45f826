// test_handouts.c: every sample in the handouts matches what the programs
// and socktrace print today (handouts/check-samples re-runs each one), and
// the checker itself catches a drifted sample, a missing program and an
// unknown make target.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define CHECK_TIMEOUT_MS 60000

static char out[1 << 16];

// Path of a file under the repository root ($SOCKLAB_ROOT, default ".").
static const char *root_path(const char *rel)
{
	static char path[4096];
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(path, sizeof path, "%s/%s", root ? root : ".", rel);
	return path;
}

// Run handouts/check-samples on one file; its stdout goes to out.
// Returns the checker's exit status, or -1 if it did not finish in time.
static int run_checker(const char *file)
{
	char script[4096];
	snprintf(script, sizeof script, "%s", root_path("handouts/check-samples"));
	char *argv[] = { script, (char *)file, NULL };
	struct proc p;
	if (proc_start(&p, argv) < 0)
		return -1;
	proc_close_stdin(&p);
	if (read_all(p.out, out, sizeof out, CHECK_TIMEOUT_MS) < 0)
		out[0] = '\0';
	int status = proc_wait(&p, CHECK_TIMEOUT_MS);
	proc_kill(&p);
	if (status < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

// Count the lines of a handout that open a sample ("<!-- sample").
static int count_markers(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[4096];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		const char *p = line + strspn(line, " \t");
		if (strncmp(p, "<!-- sample", 11) == 0)
			n++;
	}
	fclose(f);
	return n;
}

// The handouts, each checked by its own checker process. All of them are
// started at once by start_all() (the samples of one handout take up to
// a few seconds, mostly waiting), and each test then reads its result.
static struct handout {
	const char *rel;
	int instructor_only;   // absent from the students' copy
	int started;
	struct proc p;
	char out[1 << 15];
	int rc;                // checker's exit status, -1 if it did not finish
} handouts[] = {
	{ .rel = "handouts/README.md", .instructor_only = 0 },
	{ .rel = "handouts/lab1-udp.md", .instructor_only = 0 },
	{ .rel = "handouts/lab2-tcp.md", .instructor_only = 0 },
	{ .rel = "handouts/lab3-wire.md", .instructor_only = 0 },
	{ .rel = "handouts/extensions.md", .instructor_only = 0 },
	{ .rel = "handouts/errata.md", .instructor_only = 0 },
	{ .rel = "handouts/instructor/instructor-guide.md", .instructor_only = 1 },
	{ .rel = "handouts/instructor/answers.md", .instructor_only = 1 },
};
#define NHANDOUTS (sizeof handouts / sizeof handouts[0])

// Start a checker for every handout present. Always returns 0: a handout
// that could not be checked fails its own test.
static int start_all(void **state)
{
	(void)state;
	char script[4096];
	snprintf(script, sizeof script, "%s", root_path("handouts/check-samples"));
	for (size_t i = 0; i < NHANDOUTS; i++) {
		struct handout *h = &handouts[i];
		char file[4096];
		snprintf(file, sizeof file, "%s", root_path(h->rel));
		struct stat st;
		if (stat(file, &st) < 0)
			continue;
		char *argv[] = { script, file, NULL };
		h->started = proc_start(&h->p, argv) == 0;
		if (h->started)
			proc_close_stdin(&h->p);
	}
	return 0;
}

// Collect what each checker printed and how it exited.
static int collect_all(void **state)
{
	(void)state;
	for (size_t i = 0; i < NHANDOUTS; i++) {
		struct handout *h = &handouts[i];
		if (!h->started)
			continue;
		if (read_all(h->p.out, h->out, sizeof h->out, CHECK_TIMEOUT_MS) < 0)
			h->out[0] = '\0';
		int status = proc_wait(&h->p, CHECK_TIMEOUT_MS);
		proc_kill(&h->p);
		h->rc = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	return 0;
}

// Check one handout's result: the checker passed, and it ran (or skipped
// with a reason) every sample the file has, so that a checker that
// silently found nothing cannot pass.
static void check_handout(size_t i)
{
	struct handout *h = &handouts[i];
	const char *path = root_path(h->rel);
	struct stat st;
	if (stat(path, &st) < 0) {
		if (h->instructor_only) {
			print_message("%s: not in this tree (students' copy)\n", h->rel);
			skip();
		}
		fail_msg("%s is missing", h->rel);
	}
	assert_true(h->started);
	print_message("%s", h->out);
	assert_int_equal(h->rc, 0);
	int run = -1, skipped = -1;
	const char *summary = strstr(h->out, "check-samples: ");
	assert_non_null(summary);
	assert_int_equal(sscanf(summary, "check-samples: %d samples run, %*d failed, %d skipped",
	                        &run, &skipped), 2);
	char file[4096];
	snprintf(file, sizeof file, "%s", path);
	assert_int_equal(run + skipped, count_markers(file));
}

static void test_readme(void **s) { (void)s; check_handout(0); }
static void test_lab1(void **s) { (void)s; check_handout(1); }
static void test_lab2(void **s) { (void)s; check_handout(2); }
static void test_lab3(void **s) { (void)s; check_handout(3); }
static void test_extensions(void **s) { (void)s; check_handout(4); }
static void test_errata(void **s) { (void)s; check_handout(5); }
static void test_guide(void **s) { (void)s; check_handout(6); }
static void test_answers(void **s) { (void)s; check_handout(7); }

// Write text to a new file in a fresh temporary folder; returns its path.
static const char *scratch_file(const char *text)
{
	static char path[256];
	char dir[] = "/tmp/test_handouts.XXXXXX";
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sample.md", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void remove_scratch(const char *path)
{
	char dir[256];
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	unlink(path);
	rmdir(dir);
}

// Run the checker on a made-up handout; expect the given exit status and,
// if want is not NULL, that text in its report.
static void expect_checker(const char *md, int rc_want, const char *want)
{
	const char *path = scratch_file(md);
	int rc = run_checker(path);
	remove_scratch(path);
	if (rc != rc_want || (want && !strstr(out, want)))
		print_message("checker said:\n%s", out);
	assert_int_equal(rc, rc_want);
	if (want)
		assert_non_null(strstr(out, want));
}

static void test_checker_accepts_true_sample(void **s)
{
	(void)s;
	expect_checker("<!-- sample -->\n```console\n$ printf 'a\\nb\\n'\na\nb\n```\n",
	               0, "1 samples run, 0 failed");
}

static void test_checker_catches_drift(void **s)
{
	(void)s;
	expect_checker("<!-- sample -->\n```console\n$ printf 'a\\nb\\n'\na\nB\n```\n",
	               1, "drifted");
}

static void test_checker_catches_missing_program(void **s)
{
	(void)s;
	expect_checker("<!-- sample -->\n```console\n$ build/no-such-tool -r x\nok\n```\n",
	               1, "build/no-such-tool is missing");
	expect_checker("```console\n$ build/no-such-tool\n```\n",
	               1, "was not built");
}

static void test_checker_catches_unknown_target(void **s)
{
	(void)s;
	expect_checker("```console\n$ make no-such-target\n```\n",
	               1, "does not define");
	expect_checker("```console\n$ make check\n```\n", 0, NULL);
}

static void test_checker_catches_broken_link(void **s)
{
	(void)s;
	expect_checker("See [the lab](no-such-handout.md) and [a site](https://example.com).\n",
	               1, "links to no-such-handout.md, which does not exist");
}

// vary=ports: a different number is accepted, but only in the same places.
// (The random port is made of digits that are not ports themselves: a
// command's own numbers are classed too, and a range's bound, picked as
// the port, would be another port of the class.)
static void test_checker_vary_is_consistent(void **s)
{
	(void)s;
	expect_checker("<!-- sample vary=ports -->\n```console\n"
	               "$ p=$(shuf -i 4-5 -n 1)$(shuf -i 1000-9999 -n 1); echo $p to 12000 then $p\n"
	               "41234 to 12000 then 41234\n```\n", 0, NULL);
	expect_checker("<!-- sample vary=ports -->\n```console\n"
	               "$ p=$(shuf -i 4-5 -n 1)$(shuf -i 1000-9999 -n 1); echo $p to 12000 then $p\n"
	               "41234 to 12000 then 41235\n```\n", 1, "drifted");
}

// vary=clock: any clock time stands for any other, also when a run's
// times cross a second (the microseconds are part of the time, not a
// number of another class).
static void test_checker_vary_clock(void **s)
{
	(void)s;
	expect_checker("<!-- sample vary=clock,isn -->\n```console\n"
	               "$ echo 12:00:00.999990 x; echo 12:00:01.000020 y\n"
	               "19:50:03.564822 x\n19:50:03.565027 y\n```\n", 0, NULL);
}

// Background jobs: the ready line is shown, kill %1 shows the rest.
static void test_checker_jobs(void **s)
{
	(void)s;
	expect_checker("<!-- sample -->\n```console\n"
	               "$ (echo ready; sleep 30; echo never) &\nready\n"
	               "$ echo fg\nfg\n"
	               "$ kill %1\n```\n", 0, "1 samples run, 0 failed");
}

// The code a handout shows for a blank must be the answer key's: the slip
// of an old Lab 2 (names that are not the skeleton's) is caught, the
// key's own call passes, and a mention with its arguments left out is not
// code to check. Instructor-only: the students' copy has no key.
static void test_checker_catches_wrong_blank_call(void **s)
{
	(void)s;
	struct stat st;
	if (stat(root_path("handouts/instructor/key.tab"), &st) < 0)
		skip();
	expect_checker("### The client (`labs/TCPClient.c`)\n\n"
	               "**Receive the whole reply** (TODO 7). Call `recv(clientSocket, buf + got,\n"
	               "room, 0)` in a loop.\n", 1,
	               "shows `recv(clientSocket, buf + got, room, 0)` for a blank, but the key "
	               "fills TCPClient's TODO 7 with `recv(clientSocket, modifiedSentence + got, "
	               "cap - got, 0)`");
	expect_checker("### The client (`labs/TCPClient.c`)\n\n"
	               "**Receive the whole reply** (TODO 7). Call `recv(clientSocket,\n"
	               "modifiedSentence + got, cap - got, 0)`, not `recv(...)` once.\n", 0, NULL);
	// "x = call": more than the blank takes (it would not compile there).
	expect_checker("### The server (`labs/TCPServer.c`)\n\n"
	               "**Accept** (TODO 6). `connectionSocket = accept(serverSocket, (struct\n"
	               "sockaddr *)&clientAddress, &clientAddressLen)`.\n", 1,
	               "shows `connectionSocket = accept(");
	expect_checker("### The client (`labs/UDPClient.c`)\n\n"
	               "| Book | C in this kit | What |\n|---|---|---|\n"
	               "| `x` | `socket(ai->ai_family, SOCK_DGRAM, 0)` | a socket |\n", 1,
	               "shows `socket(ai->ai_family, SOCK_DGRAM, 0)` for a blank");
}

// "solved": a sample showing build/labs/ once the blanks are filled runs
// the solutions in the instructor's kit (the untouched skeleton would
// stop at TODO 1), and says so when it is skipped in the students' copy.
static void test_checker_solved_sample(void **s)
{
	(void)s;
	struct stat st;
	int students = stat(root_path("solutions/TCPClient.c"), &st) < 0;
	expect_checker("<!-- sample net solved -->\n```console\n"
	               "$ echo hi | build/labs/TCPClient 127.0.0.1 1\n"
	               "TCPClient: connect: Connection refused\n```\n", 0,
	               students ? "SKIP" : NULL);
	if (!students && !strstr(out, "1 samples run, 0 failed") && !strstr(out, "SKIP"))
		fail_msg("the solved sample did not run:\n%s", out);
}

// --kit (for the unpacked students' kit): a dangling link, a folder the
// kit has not, build/solutions/ and an unknown target are each caught;
// the student's own extension programs and output files are not.
static void test_checker_kit_mode(void **s)
{
	(void)s;
	const char *path = scratch_file(
		"See [the key](instructor/answers.md).\n\n"
		"The book's programs are in `tests/no-such-folder/`.\n\n"
		"```sh\nbuild/solutions/UDPServer &\nmake no-such-target\n"
		"build/labs/UDPCountServer\nbuild/socktrace -r build/traces/labs-udp.pcap\n```\n");
	char script[4096];
	snprintf(script, sizeof script, "%s", root_path("handouts/check-samples"));
	char *argv[] = { script, "--kit", (char *)path, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	assert_true(read_all(p.out, out, sizeof out, CHECK_TIMEOUT_MS) >= 0);
	int status = proc_wait(&p, CHECK_TIMEOUT_MS);
	proc_kill(&p);
	remove_scratch(path);
	print_message("%s", out);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	assert_non_null(strstr(out, "links to instructor/answers.md, which does not exist"));
	assert_non_null(strstr(out, "names tests/no-such-folder/, which the students' kit has not"));
	assert_non_null(strstr(out, "names build/solutions/"));
	assert_non_null(strstr(out, "uses 'make no-such-target'"));
	assert_null(strstr(out, "UDPCountServer"));
	assert_null(strstr(out, "labs-udp.pcap"));
}

int main(void)
{
	// The checkers of the handouts run in the background while the
	// checker's own tests run; their results are collected afterwards.
	start_all(NULL);
	const struct CMUnitTest checker_tests[] = {
		cmocka_unit_test(test_checker_accepts_true_sample),
		cmocka_unit_test(test_checker_catches_drift),
		cmocka_unit_test(test_checker_catches_missing_program),
		cmocka_unit_test(test_checker_catches_unknown_target),
		cmocka_unit_test(test_checker_catches_broken_link),
		cmocka_unit_test(test_checker_vary_is_consistent),
		cmocka_unit_test(test_checker_vary_clock),
		cmocka_unit_test(test_checker_jobs),
		cmocka_unit_test(test_checker_catches_wrong_blank_call),
		cmocka_unit_test(test_checker_kit_mode),
		cmocka_unit_test(test_checker_solved_sample),
	};
	const struct CMUnitTest handout_tests[] = {
		cmocka_unit_test(test_readme),
		cmocka_unit_test(test_lab1),
		cmocka_unit_test(test_lab2),
		cmocka_unit_test(test_lab3),
		cmocka_unit_test(test_extensions),
		cmocka_unit_test(test_errata),
		cmocka_unit_test(test_guide),
		cmocka_unit_test(test_answers),
	};
	int failed = cmocka_run_group_tests(checker_tests, NULL, NULL);
	failed += cmocka_run_group_tests(handout_tests, collect_all, NULL);
	harness_cleanup();
	return failed;
}
