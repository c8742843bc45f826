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

// How a format spells the text from the submission it quotes.
enum quoting {
	Q_TEXT,  // the text report: a line break stays one (then the indentation)
	Q_NAME,  // a name on one line: a line break as \n
	Q_LINE,  // TAP: a line break as " | "
	Q_XML,   // XML text and attributes: a line break as &#10;
	Q_JSON,  // inside a JSON string: a line break as \n (then the indentation)
};

// Spell byte c of the submission's text in buf (8 bytes) for q, the way
// socktrace spells payload bytes (trace/escape.c): printable ASCII stays
// (but XML's &<>" and JSON's "\ are escaped), \t and \r are spelled so,
// every other byte is \xHH (in JSON, with its backslash escaped: the
// string then reads \xHH). Returns buf or a constant.
static const char *spell(char *buf, unsigned char c, enum quoting q)
{
	static const char *const xml_ent[] = { ['&'] = "&amp;", ['<'] = "&lt;",
	                                       ['>'] = "&gt;", ['"'] = "&quot;" };
	static const char *const newline[] = { [Q_TEXT] = "\n", [Q_NAME] = "\\n",
	                                       [Q_LINE] = " | ", [Q_XML] = "&#10;",
	                                       [Q_JSON] = "\\n" };
	const char *bs = q == Q_JSON ? "\\\\" : "\\";  // our escapes' backslash
	if (c == '\n')
		return newline[q];
	if (q == Q_XML && c < sizeof xml_ent / sizeof xml_ent[0] && xml_ent[c])
		return xml_ent[c];
	if (q == Q_JSON && (c == '"' || c == '\\'))
		snprintf(buf, 8, "\\%c", c);
	else if (c == '\t' || c == '\r')
		snprintf(buf, 8, "%s%c", bs, c == '\t' ? 't' : 'r');
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, 8, "%c", c);
	else
		snprintf(buf, 8, "%sx%02x", bs, c);
	return buf;
}

// Is u the UTF-8 of a printable Latin-1 character, U+00A1 to U+00FF but
// the soft hyphen (the section sign of the hints, accented letters)? None
// of them is invisible, a control or a right-to-left letter.
static int latin1(const unsigned char *u)
{
	return (u[0] == 0xc2 && u[1] >= 0xa1 && u[1] <= 0xbf && u[1] != 0xad) ||
	       (u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0xbf);
}

// Spell the next character of the submission's text *s for q (a
// printable Latin-1 one as itself, any other byte by spell()), into buf
// (8 bytes), and step *s past it. Returns what to print.
static const char *spell_next(const char **s, char *buf, enum quoting q)
{
	const unsigned char *u = (const unsigned char *)*s;
	if (latin1(u)) {
		snprintf(buf, 8, "%.2s", *s);
		*s += 2;
		return buf;
	}
	(*s)++;
	return spell(buf, u[0], q);
}

// Print s, text that came from the submission (what it printed, what its
// compiler said, its folder's name), spelled for q (see spell()); after
// each line break, ind (if not NULL). Only printable ASCII and Latin-1
// pass, so nothing the submission wrote can reach a terminal as an escape
// sequence, turn text around (U+202E), break a line where we do not
// (U+2028), hide as an invisible character (U+200B, U+FEFF) or make the
// XML invalid (U+FFFE, U+FFFF, control bytes).
static void quote(FILE *f, const char *s, enum quoting q, const char *ind)
{
	char buf[8];
	while (*s) {
		int line_break = *s == '\n';
		fputs(spell_next(&s, buf, q), f);
		if (line_break && ind != NULL)
			fputs(ind, f);
	}
}

// Print the submission's text s as a block in q (Q_TEXT or Q_JSON): each
// of its lines starts with ind and "| ", so that none of them can pass
// for a line of ours ("  PASS ...", "Total: ..."); a line break ends it.
static void quote_block(FILE *f, const char *s, enum quoting q, const char *ind)
{
	char bar[32];
	snprintf(bar, sizeof bar, "%s| ", ind);
	fputs(bar, f);
	quote(f, s, q, bar);
	fputs(q == Q_JSON ? "\\n" : "\n", f);
}

