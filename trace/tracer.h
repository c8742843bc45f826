// tracer.h: the packet pipeline shared by `socktrace -r`, `-i` and `run`:
// decode each frame, annotate it with its conversation's state, print it.
#ifndef SOCKTRACE_TRACER_H
#define SOCKTRACE_TRACER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <pcap/pcap.h>

enum trace_format {
	FORMAT_TEXT,   // one line per packet, notes indented beneath
	FORMAT_TERSE,  // -q: one line per packet
	FORMAT_JSON,   // --json: one JSON object per line
};

struct trace_opts {
	enum trace_format format;
	int ladder;        // --ladder: terminal ladder diagram at the end
	int mermaid;       // --mermaid: Mermaid sequenceDiagram at the end
	int absolute_seq;  // -S: absolute TCP sequence numbers
	int color;         // colour escapes (a terminal, and NO_COLOR unset)
	int verbose;       // -v: every header field, layer by layer
	int hex;           // -x: the bytes in hex beside the fields
	int step;          // --step: one packet at a time, wait for Enter
	int offload;       // captured live: a sent packet's TCP/UDP checksum
	                   // is left to the card (none on lo, veth), so a
	                   // wrong one is "unverified", not an error
	int batch;         // out is a fully buffered file that nothing else
	                   // writes to between packets: gather many packets'
	                   // lines before each fwrite
	FILE *out;         // where to print (stdout normally)
	struct calls *calls; // run/shell: the programs' recorded calls, or NULL
};

struct tracer;

// Make a tracer for frames of the given DLT_* link type. Returns NULL
// and fills err on failure (an unsupported link type, out of memory).
struct tracer *tracer_open(const struct trace_opts *opts, int linktype,
                           char *err, size_t errlen);

// Decode, annotate and print one captured frame.
void tracer_packet(struct tracer *t, const struct pcap_pkthdr *h,
                   const uint8_t *data);

// Print one call event of the programs (calls.h): its entry or return
// line, its JSON record (at return), its place on the ladder.
struct call_rec;
void tracer_call(struct tracer *t, const struct call_rec *r);

// Write out what the tracer still holds (with opts.batch, the lines of
// the last packets): before anything else is said about the capture.
void tracer_flush(struct tracer *t);

// Print what is printed at the end (ladder, Mermaid), then free t.
// Returns the number of packets seen.
unsigned long tracer_close(struct tracer *t);

#endif
