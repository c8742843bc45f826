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
// file's bytes alone seldom reaches. Built and run by `make fuzz`
// (tests/module.mk), seeded with the committed captures (tests/captures/).
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pcap/pcap.h>

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
	return 0;
}
