// print.h: the per-packet output forms. Each appends one packet's output
// (with its trailing newline) to an outbuf; the tracer writes it out.
#ifndef SOCKTRACE_PRINT_H
#define SOCKTRACE_PRINT_H

#include "annotate.h"
#include "outbuf.h"
#include "packet.h"
#include "tracer.h"

// Annotated text: one line per packet, then its notes indented beneath.
void print_text(struct outbuf *restrict b, const struct packet *pk,
                const struct annotation *a, const struct trace_opts *o);

// Terse (-q): one short line per packet.
void print_terse(struct outbuf *restrict b, const struct packet *pk,
                 const struct annotation *a, const struct trace_opts *o);

// JSON Lines (--json): one object per packet (schema in print_json.c).
void print_json(struct outbuf *b, unsigned long n, const struct packet *pk,
                const struct annotation *a, const struct trace_opts *o);

// TCP flags as names joined by commas ("SYN,ACK") into out (>= 40 bytes).
void tcp_flag_names(char *out, uint8_t flags);

// The protocol's short name: "udp", "tcp", "icmp", "icmp6", "arp",
// "other" (an undecoded IP protocol) or "none".
const char *proto_name(const struct packet *pk);

// The name of a link-layer decode stop, "ipv4: truncated", into out.
void stop_marker(char *out, size_t outlen, const struct packet *pk);

#endif
