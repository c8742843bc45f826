// report.c: print the grading results in each format (see report.h).
#include "report.h"

#include <string.h>

// What the report says of the build of a program.
static const char *built(const struct grading *g, const struct build *b)
{
	if (g->not_graded)
		return "not compiled (not graded here)";
	return b->ok ? "compiled" : b->missing ? "not submitted" : "NOT BUILT";
}

int grading_score(const struct grading *g)
{
	int s = 0;
	for (int i = 0; i < g->ntests; i++)
		s += g->tests[i].pass && !g->tests[i].ungraded ? g->tests[i].points : 0;
	return s;
}

int grading_max(const struct grading *g)
{
	int s = 0;
	for (int i = 0; i < g->ntests; i++)
		s += g->tests[i].ungraded ? 0 : g->tests[i].points;
	return s;
}

// Points of the tests not graded here.
static int ungraded_points(const struct grading *g)
{
	int s = 0;
	for (int i = 0; i < g->ntests; i++)
		s += g->tests[i].ungraded ? g->tests[i].points : 0;
	return s;
}

// The label of a test's line in the text report.
static const char *verdict(const struct result *r)
{
	return r->ungraded ? "SKIP" : r->pass ? "PASS" : "FAIL";
}

// Print s with every line after the first indented by ind.
static void indented(FILE *f, const char *s, const char *ind)
{
	for (; *s; s++) {
		fputc(*s, f);
		if (*s == '\n' && s[1])
			fputs(ind, f);
	}
	fputc('\n', f);
}

// The lines about where the grading ran, "prefix"ed.
static void write_mode(const struct grading *g, FILE *f, const char *prefix)
{
	if (g->not_graded)
		fprintf(f, "%sNOT GRADED: %s\n", prefix, g->not_graded);
	if (g->mode)
		fprintf(f, "%smode: %s (%s)\n", prefix, g->mode, g->isolation);
	if (g->note)
		fprintf(f, "%snote: %s\n", prefix, g->note);
	if (g->files)
		fprintf(f, "%s%s\n", prefix, g->files);
}

// The closing line of the text report.
static void write_total(const struct grading *g, FILE *f, const char *prefix)
{
	if (g->not_graded) {
		fprintf(f, "%sTotal: not graded (no score): %s\n", prefix, g->not_graded);
		return;
	}
	fprintf(f, "%sTotal: %d/%d", prefix, grading_score(g), grading_max(g));
	if (ungraded_points(g) > 0)
		fprintf(f, " (%d more points not graded here)", ungraded_points(g));
	fputc('\n', f);
}

static void write_text(const struct grading *g, FILE *f)
{
	fprintf(f, "socklab grading of %s\n", g->submission);
	write_mode(g, f, "");
	for (int p = 0; p < g->nprograms; p++) {
		const struct build *b = &g->builds[p];
		fprintf(f, "\n%s.c: %s\n", g->programs[p], built(g, b));
		if (b->msg[0]) {
			fputs("    ", f);
			indented(f, b->msg, "    ");
		}
		for (int i = 0; i < g->ntests; i++) {
			const struct result *r = &g->tests[i];
			if (strcmp(r->program, g->programs[p]) != 0)
				continue;
			fprintf(f, "  %s  %-20s %2d/%-2d  %s\n", verdict(r),
			        r->name, r->pass ? r->points : 0, r->points, r->title);
			if (r->ungraded && !g->not_graded) {
				fputs("        ", f);
				indented(f, r->msg, "        ");
			}
			if (r->pass || b->missing || r->ungraded)
				continue;  // a missing file: the line above the tests says so
			fputs("        why:  ", f);
			indented(f, r->msg, "        ");
			fprintf(f, "        hint: %s\n", r->hint);
			if (b->ok && g->tracedir)
				fprintf(f, "        wire: build/socktrace -r %s/%s.pcap\n", g->tracedir, r->name);
		}
	}
	fputc('\n', f);
	write_total(g, f, "");
}

// Print s as YAML/TAP-safe text on one line (newlines as " | ").
static void one_line(FILE *f, const char *s)
{
	for (; *s; s++)
		fputs(*s == '\n' ? " | " : (char[]){ *s, 0 }, f);
}

static void write_tap(const struct grading *g, FILE *f)
{
	fprintf(f, "TAP version 13\n1..%d\n", g->ntests);
	write_mode(g, f, "# ");
	for (int i = 0; i < g->ntests; i++) {
		const struct result *r = &g->tests[i];
		fprintf(f, "%sok %d - %s (%d/%d) %s", r->pass || r->ungraded ? "" : "not ", i + 1,
		        r->name, r->pass ? r->points : 0, r->points, r->title);
		if (r->ungraded) {
			fputs(" # SKIP ", f);
			one_line(f, r->msg);
		}
		fputc('\n', f);
		if (r->pass || r->ungraded)
			continue;
		fputs("# why:  ", f);
		one_line(f, r->msg);
		fprintf(f, "\n# hint: %s\n", r->hint);
	}
	write_total(g, f, "# ");
}

