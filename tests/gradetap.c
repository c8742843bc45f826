// gradetap.c: run the grader from a test and read its TAP (gradetap.h).
#include "gradetap.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

void grading_start(struct graded *g, const char *name, const char *work,
                   const char *dir, char *const opts[])
{
	static char grader[4096];  // harness_path reuses its buffer
	char *argv[32];
	int n = 0;
	snprintf(g->name, sizeof g->name, "%s", name);
	snprintf(g->dir, sizeof g->dir, "%s", dir);
	snprintf(grader, sizeof grader, "%s", harness_path("grade/grader"));
	argv[n++] = grader;
	argv[n++] = "-w", argv[n++] = (char *)work;
	argv[n++] = "-o", argv[n++] = "tap:-";
	for (int i = 0; opts[i] && n < 30; i++)
		argv[n++] = opts[i];
	argv[n++] = g->dir;
	argv[n] = NULL;
	assert_int_equal(proc_start(&g->p, argv), 0);
	proc_close_stdin(&g->p);
}

void grading_finish(struct graded *g, int timeout_ms)
{
	if (read_all(g->p.out, g->tap, sizeof g->tap, timeout_ms) < 0)
		fail_msg("grading %s did not end within %d s", g->name, timeout_ms / 1000);
	g->status = proc_wait(&g->p, 10000);
	proc_kill(&g->p);
	if (g->status != 0)
		fail_msg("grading %s: grader exit status %d\n%s", g->name, g->status, g->tap);
}

// The start of the line holding test's result, or NULL.
static const char *result_line(const struct graded *g, const char *test)
{
	char pat[96];
	snprintf(pat, sizeof pat, " - %s (", test);
	const char *p = strstr(g->tap, pat);
	if (p == NULL)
		return NULL;
	while (p > g->tap && p[-1] != '\n')
		p--;
	return p;
}

int tap_failed(const struct graded *g, const char *test)
{
	const char *p = result_line(g, test);
	return p == NULL ? -1 : strncmp(p, "not ok", 6) == 0;
}

const char *tap_why(const struct graded *g, const char *test)
{
	static char line[4096];
	const char *p = result_line(g, test), *w;
	line[0] = '\0';
	if (p && (w = strstr(p, "\n# why:")) != NULL)
		snprintf(line, sizeof line, "%.*s", (int)strcspn(w + 1, "\n"), w + 1);
	return line;
}
