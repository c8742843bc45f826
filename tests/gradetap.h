// gradetap.h: run the grader (build/grade/grader) on a submission folder
// from a test, and read its TAP: which tests failed, and why.
#ifndef SOCKLAB_GRADETAP_H
#define SOCKLAB_GRADETAP_H

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

#endif
