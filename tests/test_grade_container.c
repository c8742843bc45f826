// test_grade_container.c: the grader where courses grade, in a container
// with Docker's default profile (tests/dockersim.c: no CAP_SYS_ADMIN, a
// seccomp filter refusing namespaces). There the grader picks container
// mode by itself and the solutions score full marks on both tables; each
// broken submission loses exactly its tests; hostile ones (fork bomb,
// setsid double fork, endless memory, output and loop, SysV shared
// memory) leave no process and no IPC object of theirs; a grader that is
// not root there grades what needs no capture, says which checks were not
// graded and why; and it says so when it cannot grade at all. The
// Gradescope zip, run the way Gradescope runs it, grades the solutions
// 100/100 into a results.json of Gradescope's format, and says which
// file of a messy submission it graded.
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetest.h"

#define MAX_SUBS 40
#define MAX_TESTS 64
#define TABLE "tests/grade/tests.tab"
#define SHM_KEY 0x50c1ab  // the hostile submission's segment

static char tmp[64];        // this run's scratch folder
#define UID_BLOCKS 40          // gradings at once, each with 128 uids of its own
static unsigned uid_base;   // the gradings' uids are uid_base + 0..UID_BLOCKS*128-1
static const char *skip_why;  // why this machine cannot simulate a container
static int inside;  // already in a container (make check run in one): no dockersim

// Are we in a container already: a seccomp filter, and namespaces refused?
static int in_a_container(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int filtered = 0;
	while (f && fgets(line, sizeof line, f))
		filtered |= strncmp(line, "Seccomp:\t2", 10) == 0;
	if (f)
		fclose(f);
	return filtered && system("/usr/bin/unshare -n true 2>/dev/null") != 0;
}

static int setup(void **state)
{
	(void)state;
	static char why[256];
	uid_base = 1750000000u + (unsigned)(getpid() % 1000) * UID_BLOCKS * 128;
	inside = in_a_container();
	if (geteuid() != 0)
		skip_why = "dockersim needs root (a container's processes run as root)";
	else if (!inside && access(harness_path("tests/dockersim"), X_OK) != 0)
		snprintf(why, sizeof why, "no %s (libseccomp-dev missing?)",
		         harness_path("tests/dockersim")), skip_why = why;
	if (harness_scratch(tmp, sizeof tmp, "socklab-gcont") < 0)
		return -1;
	return chmod(tmp, 0755);
}

static int teardown(void **state)
{
	(void)state;
	// The graders' lock files for this run's uid blocks (the grader keeps
	// one per block it claimed, in /tmp/.socklab-uids): the blocks of a
	// later run are others, so these would only pile up.
	for (unsigned k = 0; k < UID_BLOCKS * 64; k++) {
		char lock[64];
		snprintf(lock, sizeof lock, "/tmp/.socklab-uids/%u", uid_base + k * 128);
		unlink(lock);
	}
	return harness_scratch_end(tmp);
}

// Skip the test (saying why) where no container can be simulated.
static void need_dockersim(void)
{
	if (skip_why != NULL) {
		print_message("skipped: %s\n", skip_why);
		skip();
	}
}

// A shell script the next grader runs in (its "$@"), in the container
// too, or NULL.
static const char *wrap;

// An option of dockersim's for the next graders (--no-ptrace), or NULL.
static const char *sim_option;

