// fuzz_pipeline.c: libFuzzer target for the whole of `socktrace -r`: the
// input is two bytes of options, then a capture file (pcap or pcapng)
// that libpcap reads from memory as socktrace reads a file, and every
// packet goes through the tracer (decode, annotate, print) to /dev/null,
// the diagrams drawn at the end. The first byte picks the output form:
// bits 0-1 the format (text, terse, JSON), bit 2 --ladder, bit 3
// --mermaid, bit 4 -v, bit 5 -x, bit 6 -S, bit 7 colour and loopback
// offload. The low 6 bits of the second shift every time stamp's seconds
// left by that many bits: a pcapng file may claim any 64-bit time (with
// if_tsresol 10^0 its stamps count whole seconds), which mutating the
// file's bytes alone seldom reaches. The file is also read by
// savefile.c, socktrace's block reader of pcap files, beside libpcap: any
// difference in the records, the end or the error aborts. Built and run by `make fuzz`
// (tests/module.mk), seeded with the committed captures (tests/captures/).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <pcap/pcap.h>

#include "savefile.h"
#include "tracer.h"

#define MAX_PACKETS 512  // per input: a long capture adds little

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The trace options the first input byte names, printing to out.
static struct trace_opts options(uint8_t b, FILE *out)
{
	static const enum trace_format formats[4] = {
		FORMAT_TEXT, FORMAT_TERSE, FORMAT_JSON, FORMAT_TEXT,
	};
	struct trace_opts o;

	memset(&o, 0, sizeof o);
	o.format = formats[b & 3];
	o.ladder = (b >> 2) & 1;
	o.mermaid = (b >> 3) & 1;
	o.verbose = (b >> 4) & 1;
	o.hex = (b >> 5) & 1;
	o.absolute_seq = (b >> 6) & 1;
	o.color = o.offload = (b >> 7) & 1;
	o.out = out;
	return o;
}

// Is record b (from savefile.c, rc its return) the one libpcap gave (x,
// h, a)? Ends and errors must match too.
static int same_record(int x, const struct pcap_pkthdr *h, const u_char *a, int rc,
                       const struct pcap_pkthdr *m, const uint8_t *b, const char *err,
                       pcap_t *p)
{
	if (x == 1)
		return rc == 1 && m->caplen == h->caplen && m->len == h->len &&
		       m->ts.tv_sec == h->ts.tv_sec && m->ts.tv_usec == h->ts.tv_usec &&
		       memcmp(a, b, h->caplen) == 0;
	if (x == PCAP_ERROR_BREAK)
		return rc == 0;
	return rc == -1 && strcmp(err, pcap_geterr(p)) == 0;
}

// Read the file (n bytes at file) with libpcap and with savefile.c, when
// it reads such a file, side by side; abort at the first difference.
static void compare_readers(const uint8_t *file, size_t n)
{
	char perr[PCAP_ERRBUF_SIZE], err[PCAP_ERRBUF_SIZE];
	FILE *f = fmemopen((void *)file, n, "rb");
	pcap_t *p = f ? pcap_fopen_offline_with_tstamp_precision(f, PCAP_TSTAMP_PRECISION_MICRO,
	                                                        perr) : NULL;
	int fd = p ? memfd_create("fuzz", MFD_CLOEXEC) : -1;
	struct savefile *s = NULL;
	if (fd >= 0 && write(fd, file, n) == (ssize_t)n)
		s = savefile_open(fd, pcap_datalink(p), pcap_snapshot(p));
	for (int more = s != NULL; more; ) {
		struct pcap_pkthdr *h = NULL, m;
		const u_char *a = NULL;
		const uint8_t *b = NULL;
		int x = pcap_next_ex(p, &h, &a), rc = savefile_next(s, &m, &b, err, sizeof err);
		if (!same_record(x, h, a, rc, &m, b, err, p))
			abort();
		more = x == 1;
	}
	savefile_close(s);
	if (fd >= 0)
		close(fd);
	if (p)
		pcap_close(p);  // closes f
	else if (f)
		fclose(f);
}

// Trace one input; a sanitizer report aborts.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	char perr[PCAP_ERRBUF_SIZE], err[256];
	struct pcap_pkthdr *h;
	const u_char *frame;

	if (size < 3 || size > 1 << 20)
		return 0;
	if (!null && !(null = fopen("/dev/null", "w")))
		return 0;
	FILE *f = fmemopen((void *)(data + 2), size - 2, "rb");
	if (!f)
		return 0;
	pcap_t *p = pcap_fopen_offline_with_tstamp_precision(f,
	                PCAP_TSTAMP_PRECISION_MICRO, perr);
	if (!p) {
		fclose(f);
		return 0;
	}
	struct trace_opts o = options(data[0], null);
	struct tracer *t = tracer_open(&o, pcap_datalink(p), err, sizeof err);
	for (int n = 0; t && n < MAX_PACKETS && pcap_next_ex(p, &h, &frame) == 1; n++) {
		struct pcap_pkthdr hdr = *h;
		hdr.ts.tv_sec = (time_t)((uint64_t)hdr.ts.tv_sec << (data[1] & 63));
		tracer_packet(t, &hdr, frame);
	}
	tracer_close(t);
	pcap_close(p);  // closes f
	compare_readers(data + 2, size - 2);
	return 0;
}
