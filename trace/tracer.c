// tracer.c: the packet pipeline (see tracer.h): decode each frame,
// annotate it within its conversation, print it in the chosen form, and
// record it for the diagrams drawn at the end.
#include "tracer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annotate.h"
#include "calls_fact.h"
#include "capture.h"
#include "fields.h"
#include "ladder.h"
#include "outbuf.h"
#include "packet.h"
#include "print.h"
#include "print_calls.h"
#include "print_verbose.h"
#include "stepkey.h"

#define OUT_SIZE 65536  // one packet's output at most (JSON, many notes)

struct tracer {
	struct trace_opts opts;
	int linktype;
	unsigned long count;
	int bad_time;            // a time stamp out of range was said already
	struct annotator *an;
	struct ladder *ladder;   // NULL unless --ladder or --mermaid
	struct field_list *fields; // NULL unless -v or -x
	FILE *tty;               // --step on a terminal: where to ask
	struct packet pk;
	struct annotation a;
	struct outbuf ob;
	char out[2 * OUT_SIZE];  // with opts.batch, lines of many packets
};

struct tracer *tracer_open(const struct trace_opts *opts, int linktype,
                           char *err, size_t errlen)
{
	struct tracer *t = calloc(1, sizeof *t);

	if (!t) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	t->opts = *opts;
	if (!t->opts.out)
		t->opts.out = stdout;
	t->linktype = linktype;
	t->an = annotator_new(0);
	// --step waits on the terminal; without one it is a plain listing.
	if (opts->step && isatty(STDIN_FILENO))
		t->tty = fopen("/dev/tty", "r+");
	if (t->tty)
		stepkey_begin(fileno(t->tty));  // single keys, not lines
	if (opts->ladder || opts->mermaid || t->tty)
		t->ladder = ladder_new();
	if (opts->verbose || opts->hex)
		t->fields = calloc(1, sizeof *t->fields);
	if (t->fields)
		t->fields->loopback = opts->offload;
	if (!t->an || ((opts->ladder || opts->mermaid || t->tty) && !t->ladder) ||
	    ((opts->verbose || opts->hex) && !t->fields)) {
		snprintf(err, errlen, "out of memory");
		tracer_close(t);
		return NULL;
	}
	ob_init(&t->ob, t->out, sizeof t->out);
	return t;
}

// Write out the packet just appended to t->ob. With opts.batch it waits
// in t->ob until OUT_SIZE bytes are there (room for one more packet is
// left): one fwrite per line cost socktrace -q some 4% of its time.
static void emit(struct tracer *t)
{
	if (!t->opts.batch || t->ob.len >= OUT_SIZE)
		ob_flush(&t->ob, t->opts.out);
}

void tracer_flush(struct tracer *t)
{
	ob_flush(&t->ob, t->opts.out);
}

// JSON with -v/-x: the object gains "layers", every header field.
static void print_json_layers(struct tracer *t)
{
	print_json(&t->ob, t->count, &t->pk, &t->a, &t->opts);
	if (t->ob.len >= 2)
		t->ob.len -= 2;  // reopen the object: drop its "}\n"
	ob_str(&t->ob, ",\"layers\":");
	ob_flush(&t->ob, t->opts.out);
	print_fields_json(t->opts.out, &t->pk);
	fputs("}\n", t->opts.out);
}

// Print the decoded and annotated packet in the chosen form; with -v or
// -x, every layer's fields beneath it (or inside the JSON object).
static void print_packet(struct tracer *t, const uint8_t *data)
{
	if (t->opts.format == FORMAT_JSON && t->fields) {
		print_json_layers(t);
		return;
	}
	if (t->opts.format == FORMAT_JSON)
		print_json(&t->ob, t->count, &t->pk, &t->a, &t->opts);
	else if (t->opts.format == FORMAT_TERSE)
		print_terse(&t->ob, &t->pk, &t->a, &t->opts);
	else
		print_text(&t->ob, &t->pk, &t->a, &t->opts);
	if (!t->fields) {
		emit(t);
		return;
	}
	ob_flush(&t->ob, t->opts.out);
	print_verbose(t->opts.out, &t->pk, data, t->opts.hex);
}

