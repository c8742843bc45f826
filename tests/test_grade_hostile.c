// test_grade_hostile.c: submissions that attack the grader itself rather
// than the sandbox. A flood of 60 KB datagrams must leave the grader's
// memory and the saved traces bounded (and fail the tests, saying so); a
// FIFO named UDPClient.c must be refused at once, the results written;
// and nothing a submission prints, its compiler says or its folder is
// called may reach a report raw (terminal escapes, bidi overrides,
// invisible or XML-forbidden characters) or add lines that pass for the
// grader's own (PASS, Total), in text, TAP, JUnit, JSON and grade-all's
// CSV. JUnit and JSON are checked with Python's parsers.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetest.h"

#define TABLE "tests/grade/tests.tab"
#define WAIT_MS 120000

static const char *const programs[] = { "UDPClient", "UDPServer", "TCPClient", "TCPServer" };

static char tmp[64];      // this run's scratch folder
static char uid_arg[16];  // the uid student code runs as (when we are root)

static int setup(void **state)
{
	(void)state;
	snprintf(uid_arg, sizeof uid_arg, "%u", 1710000000u + (unsigned)getpid());
	return harness_scratch(tmp, sizeof tmp, "socklab-ghostile");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Write text to path.
static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

// The contents of path, NUL-terminated, in a static buffer (one of 4).
static const char *slurp(const char *path)
{
	static char bufs[4][256 * 1024];
	static int next;
	char *b = bufs[next++ % 4];
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot read %s: %s", path, strerror(errno));
	b[fread(b, 1, sizeof bufs[0] - 1, f)] = '\0';
	fclose(f);
	return b;
}

// Make folder dir (under tmp) holding the solutions of the programs not
// named in skip (a space-separated list); returns its path.
static const char *submission(const char *name, const char *skip)
{
	static char dir[512];
	char cmd[1200];
	snprintf(dir, sizeof dir, "%s/%s", tmp, name);
	assert_int_equal(mkdir(dir, 0755), 0);
	for (int i = 0; i < 4; i++)
		if (strstr(skip, programs[i]) == NULL) {
			snprintf(cmd, sizeof cmd, "cp solutions/%s.c '%s/'", programs[i], dir);
			assert_int_equal(system(cmd), 0);
		}
	return dir;
}

// ---- a flood ---------------------------------------------------------

// Run the grader on dir for the tests of UDPClient, TAP into tap_path;
// wait for it (at most WAIT_MS) and return its peak RSS in KiB: the
// largest of it and the processes under it (wait4 reports them all).
static long graded_rss(const char *dir, const char *work, const char *tap_path)
{
	char tap[600];
	snprintf(tap, sizeof tap, "tap:%s", tap_path);
	char *argv[] = { (char *)harness_path("grade/grader"), "-w", (char *)work, "-t", TABLE,
	                 "-u", uid_arg, "-o", tap, "-T", "udpclient_reply",
	                 "-T", "udpclient_datagram", "-T", "udpclient_port", (char *)dir, NULL };
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0), dup2(null, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	// A pidfd tells when it ends, so that a grader that hangs is killed.
	int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
	struct pollfd p = { .fd = pfd, .events = POLLIN };
	if (pfd >= 0 && poll(&p, 1, WAIT_MS) != 1)
		kill(pid, SIGKILL);
	int status;
	struct rusage ru;
	assert_int_equal(wait4(pid, &status, 0, &ru), pid);
	if (pfd >= 0)
		close(pfd);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	return ru.ru_maxrss;
}

static void test_flood_is_bounded(void **state)
{
	(void)state;
	static struct broken m[64];
	char work[600], tap[600], trace[700];
	int n = broken_load(m, 64, "hostile", "solutions"), k;
	for (k = 0; k < n && strcmp(m[k].name, "hostile-udpclient-floods") != 0; k++)
		;
	assert_true(k < n);
	// What grading the same tests of a good UDPClient costs, for comparison.
	const char *good = submission("good", "");
	snprintf(work, sizeof work, "%s/work-good", tmp);
	snprintf(tap, sizeof tap, "%s/good.tap", tmp);
	long base = graded_rss(good, work, tap);
	const char *dir = submission("flood", "");
	broken_apply(&m[k], dir);
	snprintf(work, sizeof work, "%s/work-flood", tmp);
	snprintf(tap, sizeof tap, "%s/flood.tap", tmp);
	long rss = graded_rss(dir, work, tap);
	print_message("grader peak RSS: %ld KiB for the solutions, %ld KiB under the flood\n",
	              base, rss);
	if (rss > base + 24 * 1024)
		fail_msg("the flood took the grader to %ld KiB (%ld KiB for the solutions)", rss, base);
	const char *t = slurp(tap);
	const char *tests[] = { "udpclient_reply", "udpclient_datagram", "udpclient_port" };
	for (int i = 0; i < 3; i++) {
		struct stat st;
		snprintf(trace, sizeof trace, "%s/traces/%s.pcap", work, tests[i]);
		assert_int_equal(stat(trace, &st), 0);
		print_message("%s: trace of %lld bytes\n", tests[i], (long long)st.st_size);
		if (st.st_size > 3 << 20)
			fail_msg("%s: the flood left a trace of %lld bytes", tests[i],
			         (long long)st.st_size);
		char want[200];
		snprintf(want, sizeof want, "not ok %d - %s (0/", i + 1, tests[i]);
		if (strstr(t, want) == NULL)
			fail_msg("%s did not fail under the flood:\n%s", tests[i], t);
	}
	if (strstr(t, "the program flooded the network: ") == NULL ||
	    strstr(t, " bytes in ") == NULL)
		fail_msg("the report does not say the network was flooded:\n%s", t);
}

// ---- a FIFO ----------------------------------------------------------

static void test_fifo_is_refused(void **state)
{
	(void)state;
	static struct graded g;
	char path[600], text[700], work[600];
	const char *dir = submission("fifo", "UDPClient");
	snprintf(path, sizeof path, "%s/UDPClient.c", dir);
	assert_int_equal(mkfifo(path, 0644), 0);
	snprintf(text, sizeof text, "text:%s/fifo.txt", tmp);
	snprintf(work, sizeof work, "%s/work-fifo", tmp);
	char *opts[] = { "-t", TABLE, "-u", uid_arg, "-o", text, "-T", "udpclient_reply",
	                 "-T", "tcpserver_reply", NULL };
	grading_start(&g, "fifo", work, dir, opts);
	grading_finish(&g, 60000);  // before: open() waited for a writer forever
	assert_int_equal(tap_failed(&g, "udpclient_reply"), 1);
	assert_int_equal(tap_failed(&g, "tcpserver_reply"), 0);
	snprintf(path, sizeof path, "%s/fifo.txt", tmp);
	const char *t = slurp(path);
	if (strstr(t, "UDPClient.c: NOT BUILT\n    | UDPClient.c is a FIFO, not a regular file") == NULL)
		fail_msg("the report does not say UDPClient.c is a FIFO:\n%s", t);
}

// ---- a forged report -------------------------------------------------

// What no report may carry raw: terminal escapes, control bytes, bidi
// overrides, line and paragraph separators, invisible characters, and
// the noncharacters XML 1.0 forbids.
static const char *const raw[] = {
	"\x1b", "\x07", "\x01", "\r", "\xe2\x80\xae", "\xe2\x80\xa8", "\xe2\x80\xa9",
	"\xe2\x80\x8b", "\xef\xbb\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf",
};

// Fail if the report what (text s) holds one of raw[].
static void assert_escaped(const char *what, const char *s)
{
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		const char *p = strstr(s, raw[i]);
		if (p != NULL)
			fail_msg("%s holds the raw bytes \\x%02x...: ...%.60s", what,
			         (unsigned char)raw[i][0], p > s + 20 ? p - 20 : s);
	}
}

