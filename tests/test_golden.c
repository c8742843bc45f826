// test_golden.c: socktrace's golden tests, in the manner of tcpdump's:
// each line of tests/golden/table names a capture, options and an
// expected output; socktrace must print exactly that (TZ=UTC, NO_COLOR).
// A mismatch shows the first differing line and leaves the actual output
// in $SOCKLAB_BUILD/golden-actual/NAME for diffing. To accept a changed
// output after reviewing it: make golden-update.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "annotate.h"
#include "harness.h"

#define MAX_ROWS   256
#define MAX_OPTS   24
#define MAX_OUTPUT (4 << 20)

struct row {
	char name[64], capture[128], expected[128];
	char optbuf[256];
	char *opts[MAX_OPTS];
	int nopts;
};

static struct row rows[MAX_ROWS];
static char *output;  // MAX_OUTPUT bytes, shared by the tests

// A path under the repository root ($SOCKLAB_ROOT, default ".").
static const char *root_path(char *buf, size_t len, const char *rel)
{
	const char *root = getenv("SOCKLAB_ROOT");
	snprintf(buf, len, "%s/%s", root ? root : ".", rel);
	return buf;
}

// Split one table line into r. Returns 1 for a row, 0 for a comment or
// blank line, -1 for a malformed line.
static int parse_row(char *line, struct row *r)
{
	char *save, *tok;

	line[strcspn(line, "\n")] = '\0';
	if (line[strspn(line, " \t")] == '#' || line[strspn(line, " \t")] == '\0')
		return 0;
	memset(r, 0, sizeof *r);
	if (sscanf(line, "%63s %127s %127s", r->name, r->capture, r->expected) != 3)
		return -1;
	// Options: everything after the third field.
	tok = strtok_r(line, " \t", &save);
	for (int i = 0; i < 2 && tok; i++)
		tok = strtok_r(NULL, " \t", &save);
	snprintf(r->optbuf, sizeof r->optbuf, "%s", save ? save : "");
	for (tok = strtok_r(r->optbuf, " \t", &save); tok && r->nopts < MAX_OPTS;
	     tok = strtok_r(NULL, " \t", &save))
		r->opts[r->nopts++] = tok;
	return 1;
}

// Read the table into rows. Returns the number of rows, or -1.
static int load_table(void)
{
	char path[512], line[512];
	FILE *f = fopen(root_path(path, sizeof path, "tests/golden/table"), "r");
	int n = 0;

	if (!f) {
		fprintf(stderr, "test_golden: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f) && n < MAX_ROWS) {
		int rc = parse_row(line, &rows[n]);
		if (rc < 0) {
			fprintf(stderr, "test_golden: bad table line: %s\n", line);
			fclose(f);
			return -1;
		}
		n += rc;
	}
	fclose(f);
	return n;
}

// Read a whole file into a new buffer; *len gets its size. NULL on error.
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(MAX_OUTPUT);
	size_t n = 0;

	if (f && buf)
		n = fread(buf, 1, MAX_OUTPUT, f);
	if (!f || !buf || ferror(f)) {
		free(buf);
		buf = NULL;
	}
	if (f)
		fclose(f);
	*len = n;
	return buf;
}

// Keep the actual output for diffing, under $SOCKLAB_BUILD/golden-actual.
static void save_actual(const struct row *r, const char *out, size_t len)
{
	char dir[512], path[640];
	FILE *f;

	snprintf(dir, sizeof dir, "%s/golden-actual",
	         getenv("SOCKLAB_BUILD") ? getenv("SOCKLAB_BUILD") : "build");
	mkdir(dir, 0777);
	snprintf(path, sizeof path, "%s/%s", dir, r->expected);
	f = fopen(path, "wb");
	if (f) {
		fwrite(out, 1, len, f);
		fclose(f);
	}
}

// Print the first line where got and want differ.
static void show_difference(const struct row *r, const char *got, size_t glen,
                            const char *want, size_t wlen)
{
	size_t i = 0, line = 1, start = 0;

	while (i < glen && i < wlen && got[i] == want[i]) {
		if (got[i] == '\n') {
			line++;
			start = i + 1;
		}
		i++;
	}
	print_error("%s: output differs from tests/golden/%s at line %zu\n"
	            "  want: %.*s\n  got:  %.*s\n", r->name, r->expected, line,
	            (int)strcspn(want + start, "\n") , want + start,
	            (int)strcspn(got + start, "\n"), got + start);
}

// Run socktrace -r CAPTURE OPTIONS; fill output, return its length.
static ssize_t run_socktrace(const struct row *r, int *status)
{
	char capture[512];
	char *argv[MAX_OPTS + 4];
	struct proc p;
	ssize_t n;
	int argc = 0;

	argv[argc++] = (char *)harness_path("socktrace");
	argv[argc++] = "-r";
	argv[argc++] = (char *)root_path(capture, sizeof capture, "tests/captures/");
	strncat(capture, r->capture, sizeof capture - strlen(capture) - 1);
	for (int i = 0; i < r->nopts; i++)
		argv[argc++] = r->opts[i];
	argv[argc] = NULL;
	if (proc_start(&p, argv) < 0)
		return -1;
	proc_close_stdin(&p);
	n = read_all(p.out, output, MAX_OUTPUT, 20000);
	*status = proc_wait(&p, 20000);
	proc_kill(&p);
	return n;
}

// Fail if a note line of text output (4 spaces, then the note) is as
// long as a note can be: it was cut, so the note must be shortened.
static void no_cut_notes(const struct row *r, const char *out, size_t len)
{
	const char *p = out, *end = out + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n >= 4 + ANNOT_NOTE_LEN - 1 && memcmp(p, "    ", 4) == 0 &&
		    p[4] != ' ')
			fail_msg("%s: a note was cut at %d bytes: %.60s...", r->name,
			         ANNOT_NOTE_LEN - 1, p + 4);
		p += n + 1;
	}
}

// One golden test: the row's output must equal its expected file.
static void golden(void **state)
{
	const struct row *r = *state;
	char path[512], rel[200];
	size_t wlen;
	int status = -1;
	ssize_t n = run_socktrace(r, &status);
	char *want;

	assert_true(n >= 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	no_cut_notes(r, output, (size_t)n);
	snprintf(rel, sizeof rel, "tests/golden/%s", r->expected);
	want = slurp(root_path(path, sizeof path, rel), &wlen);
	if (!want)
		fail_msg("%s: cannot read %s", r->name, path);
	if ((size_t)n != wlen || memcmp(output, want, wlen) != 0) {
		save_actual(r, output, (size_t)n);
		show_difference(r, output, (size_t)n, want, wlen);
		free(want);
		fail();
	}
	free(want);
}

int main(void)
{
	static struct CMUnitTest tests[MAX_ROWS];
	int n, rc;

	setenv("TZ", "UTC", 1);
	setenv("NO_COLOR", "1", 1);
	output = malloc(MAX_OUTPUT);
	n = load_table();
	if (n <= 0 || !output) {
		fprintf(stderr, "test_golden: no golden tests to run\n");
		return 1;
	}
	for (int i = 0; i < n; i++) {
		tests[i].name = rows[i].name;
		tests[i].test_func = golden;
		tests[i].initial_state = &rows[i];
	}
	rc = _cmocka_run_group_tests("golden", tests, (size_t)n, NULL, NULL);
	harness_cleanup();
	free(output);
	return rc;
}
