// gradetest.h: what the grading suite's own tests share: run the grader
// (build/grade/grader) on a submission folder and read its TAP (which
// tests failed, and why), read a test table, and make the broken
// submissions of tests/submissions/*.sed.
#ifndef SOCKLAB_GRADETEST_H
#define SOCKLAB_GRADETEST_H

#include "harness.h"

#define TAP_SIZE (128 * 1024)

// One grading run of one submission.
struct graded {
	char name[64];
	char dir[512];
	char tap[TAP_SIZE];
	int status;
	struct proc p;
};

// Start `grader -w WORK -o tap:- OPTS... DIR` for the submission dir,
// named name in messages; opts ends with NULL (at most 20). Fails the
// test if the grader cannot start.
void grading_start(struct graded *g, const char *name, const char *work,
                   const char *dir, char *const opts[]);

// Wait at most timeout_ms for the grading started by grading_start to
// end; fail the test unless it exits 0.
void grading_finish(struct graded *g, int timeout_ms);

// 1 if the TAP says test failed, 0 if it passed, -1 if it is not there.
int tap_failed(const struct graded *g, const char *test);

// The "# why:" line after test's result line ("" if none; static buffer).
const char *tap_why(const struct graded *g, const char *test);

// A test of a table: its name and the program it grades.
struct table_test {
	char name[48], program[24];
};

// Read the tests of the table at path into t (at most max); returns how
// many. Fails the test if the table cannot be read.
int table_load(const char *path, struct table_test t[], int max);

// A broken submission: tests/submissions/NAME.sed, a sed script, and what
// its header says: "# program:" the program it breaks, "# from:" the
// source it applies to (by default FROM_DIR/PROGRAM.c), "# fails:" the
// tests it must fail (space-separated; "none" for a correct alternative
// design, named alt-*), "# reason:" what they must say (or one of several
// texts, separated by " || ", where timing decides), "# traced:" what
// they must say too where the program's socket calls are recorded.
struct broken {
	char name[64], program[24], from[128], fails[512], reason[128], traced[128];
};

// Read the headers of the broken submissions of one kind into b (at most
// max): kind "hostile", "ext" or "alt" for the files named hostile-*,
// ext-* or alt-*,
// NULL for all the others. Returns how many; fails the test on a header
// without "# program:" or "# fails:".
int broken_load(struct broken b[], int max, const char *kind, const char *from_dir);

// Write b's program into folder dir: its sed script applied to its
// source. Fails the test if the script no longer changes anything.
void broken_apply(const struct broken *b, const char *dir);

// Is test one of those b must fail?
int broken_fails(const struct broken *b, const char *test);

// Does why, the reason a test of b failed, say b's reason and (unless it
// says the calls could not be recorded) what the traced calls showed?
// NULL if so, else the text it lacks.
const char *broken_unsaid(const struct broken *b, const char *why);

// Copy file src to dst. Returns 0, or -1 if either cannot be opened or
// dst cannot be written.
int copy_file(const char *src, const char *dst);

// Make folder parent/name holding the four solutions (solutions/*.c), a
// submission that scores full marks; returns its path (static buffer).
// Fails the test if the folder cannot be made or filled.
const char *solutions_in(const char *parent, const char *name);

// Read the file at path into buf (NUL-terminated, cut at size-1 bytes).
// Fails the test if it cannot be read.
void read_file(const char *path, char *buf, size_t size);

// How many processes have a real uid from lo up to (not including) hi:
// what a grading's sandbox uids left behind.
int uid_processes(unsigned lo, unsigned hi);

#endif
