// annotate.c: the conversation table, roles, and the UDP and ICMP events.
// The table is a fixed array of sets of WAYS entries: a conversation
// hashes to one set, and a new one takes the least recently used entry
// of that set, so memory stays the same however long the capture.
#include "annotate_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WAYS 4

struct annotator {
	struct conv *convs;       // nsets * WAYS entries
	uint32_t *tags;           // per entry: its ends' hash | 1, or 0 if free
	uint64_t *used;           // per entry: the clock when it was last used
	unsigned nsets;
	uint64_t clock;           // packets seen (for LRU; the packet number)
	unsigned long next_id;
	unsigned long evictions;
	struct frag_table *frags; // IP fragments in flight
	struct conv *last;        // the entry conv_find found or made last
};

const char *const side[2] = { "client", "server" };

// Each name with its length (the terse listing prints one per packet).
#define NAMED(s) { s, sizeof s - 1 }
static const struct { const char *name; size_t len; } event_names[] = {
	[EV_OTHER] = NAMED("other"),
	[EV_UDP_REQUEST] = NAMED("udp-request"),
	[EV_UDP_REPLY] = NAMED("udp-reply"),
	[EV_HANDSHAKE_1] = NAMED("handshake-1"),
	[EV_HANDSHAKE_2] = NAMED("handshake-2"),
	[EV_HANDSHAKE_3] = NAMED("handshake-3"),
	[EV_DATA] = NAMED("data"),
	[EV_ACK] = NAMED("ack"),
	[EV_FIN] = NAMED("fin"),
	[EV_RST] = NAMED("rst"),
	[EV_ICMP_UNREACHABLE] = NAMED("icmp-unreachable"),
	[EV_RETRANSMISSION] = NAMED("retransmission"),
	[EV_DUP_ACK] = NAMED("dup-ack"),
	[EV_ARP] = NAMED("arp"),
	[EV_NDP] = NAMED("ndp"),
	[EV_FRAGMENT] = NAMED("fragment"),
	[EV_OUT_OF_ORDER] = NAMED("out-of-order"),
	[EV_KEEPALIVE] = NAMED("keep-alive"),
	[EV_ZERO_WINDOW] = NAMED("zero-window"),
	[EV_ZERO_WINDOW_PROBE] = NAMED("zero-window-probe"),
	[EV_ICMP_ERROR] = NAMED("icmp-error"),
};

const char *event_name(enum event e)
{
	return event_names[(unsigned)e < EVENTS ? e : EV_OTHER].name;
}

