// test_grade.c: the grading suite graded. The solutions score full marks
// in every output format, and socktrace reads the captures as the grader
// judged them; the untouched skeletons score zero, each test
// naming the blank it reached; each broken submission (tests/submissions/
// *.sed applied to a solution) fails exactly the tests its header names,
// and each correct alternative design (alt-*.sed) scores full marks;
// hostile ones are contained (they fail their program's tests with the
// reason named, the others pass, the grading ends and leaves no process);
// a submission can neither read nor write the grader's files, a missing
// file or one that does not compile is graded, not rejected; and grading
// works as a plain user too (unprivileged user namespaces).
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetest.h"

#define MAX_SUBS 40

#define TABLE "tests/grade/tests.tab"
#define MAX_TESTS 64

static char tmp[64];  // this run's scratch folder
static char uid_arg[16];  // the uid student code runs as (when we are root)

static int setup(void **state)
{
	(void)state;
	snprintf(uid_arg, sizeof uid_arg, "%u", 1700000000u + (unsigned)getpid());
	return harness_scratch(tmp, sizeof tmp, "socklab-grade");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Start the grader on dir with tests.tab, TAP on stdout, plus any extra
// -o outputs.
static void start_grading(struct graded *g, const char *name, const char *dir,
                          const char *extra1, const char *extra2)
{
	static char socktrace[4096];  // harness_path reuses its buffer
	char work[600];
	snprintf(work, sizeof work, "%s/work-%s", tmp, name);
	snprintf(socktrace, sizeof socktrace, "%s", harness_path("socktrace"));
	char *opts[16] = { "-t", TABLE, "-u", uid_arg, "-j", "8",
	                   "-s", socktrace };
	int n = 8;
	if (extra1)
		opts[n++] = "-o", opts[n++] = (char *)extra1;
	if (extra2)
		opts[n++] = "-o", opts[n++] = (char *)extra2;
	opts[n] = NULL;
	grading_start(g, name, work, dir, opts);
}

// Make a submission folder holding the four solutions; returns its path.
static const char *solutions_copy(const char *name)
{
	return solutions_in(tmp, name);
}

// Skip a test that needs a private network namespace where none can be
// made (a container), saying why.
static void need_namespaces(void)
{
	const char *why = harness_no_namespaces();
	if (why != NULL) {
		print_message("skipped: %s\n", why);
		skip();
	}
}

static void test_solutions_score_full_marks(void **state)
{
	(void)state;
	static struct graded g;
	static char buf[65536];
	char json[128], xml[128];
	struct table_test t[MAX_TESTS];
	int n = table_load(TABLE, t, MAX_TESTS);
	snprintf(json, sizeof json, "gradescope:%s/results.json", tmp);
	snprintf(xml, sizeof xml, "junit:%s/results.xml", tmp);
	start_grading(&g, "solutions", "solutions", json, xml);
	grading_finish(&g, 120000);
	for (int i = 0; i < n; i++)
		if (tap_failed(&g, t[i].name) != 0)
			fail_msg("solutions: %s did not pass: %s", t[i].name, tap_why(&g, t[i].name));
	assert_non_null(strstr(g.tap, "# Total: 100/100"));
	snprintf(json, sizeof json, "%s/results.json", tmp);
	FILE *f = fopen(json, "r");
	assert_non_null(f);
	buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(buf, "{\"score\": 100,"));
	int passed = 0;
	for (const char *p = buf; (p = strstr(p, "\"status\": \"passed\"")) != NULL; p++)
		passed++;
	assert_int_equal(passed, n);
	snprintf(xml, sizeof xml, "%s/results.xml", tmp);
	f = fopen(xml, "r");
	assert_non_null(f);
	buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(buf, "failures=\"0\""));
	assert_null(strstr(buf, "<failure"));
}

// socktrace's --json events of a capture the solutions' grading saved.
static const char *socktrace_events(const char *test)
{
	static char json[TAP_SIZE];
	char pcap[200];
	snprintf(pcap, sizeof pcap, "%s/work-solutions/traces/%s.pcap", tmp, test);
	char *argv[] = { (char *)harness_path("socktrace"), "--json", "-r", pcap, NULL };
	assert_int_equal(harness_run_output(argv, json, sizeof json, NULL, 0, 15000), 0);
	return json;
}