char *report_name(char *out, size_t size, const char *s)
{
	size_t n = 0;
	char buf[8];
	out[0] = '\0';
	while (*s) {
		const char *e = spell_next(&s, buf, Q_NAME);
		if (n + strlen(e) + 4 > size) {
			snprintf(out + n, size - n, "...");
			break;
		}
		n += (size_t)snprintf(out + n, size - n, "%s", e);
	}
	return out;
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
	if (g->files) {  // it names the submission's files: quoted
		fputs(prefix, f);
		quote(f, g->files, Q_TEXT, prefix);
		fputc('\n', f);
	}
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
	fputs("socklab grading of ", f);
	quote(f, g->submission, Q_NAME, NULL);
	fputc('\n', f);
	write_mode(g, f, "");
	for (int p = 0; p < g->nprograms; p++) {
		const struct build *b = &g->builds[p];
		fprintf(f, "\n%s.c: %s\n", g->programs[p], built(g, b));
		if (b->msg[0] && !b->missing) {
			quote_block(f, b->msg, Q_TEXT, "    ");  // the compiler's messages
		} else if (b->msg[0]) {
			fputs("    ", f);  // ours
			quote(f, b->msg, Q_TEXT, "    ");
			fputc('\n', f);
		}
		for (int i = 0; i < g->ntests; i++) {
			const struct result *r = &g->tests[i];
			if (strcmp(r->program, g->programs[p]) != 0)
				continue;
			fprintf(f, "  %s  %-20s %2d/%-2d  %s\n", verdict(r),
			        r->name, r->pass ? r->points : 0, r->points, r->title);
			if (r->ungraded && !g->not_graded) {
				fputs("        ", f);
				quote(f, r->msg, Q_TEXT, "        ");
				fputc('\n', f);
			}
			if (r->pass || b->missing || r->ungraded)
				continue;  // a missing file: the line above the tests says so
			fputs("        why:  ", f);
			quote(f, r->msg, Q_TEXT, "        ");
			fprintf(f, "\n        hint: %s\n", r->hint);
			if (b->ok && g->tracedir) {
				fputs("        wire: build/socktrace -r ", f);
				quote(f, g->tracedir, Q_NAME, NULL);  // the work folder names the student
				fprintf(f, "/%s.pcap\n", r->name);
			}
		}
	}
	fputc('\n', f);
	write_total(g, f, "");
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
			quote(f, r->msg, Q_LINE, NULL);
		}
		fputc('\n', f);
		if (r->pass || r->ungraded)
			continue;
		fputs("# why:  ", f);
		quote(f, r->msg, Q_LINE, NULL);
		fprintf(f, "\n# hint: %s\n", r->hint);
	}
	write_total(g, f, "# ");
}

// Print s, text of ours (the test table's), escaped for XML text and
// attributes.
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
			quote(f, g->builds[p].msg, Q_XML, NULL);
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
				quote(f, r->msg, Q_XML, NULL);
				fputs("\"/>", f);
			} else if (!r->pass) {
				fputs("<failure message=\"", f);
				quote(f, r->msg, Q_XML, NULL);
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

// Print s, text of ours (the test table's), as the inside of a JSON
// string.
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
			quote(f, g->files, Q_JSON, NULL);
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
		quote(f, g->files, Q_JSON, NULL);
		fputs("\\n", f);
	}
	for (int p = 0; p < g->nprograms; p++) {
		fprintf(f, "%s.c: %s\\n", g->programs[p], built(g, &g->builds[p]));
		if (g->builds[p].msg[0] && !g->builds[p].missing)
			quote_block(f, g->builds[p].msg, Q_JSON, "    ");
		else if (g->builds[p].msg[0])
			quote(f, g->builds[p].msg, Q_JSON, NULL), fputs("\\n", f);
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
			quote(f, r->msg, Q_JSON, NULL);
			fputs("\\nhint: ", f);
			json(f, r->hint);
		}
		fputs("\"}", f);
	}
	fputs("\n]}\n", f);
}

// One row of grades.csv: the submission's folder name (quoted, and
// with a ' before a leading = + - @, so that a spreadsheet cannot take
// it for a formula), the points of each test (a test not graded here is
// an empty cell), the total ("not graded" for a grading that could not
// run).
static void write_csv(const struct grading *g, FILE *f)
{
	const char *slash = strrchr(g->submission, '/');
	const char *name = slash && slash[1] ? slash + 1 : g->submission;
	char buf[8];
	fputs(strchr("=+-@", *name) && *name ? "\"'" : "\"", f);
	while (*name && *name != '/')
		fputs(*name == '"' ? (name++, "\"\"") : spell_next(&name, buf, Q_NAME), f);
	fputs("\",", f);
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