// Start the grader on dir under the Docker simulation: TAP on stdout,
// the table given, then the NULL-terminated extra options.
static void start_contained(struct graded *g, const char *name, const char *dir,
                            const char *table, char *const extra[])
{
	static char sim[4096], grader[4096];
	static char work[600], uid_arg[16];
	static int block;  // concurrent graders need uids of their own
	char *argv[48];
	int n = 0;
	snprintf(uid_arg, sizeof uid_arg, "%u", uid_base + (unsigned)(block++ % UID_BLOCKS) * 128);
	snprintf(sim, sizeof sim, "%s", harness_path("tests/dockersim"));
	snprintf(grader, sizeof grader, "%s", harness_path("grade/grader"));
	snprintf(work, sizeof work, "%s/work-%s", tmp, name);
	snprintf(g->name, sizeof g->name, "%s", name);
	snprintf(g->dir, sizeof g->dir, "%s", dir);
	if (!inside)
		argv[n++] = sim;
	if (!inside && sim_option != NULL)
		argv[n++] = (char *)sim_option;
	if (wrap != NULL)
		argv[n++] = "/bin/sh", argv[n++] = "-c", argv[n++] = (char *)wrap, argv[n++] = "sh";
	argv[n++] = grader, argv[n++] = "-w", argv[n++] = work;
	argv[n++] = "-o", argv[n++] = "tap:-", argv[n++] = "-t", argv[n++] = (char *)table;
	argv[n++] = "-u", argv[n++] = uid_arg, argv[n++] = "-j", argv[n++] = "4";
	for (int i = 0; extra && extra[i] && n < 38; i++)
		argv[n++] = extra[i];
	argv[n++] = g->dir;
	argv[n] = NULL;
	assert_int_equal(proc_start(&g->p, argv), 0);
	proc_close_stdin(&g->p);
}

// The same in this run's scratch folder.
static const char *solutions_copy(const char *name)
{
	return solutions_in(tmp, name);
}

// How many processes run as one of the graders' uids?
static int sandbox_processes(void)
{
	return uid_processes(uid_base, uid_base + UID_BLOCKS * 128);
}

static void test_solutions_full_marks_in_container(void **state)
{
	(void)state;
	static struct graded g, e;
	need_dockersim();
	start_contained(&g, "solutions", "solutions", TABLE, NULL);
	start_contained(&e, "extensions", "solutions/extensions", "tests/grade/extensions.tab", NULL);
	grading_finish(&g, 120000);
	grading_finish(&e, 120000);
	if (!strstr(g.tap, "# Total: 100/100") || !strstr(g.tap, "# mode: container"))
		fail_msg("the solutions in a container:\n%s", g.tap);
	assert_non_null(strstr(g.tap, "a seccomp filter refuses unshare()"));
	if (!strstr(e.tap, "# Total: 100/100"))
		fail_msg("the extension answers in a container:\n%s", e.tap);
	assert_int_equal(sandbox_processes(), 0);
}

static struct graded graded[MAX_SUBS];

// Grade the broken submissions m[0..n) in containers, at_once at a time:
// each loses exactly the tests its header names.
static void grade_mutants(const struct broken *m, int n, int at_once)
{
	struct table_test t[MAX_TESTS];
	int nt = table_load(TABLE, t, MAX_TESTS);
	for (int first = 0; first < n; first += at_once) {
		int last = first + at_once < n ? first + at_once : n;
		for (int i = first; i < last; i++) {
			const char *dir = solutions_copy(m[i].name);
			broken_apply(&m[i], dir);
			start_contained(&graded[i], m[i].name, dir, TABLE, NULL);
		}
		for (int i = first; i < last; i++)
			grading_finish(&graded[i], 120000);
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < nt; k++) {
			int want = broken_fails(&m[i], t[k].name);
			if (tap_failed(&graded[i], t[k].name) != want)
				fail_msg("%s in a container: %s %s, expected it to %s\n%s", m[i].name,
				         t[k].name, want ? "passed" : "failed", want ? "fail" : "pass",
				         tap_why(&graded[i], t[k].name));
			const char *unsaid = want ? broken_unsaid(&m[i], tap_why(&graded[i], t[k].name))
			                          : NULL;
			if (unsaid)
				fail_msg("%s in a container: %s does not say \"%s\": %s", m[i].name,
				         t[k].name, unsaid, tap_why(&graded[i], t[k].name));
		}
}

static void test_broken_submissions_lose_their_tests(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	need_dockersim();
	int n = broken_load(m, MAX_SUBS, NULL, "solutions");
	assert_true(n >= 10);
	grade_mutants(m, n, 4);
}

