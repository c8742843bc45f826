// test_key.c: the answer key of the lab blanks (handouts/instructor/key.tab)
// is what the skeleton generator says replaced each todo(N), and it is a
// complete answer: its code substituted into labs/*.c builds with the
// students' flags and the grader gives it every point. Instructor-only
// (the students' kit has neither the key nor the generator).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

#define KEY "handouts/instructor/key.tab"
#define BIG (256 * 1024)
#define MAX_KEY 64

static const char *const programs[] = { "UDPClient", "UDPServer", "TCPClient", "TCPServer" };

// One line of the key.
struct answer {
	char program[24];
	int n;
	char code[512];
};

static struct answer key[MAX_KEY];
static int nkey;

// Read a whole file into buf (size bytes at most, NUL-terminated).
// Returns its length, or -1 if it cannot be read.
static long slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	size_t n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (long)n;
}

// Read the key's lines "PROGRAM | N | CODE" into key[]; fails the test on
// a line of another shape.
static void load_key(void)
{
	static char text[BIG];
	assert_true(slurp(KEY, text, sizeof text) > 0);
	nkey = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		struct answer *a = &key[nkey];
		int used = 0;
		if (nkey == MAX_KEY || sscanf(line, "%23s | %d | %n", a->program, &a->n, &used) != 2 ||
		    used == 0)
			fail_msg("%s: bad line \"%s\"", KEY, line);
		snprintf(a->code, sizeof a->code, "%s", line + used);
		nkey++;
	}
	assert_true(nkey > 0);
}

static void test_key_is_generated(void **state)
{
	(void)state;
	static char want[BIG], out[BIG];
	assert_true(slurp(KEY, want, sizeof want) > 0);
	size_t len = 0;
	for (size_t i = 0; i < 4; i++) {
		char src[64], spec[64];
		snprintf(src, sizeof src, "solutions/%s.c", programs[i]);
		snprintf(spec, sizeof spec, "tests/skel/%s.blanks", programs[i]);
		char *argv[] = { (char *)harness_path("skel/mkskel"), "--key", (char *)programs[i],
		                 src, spec, NULL };
		int status = harness_run_output(argv, out + len, sizeof out - len, NULL, 0, 5000);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		len += strlen(out + len);
	}
	// The key without its comment lines must be exactly mkskel's output.
	char *body = want;
	while (*body == '#')
		body = strchr(body, '\n') + 1;
	if (strcmp(body, out) != 0)
		fail_msg("%s differs from what mkskel --key makes: run `make skeletons`", KEY);
}

// Write labs/PROGRAM.c with every todo(N) replaced by the key's code for
// blank N into dir/PROGRAM.c. Fails the test if a blank of the key is not
// in the skeleton or a todo() is left over.
static void fill_in(const char *program, const char *dir)
{
	static char src[BIG], done[BIG * 2];
	char path[512];
	snprintf(path, sizeof path, "labs/%s.c", program);
	assert_true(slurp(path, src, sizeof src) > 0);
	for (int k = 0; k < nkey; k++) {
		if (strcmp(key[k].program, program) != 0)
			continue;
		char call[32];
		int len = snprintf(call, sizeof call, "todo(%d", key[k].n);
		char *at = strstr(src, call);
		while (at && at[len] != ')' && at[len] != ',')
			at = strstr(at + 1, call);
		if (at == NULL)
			fail_msg("labs/%s.c has no todo(%d)", program, key[k].n);
		char *end = strchr(at, ')');
		int n = snprintf(done, sizeof done, "%.*s%s%s", (int)(at - src), src, key[k].code,
		                 end + 1);
		assert_true(n > 0 && (size_t)n < sizeof src);
		memcpy(src, done, (size_t)n + 1);
	}
	for (const char *p = strstr(src, "todo("); p; p = strstr(p + 1, "todo("))
		if (p[5] >= '0' && p[5] <= '9')
			fail_msg("labs/%s.c: the key leaves %.8s unfilled", program, p);
	snprintf(path, sizeof path, "%s/%s.c", dir, program);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(src, f);
	assert_int_equal(fclose(f), 0);
}

// Compile dir/PROGRAM.c as the students' Makefile does; fails the test
// with the compiler's messages if it does not compile cleanly.
static void compile(const char *program, const char *dir)
{
	static char out[BIG];
	char src[512], exe[512];
	snprintf(src, sizeof src, "%s/%s.c", dir, program);
	snprintf(exe, sizeof exe, "%s/%s", dir, program);
	char *argv[] = { "/bin/sh", "-c", "exec ${CC:-cc} -O2 -g -std=c11 -Wall -Wextra -Werror "
	                 "-o \"$1\" \"$2\" 2>&1", "sh", exe, src, NULL };
	int status = harness_run_output(argv, out, sizeof out, NULL, 0, 60000);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("the key's %s does not build with the students' flags:\n%s", program, out);
	unlink(exe);
}

static void test_key_fills_every_blank_for_full_marks(void **state)
{
	(void)state;
	static char report[BIG];
	load_key();
	char dir[64];
	assert_int_equal(harness_scratch(dir, sizeof dir, "test_key"), 0);
	for (size_t i = 0; i < 4; i++) {
		fill_in(programs[i], dir);
		compile(programs[i], dir);
	}
	char work[600];
	snprintf(work, sizeof work, "%s/work", dir);
	char socktrace[4096];
	snprintf(socktrace, sizeof socktrace, "%s", harness_path("socktrace"));
	char *argv[] = { (char *)harness_path("grade/grader"), "-w", work, "-t",
	                 "tests/grade/tests.tab", "-s", socktrace, "-o", "text:-", "-x", dir, NULL };
	int status = harness_run_output(argv, report, sizeof report, NULL, 0, 240000);
	harness_rmtree(dir);
	if (strstr(report, "not graded: ")) {
		print_message("%s", report);
		skip();  // no sandbox here: the grader said why, nothing was graded
	}
	const char *total = strstr(report, "\nTotal: ");
	int got = -1, max = -2;
	if (total == NULL || sscanf(total, "\nTotal: %d/%d", &got, &max) != 2 || got != max ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("the key's programs did not get every point:\n%s", report);
	print_message("the answer key, substituted into labs/: %d/%d\n", got, max);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_is_generated),
		cmocka_unit_test(test_key_fills_every_blank_for_full_marks),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	harness_cleanup();
	return failed;
}