// How many lines of s start, after blanks and "# ", with word.
static int lines_starting(const char *s, const char *word)
{
	int n = 0;
	for (const char *l = s; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		const char *p = l + strspn(l, " \t");
		if (strncmp(p, "# ", 2) == 0)
			p += 2;
		n += strncmp(p, word, strlen(word)) == 0;
	}
	return n;
}

// The folder name of the forging student: terminal title and clear-screen
// escapes, a right-to-left override and a zero-width space.
#define EVIL_NAME "evil\x1b]0;owned\x07\x1b[2J\xe2\x80\xae\xe2\x80\x8bname"

// Write the forging submission into a new folder under parent: a
// UDPClient.c whose #line filename forges report lines and whose #warning
// carries the characters of raw[]; a UDPServer that prints them and
// forged lines; no TCP programs. Returns its path.
static const char *forging_submission(const char *parent)
{
	static char dir[512];
	char path[600];
	snprintf(dir, sizeof dir, "%s/" EVIL_NAME, parent);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(path, sizeof path, "%s/UDPClient.c", dir);
	put(path, "#line 1 \"x.c\\n  PASS  udpclient_reply      10/10  forged\\nTotal: 100/100\\n\"\n"
	          "#warning bidi \xe2\x80\xae ls \xe2\x80\xa8 ps \xe2\x80\xa9 zwsp \xe2\x80\x8b "
	          "bom \xef\xbb\xbf fffe \xef\xbf\xbe ffff \xef\xbf\xbf esc \x1b[2J bel \x07 "
	          "ctl \x01 cr \r end\n"
	          "int main(void) { return missing; }\n");
	snprintf(path, sizeof path, "%s/UDPServer.c", dir);
	put(path, "#include <stdio.h>\n"
	          "int main(int argc, char *argv[])\n{\n"
	          "\tprintf(\"The server is ready to receive on port %s\\n\", argc > 1 ? argv[1] : \"\");\n"
	          "\tfflush(stdout);\n"
	          "\tfputs(\"\\xe2\\x80\\xae\\xe2\\x80\\xa8\\xe2\\x80\\x8b\\xef\\xbb\\xbf\\xef\\xbf\\xbe\"\n"
	          "\t      \"\\xef\\xbf\\xbf\\x1b]0;owned\\x07\\x1b[2J\\r\\n\"\n"
	          "\t      \"  PASS  udpserver_reply 10/10\\nTotal: 100/100\\n\", stderr);\n"
	          "\tfputs(\"\\xe2\\x80\\xae stdout \\x1b[2J\\n\", stdout);\n"
	          "\treturn 1;\n}\n");
	return dir;
}

