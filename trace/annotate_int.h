// annotate_int.h: the annotator's private parts, shared by annotate.c
// (the conversation table, UDP, ICMP) and annotate_tcp.c (TCP).
#ifndef SOCKTRACE_ANNOTATE_INT_H
#define SOCKTRACE_ANNOTATE_INT_H

#include <stdint.h>
#include <sys/time.h>

#include "annotate.h"

enum tcp_state { ST_NONE, ST_SYN_SENT, ST_SYN_RCVD, ST_ESTABLISHED, ST_CLOSED };

// One conversation. Direction 0 is client to server, 1 the reverse.
struct conv {
	uint64_t last_use;          // packet counter at last use (LRU)
	unsigned long id;
	enum proto proto;
	struct ipaddr addr[2];      // [0] client, [1] server
	uint16_t port[2];
	char label[2][ENDPOINT_LEN]; // "IP:port" of each end, made once
	const char *why_client;     // how the roles were decided
	unsigned long packets[2];

	// TCP.
	enum tcp_state state;
	int have_base[2];
	uint32_t base[2];           // ISN (or first seq seen) per direction
	int have_next[2];
	uint32_t next[2];           // next new sequence number per direction
	int have_ack[2];
	uint32_t last_ack[2];
	uint16_t last_win[2];
	unsigned dups[2];
	int fin_seen[2];
	uint32_t fin_seq[2];
	int first_fin;              // direction that sent the first FIN, or -1
	struct timeval syn_ts, synack_ts;
};

// Append a printf-style note to a (dropped when a is full).
void note(struct annotation *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

// Classify a TCP segment travelling in direction dir of c.
void annotate_tcp(struct conv *c, int dir, const struct packet *pk,
                  int want, struct annotation *a);

// Milliseconds from a to b.
double ms_between(const struct timeval *a, const struct timeval *b);

#endif
