// gradetest.c: what the grading suite's own tests share (gradetest.h).
#include "gradetest.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
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

int table_load(const char *path, struct table_test t[], int max)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int n = 0;
	if (f == NULL)
		fail_msg("cannot read %s", path);
	while (n < max && fgets(line, sizeof line, f))
		if (line[0] != '#' && line[0] != '\n' &&
		    sscanf(line, "%47[^\t]\t%23[^\t]", t[n].name, t[n].program) == 2)
			n++;
	fclose(f);
	return n;
}

// The kind of the broken submission in file name: "hostile", "ext",
// "alt" or NULL.
static const char *kind_of(const char *name)
{
	static const char *const kinds[] = { "hostile", "ext", "alt" };
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(name, kinds[i], strlen(kinds[i])) == 0 && name[strlen(kinds[i])] == '-')
			return kinds[i];
	return NULL;
}

// Read the header of the script at path into b.
static void read_header(const char *path, struct broken *b, const char *from_dir)
{
	char line[600];
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot read %s", path);
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		sscanf(line, "# program: %23s", b->program);
		sscanf(line, "# from: %127s", b->from);
		if (strncmp(line, "# fails: ", 9) == 0)
			snprintf(b->fails, sizeof b->fails, " %.500s ", line + 9);
		if (strncmp(line, "# reason: ", 10) == 0)
			snprintf(b->reason, sizeof b->reason, "%.120s", line + 10);
		if (strncmp(line, "# traced: ", 10) == 0)
			snprintf(b->traced, sizeof b->traced, "%.120s", line + 10);
	}
	fclose(f);
	if (!b->program[0] || !b->fails[0])
		fail_msg("%s: needs \"# program:\" and \"# fails:\" lines", path);
	if (!b->from[0])
		snprintf(b->from, sizeof b->from, "%.100s/%s.c", from_dir, b->program);
}

int broken_load(struct broken b[], int max, const char *kind, const char *from_dir)
{
	DIR *d = opendir("tests/submissions");
	struct dirent *e;
	int n = 0;
	if (d == NULL)
		fail_msg("cannot read tests/submissions");
	while ((e = readdir(d)) != NULL && n < max) {
		size_t len = strlen(e->d_name);
		const char *k = kind_of(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".sed") != 0 ||
		    (k == NULL) != (kind == NULL) || (k && strcmp(k, kind) != 0))
			continue;
		char path[300];
		snprintf(path, sizeof path, "tests/submissions/%s", e->d_name);
		memset(&b[n], 0, sizeof b[n]);
		snprintf(b[n].name, sizeof b[n].name, "%.*s", (int)len - 4, e->d_name);
		read_header(path, &b[n], from_dir);
		n++;
	}
	closedir(d);
	return n;
}

void read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot read %s", path);
	buf[fread(buf, 1, size - 1, f)] = '\0';
	fclose(f);
}

void broken_apply(const struct broken *b, const char *dir)
{
	static char out[262144], orig[262144];
	char script[128], dst[700];
	snprintf(script, sizeof script, "tests/submissions/%.63s.sed", b->name);
	char *argv[] = { "/bin/sed", "-f", script, (char *)b->from, NULL };
	assert_int_equal(harness_run_output(argv, out, sizeof out, NULL, 0, 10000), 0);
	read_file(b->from, orig, sizeof orig);
	if (strcmp(orig, out) == 0)
		fail_msg("%s no longer changes %s: update it", script, b->from);
	snprintf(dst, sizeof dst, "%s/%s.c", dir, b->program);
	FILE *f = fopen(dst, "w");
	if (f == NULL || fputs(out, f) < 0 || fclose(f) != 0)
		fail_msg("cannot write %s", dst);
}

int broken_fails(const struct broken *b, const char *test)
{
	char pat[64];
	snprintf(pat, sizeof pat, " %.47s ", test);
	return strstr(b->fails, pat) != NULL;
}

// Does why contain one of list's texts, separated by " || "?
static int says_one_of(const char *why, const char *list)
{
	char alt[128];
	for (const char *p = list;;) {
		const char *end = strstr(p, " || ");
		int n = end ? (int)(end - p) : (int)strlen(p);
		snprintf(alt, sizeof alt, "%.*s", n, p);
		if (strstr(why, alt))
			return 1;
		if (end == NULL)
			return 0;
		p = end + 4;
	}
}

const char *broken_unsaid(const struct broken *b, const char *why)
{
	if (b->reason[0] && !says_one_of(why, b->reason))
		return b->reason;
	if (b->traced[0] && !strstr(why, b->traced) && !strstr(why, "could not be recorded here"))
		return b->traced;
	return NULL;
}

int copy_file(const char *src, const char *dst)
{
	char buf[65536];
	FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
	size_t n;
	if (in == NULL || out == NULL) {
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	return fclose(out);
}

const char *solutions_in(const char *parent, const char *name)
{
	static const char *const programs[] = { "UDPClient", "UDPServer", "TCPClient", "TCPServer" };
	static char dir[512];
	char src[64], dst[600];
	snprintf(dir, sizeof dir, "%s/%s", parent, name);
	assert_int_equal(mkdir(dir, 0755), 0);
	for (int i = 0; i < 4; i++) {
		snprintf(src, sizeof src, "solutions/%s.c", programs[i]);
		snprintf(dst, sizeof dst, "%s/%s.c", dir, programs[i]);
		assert_int_equal(copy_file(src, dst), 0);
	}
	return dir;
}

int uid_processes(unsigned lo, unsigned hi)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)) != NULL) {
		char path[300], line[256];
		unsigned uid;
		snprintf(path, sizeof path, "/proc/%s/status", e->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "Uid: %u", &uid) == 1 && uid >= lo && uid < hi)
				n++;
		fclose(f);
	}
	if (d)
		closedir(d);
	return n;
}
