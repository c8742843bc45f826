// capture.h: open a capture (file or live interface), apply a BPF filter,
// and feed every frame to a tracer until the end or an interrupt.
#ifndef SOCKTRACE_CAPTURE_H
#define SOCKTRACE_CAPTURE_H

#include <stddef.h>
#include <pcap/pcap.h>

#include "tracer.h"

// Open a pcap or pcapng file ("-" for stdin). NULL + err on failure.
// Close it with capture_close.
pcap_t *capture_open_file(const char *path, char *err, size_t errlen);

// Close a capture opened here (pcap_close, and what the file reader had).
void capture_close(pcap_t *p);

// Open a live interface: pcap_create, immediate mode, pcap_activate.
// NULL + err on failure (err says when the cause is a missing CAP_NET_RAW).
pcap_t *capture_open_live(const char *iface, char *err, size_t errlen);

// Compile and set a BPF filter (NULL or "" for none). 0, or -1 + err.
int capture_set_filter(pcap_t *p, const char *filter, char *err, size_t errlen);

// Feed frames to t (and to dumper, if not NULL) until the file ends or
// capture_interrupt() is called. 0 at the end, -1 + err on a read error.
int capture_loop(pcap_t *p, struct tracer *t, pcap_dumper_t *dumper,
                 char *err, size_t errlen);

// Async-signal-safe: make capture_loop return (pcap_breakloop); if it is
// not running yet, the next capture_loop returns at once.
void capture_interrupt(void);

// Has capture_interrupt() been called?
int capture_interrupted(void);

#endif
