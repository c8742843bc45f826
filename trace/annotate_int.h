// annotate_int.h: the annotator's private parts, shared by annotate.c
// (the conversation table, UDP, which conversation ICMP belongs to),
// annotate_icmp.c (ICMP, NDP, MLD, ARP notes), annotate_frag.c (IP fragments),
// annotate_tcp.c (TCP handshake and classification), annotate_seg.c
// (TCP data: retransmissions, order, keep-alives, windows, SACK),
// annotate_close.c (TCP teardown and resets) and annotate_note.c (note).
#ifndef SOCKTRACE_ANNOTATE_INT_H
#define SOCKTRACE_ANNOTATE_INT_H

#include <stdint.h>
#include <sys/time.h>

#include "annotate.h"

enum tcp_state { ST_NONE, ST_SYN_SENT, ST_SYN_RCVD, ST_ESTABLISHED, ST_CLOSED };

#define SENT_KEPT 4  // segments remembered per direction, to link a
                     // retransmission to its original

// A segment as first sent: its sequence range, time and packet number.
struct sent {
	uint32_t seq, end;
	uint64_t usec;
	unsigned long n;
};

// One direction of a TCP conversation (what its sender did).
struct tcp_dir {
	int have_base, have_next, have_ack;
	uint32_t base;              // relative 0 (ISN, or first seq seen - 1)
	uint32_t next;              // next new sequence number (snd.nxt)
	uint32_t last_ack;          // the last ack it sent
	uint64_t ack_usec;          // when that ack first moved there
	uint16_t last_win;
	unsigned dups;              // duplicate ACKs in a row
	int wscale;                 // shift offered on its SYN, -1 if none
	uint16_t mss;               // MSS offered on its SYN, 0 if none
	int zero_win;               // its last advertised window was 0
	int fin_seen;
	uint32_t fin_seq;           // sequence number of its FIN
	int fin_acked;              // the peer acknowledged that FIN
	int hole;                   // a gap in what it sent was seen:
	uint32_t hole_lo, hole_hi;  // bytes [lo, hi) not yet seen
	uint64_t hole_usec;         // when the segment after the gap came
	unsigned nsent;             // segments recorded in sent (ring)
	struct sent sent[SENT_KEPT];
	int keepalive;              // its last segment was a keep-alive (1)
	                            // or a zero-window probe (2)
	uint64_t ka_usec;           // when it was sent
};

// One conversation. Direction 0 is client to server, 1 the reverse.
struct conv {
	unsigned long id;
	enum proto proto;
	struct ipaddr addr[2];      // [0] client, [1] server
	uint16_t port[2];
	char label[2][ENDPOINT_LEN]; // "IP:port" of each end, made once
	size_t label_len[2];
	const char *why_client;     // how the roles were decided
	int guessed;                // roles guessed (no SYN/SYN-ACK seen)
	int roles_traced;           // ... unless the recorded calls told them
	unsigned long packets[2];

	// TCP, from state to the end: set up only for a TCP conversation
	// (conv_init), and never read for another.
	enum tcp_state state;
	struct tcp_dir d[2];
	int scale;                  // window scaling: 0 unknown, 1 on, -1 off
	int first_fin;              // direction that sent the first FIN, or -1
	int crossed;                // the FINs crossed (simultaneous close)
	int timewait;               // closed by FINs: an end is in TIME_WAIT
	uint32_t tfo;               // bytes of data on the SYN (Fast Open)
	int tfo_refused;            // the SYN-ACK did not acknowledge them
	unsigned syns;              // SYNs sent for this connection
	uint64_t syn_usec, first_syn_usec, synack_usec, closed_usec;
	double rtt_ms;              // handshake RTT, 0 if not measured
};

// Append a printf-style note to a (dropped when a is full), cut to
// ANNOT_NOTE_LEN - 1 bytes as vsnprintf would.
void note(struct annotation *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

// Classify a TCP segment travelling in direction dir of c; n is the
// packet's number in the capture (from 1); f, when not NULL, what the
// recorded calls say sent it.
void annotate_tcp(struct conv *c, int dir, const struct packet *pk,
                  unsigned long n, int want, const struct call_fact *f,
                  struct annotation *a);

// Milliseconds from a to b.
double ms_between(const struct timeval *a, const struct timeval *b);

// A timestamp in microseconds, and back to text as the printers show it
// ("HH:MM:SS.uuuuuu", local time) in out (at least 20 bytes).
uint64_t tv_usec(const struct timeval *tv);
void usec_text(char *out, uint64_t usec);

// Whether sequence number x comes before y (modulo 2^32).
static inline int seq_lt(uint32_t x, uint32_t y)
{
	return (int32_t)(x - y) < 0;
}

// The names of the two ends: side[0] "client", side[1] "server".
extern const char *const side[2];

// annotate_seg.c: a segment that resends, fills a gap, probes or keeps
// alive, instead of sending new data. Returns 1 if it classified pk.
int tcp_resent(struct conv *c, int dir, const struct packet *pk,
               uint32_t seglen, int want, struct annotation *a);
// Record a segment carrying new bytes (for linking retransmissions).
void tcp_record(struct conv *c, int dir, const struct packet *pk,
                uint32_t seglen, unsigned long n);
// The notes on windows (zero window, update, scaled) and SACK blocks.
void tcp_window_notes(struct conv *c, int dir, const struct packet *pk,
                      int want, struct annotation *a);

// Whether pk, from the other end, answers o's keep-alive or probe: it
// comes next, and soon (an answer does not echo the probe's timestamp:
// RFC 7323 keeps the older one for a segment below the window).
int answers_probe(const struct conv *c, const struct tcp_dir *o,
                  const struct packet *pk);

// Whether pk's first SACK block is a D-SACK (RFC 2883): below its ack,
// or inside its second block.
int is_dsack(const struct packet *pk);

// annotate_close.c: FIN, RST, and the ACKs of FINs (f: the recorded
// call that sent the FIN, or NULL).
void on_fin(struct conv *c, int dir, const struct packet *pk,
            int want, const struct call_fact *f, struct annotation *a);
void on_rst(struct conv *c, int dir, const struct packet *pk,
            int want, struct annotation *a);
// An ACK (no data) that acknowledges a FIN: returns 1 if it did.
int on_fin_ack(struct conv *c, int dir, const struct packet *pk,
               int want, struct annotation *a);

// annotate_icmp.c: notes on ICMP/ICMPv6 errors (a->src is the sender),
// NDP and MLD (ICMPv6 informational: sets the event of NDP), and ARP
// (sets the event).
void explain_icmp_error(const struct packet *pk, struct annotation *a);
void icmp6_info(const struct packet *pk, int want, struct annotation *a);
void annotate_arp(const struct packet *pk, int want, struct annotation *a);

// annotate_frag.c: IP fragments, tied to their datagram.
struct frag_table;
struct frag_table *frag_new(void);
void frag_free(struct frag_table *ft);
// A first fragment (offset 0, more follow) that opened or joined
// conversation c, in direction dir.
void frag_first(struct frag_table *ft, const struct packet *pk,
                const struct conv *c, int dir, int want,
                struct annotation *a);
// A later fragment: tie it to its datagram. Returns the first
// fragment's conversation (and its direction in *dir) if it is still in
// the table, else NULL.
struct conv *frag_later(struct frag_table *ft, const struct packet *pk,
                        int want, struct annotation *a, int *dir);

#endif
