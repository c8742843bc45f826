// report.c: print the grading results in each format (see report.h).
#include "report.h"

#include <string.h>

// What the report says of the build of a program.
static const char *built(const struct build *b)
{
	return b->ok ? "compiled" : b->missing ? "not submitted" : "NOT BUILT";
}

int grading_score(const struct grading *g)
{
	int s = 0;
	for (int i = 0; i < g->ntests; i++)
		s += g->tests[i].pass ? g->tests[i].points : 0;
	return s;
}

int grading_max(const struct grading *g)
{
	int s = 0;
	for (int i = 0; i < g->ntests; i++)
		s += g->tests[i].points;
	return s;
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

static void write_text(const struct grading *g, FILE *f)
{
	fprintf(f, "socklab grading of %s\n", g->submission);
	for (int p = 0; p < g->nprograms; p++) {
		const struct build *b = &g->builds[p];
		fprintf(f, "\n%s.c: %s\n", g->programs[p], built(b));
		if (b->msg[0]) {
			fputs("    ", f);
			indented(f, b->msg, "    ");
		}
		for (int i = 0; i < g->ntests; i++) {
			const struct result *r = &g->tests[i];
			if (strcmp(r->program, g->programs[p]) != 0)
				continue;
			fprintf(f, "  %s  %-20s %2d/%-2d  %s\n", r->pass ? "PASS" : "FAIL",
			        r->name, r->pass ? r->points : 0, r->points, r->title);
			if (r->pass || b->missing)
				continue;  // a missing file: the line above the tests says so
			fputs("        why:  ", f);
			indented(f, r->msg, "        ");
			fprintf(f, "        hint: %s\n", r->hint);
			if (b->ok && g->tracedir)
				fprintf(f, "        wire: build/socktrace -r %s/%s.pcap\n", g->tracedir, r->name);
		}
	}
	fprintf(f, "\nTotal: %d/%d\n", grading_score(g), grading_max(g));
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
	for (int i = 0; i < g->ntests; i++) {
		const struct result *r = &g->tests[i];
		fprintf(f, "%sok %d - %s (%d/%d) %s\n", r->pass ? "" : "not ", i + 1, r->name,
		        r->pass ? r->points : 0, r->points, r->title);
		if (r->pass)
			continue;
		fputs("# why:  ", f);
		one_line(f, r->msg);
		fprintf(f, "\n# hint: %s\n", r->hint);
	}
	fprintf(f, "# Total: %d/%d\n", grading_score(g), grading_max(g));
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
		failures += !g->tests[i].pass;
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
			if (!r->pass) {
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

static void write_gradescope(const struct grading *g, FILE *f)
{
	fprintf(f, "{\"score\": %d, \"output\": \"", grading_score(g));
	for (int p = 0; p < g->nprograms; p++) {
		fprintf(f, "%s.c: %s\\n", g->programs[p], built(&g->builds[p]));
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
		        "\"status\": \"%s\", \"output\": \"", r->name, r->pass ? r->points : 0,
		        r->points, r->pass ? "passed" : "failed");
		if (!r->pass) {
			json(f, r->msg);
			fputs("\\nhint: ", f);
			json(f, r->hint);
		}
		fputs("\"}", f);
	}
	fputs("\n]}\n", f);
}

static void write_csv(const struct grading *g, FILE *f)
{
	for (int i = 0; i < g->ntests; i++)
		fprintf(f, "%d,", g->tests[i].pass ? g->tests[i].points : 0);
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
