// gtests.h: the grading tests. Each one runs inside its own sandbox
// (sandbox.h) as pid 1 of fresh namespaces, starts one student program
// against the grader's own reference peer, watches stdout and the wire,
// and says pass or fail with a message a student can act on.
#ifndef GRADE_GTESTS_H
#define GRADE_GTESTS_H

#include <stddef.h>

#include "peers.h"
#include "sandbox.h"
#include "wire.h"

#define READY "The server is ready to receive on port"
#define PROMPT "Input lowercase sentence:"

struct tcase {
	const char *name;
	const char *bindir;     // host folder: one subfolder per program
	struct wire *wire;      // the capture on lo, started before the test
	int pass;
	char msg[3072];         // why it failed (or notes when it passed)
};

typedef void (*test_fn)(struct tcase *t);

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

// ---- shared by the tests of gtests.c and gtests_ext.c --------------------

// The function of the extension test called name (gtests_ext.c), or NULL.
test_fn gtest_ext_find(const char *name);

// Say how the program ended and what it wrote on stderr and stdout.
void describe(struct tcase *t, const char *prog, const struct jail *j);

// Say how server prog (in j) is doing once a test of it failed: how it
// ended and its stderr, or, still running, its stderr so far.
void say_server(struct tcase *t, const char *prog, struct jail *j);

// Start the student's server prog on PEER_PORT in j under lim, wait for
// its ready line and check that its socket is there (bound, or listening
// for TCP: a program named TCP...). 0, or -1 with the reason said.
int start_server_with(struct tcase *t, const char *prog, const struct box_limits *lim,
                      struct jail *j);

// Start the student's server prog with the usual limits (run_limits).
int start_server(struct tcase *t, const char *prog, struct jail *j);

// Run the student's client prog against 127.0.0.1:PEER_PORT with input on
// stdin, until it exits (at most timeout_ms). 0, or -1 with the reason said.
int run_client(struct tcase *t, const char *prog, struct jail *j, const char *input,
               int timeout_ms);

// Does stdout hold want as a line of its own (the prompt aside)?
int has_line(const struct capbuf *b, const char *want);

// Datagrams of the wire sent to port (or from port if from is set); *first
// is the first of them, or NULL.
size_t count_udp(const struct wire *w, int port, int from, const struct wpkt **first);

// Say what a TCP client that sent sent got (a), when it was not the
// expected reply.
void say_answer(struct tcase *t, const char *sent, const struct tcp_answer *a);

// The test that the server prog's ready line names the port it was given
// and that it answers on that port on the wire.
void server_port(struct tcase *t, const char *prog);

// The test that UDP server prog replies to the address (and port) the
// datagram holding sentence came from.
void server_replies_to_sender(struct tcase *t, const char *prog, const char *sentence);

// ---- hints from a client's recorded socket calls (callhints.c) -------------

// Say what prog's recv() calls on TCP returned, beside the sent bytes the
// server sent.
void hint_tcp_recvs(struct tcase *t, const char *prog, const struct jail *j, size_t sent);

// Say whether prog called bind(), and on which address and port.
void hint_udp_bind(struct tcase *t, const char *prog, const struct jail *j);

// Say whether prog sent a datagram and called recvfrom(), and how that went.
void hint_udp_recvfrom(struct tcase *t, const char *prog, const struct jail *j);

#endif