// Print s escaped for XML text and attributes.
static void xml(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static void write_junit(const struct grading *g, FILE *f)
{
	int failures = 0;
	for (int i = 0; i < g->ntests; i++)
		failures += !g->tests[i].pass && !g->tests[i].ungraded;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f, "<testsuites name=\"socklab\" tests=\"%d\" failures=\"%d\">\n", g->ntests, failures);
	for (int p = 0; p < g->nprograms; p++) {
		fprintf(f, "<testsuite name=\"%s\">\n", g->programs[p]);
		if (g->builds[p].msg[0]) {
			fputs("<system-err>", f);
			xml(f, g->builds[p].msg);
			fputs("</system-err>\n", f);
		}
		for (int i = 0; i < g->ntests; i++) {
			const struct result *r = &g->tests[i];
			if (strcmp(r->program, g->programs[p]) != 0)
				continue;
			fprintf(f, "<testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
			        r->program, r->name, r->seconds);
			fprintf(f, "<system-out>%d/%d points: ", r->pass ? r->points : 0, r->points);
			xml(f, r->title);
			fputs("</system-out>", f);
			if (r->ungraded) {
				fputs("<skipped message=\"", f);
				xml(f, r->msg);
				fputs("\"/>", f);
			} else if (!r->pass) {
				fputs("<failure message=\"", f);
				xml(f, r->msg);
				fputs("\">hint: ", f);
				xml(f, r->hint);
				fputs("</failure>", f);
			}
			fputs("</testcase>\n", f);
		}
		fputs("</testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
}

// Print s as the inside of a JSON string.
static void json(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c < 0x20 || c == 0x7f)  // bytes above: our own UTF-8 text
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
}

// Gradescope's results.json. Not graded here: no score at all (never a
// silent 0), the reason at the top.
static void write_gradescope(const struct grading *g, FILE *f)
{
	if (g->not_graded) {
		fputs("{\"output\": \"NOT GRADED (no score): ", f);
		json(f, g->not_graded);
		if (g->files) {
			fputs("\\n", f);
			json(f, g->files);
		}
		fputs("\", \"tests\": []}\n", f);
		return;
	}
	fprintf(f, "{\"score\": %d, \"output\": \"", grading_score(g));
	if (g->mode) {
		fprintf(f, "mode: %s (", g->mode);
		json(f, g->isolation);
		fputs(")\\n", f);
	}
	if (g->note) {
		fputs("note: ", f);
		json(f, g->note);
		fputs("\\n", f);
	}
	if (g->files) {
		json(f, g->files);
		fputs("\\n", f);
	}
	for (int p = 0; p < g->nprograms; p++) {
		fprintf(f, "%s.c: %s\\n", g->programs[p], built(g, &g->builds[p]));
		json(f, g->builds[p].msg);
		if (g->builds[p].msg[0])
			fputs("\\n", f);
	}
	fputs("\", \"tests\": [", f);
	for (int i = 0; i < g->ntests; i++) {
		const struct result *r = &g->tests[i];
		fprintf(f, "%s\n  {\"name\": \"%s: ", i ? "," : "", r->program);
		json(f, r->title);
		fprintf(f, "\", \"number\": \"%s\", \"score\": %d, \"max_score\": %d, "
		        "\"status\": \"%s\", \"visibility\": \"visible\", \"output\": \"", r->name,
		        r->pass ? r->points : 0, r->ungraded ? 0 : r->points,
		        r->pass ? "passed" : "failed");
		if (!r->pass) {
			json(f, r->msg);
			fputs("\\nhint: ", f);
			json(f, r->hint);
		}
		fputs("\"}", f);
	}
	fputs("\n]}\n", f);
}

// One CSV row: a test not graded here is an empty cell, and a grading
// that could not run has no total.
static void write_csv(const struct grading *g, FILE *f)
{
	for (int i = 0; i < g->ntests; i++) {
		const struct result *r = &g->tests[i];
		if (r->ungraded || g->not_graded)
			fputc(',', f);
		else
			fprintf(f, "%d,", r->pass ? r->points : 0);
	}
	if (g->not_graded)
		fputs("not graded\n", f);
	else
		fprintf(f, "%d\n", grading_score(g));
}

int report_write(const struct grading *g, const char *format, FILE *f)
{
	if (strcmp(format, "text") == 0)
		write_text(g, f);
	else if (strcmp(format, "tap") == 0)
		write_tap(g, f);
	else if (strcmp(format, "junit") == 0)
		write_junit(g, f);
	else if (strcmp(format, "gradescope") == 0)
		write_gradescope(g, f);
	else if (strcmp(format, "csv") == 0)
		write_csv(g, f);
	else
		return -1;
	return 0;
}
