// calls_other.c: where there is no ptrace/seccomp (not Linux), calls are
// not recorded: calls_open says so and `socktrace run` keeps its notes.
#ifndef __linux__
#include "calls.h"

#include <stdio.h>

struct calls *calls_open(char *err, size_t errlen)
{
	snprintf(err, errlen, "recording the programs' calls needs Linux (ptrace and seccomp)");
	return NULL;
}

void calls_set_sink(struct calls *c, void (*s)(void *, const struct call_rec *), void *a)
{
	(void)c; (void)s; (void)a;
}
const char *calls_refusal(const struct calls *c) { (void)c; return ""; }
void calls_set_dispatch(struct calls *c, void (*d)(void *), void *a) { (void)c; (void)d; (void)a; }
void calls_set_output(struct calls *c, void *(*e)(void *, pid_t, int, struct timeval),
                      void (*d)(void *, void *), void *a)
{
	(void)c; (void)e; (void)d; (void)a;
}
int calls_attach(struct calls *c, pid_t p, int fd, char *e, size_t n)
{
	(void)c; (void)p; (void)fd; (void)e; (void)n;
	return -1;
}
int calls_child_read(int fd, int *install) { (void)fd; *install = 0; return 0; }
int calls_child_filter(void) { return -1; }
int calls_child_fd(void) { return -1; }
void calls_wait(struct calls *c, void (*x)(void *, pid_t, int), void *a) { (void)c; (void)x; (void)a; }
void calls_before(struct calls *c, const struct timeval *ts) { (void)c; (void)ts; }
const struct call_rec *calls_cause(struct calls *c, const struct packet *pk)
{
	(void)c; (void)pk;
	return NULL;
}
const struct call_sock *calls_sock_to(struct calls *c, const struct packet *pk)
{
	(void)c; (void)pk;
	return NULL;
}
void calls_close(struct calls *c) { (void)c; }
int calls_disabled(const struct calls *c) { (void)c; return 1; }
#else
// On Linux calls_linux.c is used; ISO C wants a translation unit non-empty.
typedef int calls_other_unused;
#endif
