// annotate.c: the conversation table, roles, and the UDP and ICMP events.
// The table is a fixed array of sets of WAYS entries: a conversation
// hashes to one set, and a new one takes the least recently used entry
// of that set, so memory stays the same however long the capture.
#include "annotate_int.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WAYS 4

struct annotator {
	struct conv *convs;       // nsets * WAYS entries
	uint32_t *tags;           // per entry: its ends' hash | 1, or 0 if free
	unsigned nsets;
	uint64_t clock;           // packets seen (for LRU)
	unsigned long next_id;
	unsigned long evictions;
};

static const char *const event_names[] = {
	[EV_OTHER] = "other",
	[EV_UDP_REQUEST] = "udp-request",
	[EV_UDP_REPLY] = "udp-reply",
	[EV_HANDSHAKE_1] = "handshake-1",
	[EV_HANDSHAKE_2] = "handshake-2",
	[EV_HANDSHAKE_3] = "handshake-3",
	[EV_DATA] = "data",
	[EV_ACK] = "ack",
	[EV_FIN] = "fin",
	[EV_RST] = "rst",
	[EV_ICMP_UNREACHABLE] = "icmp-unreachable",
	[EV_RETRANSMISSION] = "retransmission",
	[EV_DUP_ACK] = "dup-ack",
	[EV_ARP] = "arp",
	[EV_NDP] = "ndp",
};

const char *event_name(enum event e)
{
	if ((unsigned)e >= sizeof event_names / sizeof event_names[0])
		return "other";
	return event_names[e];
}

struct annotator *annotator_new(unsigned max_convs)
{
	struct annotator *an = calloc(1, sizeof *an);
	if (!an)
		return NULL;
	if (max_convs == 0)
		max_convs = 4096;
	an->nsets = (max_convs + WAYS - 1) / WAYS;
	an->convs = calloc((size_t)an->nsets * WAYS, sizeof *an->convs);
	an->tags = calloc((size_t)an->nsets * WAYS, sizeof *an->tags);
	if (!an->convs || !an->tags) {
		free(an->convs);
		free(an->tags);
		free(an);
		return NULL;
	}
	an->next_id = 1;
	return an;
}

void annotator_free(struct annotator *an)
{
	if (!an)
		return;
	free(an->convs);
	free(an->tags);
	free(an);
}

unsigned long annotator_evictions(const struct annotator *an)
{
	return an->evictions;
}