// --step: show the packet's place on its conversation's ladder, then wait
// for a key: Enter or space for the next packet; q stops the capture.
static void step_wait(struct tracer *t)
{
	ob_flush(&t->ob, t->opts.out);
	ladder_print_last(t->ladder, t->a.conv, t->opts.out);
	fflush(t->opts.out);
	fputs("-- step: Enter or space for the next packet, q to quit -- ", t->tty);
	fflush(t->tty);
	int next = stepkey_next(fileno(t->tty), capture_interrupted);
	fputc('\n', t->tty);  // the key is not echoed: end the prompt's line
	fflush(t->tty);
	if (!next)
		capture_interrupt();
}

// The latest time a packet may claim: 9999-12-31 23:59:59 UTC. Times
// and their differences in that range fit every integer we print them in.
#define LAST_SECOND 253402300799LL

// h's time stamp, brought into 1970..9999 (a capture file may claim any
// time: a pcapng block counting whole seconds in 64 bits, say). The first
// time out of that range is said on stderr, with what it is shown as.
static struct timeval sane_time(struct tracer *t, const struct pcap_pkthdr *h)
{
	struct timeval ts = h->ts;

	if (ts.tv_sec < 0)
		ts.tv_sec = 0, ts.tv_usec = 0;
	else if ((long long)ts.tv_sec > LAST_SECOND)
		ts.tv_sec = (time_t)LAST_SECOND, ts.tv_usec = 999999;
	else if (ts.tv_usec < 0 || ts.tv_usec > 999999)
		ts.tv_usec = ts.tv_usec < 0 ? 0 : 999999;
	if ((ts.tv_sec != h->ts.tv_sec || ts.tv_usec != h->ts.tv_usec) && !t->bad_time) {
		fprintf(stderr, "socktrace: packet %lu: time stamp out of range (%lld s "
		        "%lld us since 1970): shown as %lld.%06ld (any time before 1970 "
		        "or after 9999 is shown as the nearest end of that range)\n", t->count,
		        (long long)h->ts.tv_sec, (long long)h->ts.tv_usec,
		        (long long)ts.tv_sec, (long)ts.tv_usec);
		t->bad_time = 1;
	}
	return ts;
}

void tracer_packet(struct tracer *t, const struct pcap_pkthdr *h,
                   const uint8_t *data)
{
	// --mermaid replaces the listing with the diagram.
	int listing = !t->opts.mermaid;
	int notes = listing && t->opts.format != FORMAT_TERSE;

	t->count++;
	packet_reset(&t->pk, t->fields);
	struct timeval ts = sane_time(t, h);
	decode_packet(&t->pk, t->linktype, &ts, h->caplen, h->len, data);
	// The call that sent it, also when not printed: the calls learn
	// their ports. Its facts replace the notes' guesses.
	const struct call_rec *cause = t->opts.calls ? calls_cause(t->opts.calls, &t->pk) : NULL;
	struct call_fact fact;
	if (cause)
		calls_fact(t->opts.calls, cause, &t->pk, &fact);
	annotate_called(t->an, &t->pk, notes, cause ? &fact : NULL, &t->a);
	if (t->ladder)
		ladder_add(t->ladder, &t->pk, &t->a, t->opts.absolute_seq);
	if (listing)
		print_packet(t, data);
	if (listing && t->tty)
		step_wait(t);
}

void tracer_call(struct tracer *t, const struct call_rec *r)
{
	if (t->ladder && r->state != CALL_ENTERED)
		ladder_add_call(t->ladder, r);
	if (t->opts.mermaid || t->opts.format == FORMAT_TERSE)
		return;  // -q lists the packets only
	if (t->opts.format == FORMAT_JSON)
		print_call_json(&t->ob, r);
	else
		print_call_text(&t->ob, r, &t->opts);
	ob_flush(&t->ob, t->opts.out);
}

unsigned long tracer_close(struct tracer *t)
{
	unsigned long n;

	if (!t)
		return 0;
	ob_flush(&t->ob, t->opts.out);
	if (t->ladder && t->opts.ladder) {
		if (t->count && !t->opts.mermaid && t->opts.format == FORMAT_TEXT)
			fputc('\n', t->opts.out);
		ladder_print(t->ladder, t->opts.out);
	}
	if (t->ladder && t->opts.mermaid)
		ladder_mermaid(t->ladder, t->opts.out);
	n = t->count;
	if (t->tty) {
		stepkey_end();
		fclose(t->tty);
	}
	ladder_free(t->ladder);
	annotator_free(t->an);
	free(t->fields);
	free(t);
	return n;
}