// Where the line holding all of the given "key":value texts starts, or NULL.
static const char *event(const char *json, const char *a, const char *b)
{
	for (const char *l = json; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		size_t len = strcspn(l, "\n");
		char line[8192];
		snprintf(line, sizeof line, "%.*s", (int)len, l);
		if (strstr(line, a) && (b == NULL || strstr(line, b)))
			return l;
	}
	return NULL;
}

static void test_socktrace_sees_what_the_grader_saw(void **state)
{
	(void)state;
	need_namespaces();  // namespace mode: the textbook's port 12000
	// The captures the grader judged read the same through socktrace: one
	// request holding exactly the sentence and its reply; the handshake's
	// three steps before the first data; the server's FIN.
	const char *j = socktrace_events("udpclient_datagram");
	assert_non_null(event(j, "\"event\":\"udp-request\"",
	                      "\"payload\":\"socket programming with udp, 2.7.1\""));
	assert_non_null(event(j, "\"event\":\"udp-reply\"", "\"dport\":"));
	assert_null(strstr(strstr(j, "udp-request") + 1, "udp-request"));
	j = socktrace_events("tcpclient_handshake");
	const char *h1 = event(j, "\"event\":\"handshake-1\"", "\"dport\":12000");
	const char *h2 = event(j, "\"event\":\"handshake-2\"", NULL);
	const char *h3 = event(j, "\"event\":\"handshake-3\"", NULL);
	const char *d = event(j, "\"event\":\"data\"", "\"dport\":12000");
	assert_true(h1 && h2 && h3 && d && h1 < h2 && h2 < h3 && h3 < d);
	j = socktrace_events("tcpserver_close");
	assert_non_null(event(j, "\"event\":\"fin\"", "\"sport\":12000"));
}

static void test_untouched_skeletons_score_zero(void **state)
{
	(void)state;
	static struct graded g;
	struct table_test t[MAX_TESTS];
	int n = table_load(TABLE, t, MAX_TESTS);
	start_grading(&g, "labs", "labs", NULL, NULL);
	grading_finish(&g, 120000);
	for (int i = 0; i < n; i++) {
		if (tap_failed(&g, t[i].name) != 1)
			fail_msg("labs: %s passed with the blanks empty", t[i].name);
		char want[64];
		snprintf(want, sizeof want, "%.23s: TODO 1 is not done yet", t[i].program);
		if (strstr(tap_why(&g, t[i].name), want) == NULL)
			fail_msg("labs: %s does not say which blank: %s", t[i].name,
			         tap_why(&g, t[i].name));
		// The newline that ends the program's message is not quoted as
		// a literal \n after it.
		if (strstr(tap_why(&g, t[i].name), "')\\n") != NULL)
			fail_msg("labs: %s quotes the message's last newline: %s", t[i].name,
			         tap_why(&g, t[i].name));
	}
	assert_non_null(strstr(g.tap, "# Total: 0/100"));
}

// The gradings of the last grade_mutants.
static struct graded graded[MAX_SUBS];
static int ngraded;

// The last grading of the submission called name, or NULL.
static struct graded *last_graded(const char *name)
{
	for (int i = 0; i < ngraded; i++)
		if (strcmp(graded[i].name, name) == 0)
			return &graded[i];
	return NULL;
}

// Grade the broken submissions m[0..n), at_once at a time, each the
// solutions with its one program broken: its listed tests must fail
// (saying its reason, if given) and all the others pass.
static void grade_mutants(const struct broken *m, int n, int at_once)
{
	struct graded *g = graded;
	struct table_test t[MAX_TESTS];
	int nt = table_load(TABLE, t, MAX_TESTS);
	ngraded = n;
	for (int first = 0; first < n; first += at_once) {
		int last = first + at_once < n ? first + at_once : n;
		for (int i = first; i < last; i++) {
			const char *dir = solutions_copy(m[i].name);
			broken_apply(&m[i], dir);
			start_grading(&g[i], m[i].name, dir, NULL, NULL);
		}
		for (int i = first; i < last; i++)
			grading_finish(&g[i], 120000);
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < nt; k++) {
			const char *name = t[k].name;
			int want = broken_fails(&m[i], name);
			if (tap_failed(&g[i], name) != want)
				fail_msg("%s: %s %s, expected it to %s\n%s", m[i].name, name,
				         want ? "passed" : "failed", want ? "fail" : "pass",
				         tap_why(&g[i], name));
			const char *unsaid = want ? broken_unsaid(&m[i], tap_why(&g[i], name)) : NULL;
			if (unsaid)
				fail_msg("%s: %s does not say \"%s\": %s", m[i].name, name, unsaid,
				         tap_why(&g[i], name));
		}
}

