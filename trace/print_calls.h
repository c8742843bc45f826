// print_calls.h: the recorded socket calls in the listing and in JSON
// Lines, and the call that sent each packet (see print_calls.c).
#ifndef SOCKTRACE_PRINT_CALLS_H
#define SOCKTRACE_PRINT_CALLS_H

#include "calls.h"
#include "outbuf.h"
#include "packet.h"
#include "tracer.h"

// One call event as a text line: the entry ("... " at the end), or the
// return with its value, errno or data (a quick call: one line, at return).
void print_call_text(struct outbuf *b, const struct call_rec *r, const struct trace_opts *o);

// One call as a JSON object (schema in the README), when it has returned
// or ended unfinished; nothing for an entry.
void print_call_json(struct outbuf *b, const struct call_rec *r);

// The note line naming the call that sent pk, if o->calls knows one.
void print_cause_note(struct outbuf *b, const struct packet *pk, const struct trace_opts *o);

// ,"call":{...} naming the call that sent pk, or ,"call":null.
void print_cause_json(struct outbuf *b, const struct packet *pk, const struct trace_opts *o);

// The name of errno value e ("ECONNREFUSED").
const char *call_errno_name(int e);

#endif