// Run python3 -c code arg; fail with what it said unless it exits 0.
static void python_check(const char *what, const char *code, const char *arg)
{
	struct run r;
	char *argv[] = { "/usr/bin/env", "python3", "-c", (char *)code, (char *)arg, NULL };
	assert_int_equal(proc_run(&r, argv, NULL, 0, 30000), 0);
	if (r.status != 0)
		fail_msg("%s: %s%s", what, r.out, r.err);
	run_free(&r);
}

static const char junit_check[] =
	"import sys, xml.etree.ElementTree as E\n"
	"E.parse(sys.argv[1])\n";

// Gradescope shows "output" as text: no line of it may pass for a total
// or a passed test.
static const char json_check[] =
	"import json, sys\n"
	"d = json.load(open(sys.argv[1]))\n"
	"out = d['output'] + ''.join('\\n' + t['output'] for t in d['tests'])\n"
	"bad = [l for l in out.split('\\n') if l.lstrip().startswith(('Total', 'PASS'))]\n"
	"assert not bad, bad\n"
	"assert d['score'] == sum(t['score'] for t in d['tests'])\n";

// The text report at path is escaped and has one total line and as many
// PASS lines as tests passed.
static const char *check_report(const char *path, const char *total, int passed)
{
	const char *s = slurp(path);
	assert_escaped(path, s);
	if (lines_starting(s, total) != 1)
		fail_msg("%s: more than one line starts with \"%s\":\n%s", path, total, s);
	if (lines_starting(s, "PASS ") != passed)
		fail_msg("%s: a forged PASS line (%d tests passed):\n%s", path, passed, s);
	return s;
}

