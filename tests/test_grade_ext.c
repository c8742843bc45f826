// test_grade_ext.c: the extensions' grading graded (tests/grade/
// extensions.tab). The reference answers in solutions/extensions/ score
// full marks; each broken answer (tests/submissions/ext-*.sed applied to
// its reference answer, or to the file its "# from:" line names) is
// handed in alone and fails exactly the tests its "# fails:" line names,
// saying its "# reason:", while the three extensions it lacks fail as
// "not submitted" without running. Every grading runs at the same time,
// so the slowest test (E3 with no server, 3 s by its contract) sets the
// time.
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetap.h"

#define TABLE "tests/grade/extensions.tab"
#define MAX_VARIANTS 16
#define MAX_TESTS 32

static char tmp[64];      // this run's scratch folder
static char uid_arg[16];  // the uid student code runs as (when we are root)

// A broken answer: its .sed header, and its grading.
struct variant {
	char name[64], program[24], from[128], fails[256], reason[128];
	struct graded g;
};

// The tests of the table and the program each one grades.
static char test_names[MAX_TESTS][48], test_programs[MAX_TESTS][24];
static int ntests;

static int setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "/tmp/socklab-grade-ext-XXXXXX");
	snprintf(uid_arg, sizeof uid_arg, "%u", 1710000000u + (unsigned)getpid());
	return mkdtemp(tmp) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	harness_rmtree(tmp);
	return 0;
}

// Read the table's test names and programs.
static void load_table(void)
{
	FILE *f = fopen(TABLE, "r");
	char line[1024];
	assert_non_null(f);
	for (ntests = 0; ntests < MAX_TESTS && fgets(line, sizeof line, f); )
		if (line[0] != '#' && line[0] != '\n' &&
		    sscanf(line, "%47[^\t]\t%23[^\t]", test_names[ntests], test_programs[ntests]) == 2)
			ntests++;
	fclose(f);
	assert_true(ntests >= 4);
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

// Read the headers of tests/submissions/ext-*.sed into v; returns the count.
static int load_variants(struct variant *v)
{
	DIR *d = opendir("tests/submissions");
	struct dirent *e;
	int n = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL && n < MAX_VARIANTS) {
		size_t len = strlen(e->d_name);
		char path[300], line[600];
		if (strncmp(e->d_name, "ext-", 4) != 0 || len < 5 ||
		    strcmp(e->d_name + len - 4, ".sed") != 0)
			continue;
		memset(&v[n], 0, sizeof v[n]);
		snprintf(v[n].name, sizeof v[n].name, "%.*s", (int)len - 4, e->d_name);
		snprintf(path, sizeof path, "tests/submissions/%s", e->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\n")] = '\0';
			sscanf(line, "# program: %23s", v[n].program);
			sscanf(line, "# from: %127s", v[n].from);
			if (strncmp(line, "# fails: ", 9) == 0)
				snprintf(v[n].fails, sizeof v[n].fails, " %.240s ", line + 9);
			if (strncmp(line, "# reason: ", 10) == 0)
				snprintf(v[n].reason, sizeof v[n].reason, "%.120s", line + 10);
		}
		fclose(f);
		if (!v[n].program[0] || !v[n].fails[0])
			fail_msg("%s: needs \"# program:\" and \"# fails:\" lines", path);
		if (!v[n].from[0])
			snprintf(v[n].from, sizeof v[n].from, "solutions/extensions/%s.c", v[n].program);
		n++;
	}
	closedir(d);
	return n;
}

// Make the folder of variant v, holding its one broken program: its
// sed script applied to its source. Fails if the script changed nothing.
static void make_variant(struct variant *v, char *dir, size_t size)
{
	static char out[262144], orig[262144];
	char script[128], dst[700];
	snprintf(script, sizeof script, "tests/submissions/%.63s.sed", v->name);
	snprintf(dir, size, "%s/%.63s", tmp, v->name);
	assert_int_equal(mkdir(dir, 0755), 0);
	char *argv[] = { "/bin/sed", "-f", script, v->from, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	ssize_t n = read_all(p.out, out, sizeof out, 5000);
	assert_int_equal(proc_wait(&p, 5000), 0);
	proc_kill(&p);
	FILE *f = fopen(v->from, "r");
	assert_non_null(f);
	orig[fread(orig, 1, sizeof orig - 1, f)] = '\0';
	fclose(f);
	if (n < 0 || strcmp(orig, out) == 0)
		fail_msg("%s no longer changes %s: update it", script, v->from);
	snprintf(dst, sizeof dst, "%s/%s.c", dir, v->program);
	f = fopen(dst, "w");
	assert_non_null(f);
	fputs(out, f);
	assert_int_equal(fclose(f), 0);
}

// Is test listed in the space-separated list?
static int listed(const char *list, const char *test)
{
	char pat[64];
	snprintf(pat, sizeof pat, " %.47s ", test);
	return strstr(list, pat) != NULL;
}

// Check variant v's grading: its program's listed tests fail (with the
// reason), its others pass, every other program's say "not submitted".
static void check_variant(const struct variant *v)
{
	for (int k = 0; k < ntests; k++) {
		const char *t = test_names[k];
		int mine = strcmp(test_programs[k], v->program) == 0;
		int want = !mine || listed(v->fails, t);
		if (tap_failed(&v->g, t) != want)
			fail_msg("%s: %s %s, expected it to %s\n%s", v->name, t,
			         want ? "passed" : "failed", want ? "fail" : "pass", tap_why(&v->g, t));
		if (!mine && !strstr(tap_why(&v->g, t), "not submitted"))
			fail_msg("%s: %s does not say \"not submitted\": %s", v->name, t, tap_why(&v->g, t));
		if (mine && want && v->reason[0] && !strstr(tap_why(&v->g, t), v->reason))
			fail_msg("%s: %s does not say \"%s\": %s", v->name, t, v->reason, tap_why(&v->g, t));
	}
}

static void test_extensions_graded(void **state)
{
	(void)state;
	static struct variant v[MAX_VARIANTS];
	static struct graded ref;
	char dir[600];
	load_table();
	int n = load_variants(v);
	assert_true(n >= 4);
	start_grading(&ref, "reference", "solutions/extensions");
	for (int i = 0; i < n; i++) {
		make_variant(&v[i], dir, sizeof dir);
		start_grading(&v[i].g, v[i].name, dir);
	}
	grading_finish(&ref, 60000);
	for (int i = 0; i < n; i++)
		grading_finish(&v[i].g, 60000);
	for (int k = 0; k < ntests; k++)
		if (tap_failed(&ref, test_names[k]) != 0)
			fail_msg("solutions/extensions: %s did not pass: %s", test_names[k],
			         tap_why(&ref, test_names[k]));
	assert_non_null(strstr(ref.tap, "# Total: 100/100"));
	for (int i = 0; i < n; i++)
		check_variant(&v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extensions_graded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
