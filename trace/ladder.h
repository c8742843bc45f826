// ladder.h: a ladder (sequence) diagram of each conversation, the client
// and server as two columns labelled IP:port, drawn after the capture in
// the terminal (--ladder) or as Mermaid sequenceDiagram text (--mermaid).
// Memory is bounded: the first LADDER_CONVS conversations are kept, each
// with its first LADDER_STEPS events; the drawing says what was cut.
#ifndef SOCKTRACE_LADDER_H
#define SOCKTRACE_LADDER_H

#include <stdio.h>

#include "annotate.h"
#include "packet.h"

#define LADDER_CONVS 32
#define LADDER_STEPS 64

struct ladder;

// A new, empty ladder; NULL if out of memory.
struct ladder *ladder_new(void);

// Record one annotated packet (ignored when it is in no conversation).
// Returns 0, or -1 if out of memory (the packet is then not drawn).
int ladder_add(struct ladder *l, const struct packet *pk,
               const struct annotation *a, int absolute_seq);

// Draw every recorded conversation as a terminal ladder on f.
void ladder_print(const struct ladder *l, FILE *f);

// Write all recorded conversations as one Mermaid sequenceDiagram on f.
void ladder_mermaid(const struct ladder *l, FILE *f);

// Print the last recorded step of conversation conv as one ladder row
// under a header naming its two ends (for --step). Nothing if the
// conversation was not recorded.
void ladder_print_last(const struct ladder *l, unsigned long conv, FILE *f);

// Record a returned (or unfinished) socket call of the traced programs:
// drawn in the column of its end of the conversation its socket is in.
// At most LADDER_CALLS are kept. Returns 0, or -1 if out of memory.
#define LADDER_CALLS 256
struct call_rec;
int ladder_add_call(struct ladder *l, const struct call_rec *r);

void ladder_free(struct ladder *l);

#endif