// Where ptrace is refused too (a stricter profile, or Docker on a kernel
// before 4.8), the grades are the same and the hints that would have
// named the calls say, in one line, that they could not be recorded.
static void test_refused_ptrace_grades_the_same(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	static struct graded g, u[MAX_SUBS];
	static char name[MAX_SUBS][80];
	int k = 0;
	need_dockersim();
	if (inside)
		skip();  // the profile is the real container's
	int n = broken_load(m, MAX_SUBS, NULL, "solutions");
	// LeakSanitizer needs ptrace: the sanitizer build's grader goes
	// without it there.
	const char *asan = getenv("ASAN_OPTIONS");
	char saved[512];
	snprintf(saved, sizeof saved, "%s", asan ? asan : "");
	setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
	sim_option = "--no-ptrace";
	start_contained(&g, "solutions-untraced", "solutions", TABLE, NULL);
	for (int i = 0; i < n; i++) {
		if (!m[i].traced[0])
			continue;
		snprintf(name[k], sizeof name[k], "untraced-%.63s", m[i].name);
		const char *dir = solutions_copy(name[k]);
		broken_apply(&m[i], dir);
		start_contained(&u[k], name[k], dir, TABLE, NULL);
		m[k++] = m[i];
	}
	sim_option = NULL;
	if (asan)
		setenv("ASAN_OPTIONS", saved, 1);
	else
		unsetenv("ASAN_OPTIONS");
	assert_true(k >= 3);
	grading_finish(&g, 120000);
	if (!strstr(g.tap, "# Total: 100/100"))
		fail_msg("the solutions where ptrace is refused:\n%s", g.tap);
	for (int i = 0; i < k; i++) {
		grading_finish(&u[i], 120000);
		const char *test = strtok(m[i].fails, " ");
		const char *why = tap_why(&u[i], test);
		if (!tap_failed(&u[i], test) || !strstr(why, "could not be recorded here: ptrace") ||
		    strstr(why, "(traced)") || (m[i].reason[0] && !strstr(why, m[i].reason)))
			fail_msg("%s where ptrace is refused: %s", m[i].name, why);
	}
}

static void test_hostile_submissions_leave_nothing(void **state)
{
	(void)state;
	static struct broken m[MAX_SUBS];
	need_dockersim();
	int n = broken_load(m, MAX_SUBS, "hostile", "solutions");
	assert_true(n >= 5);
	// One at a time: in a container the tests share the machine's lo, and
	// a fork bomb, a spinner and a flood graded at once on two cores (under
	// ASan) made a correct TCPServer of another grading miss its 1.5 s.
	grade_mutants(m, n, 1);
	assert_int_equal(sandbox_processes(), 0);
}

// Write the solution of prog into dir with code put at the top of main.
static void solution_with(const char *dir, const char *prog, const char *code)
{
	static char src[262144];
	char path[700];
	snprintf(path, sizeof path, "solutions/%s.c", prog);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	src[fread(src, 1, sizeof src - 1, f)] = '\0';
	fclose(f);
	char *body = strstr(src, "int main(int argc, char *argv[])\n{\n");
	assert_non_null(body);
	snprintf(path, sizeof path, "%s/%s.c", dir, prog);
	f = fopen(path, "w");
	assert_non_null(f);
	// (after the solution's own feature macros and includes)
	fprintf(f, "%.*s#include <sys/ipc.h>\n#include <sys/shm.h>\n#include <unistd.h>\n\n"
	        "int main(int argc, char *argv[])\n{\n%s%s", (int)(body - src), src, code,
	        body + strlen("int main(int argc, char *argv[])\n{\n"));
	assert_int_equal(fclose(f), 0);
}

