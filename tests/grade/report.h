// report.h: the grading results and how they are printed: a readable
// summary, TAP, JUnit XML or Gradescope's results.json.
#ifndef GRADE_REPORT_H
#define GRADE_REPORT_H

#include <stdio.h>

#define MAX_TESTS 64
#define MAX_PROGRAMS 8

struct build {
	int ok;              // the program compiled
	int missing;         // its .c file was not in the submission
	char msg[4096];      // compiler messages (or why it was not built)
};

struct result {
	char name[48], program[24], title[160], hint[400];
	int points;
	int pass;
	double seconds;
	int ungraded;        // not graded here (msg says why): no points either way
	char msg[3072];      // why it failed
};

struct grading {
	const char *submission;    // as given on the command line (report_name)
	const char *tracedir;      // where each test's capture is
	const char *mode;          // the sandbox's mode ("namespaces", ...)
	const char *isolation;     // what isolation that mode gave
	const char *note;          // why this mode (why not namespaces), or NULL
	const char *not_graded;    // why nothing could be graded here, or NULL
	const char *files;         // which files were graded (-n), or NULL
	char programs[MAX_PROGRAMS][24];  // the programs the table tests, in its order
	int nprograms;
	struct build builds[MAX_PROGRAMS];
	struct result tests[MAX_TESTS];
	int ntests;
};

// Points earned and possible (tests not graded here are in neither).
int grading_score(const struct grading *g);
int grading_max(const struct grading *g);

// Print g in one format: "text", "tap", "junit", "gradescope" or "csv"
// (one row: the submission's folder name, points per test, the total).
// 0, or -1 for an unknown one. Every format escapes what came from the
// submission (the messages of its builds and tests, its name): only
// printable ASCII and Latin-1 (U+00A1-U+00FF but the soft hyphen: the
// hints' section sign, accented letters) pass, any other byte is spelled
// as socktrace spells payload bytes (\n, \t, \xHH), and its compiler's
// messages are set off with "| ", so a submission can neither put escape
// sequences, bidi overrides or invisible characters in a report nor add
// lines that look like ours.
int report_write(const struct grading *g, const char *format, FILE *f);

// Write s, a name from the submission (its path), into out (size bytes)
// spelled as the reports spell it, on one line; cut with "..." if it does
// not fit. Returns out.
char *report_name(char *out, size_t size, const char *s);

#endif
