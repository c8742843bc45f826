// tracer.c: the packet pipeline (see tracer.h): decode each frame,
// annotate it within its conversation, print it in the chosen form, and
// record it for the diagrams drawn at the end.
#include "tracer.h"

#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "ladder.h"
#include "outbuf.h"
#include "packet.h"
#include "print.h"

#define OUT_SIZE 65536  // one packet's output at most (JSON, many notes)

struct tracer {
	struct trace_opts opts;
	int linktype;
	unsigned long count;
	struct annotator *an;
	struct ladder *ladder;   // NULL unless --ladder or --mermaid
	struct packet pk;
	struct annotation a;
	struct outbuf ob;
	char out[OUT_SIZE];
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
	if (opts->ladder || opts->mermaid)
		t->ladder = ladder_new();
	if (!t->an || ((opts->ladder || opts->mermaid) && !t->ladder)) {
		snprintf(err, errlen, "out of memory");
		tracer_close(t);
		return NULL;
	}
	ob_init(&t->ob, t->out, sizeof t->out);
	return t;
}

// Print the decoded and annotated packet in the chosen form.
static void print_packet(struct tracer *t)
{
	switch (t->opts.format) {
	case FORMAT_TERSE:
		print_terse(&t->ob, &t->pk, &t->a, &t->opts);
		break;
	case FORMAT_JSON:
		print_json(&t->ob, t->count, &t->pk, &t->a, &t->opts);
		break;
	default:
		print_text(&t->ob, &t->pk, &t->a, &t->opts);
		break;
	}
	ob_flush(&t->ob, t->opts.out);
}

void tracer_packet(struct tracer *t, const struct pcap_pkthdr *h,
                   const uint8_t *data)
{
	// --mermaid replaces the listing with the diagram.
	int listing = !t->opts.mermaid;
	int notes = listing && t->opts.format != FORMAT_TERSE;

	t->count++;
	memset(&t->pk, 0, sizeof t->pk);
	decode_packet(&t->pk, t->linktype, &h->ts, h->caplen, h->len, data);
	annotate(t->an, &t->pk, notes, &t->a);
	if (t->ladder)
		ladder_add(t->ladder, &t->pk, &t->a, t->opts.absolute_seq);
	if (listing)
		print_packet(t);
}

unsigned long tracer_close(struct tracer *t)
{
	unsigned long n;

	if (!t)
		return 0;
	if (t->ladder && t->opts.ladder) {
		if (t->count && !t->opts.mermaid && t->opts.format == FORMAT_TEXT)
			fputc('\n', t->opts.out);
		ladder_print(t->ladder, t->opts.out);
	}
	if (t->ladder && t->opts.mermaid)
		ladder_mermaid(t->ladder, t->opts.out);
	n = t->count;
	ladder_free(t->ladder);
	annotator_free(t->an);
	free(t);
	return n;
}
