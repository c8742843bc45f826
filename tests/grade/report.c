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

static void write_text(const struct grading *g, FILE *f)
{
	fputs("socklab grading of ", f);
	quote(f, g->submission, Q_NAME, NULL);
	fputc('\n', f);
	for (int p = 0; p < g->nprograms; p++) {
		const struct build *b = &g->builds[p];
		fprintf(f, "\n%s.c: %s\n", g->programs[p], built(b));
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
			fprintf(f, "  %s  %-20s %2d/%-2d  %s\n", r->pass ? "PASS" : "FAIL",
			        r->name, r->pass ? r->points : 0, r->points, r->title);
			if (r->pass || b->missing)
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
	fprintf(f, "\nTotal: %d/%d\n", grading_score(g), grading_max(g));
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
		quote(f, r->msg, Q_LINE, NULL);
		fprintf(f, "\n# hint: %s\n", r->hint);
	}
	fprintf(f, "# Total: %d/%d\n", grading_score(g), grading_max(g));
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
		failures += !g->tests[i].pass;
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
			if (!r->pass) {
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

static void write_gradescope(const struct grading *g, FILE *f)
{
	fprintf(f, "{\"score\": %d, \"output\": \"", grading_score(g));
	for (int p = 0; p < g->nprograms; p++) {
		fprintf(f, "%s.c: %s\\n", g->programs[p], built(&g->builds[p]));
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
		        "\"status\": \"%s\", \"output\": \"", r->name, r->pass ? r->points : 0,
		        r->points, r->pass ? "passed" : "failed");
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
// it for a formula), the points of each test, the total.
static void write_csv(const struct grading *g, FILE *f)
{
	const char *slash = strrchr(g->submission, '/');
	const char *name = slash && slash[1] ? slash + 1 : g->submission;
	char buf[8];
	fputs(strchr("=+-@", *name) && *name ? "\"'" : "\"", f);
	while (*name && *name != '/')
		fputs(*name == '"' ? (name++, "\"\"") : spell_next(&name, buf, Q_NAME), f);
	fputs("\",", f);
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
