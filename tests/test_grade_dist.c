// test_grade_dist.c: what instructors hand out. The students' tarball
// holds no solutions or instructor-only files, and unpacked elsewhere it
// builds and `make grade` grades labs/, and its Markdown files have no
// dangling link, path or command; grade-all grades a class into a
// CSV and one report per student; the Gradescope zip has its two scripts
// and the kit; the committed GitHub Classroom workflow matches the table.
// (The tarball build is skipped in the sanitizer run: it builds the kit
// from scratch with plain flags, which the plain run already covers.)
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

#define OUT_SIZE (256 * 1024)

static char tmp[64];
static char out[OUT_SIZE];

static int setup(void **state)
{
	(void)state;
	return harness_scratch(tmp, sizeof tmp, "socklab-dist");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Run argv with stdout and stderr both read into out (stderr after
// stdout); fail the test unless it exits 0 within timeout_ms.
static void run(char *const argv[], int timeout_ms)
{
	static char err[65536];
	int status = harness_run_output(argv, out, sizeof out, err, sizeof err, timeout_ms);
	if (status != 0)
		fail_msg("%s %s: status %d\n%s\n%s", argv[0], argv[1] ? argv[1] : "", status, out, err);
}

// Read a file into out.
static void slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("%s is missing", path);
	out[fread(out, 1, sizeof out - 1, f)] = '\0';
	fclose(f);
}

static void test_student_tarball_builds_and_grades(void **state)
{
	(void)state;
	const char *build = getenv("SOCKLAB_BUILD");
	if (build && strstr(build, "asan"))
		skip();
	char tarball[128], kit[128];
	snprintf(tarball, sizeof tarball, "%s/kit.tar.gz", tmp);
	snprintf(kit, sizeof kit, "%s/socklab-student", tmp);
	run((char *[]){ "tests/grade/dist-student", tarball, NULL }, 30000);
	run((char *[]){ "/bin/tar", "-tzf", tarball, NULL }, 10000);
	assert_non_null(strstr(out, "socklab-student/labs/UDPClient.c"));
	assert_non_null(strstr(out, "socklab-student/tests/grade/grader.c"));
	assert_non_null(strstr(out, "socklab-student/solutions/module.mk"));
	assert_non_null(strstr(out, "socklab-student/.github/workflows/classroom.yml"));
	static const char *const absent[] = {
		"solutions/UDPClient.c", "solutions/TCPServer.c", "handouts/instructor/",
		"tests/skel/", "tests/submissions/", "tests/test_grade.c", "tests/test_labs.c",
	};
	for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
		if (strstr(out, absent[i]))
			fail_msg("the students' tarball holds %s", absent[i]);
	run((char *[]){ "/bin/tar", "-C", tmp, "-xzf", tarball, NULL }, 10000);
	// The README's commands, in a folder that is not the repository.
	run((char *[]){ "/usr/bin/make", "-C", kit, "-j2", NULL }, 120000);
	run((char *[]){ "/usr/bin/make", "-s", "-C", kit, "grade", NULL }, 60000);
	assert_non_null(strstr(out, "UDPClient: TODO 1 is not done yet"));
	assert_non_null(strstr(out, "Total: 0/100"));
	// make demo on the untouched skeletons: they stop at their first
	// blank, and the demo shows the recorded exchange instead of failing.
	run((char *[]){ "/usr/bin/make", "-s", "-C", kit, "demo", NULL }, 60000);
	assert_non_null(strstr(out, "udp-reply"));
	assert_non_null(strstr(out, "handshake-3"));
	char readme[160];
	snprintf(readme, sizeof readme, "%s/README.md", kit);
	slurp(readme);
	assert_non_null(strstr(out, "Students' kit"));
	// It reads as if it were the whole kit: every relative link of its
	// Markdown files resolves, no file or folder it names is missing, and
	// every build/ program and make target its commands use exists.
	char script[512];
	snprintf(script, sizeof script, "cd '%s' && exec handouts/check-samples --kit "
	         "$(find . -name '*.md' ! -path './build/*' | sort)", kit);
	run((char *[]){ "/bin/sh", "-c", script, NULL }, 60000);
	assert_non_null(strstr(out, ", 0 problems"));
}

static void test_grade_all_writes_csv_and_reports(void **state)
{
	(void)state;
	char class[128], dir[200], dst[260], result[128];
	// One folder is one student, whatever its name holds.
	static const char *const students[] = { "ada", "bob, jr", "cy", "d e\n$(id);`x`|&'\"" };
	static const char *const programs[] = { "UDPClient", "UDPServer", "TCPClient", "TCPServer" };
	snprintf(class, sizeof class, "%s/class", tmp);
	snprintf(result, sizeof result, "%s/graded", tmp);
	assert_int_equal(mkdir(class, 0755), 0);
	for (int s = 0; s < 4; s++) {
		snprintf(dir, sizeof dir, "%s/%s", class, students[s]);
		assert_int_equal(mkdir(dir, 0755), 0);
		for (int p = 0; p < 4; p++) {
			char src[64];
			// ada: the solutions; bob: the skeletons; cy: no TCPServer.c
			snprintf(src, sizeof src, "%s/%s.c", s == 1 ? "labs" : "solutions", programs[p]);
			// (the last student: the solutions)
			if (s == 2 && p == 3)
				continue;
			snprintf(dst, sizeof dst, "%s/%s.c", dir, programs[p]);
			run((char *[]){ "/bin/cp", src, dst, NULL }, 5000);
		}
	}
	run((char *[]){ "tests/grade/grade-all", (char *)harness_path("grade/grader"),
	                class, result, "3", NULL }, 120000);
	assert_non_null(strstr(out, "4 students graded"));
	char csv[200];
	snprintf(csv, sizeof csv, "%s/grades.csv", result);
	slurp(csv);
	assert_non_null(strstr(out, "student,udpclient_reply,"));
	assert_non_null(strstr(out, ",total\n"));
	assert_non_null(strstr(out, "\"ada\",10,"));
	assert_non_null(strstr(out, ",100\n\"bob, jr\",0,"));
	assert_non_null(strstr(out, ",0\n\"cy\",10,"));
	assert_non_null(strstr(out, ",0,0,0,0,75\n"));  // cy: every TCPServer test lost
	// A line break in a folder name is spelled \n, as every byte from the
	// submission is in the reports: one student, one line of the CSV.
	assert_non_null(strstr(out, "\n\"d e\\n$(id);`x`|&'\"\"\",10,"));
	snprintf(csv, sizeof csv, "%s/reports/cy.txt", result);
	slurp(csv);
	assert_non_null(strstr(out, "TCPServer.c is missing"));
}

static void test_gradescope_zip(void **state)
{
	(void)state;
	char zip[128];
	snprintf(zip, sizeof zip, "%s/autograder.zip", tmp);
	run((char *[]){ "tests/grade/make-gradescope", zip, NULL }, 30000);
	char list[400];
	snprintf(list, sizeof list, "import zipfile; print(*zipfile.ZipFile('%s').namelist(), sep='\\n')", zip);
	run((char *[]){ "/usr/bin/env", "python3", "-c", list, NULL }, 10000);
	// Gradescope unpacks the zip into /autograder/source: the kit and the
	// two scripts sit at its root (test_grade_container runs them).
	static const char *const root[] = {
		"setup.sh\n", "run_autograder\n", "Makefile\n", "tests/grade/tests.tab\n",
	};
	for (size_t i = 0; i < sizeof root / sizeof root[0]; i++) {
		char line[64];
		snprintf(line, sizeof line, "\n%s", root[i]);
		if (strncmp(out, root[i], strlen(root[i])) != 0 && !strstr(out, line))
			fail_msg("the zip has no %s at its root:\n%s", root[i], out);
	}
	assert_null(strstr(out, "source/"));
	assert_null(strstr(out, "solutions/UDPClient.c"));
}

static void test_classroom_workflow_matches_the_table(void **state)
{
	(void)state;
	static char want[OUT_SIZE];
	run((char *[]){ "tests/grade/mkclassroom", "tests/grade/tests.tab", NULL }, 10000);
	memcpy(want, out, sizeof want);
	slurp("tests/grade/classroom.yml");
	if (strcmp(want, out) != 0)
		fail_msg("tests/grade/classroom.yml is stale: run `make classroom-workflow`");
	assert_non_null(strstr(out, "command: make -s grade ONLY=tcpserver_close STRICT=1 "
	                       "MODE=namespaces"));
	// A runner without namespaces fails the namespace step, loudly.
	assert_null(strstr(out, "|| true"));
	assert_non_null(strstr(out, "cannot make user namespaces: the grader cannot run\"; exit 1; }"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_student_tarball_builds_and_grades),
		cmocka_unit_test(test_grade_all_writes_csv_and_reports),
		cmocka_unit_test(test_gradescope_zip),
		cmocka_unit_test(test_classroom_workflow_matches_the_table),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