// Is there a SysV shared memory segment with key SHM_KEY?
static int shm_left(void)
{
	char line[512];
	long key;
	int found = 0;
	FILE *f = fopen("/proc/sysvipc/shm", "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "%ld", &key) == 1 && key == SHM_KEY)
			found = 1;
	if (f)
		fclose(f);
	return found;
}

static void test_escapes_and_ipc_are_removed(void **state)
{
	(void)state;
	static struct graded g;
	need_dockersim();
	const char *dir = solutions_copy("escape");
	// UDPServer leaves a daemon (double fork, setsid: a group of its own)
	// and a shared memory segment, then serves as it should.
	solution_with(dir, "UDPServer",
	              "\tif (fork() == 0) {\n\t\tsetsid();\n\t\tif (fork() == 0)\n"
	              "\t\t\tfor (;;)\n\t\t\t\tpause();\n\t\t_exit(0);\n\t}\n"
	              "\tint id = shmget(0x50c1ab, 1 << 20, IPC_CREAT | 0600);\n"
	              "\tif (id >= 0) {\n\t\tchar *p = shmat(id, NULL, 0);\n"
	              "\t\tif (p != (void *)-1)\n\t\t\tp[0] = 1;\n\t}\n");
	// The segment is looked for in the container, where it was made.
	wrap = "\"$@\"; rc=$?; if awk '$1 == 5292459' /proc/sysvipc/shm | grep -q .; then "
	       "echo 'SHM LEFT'; fi; exit $rc";
	start_contained(&g, "escape", dir, TABLE, NULL);
	wrap = NULL;
	grading_finish(&g, 120000);
	assert_null(strstr(g.tap, "SHM LEFT"));
	if (!strstr(g.tap, "# Total: 100/100"))
		fail_msg("a daemon of UDPServer's changed the grades:\n%s", g.tap);
	assert_int_equal(sandbox_processes(), 0);
	assert_false(shm_left());
}

static void test_not_root_in_container_grades_what_it_can(void **state)
{
	(void)state;
	static char tap[TAP_SIZE];
	char work[128], sim[4096], grader[4096];
	need_dockersim();
	if (access("/usr/bin/setpriv", X_OK) != 0)
		skip();
	snprintf(sim, sizeof sim, "%s", harness_path("tests/dockersim"));
	snprintf(grader, sizeof grader, "%s", harness_path("grade/grader"));
	snprintf(work, sizeof work, "%s/nonroot", tmp);
	assert_int_equal(mkdir(work, 0755), 0);
	assert_int_equal(chown(work, 65534, 65534), 0);
	strcat(work, "/work");
	char *argv[] = { sim, "/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
	                 "--clear-groups", grader, "-w", work, "-o", "tap:-", "solutions", NULL };
	int status = harness_run_output(argv + inside, tap, sizeof tap, NULL, 0, 65000);
	// Plain mode: what needs no capture is graded, the rest is not (exit 3).
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 3 || !strstr(tap, "# mode: plain") ||
	    !strstr(tap, "run the grader as root in the container"))
		fail_msg("not root in a container: status %#x\n%s", status, tap);
	assert_non_null(strstr(tap, "ok 1 - udpclient_reply (10/10)"));
	assert_non_null(strstr(tap, "udpclient_datagram (0/10) UDPClient sends one datagram "
	                       "holding exactly the sentence # SKIP not graded here"));
	assert_non_null(strstr(tap, "# Total: 50/50 (50 more points not graded here)"));
	assert_null(strstr(tap, "not ok"));
}

static void test_cannot_grade_says_so_without_a_score(void **state)
{
	(void)state;
	static struct graded g;
	static char json[8192];
	char out[700];
	need_dockersim();
	snprintf(out, sizeof out, "gradescope:%s/nons.json", tmp);
	char *extra[] = { "-m", "namespaces", "-o", out, NULL };
	start_contained(&g, "nons", "solutions", TABLE, extra);
	assert_true(read_all(g.p.out, g.tap, sizeof g.tap, 60000) >= 0);
	int status = proc_wait(&g.p, 5000);
	proc_kill(&g.p);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 2 || !strstr(g.tap, "# NOT GRADED") ||
	    !strstr(g.tap, "Total: not graded (no score)") || strstr(g.tap, "NOT BUILT"))
		fail_msg("-m namespaces in a container: status %#x\n%s", status, g.tap);
	snprintf(out, sizeof out, "%s/nons.json", tmp);
	FILE *f = fopen(out, "r");
	assert_non_null(f);
	json[fread(json, 1, sizeof json - 1, f)] = '\0';
	fclose(f);
	assert_non_null(strstr(json, "{\"output\": \"NOT GRADED (no score): "));
	assert_null(strstr(json, "\"score\""));
}

