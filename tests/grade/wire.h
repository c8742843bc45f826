// wire.h: what the programs of one grading test put on the wire, captured
// on lo inside the test's network namespace and decoded to a packet list.
//
// The capture is also saved as a pcap file, so a student can replay a
// failed test with `build/socktrace -r FILE` to see it annotated.
#ifndef GRADE_WIRE_H
#define GRADE_WIRE_H

#include <stddef.h>
#include <stdint.h>

enum { W_UDP = 17, W_TCP = 6, W_ICMP = 1 };
enum { W_FIN = 0x01, W_SYN = 0x02, W_RST = 0x04, W_ACK = 0x10 };

struct wpkt {
	int proto;              // W_UDP, W_TCP, W_ICMP (port unreachable only)
	char src[48], dst[48];  // addresses as text
	int sport, dport;       // for W_ICMP: the quoted datagram's ports
	int flags;              // TCP flags
	uint32_t seq, ack;
	uint8_t *payload;       // transport payload (malloc'd)
	size_t len;
	long long ms;           // when it was captured, in milliseconds
};

// What one test may capture: a lab exchange is a few packets of a few
// hundred bytes, so a program that sends more is flooding the network.
// Past either limit the capture stops: nothing more is read, saved or
// kept, so a flood costs the grader at most this much memory and disk
// (and the kernel's buffer, 8 MiB, whose ~120 frames of 64 KiB hold
// more than this: a flood under way when the test reads is always seen).
#define WIRE_MAX_BYTES   (2 << 20)  // bytes of frames captured
#define WIRE_MAX_PACKETS 16384

struct wire {
	void *pcap;             // pcap_t *
	void *dumper;           // pcap_dumper_t *
	struct wpkt *pkts;
	size_t n, cap;
	int uncaptured;         // wire_collect was called with no capture open
	size_t bytes, frames;   // captured (and saved) so far
	unsigned lost;          // frames the kernel buffer had no room for
	int flooded;            // a limit was passed: the capture stopped
};

// Capture only what the BPF filter expr matches (NULL: all of lo), from
// the next wire_open on. Outside a private network namespace each test
// captures its own ports only.
void wire_set_filter(const char *expr);

// Start capturing on lo, saving to path (NULL: do not save). 0, or -1
// with err filled.
int wire_open(struct wire *w, const char *path, char *err, size_t errlen);

// Read every packet captured so far into w->pkts, until a limit above
// is passed (then w->flooded is set and later calls read nothing).
// Without a capture: note it in w->uncaptured.
void wire_collect(struct wire *w);

// If w->flooded, write into msg (size bytes) what the report says of it.
// Returns 1 if so, else 0 (msg untouched).
int wire_flood_note(const struct wire *w, char *msg, size_t size);

// Stop capturing and free everything.
void wire_close(struct wire *w);

// Decode one Ethernet frame (DLT_EN10MB, as lo gives). 0 if it was an
// IPv4/IPv6 UDP or TCP packet or an ICMP port unreachable, else -1.
int wire_decode(const uint8_t *frame, size_t caplen, struct wpkt *p);

#endif