void note(struct annotation *a, const char *fmt, ...)
{
	va_list ap;

	if (a->nnotes >= ANNOT_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(a->notes[a->nnotes++], ANNOT_NOTE_LEN, fmt, ap);
	va_end(ap);
}

double ms_between(const struct timeval *a, const struct timeval *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 +
	       (double)(b->tv_usec - a->tv_usec) / 1e3;
}

// Write an IPv4 address in dotted quad at out; returns its length.
static size_t format_v4(char *out, const uint8_t *a)
{
	char *p = out;
	for (int i = 0; i < 4; i++) {
		unsigned v = a[i];
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		if (i < 3)
			*p++ = '.';
	}
	*p = '\0';
	return (size_t)(p - out);
}

size_t format_endpoint(char *out, const struct ipaddr *ip, int port)
{
	size_t n;

	if (ip->family == 4) {
		n = format_v4(out, ip->a);
	} else if (ip->family == 6) {
		out[0] = '[';
		if (!inet_ntop(AF_INET6, ip->a, out + 1, ENDPOINT_LEN - 10))
			strcpy(out + 1, "?");
		n = strlen(out);
		if (port < 0) {
			// No port: drop the brackets.
			memmove(out, out + 1, n);
			return n - 1;
		}
		out[n++] = ']';
	} else {
		strcpy(out, "?");
		n = 1;
	}
	if (port >= 0) {
		char digits[8];
		int k = 0;
		out[n++] = ':';
		do {
			digits[k++] = (char)('0' + port % 10);
			port /= 10;
		} while (port && k < 7);
		while (k > 0)
			out[n++] = digits[--k];
	}
	out[n] = '\0';
	return n;
}

static int addr_eq(const struct ipaddr *x, const struct ipaddr *y)
{
	size_t len = x->family == 4 ? 4 : 16;
	return x->family == y->family && memcmp(x->a, y->a, len) == 0;
}

// A hash of one end, taking the address 4 bytes at a time; hashing both
// ends and combining with + makes the result the same in either direction.
static uint32_t end_hash(const struct ipaddr *ip, uint16_t port)
{
	uint32_t h = 2166136261u ^ port;
	size_t len = ip->family == 4 ? 4 : 16;
	for (size_t i = 0; i < len; i += 4) {
		uint32_t w;
		memcpy(&w, ip->a + i, 4);
		h = (h ^ w) * 16777619u;
	}
	return (h ^ (h >> 15)) * 0x9e3779b1u;
}

// The hash of a conversation between (s, sp) and (d, dp). Its set is
// hash % nsets; its tag is hash | 1 (never 0, which marks a free entry).
static uint32_t conv_hash(enum proto proto, const struct ipaddr *s, uint16_t sp,
                          const struct ipaddr *d, uint16_t dp)
{
	return end_hash(s, sp) + end_hash(d, dp) + (uint32_t)proto;
}

// Find the conversation of proto between (s, sp) and (d, dp). Sets *dir to
// 0 if s is its client, 1 if its server. NULL if it is not in the table.
// Only entries whose tag matches are compared (the tags of a set share a
// cache line; the entries are big).
static struct conv *conv_find(struct annotator *an, enum proto proto,
                              const struct ipaddr *s, uint16_t sp,
                              const struct ipaddr *d, uint16_t dp, int *dir)
{
	uint32_t h = conv_hash(proto, s, sp, d, dp), tag = h | 1;
	size_t first = (size_t)(h % an->nsets) * WAYS;

	for (int i = 0; i < WAYS; i++) {
		struct conv *c = &an->convs[first + (size_t)i];
		if (an->tags[first + (size_t)i] != tag || c->proto != proto)
			continue;
		if (c->port[0] == sp && c->port[1] == dp &&
		    addr_eq(&c->addr[0], s) && addr_eq(&c->addr[1], d)) {
			*dir = 0;
			return c;
		}
		if (c->port[0] == dp && c->port[1] == sp &&
		    addr_eq(&c->addr[0], d) && addr_eq(&c->addr[1], s)) {
			*dir = 1;
			return c;
		}
	}
	return NULL;
}

// The entry a new conversation between these ends takes: a free one in
// its set, or else the least recently used (which is forgotten). Its tag
// is set.
static struct conv *conv_slot(struct annotator *an, enum proto proto,
                              const struct ipaddr *s, uint16_t sp,
                              const struct ipaddr *d, uint16_t dp)
{
	uint32_t h = conv_hash(proto, s, sp, d, dp);
	size_t first = (size_t)(h % an->nsets) * WAYS, victim = first;

	for (size_t i = first; i < first + WAYS; i++) {
		if (an->tags[i] == 0) {
			victim = i;
			break;
		}
		if (an->convs[i].last_use < an->convs[victim].last_use)
			victim = i;
	}
	if (an->tags[victim] != 0)
		an->evictions++;
	an->tags[victim] = h | 1;
	return &an->convs[victim];
}

// Whether a port is in an ephemeral range (Linux 32768-60999, IANA 49152+).
static int ephemeral(uint16_t port)
{
	return port >= 32768;
}

// Decide which end of a new conversation is the client: the one that
// sent a SYN, the one a SYN-ACK went to, the one on an ephemeral port
// talking to a non-ephemeral one, or else the first sender. Returns 0 if
// the packet's source is the client, 1 if its destination is.
static int pick_client(const struct packet *pk, const char **why)
{
	if (pk->proto == PROTO_TCP && (pk->tcp_flags & TCP_SYN)) {
		int synack = (pk->tcp_flags & TCP_ACK) != 0;
		*why = synack ? "the SYN-ACK went to it" : "it sent the SYN";
		return synack;
	}
	if (ephemeral(pk->sport) != ephemeral(pk->dport)) {
		*why = "its port is ephemeral, the other end's is not";
		return ephemeral(pk->dport);
	}
	*why = pk->proto == PROTO_TCP ? "it sent the first segment seen"
	                               : "it sent the first datagram";
	return 0;
}

// Find or make the conversation of a UDP or TCP packet; *dir as conv_find.
static struct conv *conv_get(struct annotator *an, const struct packet *pk,
                             int *dir, int *is_new)
{
	struct conv *c = conv_find(an, pk->proto, &pk->src, pk->sport,
	                           &pk->dst, pk->dport, dir);
	*is_new = 0;
	if (c)
		return c;
	c = conv_slot(an, pk->proto, &pk->src, pk->sport, &pk->dst, pk->dport);
	memset(c, 0, sizeof *c);
	c->id = an->next_id++;
	c->proto = pk->proto;
	c->first_fin = -1;
	*dir = pick_client(pk, &c->why_client);
	c->addr[*dir] = pk->src;
	c->port[*dir] = pk->sport;
	c->addr[!*dir] = pk->dst;
	c->port[!*dir] = pk->dport;
	format_endpoint(c->label[0], &c->addr[0], c->port[0]);
	format_endpoint(c->label[1], &c->addr[1], c->port[1]);
	*is_new = 1;
	return c;
}

// Fill the conversation fields of a from c, for a packet going in dir.
static void set_roles(struct annotation *a, const struct conv *c, int dir)
{
	a->conv = c->id;
	a->from = dir == 0 ? ROLE_CLIENT : ROLE_SERVER;
	strcpy(a->client, c->label[0]);
	strcpy(a->server, c->label[1]);
}

// Classify a UDP datagram going in direction dir of c.
static void annotate_udp(struct conv *c, int dir, const struct packet *pk,
                         int want, struct annotation *a)
{
	c->packets[dir]++;
	a->event = dir == 0 ? EV_UDP_REQUEST : EV_UDP_REPLY;
	if (!want)
		return;
	if (dir == 0) {
		note(a, "request %lu from the client, %u bytes: one sendto() is "
		     "one datagram, delivered whole or not at all",
		     c->packets[0], pk->payload_len);
		if (c->packets[0] == 1 && c->packets[1] == 0 &&
		    ephemeral(c->port[0]))
			note(a, "the OS chose the client's source port %u: the "
			     "client never called bind(), so its first sendto() "
			     "bound the socket to a free ephemeral port",
			     c->port[0]);
		return;
	}
	note(a, "reply from the server, %u bytes: its sendto() goes back to "
	     "the address recvfrom() reported for the request, %s",
	     pk->payload_len, a->client);
	if (c->packets[0] == 0)
		note(a, "(the request it answers is not in this capture)");
}

// Explain an ICMP or ICMPv6 destination-unreachable message.
static void explain_unreachable(const struct packet *pk, struct annotation *a)
{
	int v6 = pk->proto == PROTO_ICMP6;
	int port = v6 ? pk->icmp_code == 4 : pk->icmp_code == 3;
	const struct quoted *q = &pk->quoted;
	char dst[ENDPOINT_LEN];

	if (!q->valid) {
		note(a, "destination unreachable (code %u); the quoted datagram "
		     "was not captured", pk->icmp_code);
		return;
	}
	format_endpoint(dst, &q->dst, q->has_ports ? q->dport : -1);
	if (port && !q->has_ports) {
		note(a, "port unreachable: no socket is bound to the datagram's "
		     "destination port on %s (the quoted ports were not "
		     "captured)", dst);
		return;
	}
	if (!port) {
		note(a, "destination unreachable (code %u) for a datagram to %s: "
		     "it could not be delivered", pk->icmp_code, dst);
		return;
	}
	note(a, "port unreachable: no socket is bound to %s port %u there, so "
	     "the kernel of %s answered the datagram with this ICMP%s message",
	     q->proto == 6 ? "TCP" : "UDP", q->dport, a->src, v6 ? "v6" : "");
	if (q->proto == 17)
		note(a, "UDP has no connection: the client's sendto() already "
		     "succeeded, and an unconnected socket is never told of "
		     "this error, so its recvfrom() waits forever unless it has "
		     "a timeout (a connect()ed UDP socket would get "
		     "ECONNREFUSED instead)");
}

// Classify an ICMP or ICMPv6 packet; an unreachable error joins the
// conversation of the datagram it quotes.
static void annotate_icmp(struct annotator *an, const struct packet *pk,
                          int want, struct annotation *a)
{
	int v6 = pk->proto == PROTO_ICMP6;
	const struct quoted *q = &pk->quoted;

	if (v6 && pk->icmp_type >= 133 && pk->icmp_type <= 137) {
		a->event = EV_NDP;
		if (want && (pk->icmp_type == 135 || pk->icmp_type == 136))
			note(a, "NDP (IPv6's ARP): before sending to a neighbour "
			     "it has no link-layer address for, the kernel asks "
			     "for it; the answer goes into its neighbour cache");
		return;
	}
	if (pk->icmp_type != (v6 ? 1 : 3))
		return;
	a->event = EV_ICMP_UNREACHABLE;
	if (q->valid && q->has_ports && (q->proto == 17 || q->proto == 6)) {
		int dir;
		enum proto p = q->proto == 17 ? PROTO_UDP : PROTO_TCP;
		struct conv *c = conv_find(an, p, &q->src, q->sport, &q->dst,
		                           q->dport, &dir);
		if (c) {
			// The error travels towards the datagram's sender.
			set_roles(a, c, !dir);
			c->last_use = an->clock;
		}
	}
	if (want)
		explain_unreachable(pk, a);
}

// Classify a UDP or TCP packet within its conversation.
static void annotate_transport(struct annotator *an, const struct packet *pk,
                               int want, struct annotation *a)
{
	int dir, is_new;
	struct conv *c = conv_get(an, pk, &dir, &is_new);

	c->last_use = an->clock;
	set_roles(a, c, dir);
	strcpy(a->src, c->label[dir]);
	strcpy(a->dst, c->label[!dir]);
	if (want && is_new)
		note(a, "conversation %lu: client %s (%s), server %s",
		     c->id, a->client, c->why_client, a->server);
	if (pk->proto == PROTO_UDP)
		annotate_udp(c, dir, pk, want, a);
	else
		annotate_tcp(c, dir, pk, want, a);
}

void annotate(struct annotator *an, const struct packet *pk, int want_notes,
              struct annotation *a)
{
	int ports = pk->proto == PROTO_UDP || pk->proto == PROTO_TCP;

	an->clock++;
	a->event = EV_OTHER;
	a->conv = 0;
	a->from = ROLE_NONE;
	a->client[0] = a->server[0] = '\0';
	a->has_rel = 0;
	a->rel_seq = a->rel_ack = 0;
	a->nnotes = 0;
	// UDP and TCP ends are copied from their conversation's labels.
	if (pk->ip_version && (!ports || pk->stopped_layer ||
	                       (pk->is_fragment && pk->frag_offset > 0))) {
		format_endpoint(a->src, &pk->src, ports ? pk->sport : -1);
		format_endpoint(a->dst, &pk->dst, ports ? pk->dport : -1);
	} else {
		a->src[0] = a->dst[0] = '\0';
	}
	if (pk->proto == PROTO_ARP) {
		a->event = EV_ARP;
		if (want_notes)
			note(a, "ARP: before the first IPv4 packet to an address "
			     "on the link, the kernel asks (by broadcast) which "
			     "Ethernet address has it; the answer goes into its "
			     "ARP cache (`ip neigh`)");
		return;
	}
	// A packet whose decoding stopped early is shown, not tracked: its
	// fields may be incomplete.
	if (pk->stopped_layer && want_notes)
		note(a, "decoding stopped in the %s layer (%s): the fields up to "
		     "there are shown; this packet is not added to any "
		     "conversation", pk->stopped_layer,
		     pk->stopped_reason ? pk->stopped_reason : "malformed");
	if (pk->stopped_layer || pk->ip_version == 0)
		return;
	if (pk->is_fragment && pk->frag_offset > 0)
		return;
	if (ports)
		annotate_transport(an, pk, want_notes, a);
	else if (pk->proto == PROTO_ICMP || pk->proto == PROTO_ICMP6)
		annotate_icmp(an, pk, want_notes, a);
}