// Run argv to its end (at most timeout_ms); its exit status, stderr in err.
static int run_status(char *const argv[], char *err, size_t size, int timeout_ms)
{
	int status = harness_run_output(argv, NULL, 0, err, size, timeout_ms);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void test_grade_all_keeps_grades_it_cannot_replace(void **state)
{
	(void)state;
	static char err[65536], before[65536], after[65536];
	char class[128], result[128], csv[200], ghost[200], sim[4096], grader[4096];
	need_dockersim();
	snprintf(class, sizeof class, "%s/class", tmp);
	snprintf(result, sizeof result, "%s/graded", tmp);
	snprintf(sim, sizeof sim, "%s", harness_path("tests/dockersim"));
	snprintf(grader, sizeof grader, "%s", harness_path("grade/grader"));
	assert_int_equal(mkdir(class, 0755), 0);
	solutions_in(class, "one");
	solutions_in(class, "two words");
	char *good[] = { sim, "tests/grade/grade-all", grader, class, result, "2", TABLE, "auto", NULL };
	char *bad[] = { sim, "tests/grade/grade-all", grader, class, result, "2", TABLE,
	                "namespaces", NULL };
	if (run_status(good + inside, err, sizeof err, 120000) != 0)
		fail_msg("grade-all in a container:\n%s", err);
	snprintf(csv, sizeof csv, "%s/grades.csv", result);
	read_file(csv, before, sizeof before);
	assert_non_null(strstr(before, "\"two words\","));
	assert_non_null(strstr(before, ",100\n"));
	// A report no student of this class has: a fresh run must drop it.
	snprintf(ghost, sizeof ghost, "%s/reports/ghost.txt", result);
	FILE *f = fopen(ghost, "w");
	assert_non_null(f);
	fclose(f);
	// Namespaces are refused in the container: nobody is graded, the
	// previous grades and reports stay, and grade-all fails saying so.
	if (run_status(bad + inside, err, sizeof err, 120000) != 1 ||
	    !strstr(err, "2 students not graded"))
		fail_msg("grade-all that cannot grade: %s", err);
	assert_non_null(strstr(err, "two words: not graded: exit status 2"));
	read_file(csv, after, sizeof after);
	assert_string_equal(before, after);
	assert_int_equal(access(ghost, F_OK), 0);
	assert_int_equal(run_status(good + inside, err, sizeof err, 120000), 0);
	assert_int_equal(access(ghost, F_OK), -1);
	// A submission that is not there is an error, not 0/100.
	char *none[] = { grader, "-w", result, "/nonexistent/submission", NULL };
	assert_int_equal(run_status(none, err, sizeof err, 10000), 2);
	assert_non_null(strstr(err, "/nonexistent/submission: No such file or directory"));
}

// The Gradescope run below: the kit unzipped into /autograder/source of
// a private mount namespace, setup.sh, run_autograder copied and run in
// the Docker simulation on /autograder/submission; first without
// setup.sh (it must say it cannot grade, with no score), then with it
// (in an environment as bare as Gradescope's: none of the make run we
// are part of, whose SANITIZE=1 would make it build build/asan).
static const char gradescope_sh[] =
	"set -eu\n"
	"clean='env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root'\n"
	"mount -t tmpfs -o size=512m autograder /autograder\n"
	"mkdir -p /autograder/source /autograder/submission /autograder/results\n"
	"cp -r \"$3\"/. /autograder/submission/\n"
	"cd /autograder/source && unzip -q \"$1\"\n"
	"cp run_autograder /autograder/run_autograder\n"
	"$clean \"$2\" /autograder/run_autograder || true\n"
	"cp /autograder/results/results.json \"$4\"/unbuilt.json\n"
	"$clean bash ./setup.sh >\"$4\"/setup.log 2>&1 || { cat \"$4\"/setup.log >&2; exit 1; }\n"
	"$clean \"$2\" /autograder/run_autograder\n"
	"cp /autograder/results/results.json \"$4\"/results.json\n";

// Checks of results.json against Gradescope's format (python3).
static const char gradescope_py[] =
	"import json, sys\n"
	"u = json.load(open(sys.argv[1] + '/unbuilt.json'))\n"
	"assert 'score' not in u and u['output'].startswith('NOT GRADED'), u\n"
	"r = json.load(open(sys.argv[1] + '/results.json'))\n"
	"assert r['score'] == 100, r['score']\n"
	"assert len(r['tests']) == 14, len(r['tests'])\n"
	"for t in r['tests']:\n"
	"    for k in ('name', 'score', 'max_score', 'output', 'visibility'):\n"
	"        assert k in t, (k, t)\n"
	"    assert t['score'] == t['max_score'] > 0, t\n"
	"o = r['output']\n"
	"for want in ('mode: container', 'UDPClient.c graded from labs/UDPClient.c',\n"
	"             'TCPServer.c graded from a/TCPServer.c',\n"
	"             'TCPClient.c is in the submission 2 times at the same depth'):\n"
	"    assert want in o, (want, o)\n";

// Make a submission as a student might upload it: the four programs in
// labs/, a broken UDPClient.c at the top (labs/ is preferred), TCPServer
// only deeper (the shallowest is taken), TCPClient twice at one depth.
static void messy_submission(const char *dir)
{
	static const char *const dirs[] = { "labs", "a", "a/b", "x", "y" };
	static const char *const copies[][2] = {
		{ "labs/UDPClient.c", "UDPClient" }, { "labs/UDPServer.c", "UDPServer" },
		{ "a/TCPServer.c", "TCPServer" }, { "a/b/TCPServer.c", "UDPClient" },
		{ "x/TCPClient.c", "TCPClient" }, { "y/TCPClient.c", "TCPClient" },
		{ "UDPClient.c", "TCPServer" },
	};
	char path[700], src[64];
	assert_int_equal(mkdir(dir, 0755), 0);
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, dirs[i]);
		assert_int_equal(mkdir(path, 0755), 0);
	}
	for (size_t i = 0; i < sizeof copies / sizeof copies[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, copies[i][0]);
		snprintf(src, sizeof src, "solutions/%s.c", copies[i][1]);
		assert_int_equal(copy_file(src, path), 0);
	}
}