static void test_broken_submissions_lose_their_points(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	int n = broken_load(m, MAX_SUBS, NULL, "solutions");
	assert_true(n >= 10);
	grade_mutants(m, n, 4);
	// A failed wire test shows the wire, as socktrace annotates it.
	const struct graded *g = last_graded("tcpserver-never-closes");
	assert_non_null(g);
	const char *w = tap_why(g, "tcpserver_close");
	if (!strstr(w, "on the wire (socktrace)") || !strstr(w, "handshake-1") ||
	    !strstr(w, "\"HELLO FROM THE GRADER, 2.7.2\""))
		fail_msg("tcpserver_close does not show socktrace's trace: %s", w);
}

static void test_alternative_designs_score_full_marks(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	int n = broken_load(m, MAX_SUBS, "alt", "solutions");
	// A TCPServer that answers at the client's FIN only, a TCPClient that
	// reads as many bytes as it sent without half-closing: correct too.
	assert_true(n >= 2);
	for (int i = 0; i < n; i++)
		if (strcmp(m[i].fails, " none ") != 0)
			fail_msg("%s: an alternative design must say \"# fails: none\"", m[i].name);
	grade_mutants(m, n, 4);
	for (int i = 0; i < n; i++)
		if (strstr(graded[i].tap, "# Total: 100/100") == NULL)
			fail_msg("%s did not score full marks:\n%s", m[i].name, graded[i].tap);
}

// Count the processes running as the sandbox uid.
static int sandbox_processes(void)
{
	unsigned uid = (unsigned)atol(uid_arg);
	return uid_processes(uid, uid + 1);
}

static void test_hostile_submissions_are_contained(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	int n = broken_load(m, MAX_SUBS, "hostile", "solutions");
	assert_true(n >= 5);
	// Each hostile program is graded in a submission of its own, so that
	// the other three programs show their tests still pass.
	time_t start = time(NULL);
	grade_mutants(m, n, 3);
	assert_true(time(NULL) - start < 90);
	if (geteuid() == 0)
		assert_int_equal(sandbox_processes(), 0);
}