size_t event_name_len(enum event e)
{
	return event_names[(unsigned)e < EVENTS ? e : EV_OTHER].len;
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
	an->used = calloc((size_t)an->nsets * WAYS, sizeof *an->used);
	an->frags = frag_new();
	if (!an->convs || !an->tags || !an->used || !an->frags) {
		free(an->convs);
		free(an->tags);
		free(an->used);
		frag_free(an->frags);
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
	free(an->used);
	frag_free(an->frags);
	free(an);
}

unsigned long annotator_evictions(const struct annotator *an)
{
	return an->evictions;
}

double ms_between(const struct timeval *a, const struct timeval *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 +
	       (double)(b->tv_usec - a->tv_usec) / 1e3;
}

uint64_t tv_usec(const struct timeval *tv)
{
	return (uint64_t)tv->tv_sec * 1000000u + (uint64_t)tv->tv_usec;
}

void usec_text(char *out, uint64_t usec)
{
	time_t sec = (time_t)(usec / 1000000u);
	struct tm tm;
	char hms[12];

	if (!localtime_r(&sec, &tm) || strftime(hms, sizeof hms, "%H:%M:%S", &tm) == 0)
		strcpy(hms, "??:??:??");
	snprintf(out, 20, "%s.%06u", hms, (unsigned)(usec % 1000000u));
}

// Whether x and y are the same address. (Each memcmp has a constant
// length, so it is a compare or two, not a call: this runs for every
// packet.)
static int addr_eq(const struct ipaddr *x, const struct ipaddr *y)
{
	if (x->family != y->family)
		return 0;
	if (x->family == 4)
		return memcmp(x->a, y->a, 4) == 0;
	return memcmp(x->a, y->a, 16) == 0;
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
// set_of(hash); its tag is hash | 1 (never 0, which marks a free entry).
static uint32_t conv_hash(enum proto proto, const struct ipaddr *s, uint16_t sp,
                          const struct ipaddr *d, uint16_t dp)
{
	return end_hash(s, sp) + end_hash(d, dp) + (uint32_t)proto;
}

// The first entry of the set of hash h: h scaled to [0, nsets), by a
// multiply rather than a division (which was a sixth of conv_find).
static size_t set_of(const struct annotator *an, uint32_t h)
{
	return (size_t)(((uint64_t)h * an->nsets) >> 32) * WAYS;
}

// Whether c is the conversation of proto between (s, sp) and (d, dp);
// if so, *dir is 0 if s is its client, 1 if its server.
static int conv_is(const struct conv *c, enum proto proto,
                   const struct ipaddr *s, uint16_t sp,
                   const struct ipaddr *d, uint16_t dp, int *dir)
{
	if (c->proto != proto)
		return 0;
	if (c->port[0] == sp && c->port[1] == dp &&
	    addr_eq(&c->addr[0], s) && addr_eq(&c->addr[1], d)) {
		*dir = 0;
		return 1;
	}
	if (c->port[0] == dp && c->port[1] == sp &&
	    addr_eq(&c->addr[0], d) && addr_eq(&c->addr[1], s)) {
		*dir = 1;
		return 1;
	}
	return 0;
}

// Find the conversation of proto between (s, sp) and (d, dp). Sets *dir
// as conv_is. NULL if it is not in the table. The entry found last is
// tried first (packets come in runs of one conversation: the hash is then
// not needed); in the set, only entries whose tag matches are compared
// (the tags of a set share a cache line; the entries are big). A 4-tuple
// is in the table at most once, so the first match is the one.
static struct conv *conv_find(struct annotator *an, enum proto proto,
                              const struct ipaddr *s, uint16_t sp,
                              const struct ipaddr *d, uint16_t dp, int *dir)
{
	if (an->last && conv_is(an->last, proto, s, sp, d, dp, dir))
		return an->last;
	uint32_t h = conv_hash(proto, s, sp, d, dp), tag = h | 1;
	size_t first = set_of(an, h);

	for (int i = 0; i < WAYS; i++) {
		struct conv *c = &an->convs[first + (size_t)i];
		if (an->tags[first + (size_t)i] == tag &&
		    conv_is(c, proto, s, sp, d, dp, dir))
			return an->last = c;
	}
	return NULL;
}

// The entry a new conversation between these ends takes: a free one in
// its set, or else the least recently used (which is forgotten). Its tag
// is set. The last uses, like the tags, are kept apart from the big
// entries: a full set's are read from one cache line, not four entries.
static struct conv *conv_slot(struct annotator *an, enum proto proto,
                              const struct ipaddr *s, uint16_t sp,
                              const struct ipaddr *d, uint16_t dp)
{
	uint32_t h = conv_hash(proto, s, sp, d, dp);
	size_t first = set_of(an, h), victim = first;

	for (size_t i = first; i < first + WAYS; i++) {
		if (an->tags[i] == 0) {
			victim = i;
			break;
		}
		if (an->used[i] < an->used[victim])
			victim = i;
	}
	if (an->tags[victim] != 0)
		an->evictions++;
	an->tags[victim] = h | 1;
	return &an->convs[victim];
}

// Mark c used now (for conv_slot's choice).
static void conv_used(struct annotator *an, const struct conv *c)
{
	an->used[c - an->convs] = an->clock;
}

// Whether a port is in an ephemeral range (Linux 32768-60999, IANA 49152+).
static int ephemeral(uint16_t port)
{
	return port >= 32768;
}

// Which end the recorded calls f show to be the client where the ports do
// not (pick_client): 0 the packet's source, 1 its destination, -1 the calls
// do not settle it. *why says how, of the client.
static int role_fact(const struct call_fact *f, const char **why)
{
	static const char *const serves = "traced: the other end called listen(), or "
	                                  "its socket came from accept()";
	static const char *const connects = "traced: it called connect()";
	static const char *const picked = "traced: the OS picked its port, the other end "
	                                  "called bind() for its own";
	if (!f)
		return -1;
	if (f->to.serves || f->connected)
		return *why = f->to.serves ? serves : connects, 0;
	if (f->serves || f->to.connected)
		return *why = f->serves ? serves : connects, 1;
	if (f->bind_known && f->to.made && f->bound != f->to.bound)
		return *why = picked, f->bound;
	return -1;
}

// Decide which end of a new conversation is the client: the one that
// sent a SYN, the one a SYN-ACK went to, the one on an ephemeral port
// talking to a non-ephemeral one, the one the recorded calls f show
// (connect(), listen(), bind()), or else the first sender. Returns 0 if
// the packet's source is the client, 1 if its destination is; *guessed
// is 1 when no SYN decided it (a TCP capture that began mid-stream);
// *traced when the calls did.
static int pick_client(const struct packet *pk, const struct call_fact *f,
                       const char **why, int *guessed, int *traced)
{
	int tcp = pk->proto == PROTO_TCP;
	int side;

	*guessed = tcp;
	*traced = 0;
	if (tcp && (pk->tcp_flags & TCP_SYN)) {
		int synack = (pk->tcp_flags & TCP_ACK) != 0;
		*why = synack ? "the SYN-ACK went to it" : "it sent the SYN";
		*guessed = 0;
		return synack;
	}
	if (ephemeral(pk->sport) != ephemeral(pk->dport)) {
		*why = "its port looks ephemeral, the other end's does not";
		return ephemeral(pk->dport);
	}
	if ((side = role_fact(f, why)) >= 0) {
		*traced = 1;
		return side;
	}
	*why = tcp ? "it sent the first segment seen; both ports look alike, so "
	             "this is a guess" :
	             "it sent the first datagram seen; both ports look alike, "
	             "so this is a guess";
	return 0;
}

// Fill c as a new conversation of pk's protocol numbered id, its ends
// set by pick_client; *dir as conv_find. A UDP conversation's TCP part is
// left as it was (see struct conv): a new conversation's entry is rarely
// in the cache, and a lab capture's are two thirds UDP.
static void conv_init(struct conv *c, const struct packet *pk, const struct call_fact *f,
                      unsigned long id, int *dir)
{
	int tcp = pk->proto == PROTO_TCP;

	memset(c, 0, tcp ? sizeof *c : offsetof(struct conv, state));
	c->id = id;
	c->proto = pk->proto;
	if (tcp) {
		c->first_fin = -1;
		c->d[0].wscale = c->d[1].wscale = -1;
	}
	*dir = pick_client(pk, f, &c->why_client, &c->guessed, &c->roles_traced);
	c->addr[*dir] = pk->src;
	c->port[*dir] = pk->sport;
	c->addr[!*dir] = pk->dst;
	c->port[!*dir] = pk->dport;
	c->label_len[0] = format_endpoint(c->label[0], &c->addr[0], c->port[0]);
	c->label_len[1] = format_endpoint(c->label[1], &c->addr[1], c->port[1]);
}

// Find or make the conversation of a UDP or TCP packet (f: what the
// calls show of it, or NULL); *dir as conv_find.
static struct conv *conv_get(struct annotator *an, const struct packet *pk,
                             const struct call_fact *f, int *dir, int *is_new)
{
	struct conv *c = conv_find(an, pk->proto, &pk->src, pk->sport,
	                           &pk->dst, pk->dport, dir);
	*is_new = 0;
	if (c)
		return c;
	c = conv_slot(an, pk->proto, &pk->src, pk->sport, &pk->dst, pk->dport);
	conv_init(c, pk, f, an->next_id++, dir);
	*is_new = 1;
	return an->last = c;
}

// Whether TCP segment pk opens a new connection on c's 4-tuple: a SYN
// (no ACK) that is not a copy of the SYN of the connection c holds.
static int tcp_reused(const struct conv *c, int dir, const struct packet *pk)
{
	if ((pk->tcp_flags & (TCP_SYN | TCP_ACK | TCP_RST)) != TCP_SYN)
		return 0;
	if (dir == 0 && c->d[0].have_base && c->syns && pk->seq == c->d[0].base)
		return 0;  // the same SYN again
	return c->state != ST_NONE || c->packets[0] + c->packets[1] > 0;
}

// Start a new conversation in c's entry for the SYN pk: the ports are
// reused. Returns the old conversation's number; *ago is how long ago it
// closed in seconds (-1 if its end was not seen).
static unsigned long conv_renew(struct annotator *an, struct conv *c,
                                const struct packet *pk, const struct call_fact *f,
                                int *dir, double *ago, int *timewait)
{
	unsigned long old = c->id;

	*ago = c->state == ST_CLOSED ?
	       (double)(tv_usec(&pk->ts) - c->closed_usec) / 1e6 : -1;
	*timewait = c->timewait && *ago < 60;
	conv_init(c, pk, f, an->next_id++, dir);
	return old;
}

// Explain a reused 4-tuple: the old conversation, and TIME_WAIT.
static void explain_reuse(unsigned long old, double ago, int timewait,
                          struct annotation *a)
{
	if (ago < 0) {
		note(a, "ports reused: the addresses and ports of conversation %lu, "
		     "whose end was not seen; a new connection starts", old);
		return;
	}
	note(a, "ports reused: the addresses and ports of conversation %lu, "
	     "closed %.3f s ago%s", old, ago, timewait ? ", so still in Linux's "
	     "60 s TIME_WAIT on the end that closed first" : "");
	if (timewait)
		note(a, "Linux accepts a SYN for a 4-tuple in TIME_WAIT when its "
		     "sequence number or timestamp is above the old connection's "
		     "(RFC 6191); net.ipv4.tcp_tw_reuse lets a connecting side "
		     "reuse one");
}

// Fill the conversation fields of a from c, for a packet going in dir.
static void set_roles(struct annotation *a, const struct conv *c, int dir)
{
	a->conv = c->id;
	a->from = dir == 0 ? ROLE_CLIENT : ROLE_SERVER;
	a->to_client = dir;
	a->client = c->label[0];
	a->server = c->label[1];
}

// The client's source port on its first datagram, as the recorded calls
// show it: bound by bind(), or picked by the OS at the call fact names.
// 0 (nothing said) when the calls do not settle it.
static int bind_fact(const struct conv *c, const struct call_fact *f,
                     struct annotation *a)
{
	if (!f || !f->bind_known)
		return 0;
	if (f->bound && f->bind_any_port)
		note(a, "the client called bind(%s) before it sent (traced): port 0 "
		     "asks the OS to pick one, and it picked %u", f->bind_args, c->port[0]);
	else if (f->bound)
		note(a, "the client called bind(%s) before it sent (traced): its "
		     "source port %u is the one it asked for, not one the OS picked "
		     "(a client seldom needs that)", f->bind_args, c->port[0]);
	else if (f->port_by[0])
		note(a, "the client never called bind() (traced): the OS picked port "
		     "%u at its first %s()", c->port[0], f->port_by);
	else
		return 0;
	return 1;
}

// The note of a client's UDP datagram its recorded call sent: 1, or 0
// when the call's length is not known (the inferred note is said).
static int udp_sent_fact(const struct conv *c, const struct packet *pk,
                         const struct call_fact *f, struct annotation *a)
{
	uint32_t bytes = pk->is_fragment && pk->udp_len >= 8 ? pk->udp_len - 8u :
	                 pk->payload_len;
	if (!f || f->len < 0)
		return 0;
	if ((unsigned long)f->len == bytes)
		note(a, "request %lu from the client, %u bytes: the whole of one "
		     "%s() of %ld bytes (traced), one datagram, delivered whole or "
		     "not at all%s", c->packets[0], bytes, f->call, f->len,
		     pk->is_fragment ? "; on the wire it is several IP fragments" : "");
	else
		note(a, "request %lu from the client, %u bytes, sent by a %s() given "
		     "%ld bytes (traced): the kernel cut that call's data into "
		     "datagrams (UDP_SEGMENT), each one delivered whole or not at all",
		     c->packets[0], bytes, f->call, f->len);
	return 1;
}

// The notes of a client's UDP datagram: one sendto(), one datagram
// (in fragments if it was too big), and the client's source port; as
// facts where the recorded call f settles them.
static void udp_request_notes(const struct conv *c, const struct packet *pk,
                              const struct call_fact *f, struct annotation *a)
{
	int first = c->packets[0] == 1 && c->packets[1] == 0;

	if (udp_sent_fact(c, pk, f, a))
		;
	else if (pk->is_fragment && pk->udp_len >= 8)
		note(a, "request %lu from the client: one sendto() of %u bytes "
		     "(UDP length %u) is one datagram, but on the wire it is "
		     "several IP fragments; this first one carries %u of its bytes, "
		     "and recvfrom() gets all %u or nothing", c->packets[0],
		     pk->udp_len - 8, pk->udp_len, pk->payload_len, pk->udp_len - 8);
	else
		note(a, "request %lu from the client, %u bytes: one sendto() is "
		     "one datagram, delivered whole or not at all",
		     c->packets[0], pk->payload_len);
	if (first && bind_fact(c, f, a))
		return;
	if (first && ephemeral(c->port[0]))
		note(a, "the client's source port %u looks ephemeral: most likely "
		     "the client never called bind() and its first sendto() had "
		     "the OS pick a free port (a capture cannot tell that from a "
		     "bind() to this very port)", c->port[0]);
}

// Classify a UDP datagram going in direction dir of c.
static void annotate_udp(struct conv *c, int dir, const struct packet *pk,
                         int want, const struct call_fact *f, struct annotation *a)
{
	c->packets[dir]++;
	a->event = dir == 0 ? EV_UDP_REQUEST : EV_UDP_REPLY;
	if (!want)
		return;
	if (dir == 0) {
		udp_request_notes(c, pk, f, a);
		return;
	}
	if (pk->is_fragment && pk->udp_len >= 8)
		note(a, "reply from the server: one datagram of %u bytes (UDP length "
		     "%u) in IP fragments, this first one with %u of them; its "
		     "sendto() goes back to the address recvfrom() reported, %s",
		     pk->udp_len - 8, pk->udp_len, pk->payload_len, a->client);
	else
		note(a, "reply from the server, %u bytes: its sendto() goes back to "
		     "the address recvfrom() reported for the request, %s",
		     pk->payload_len, a->client);
	if (c->packets[0] == 0)
		note(a, "(the request it answers is not in this capture)");
}

// Which end of c the ICMP error pk comes from, given dir, the direction
// of the datagram it quotes: the other end (its kernel answered), or
// ROLE_NONE when a router on the path sent it (the address differs).
static enum role icmp_sender(const struct conv *c, int dir,
                             const struct packet *pk)
{
	const struct ipaddr *end = &c->addr[!dir];
	size_t len = end->family == 4 ? 4 : 16;

	if (end->family == pk->src.family && memcmp(end->a, pk->src.a, len) == 0)
		return dir == 0 ? ROLE_SERVER : ROLE_CLIENT;
	return ROLE_NONE;
}

// Join an ICMP error to the conversation of the datagram it quotes.
static void icmp_join(struct annotator *an, const struct packet *pk,
                      int want, struct annotation *a)
{
	const struct quoted *q = &pk->quoted;
	enum proto p = q->proto == 17 ? PROTO_UDP : PROTO_TCP;
	int dir;

	if (!q->valid || !q->has_ports || (q->proto != 17 && q->proto != 6))
		return;
	struct conv *c = conv_find(an, p, &q->src, q->sport, &q->dst,
	                           q->dport, &dir);
	if (!c)
		return;
	set_roles(a, c, !dir);  // the error travels towards the sender
	conv_used(an, c);
	a->from = icmp_sender(c, dir, pk);
	if (want && a->from == ROLE_NONE)
		note(a, "sent by %s, which is neither end of conversation %lu: a "
		     "router on the path (or a middlebox) reports the problem, "
		     "not the %s", a->src, c->id, side[!dir]);
}

// Classify an ICMP or ICMPv6 packet; an error joins the conversation of
// the datagram it quotes.
static void annotate_icmp(struct annotator *an, const struct packet *pk,
                          int want, struct annotation *a)
{
	int v6 = pk->proto == PROTO_ICMP6;
	uint8_t t = pk->icmp_type;
	int error = v6 ? t >= 1 && t <= 4 : t == 3 || t == 4 || t == 5 ||
	                                    t == 11 || t == 12;

	if (v6 && !error) {
		icmp6_info(pk, want, a);
		return;
	}
	if (!error)
		return;
	a->event = t == (v6 ? 1 : 3) ? EV_ICMP_UNREACHABLE : EV_ICMP_ERROR;
	icmp_join(an, pk, want, a);
	if (want)
		explain_icmp_error(pk, a);
}

// A later IP fragment: no ports of its own, so it joins the conversation
// of its datagram's first fragment when that is known.
static void annotate_fragment(struct annotator *an, const struct packet *pk,
                              int want, struct annotation *a)
{
	int dir;
	struct conv *c = frag_later(an->frags, pk, want, a, &dir);

	a->event = EV_FRAGMENT;
	if (!c)
		return;
	conv_used(an, c);
	set_roles(a, c, dir);
}

// Say that a TCP conversation's handshake is not known, and why.
static void explain_no_handshake(const struct annotator *an, const struct conv *c,
                                 struct annotation *a)
{
	const char *roles = c->roles_traced ? "the recorded calls tell which end is the "
	                                      "client" : "which end is the client is a guess";
	if (an->evictions)
		note(a, "no handshake seen for it: not captured, or forgotten with "
		     "its conversation (the table keeps %u conversations and has "
		     "forgotten %lu so far): %s", an->nsets * WAYS, an->evictions, roles);
	else
		note(a, "the handshake was not captured (the capture began after "
		     "it, missed it, or a filter left it out): %s", roles);
	note(a, "relative numbers start at 1 with the first segment seen each "
	     "way, as Wireshark counts them");
}

// Classify a UDP or TCP packet within its conversation.
static void annotate_transport(struct annotator *an, const struct packet *pk,
                               int want, const struct call_fact *f,
                               struct annotation *a)
{
	int dir, is_new;
	struct conv *c = conv_get(an, pk, f, &dir, &is_new);

	unsigned long old = 0;
	double ago = -1;
	int timewait = 0;

	if (!is_new && pk->proto == PROTO_TCP && tcp_reused(c, dir, pk)) {
		old = conv_renew(an, c, pk, f, &dir, &ago, &timewait);
		is_new = 1;
	}
	conv_used(an, c);
	set_roles(a, c, dir);
	a->src = c->label[dir];
	a->dst = c->label[!dir];
	a->src_len = c->label_len[dir];
	a->dst_len = c->label_len[!dir];
	if (want && is_new)
		note(a, "conversation %lu: client %s (%s), server %s",
		     c->id, a->client, c->why_client, a->server);
	if (want && old)
		explain_reuse(old, ago, timewait, a);
	if (want && is_new && c->guessed)
		explain_no_handshake(an, c, a);
	if (pk->proto == PROTO_UDP)
		annotate_udp(c, dir, pk, want, f, a);
	else
		annotate_tcp(c, dir, pk, an->clock, want, f, a);
	if (pk->is_fragment)
		frag_first(an->frags, pk, c, dir, want, a);
}

void annotate(struct annotator *an, const struct packet *pk, int want_notes,
              struct annotation *a)
{
	annotate_called(an, pk, want_notes, NULL, a);
}

void annotate_called(struct annotator *an, const struct packet *pk, int want_notes,
                     const struct call_fact *fact, struct annotation *a)
{
	int ports = pk->proto == PROTO_UDP || pk->proto == PROTO_TCP;
	int later_frag = pk->is_fragment && pk->frag_offset > 0;

	an->clock++;
	a->event = EV_OTHER;
	a->conv = 0;
	a->from = ROLE_NONE;
	a->to_client = 0;
	a->client = a->server = "";
	a->has_rel = a->has_win = 0;
	a->rel_seq = a->rel_ack = a->win_calc = 0;
	a->nnotes = 0;
	// UDP and TCP ends are copied from their conversation's labels.
	a->src = a->srcbuf;
	a->dst = a->dstbuf;
	if (pk->ip_version && (!ports || pk->stopped_layer || later_frag)) {
		a->src_len = format_endpoint(a->srcbuf, &pk->src, ports ? pk->sport : -1);
		a->dst_len = format_endpoint(a->dstbuf, &pk->dst, ports ? pk->dport : -1);
	} else {
		a->srcbuf[0] = a->dstbuf[0] = '\0';
		a->src_len = a->dst_len = 0;
	}
	if (pk->proto == PROTO_ARP) {
		annotate_arp(pk, want_notes, a);
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
	if (later_frag)
		annotate_fragment(an, pk, want_notes, a);
	else if (ports)
		annotate_transport(an, pk, want_notes, fact, a);
	else if (pk->proto == PROTO_ICMP || pk->proto == PROTO_ICMP6)
		annotate_icmp(an, pk, want_notes, a);
}