static void test_report_cannot_be_forged(void **state)
{
	(void)state;
	static struct graded g;
	char class[128], work[600], text[200], junit[200], json[200], path[400];
	snprintf(class, sizeof class, "%s/class", tmp);
	assert_int_equal(mkdir(class, 0755), 0);
	const char *dir = forging_submission(class);
	snprintf(text, sizeof text, "text:%s/forged.txt", tmp);
	snprintf(junit, sizeof junit, "junit:%s/forged.xml", tmp);
	snprintf(json, sizeof json, "gradescope:%s/forged.json", tmp);
	snprintf(work, sizeof work, "%s/work-forged", tmp);
	char *opts[] = { "-t", TABLE, "-u", uid_arg, "-o", text, "-o", junit, "-o", json, NULL };
	grading_start(&g, "forged", work, dir, opts);
	grading_finish(&g, WAIT_MS);
	// One result line per test of the table (14) and one total, in TAP;
	// in the text report, as many PASS lines as TAP has "ok" lines.
	assert_escaped("TAP", g.tap);
	int passed = lines_starting(g.tap, "ok ");
	if (lines_starting(g.tap, "Total:") != 1 || passed + lines_starting(g.tap, "not ok ") != 14)
		fail_msg("TAP: forged lines:\n%s", g.tap);
	snprintf(path, sizeof path, "%s/forged.txt", tmp);
	const char *t = check_report(path, "Total:", passed);
	// The compiler's messages are there, escaped and set off.
	if (strstr(t, "    | x.c") == NULL || strstr(t, "\\xef\\xbf\\xbf") == NULL ||
	    strstr(t, "evil\\x1b]0;owned\\x07\\x1b[2J\\xe2\\x80\\xae\\xe2\\x80\\x8bname") == NULL)
		fail_msg("the text report does not show the escaped messages and name:\n%s", t);
	snprintf(path, sizeof path, "%s/forged.xml", tmp);
	assert_escaped(path, slurp(path));
	python_check("JUnit is not valid XML", junit_check, path);
	snprintf(path, sizeof path, "%s/forged.json", tmp);
	assert_escaped(path, slurp(path));
	python_check("Gradescope's JSON", json_check, path);
	// grade-all: the CSV and the per-student report name the folder escaped.
	struct run r;
	char out[100];
	snprintf(out, sizeof out, "%s/graded", tmp);
	char *argv[] = { "tests/grade/grade-all", (char *)harness_path("grade/grader"), class,
	                 out, "2", NULL };
	assert_int_equal(proc_run(&r, argv, NULL, 0, WAIT_MS), 0);
	assert_int_equal(r.status, 0);
	assert_escaped("grade-all's output", r.out);
	assert_escaped("grade-all's errors", r.err);
	run_free(&r);
	snprintf(path, sizeof path, "%s/grades.csv", out);
	const char *csv = slurp(path);
	assert_escaped(path, csv);
	if (strstr(csv, "\n\"evil\\x1b]0;owned\\x07\\x1b[2J\\xe2\\x80\\xae\\xe2\\x80\\x8bname\",0,") == NULL)
		fail_msg("grades.csv does not name the student escaped:\n%s", csv);
	snprintf(path, sizeof path, "%s/reports/" EVIL_NAME ".txt", out);
	check_report(path, "Total:", passed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifo_is_refused),
		cmocka_unit_test(test_report_cannot_be_forged),
		cmocka_unit_test(test_flood_is_bounded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