static void test_gradescope_zip_as_gradescope_runs_it(void **state)
{
	(void)state;
	static char out[65536];
	char zip[128], sub[128], sim[PATH_MAX];
	need_dockersim();
	if (inside) {
		print_message("skipped: already in a container, which refuses the private mount "
		              "namespace this test gives /autograder\n");
		skip();
	}
	if (access("/usr/bin/unshare", X_OK) != 0 || access("/usr/bin/unzip", X_OK) != 0)
		skip();
	// /autograder is a mount point of the machine's: another run of this
	// test (a second suite at once) must neither remove it under us nor
	// see us remove it, so the runs take turns.
	int lock = open("/tmp/socklab-autograder.lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	                0600);
	assert_true(lock >= 0 && flock(lock, LOCK_EX) == 0);
	int made = mkdir("/autograder", 0755) == 0;  // a mount point, removed after
	snprintf(zip, sizeof zip, "%s/autograder.zip", tmp);
	snprintf(sub, sizeof sub, "%s/upload", tmp);
	assert_non_null(realpath(harness_path("tests/dockersim"), sim));
	messy_submission(sub);
	char *mk[] = { "tests/grade/make-gradescope", zip, NULL };
	assert_int_equal(harness_run_output(mk, NULL, 0, NULL, 0, 60000), 0);
	char *argv[] = { "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
	                 (char *)gradescope_sh, "sh", zip, sim, sub, tmp, NULL };
	int status = harness_run_output(argv, NULL, 0, out, sizeof out, 240000);
	if (made)
		rmdir("/autograder");
	close(lock);
	if (status != 0)
		fail_msg("the Gradescope run: status %#x\n%s", status, out);
	char *py[] = { "/usr/bin/env", "python3", "-c", (char *)gradescope_py, tmp, NULL };
	if (harness_run_output(py, NULL, 0, out, sizeof out, 20000) != 0)
		fail_msg("results.json is not what Gradescope wants:\n%s", out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_solutions_full_marks_in_container),
		cmocka_unit_test(test_gradescope_zip_as_gradescope_runs_it),
		cmocka_unit_test(test_grade_all_keeps_grades_it_cannot_replace),
		cmocka_unit_test(test_cannot_grade_says_so_without_a_score),
		cmocka_unit_test(test_not_root_in_container_grades_what_it_can),
		cmocka_unit_test(test_escapes_and_ipc_are_removed),
		cmocka_unit_test(test_broken_submissions_lose_their_tests),
		cmocka_unit_test(test_refused_ptrace_grades_the_same),
		cmocka_unit_test(test_hostile_submissions_leave_nothing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