// Write text to path. 
static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void test_submission_cannot_reach_grader_files(void **state)
{
	(void)state;
	need_namespaces();
	static struct graded g;
	static char src[8192], root[512];
	char dir[600], path[700], text[700];
	assert_non_null(getcwd(root, sizeof root));
	snprintf(dir, sizeof dir, "%s/reach", tmp);
	assert_int_equal(mkdir(dir, 0755), 0);
	// UDPClient looks for the grader's files and tries to plant one.
	snprintf(src, sizeof src,
	         "#include <stdio.h>\n"
	         "int main(void)\n{\n"
	         "\tconst char *look[] = { \"%s/solutions/UDPClient.c\", \"%s/tests/grade/tests.tab\",\n"
	         "\t\t\"%s/work-reach/res\", \"%s\", \"/proc/1/root/etc/hostname\" };\n"
	         "\tfor (int i = 0; i < 5; i++) {\n"
	         "\t\tFILE *f = fopen(look[i], \"r\");\n"
	         "\t\tif (f != NULL)\n\t\t\tprintf(\"LEAK %%s\\n\", look[i]);\n\t}\n"
	         "\tFILE *w = fopen(\"%s/PLANTED\", \"w\");\n"
	         "\tif (w != NULL)\n\t\tputs(\"LEAK planted\");\n"
	         "\treturn 1;\n}\n", root, root, tmp, tmp, tmp);
	snprintf(path, sizeof path, "%s/UDPClient.c", dir);
	put(path, src);
	// UDPServer tries to compile the solution in by its path.
	snprintf(text, sizeof text, "#include \"%.600s/solutions/UDPServer.c\"\n", root);
	snprintf(path, sizeof path, "%s/UDPServer.c", dir);
	put(path, text);
	// TCPClient is missing; TCPServer is the solution and must still pass.
	snprintf(path, sizeof path, "%s/TCPServer.c", dir);
	assert_int_equal(copy_file("solutions/TCPServer.c", path), 0);
	snprintf(text, sizeof text, "text:%s/report.txt", tmp);
	start_grading(&g, "reach", dir, text, NULL);
	grading_finish(&g, 120000);
	if (strstr(g.tap, "LEAK"))
		fail_msg("the submission reached the grader's files:\n%s", g.tap);
	snprintf(path, sizeof path, "%s/PLANTED", tmp);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(tap_failed(&g, "udpclient_reply"), 1);
	assert_non_null(strstr(tap_why(&g, "udpclient_reply"), "exited with status 1"));
	assert_int_equal(tap_failed(&g, "udpserver_reply"), 1);
	assert_non_null(strstr(tap_why(&g, "udpserver_reply"), "UDPServer.c did not build"));
	assert_int_equal(tap_failed(&g, "tcpclient_reply"), 1);
	assert_int_equal(tap_failed(&g, "tcpserver_reply"), 0);
	assert_int_equal(tap_failed(&g, "tcpserver_clients"), 0);
	static char report[65536];
	snprintf(path, sizeof path, "%s/report.txt", tmp);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	report[fread(report, 1, sizeof report - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(report, "TCPClient.c is missing from"));
	assert_non_null(strstr(report, "No such file or directory"));  // the #include
	// The compiler's messages name the student's file, not the sandbox's.
	snprintf(text, sizeof text, "%s/UDPServer.c:1:", dir);
	assert_non_null(strstr(report, text));
	assert_null(strstr(report, "/sandbox/"));
}

static void test_grades_as_a_plain_user(void **state)
{
	(void)state;
	need_namespaces();
	static char tap[TAP_SIZE];
	char work[128], grader[4096];
	if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0)
		skip();  // as a plain user, every other test here already is one
	snprintf(grader, sizeof grader, "%s", harness_path("grade/grader"));
	snprintf(work, sizeof work, "%s/plain", tmp);
	assert_int_equal(chmod(tmp, 0755), 0);
	assert_int_equal(mkdir(work, 0755), 0);
	assert_int_equal(chown(work, 65534, 65534), 0);
	strcat(work, "/work");
	char *argv[] = { "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
	                 grader, "-w", work, "-o", "tap:-", "solutions", NULL };
	assert_int_equal(harness_run_output(argv, tap, sizeof tap, NULL, 0, 65000), 0);
	if (strstr(tap, "# Total: 100/100") == NULL)
		fail_msg("graded as uid 65534 (user namespaces):\n%s", tap);
}

static void test_no_namespaces_still_writes_results(void **state)
{
	(void)state;
	need_namespaces();
	static char text[TAP_SIZE], json[65536];
	char script[1024], path[128];
	if (access("/usr/bin/unshare", X_OK) != 0)
		skip();
	snprintf(path, sizeof path, "%s/nons.json", tmp);
	// In a user namespace of its own, forbid further ones: the grader
	// cannot sandbox with namespaces, nor take other uids (container
	// mode), says why, grades what needs no capture (plain mode, exit 3)
	// and still writes its results.
	snprintf(script, sizeof script, "echo 0 >/proc/sys/user/max_user_namespaces && "
	         "exec %s -w %s/nons -o text:- -o gradescope:%s solutions",
	         harness_path("grade/grader"), tmp, path);
	char *argv[] = { "/usr/bin/unshare", "-Ur", "/bin/sh", "-c", script, NULL };
	int status = harness_run_output(argv, text, sizeof text, NULL, 0, 25000);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 3)
		fail_msg("grader without namespaces: status %#x, not exit 3:\n%s", status, text);
	assert_non_null(strstr(text, "note: grader: cannot make the sandbox's namespaces: user "
	                       "namespaces are off (user.max_user_namespaces=0)"));
	assert_non_null(strstr(text, "Total: 50/50 (50 more points not graded here)"));
	assert_null(strstr(text, "NOT BUILT"));
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	json[fread(json, 1, sizeof json - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(json, "{\"score\": 50,"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_solutions_score_full_marks),
		cmocka_unit_test(test_socktrace_sees_what_the_grader_saw),
		cmocka_unit_test(test_untouched_skeletons_score_zero),
		cmocka_unit_test(test_submission_cannot_reach_grader_files),
		cmocka_unit_test(test_grades_as_a_plain_user),
		cmocka_unit_test(test_no_namespaces_still_writes_results),
		cmocka_unit_test(test_broken_submissions_lose_their_points),
		cmocka_unit_test(test_alternative_designs_score_full_marks),
		cmocka_unit_test(test_hostile_submissions_are_contained),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
