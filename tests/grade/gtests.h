// gtests.h: the grading tests. Each one runs inside its own sandbox
// (sandbox.h) as pid 1 of fresh namespaces, starts one student program
// against the grader's own reference peer, watches stdout and the wire,
// and says pass or fail with a message a student can act on.
#ifndef GRADE_GTESTS_H
#define GRADE_GTESTS_H

#include <stddef.h>

#include "wire.h"

struct tcase {
	const char *name;
	const char *bindir;     // host folder: one subfolder per program
	struct wire *wire;      // the capture on lo, started before the test
	int pass;
	char msg[3072];         // why it failed (or notes when it passed)
};

// Is there a test called name?
int gtest_exists(const char *name);

// Run the test t->name (inside its sandbox, t->wire already capturing):
// sets t->pass, and t->msg to the reason when it fails.
void gtest_run(struct tcase *t);

// Append printf-style text to t->msg.
void say(struct tcase *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

// Copy len bytes of untrusted text into out (size bytes) with every
// byte that is not printable ASCII escaped (\n, \xNN), cut with "..."
// if it does not fit. Returns out.
char *escape(const char *s, size_t len, char *out, size_t size);

// Length of the UTF-8 sequence at s (of at most len bytes) if it is a
// printable character (U+00A0 and above, so no C1 control), else 0.
size_t utf8_printable(const unsigned char *s, size_t len);

#endif
