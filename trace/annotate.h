// annotate.h: what each packet means for its conversation. The annotator
// keeps a bounded table of conversations (UDP and TCP, keyed by both
// ends), decides which end is the client and which the server, classifies
// each packet as an event and, on request, explains it in short notes.
#ifndef SOCKTRACE_ANNOTATE_H
#define SOCKTRACE_ANNOTATE_H

#include <stddef.h>
#include <stdint.h>

#include "endpoint.h"
#include "packet.h"

// The event a packet is. The names (event_name) are part of the JSON
// schema: keep them stable.
enum event {
	EV_OTHER,
	EV_UDP_REQUEST,
	EV_UDP_REPLY,
	EV_HANDSHAKE_1,
	EV_HANDSHAKE_2,
	EV_HANDSHAKE_3,
	EV_DATA,
	EV_ACK,
	EV_FIN,
	EV_RST,
	EV_ICMP_UNREACHABLE,
	EV_RETRANSMISSION,
	EV_DUP_ACK,
	EV_ARP,
	EV_NDP,
	EV_FRAGMENT,         // an IP fragment after the first
	EV_OUT_OF_ORDER,     // bytes never seen, arriving after later ones
	EV_KEEPALIVE,        // seq = snd.nxt - 1, no new data: "still there?"
	EV_ZERO_WINDOW,      // an ACK advertising a window of 0
	EV_ZERO_WINDOW_PROBE, // a probe of the peer's zero window
	EV_ICMP_ERROR,       // ICMP errors other than unreachable
	EVENTS               // how many there are
};

// Which end of its conversation sent a packet.
enum role { ROLE_NONE, ROLE_CLIENT, ROLE_SERVER };

#define ANNOT_NOTES    10   // notes kept per packet (more are dropped)
#define ANNOT_NOTE_LEN 256  // bytes per note, NUL included

struct annotation {
	enum event event;
	unsigned long conv;            // conversation number from 1; 0: none
	enum role from;                // the sender's role (ROLE_NONE: unknown,
	                               // or a router's ICMP error)
	int to_client;                 // it travels towards the client (its
	                               // conversation's direction 1)
	// The strings below stay valid until the next call of annotate():
	// they point into the conversation table or into the bufs.
	const char *src;               // sender as "IP:port" ("IP" if no port)
	const char *dst;               // receiver, likewise
	size_t src_len, dst_len;       // their lengths; each has ENDPOINT_LEN
	                               // readable bytes (a label or a buf)
	const char *client;            // the conversation's client ("" if none)
	const char *server;            // and its server
	char srcbuf[ENDPOINT_LEN], dstbuf[ENDPOINT_LEN];
	int has_rel;                   // TCP: rel_seq/rel_ack are meaningful
	uint32_t rel_seq, rel_ack;     // relative, as Wireshark counts them
	int has_win;                   // TCP: win_calc is known
	uint32_t win_calc;             // the window in bytes: raw x scale
	int nnotes;
	char notes[ANNOT_NOTES][ANNOT_NOTE_LEN];
	uint16_t note_len[ANNOT_NOTES];  // strlen of each (set by note())
};

// What the programs' recorded socket calls say about the packet being
// annotated (filled from calls.h in `socktrace run`; see calls_fact.c).
// With one, the notes its facts settle state them instead of guessing.
struct call_fact {
	char program[32];        // the program that made the call, escaped
	char call[16];           // the call that sent the packet: "sendto", ...
	char args[48];           // its arguments as listed ("3, SHUT_WR"), escaped
	int in_progress;         // 1: sent while it ran; 0: after it returned
	long len;                // data calls: the bytes it was given (or, once
	                         // returned, sent); -1: not known
	int bind_known;          // the socket's socket() was recorded, so:
	int bound;               // bind() was called on it before this call
	char bind_args[ENDPOINT_LEN + 16]; // that bind()'s arguments ("3, 0.0.0.0:12000")
	int bind_any_port;       // it asked for port 0 (the OS picked one)
	char port_by[16];        // not bound: the call at which the OS picked
	                         // its port ("sendto", "connect"), "" not known
	int serves;              // its socket listen()ed, or came from accept()
	int connected;           // connect() was called on its socket (or is this call)
	struct {                 // the socket the packet goes to, if recorded:
		int made;        // its socket() was recorded (so bound is known)
		int bound, serves, connected;  // as above
	} to;
};

struct annotator;

// Make an annotator whose table holds at most max_convs conversations
// (0: the default, 4096); the least recently used one is forgotten when
// a new one needs its place. NULL if out of memory.
struct annotator *annotator_new(unsigned max_convs);

// Classify pk (and update its conversation); fill a. Notes are written
// only when want_notes is non-zero (terse output skips that work).
void annotate(struct annotator *an, const struct packet *pk, int want_notes,
              struct annotation *a);

// annotate, knowing from the recorded calls what sent pk (fact NULL: not
// recorded, as annotate): the notes on bind(), sendto() and send() then
// state what the calls show instead of what a capture suggests.
void annotate_called(struct annotator *an, const struct packet *pk, int want_notes,
                     const struct call_fact *fact, struct annotation *a);

// Conversations forgotten so far to make room (for the closing summary).
unsigned long annotator_evictions(const struct annotator *an);

void annotator_free(struct annotator *an);

// The stable name of an event ("udp-request", "handshake-1", ...), and
// its length.
const char *event_name(enum event e);
size_t event_name_len(enum event e);

#endif
