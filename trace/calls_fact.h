// calls_fact.h: a recorded call turned into the facts the annotator
// states about the packet it sent (see struct call_fact in annotate.h).
#ifndef SOCKTRACE_CALLS_FACT_H
#define SOCKTRACE_CALLS_FACT_H

#include "annotate.h"
#include "calls.h"

// Fill f from r, the call calls_cause named as the cause of packet pk,
// and from the socket of c pk goes to (calls_sock_to).
void calls_fact(struct calls *c, const struct call_rec *r, const struct packet *pk,
                struct call_fact *f);

#endif
