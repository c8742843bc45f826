// test_grade_ext.c: the extensions' grading graded (tests/grade/
// extensions.tab). The reference answers in solutions/extensions/ score
// full marks; each broken answer (tests/submissions/ext-*.sed applied to
// its reference answer, or to the file its "# from:" line names) is
// handed in alone and fails exactly the tests its "# fails:" line names,
// saying its "# reason:", while the three extensions it lacks fail as
// "not submitted" without running. Every grading runs at the same time,
// so the slowest test (E3 with no server, 3 s by its contract) sets the
// time.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetest.h"

#define TABLE "tests/grade/extensions.tab"
#define MAX_VARIANTS 16
#define MAX_TESTS 32

static char tmp[64];      // this run's scratch folder
static char uid_arg[16];  // the uid student code runs as (when we are root)

// The tests of the table and the program each one grades.
static struct table_test tests[MAX_TESTS];
static int ntests;

static int setup(void **state)
{
	(void)state;
	snprintf(uid_arg, sizeof uid_arg, "%u", 1710000000u + (unsigned)getpid());
	return harness_scratch(tmp, sizeof tmp, "socklab-grade-ext");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Start the grader on dir with the extensions' table (TAP on stdout),
// four tests at a time.
static void start_grading(struct graded *g, const char *name, const char *dir)
{
	char work[600];
	snprintf(work, sizeof work, "%s/work-%s", tmp, name);
	char *opts[] = { "-t", TABLE, "-u", uid_arg, "-j", "4", NULL };
	grading_start(g, name, work, dir, opts);
}

// Make the folder of the broken answer b, holding its one broken
// program; returns its path (static buffer).
static const char *make_variant(const struct broken *b)
{
	static char dir[600];
	snprintf(dir, sizeof dir, "%s/%.63s", tmp, b->name);
	assert_int_equal(mkdir(dir, 0755), 0);
	broken_apply(b, dir);
	return dir;
}

// Check the grading g of the broken answer b: its program's listed tests
// fail (with the reason), its others pass, every other program's say
// "not submitted".
static void check_variant(const struct broken *b, const struct graded *g)
{
	for (int k = 0; k < ntests; k++) {
		const char *t = tests[k].name;
		int mine = strcmp(tests[k].program, b->program) == 0;
		int want = !mine || broken_fails(b, t);
		if (tap_failed(g, t) != want)
			fail_msg("%s: %s %s, expected it to %s\n%s", b->name, t,
			         want ? "passed" : "failed", want ? "fail" : "pass", tap_why(g, t));
		if (!mine && !strstr(tap_why(g, t), "not submitted"))
			fail_msg("%s: %s does not say \"not submitted\": %s", b->name, t, tap_why(g, t));
		if (mine && want && b->reason[0] && !strstr(tap_why(g, t), b->reason))
			fail_msg("%s: %s does not say \"%s\": %s", b->name, t, b->reason, tap_why(g, t));
	}
}

static void test_extensions_graded(void **state)
{
	(void)state;
	static struct broken b[MAX_VARIANTS];
	static struct graded g[MAX_VARIANTS], ref;
	ntests = table_load(TABLE, tests, MAX_TESTS);
	assert_true(ntests >= 4);
	int n = broken_load(b, MAX_VARIANTS, "ext", "solutions/extensions");
	assert_true(n >= 4);
	start_grading(&ref, "reference", "solutions/extensions");
	for (int i = 0; i < n; i++)
		start_grading(&g[i], b[i].name, make_variant(&b[i]));
	grading_finish(&ref, 60000);
	for (int i = 0; i < n; i++)
		grading_finish(&g[i], 60000);
	for (int k = 0; k < ntests; k++)
		if (tap_failed(&ref, tests[k].name) != 0)
			fail_msg("solutions/extensions: %s did not pass: %s", tests[k].name,
			         tap_why(&ref, tests[k].name));
	assert_non_null(strstr(ref.tap, "# Total: 100/100"));
	for (int i = 0; i < n; i++)
		check_variant(&b[i], &g[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extensions_graded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
