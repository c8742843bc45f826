// calls_fact.h: a recorded call turned into the facts the annotator
// states about the packet it sent (see struct call_fact in annotate.h).
#ifndef SOCKTRACE_CALLS_FACT_H
#define SOCKTRACE_CALLS_FACT_H

#include "annotate.h"
#include "calls.h"

// Fill f from r, the call calls_cause named as the packet's cause.
void calls_fact(const struct call_rec *r, struct call_fact *f);

#endif
