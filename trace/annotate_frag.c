// annotate_frag.c: IP fragments (IPv4, and IPv6 fragment headers). Each
// datagram's fragments share an id; the first (offset 0) carries the
// transport header and so the ports, the others only bytes. A small
// fixed table ties the later fragments to the first one's conversation
// and counts the bytes seen, so the notes can say whether the datagram
// could be reassembled. Memory stays fixed: old entries are replaced.
#include "annotate_int.h"

#include <stdlib.h>
#include <string.h>

#define FRAG_SLOTS 256

struct frag {
	int used;
	struct ipaddr src, dst;
	uint8_t proto;
	uint32_t id;
	const struct conv *c;       // the first fragment's conversation
	unsigned long conv_id;      // c->id then (c may be reused since)
	int dir;
	uint32_t udp_len;           // UDP length field of the first fragment
	uint32_t seen;              // IP payload bytes seen so far
	uint32_t total;             // IP payload bytes, once the last is seen
	unsigned nfrags;
};

struct frag_table {
	struct frag slot[FRAG_SLOTS];
};

struct frag_table *frag_new(void)
{
	return calloc(1, sizeof(struct frag_table));
}

void frag_free(struct frag_table *ft)
{
	free(ft);
}

static int same_addr(const struct ipaddr *x, const struct ipaddr *y)
{
	return x->family == y->family &&
	       memcmp(x->a, y->a, x->family == 4 ? 4 : 16) == 0;
}

// The entry of pk's datagram (src, dst, protocol, id): the one it
// already has, or a fresh one (replacing whatever held the slot).
static struct frag *frag_entry(struct frag_table *ft, const struct packet *pk)
{
	uint32_t h = pk->frag_id * 2654435761u;
	for (int i = 0; i < (pk->src.family == 4 ? 4 : 16); i++)
		h = (h ^ pk->src.a[i] ^ (uint32_t)pk->dst.a[i] << 8) * 16777619u;
	struct frag *f = &ft->slot[(h >> 8) % FRAG_SLOTS];
	if (f->used && f->id == pk->frag_id && f->proto == pk->ip_proto &&
	    same_addr(&f->src, &pk->src) && same_addr(&f->dst, &pk->dst))
		return f;
	memset(f, 0, sizeof *f);
	f->used = 1;
	f->src = pk->src;
	f->dst = pk->dst;
	f->proto = pk->ip_proto;
	f->id = pk->frag_id;
	return f;
}

// Count pk's bytes into f; the last fragment (no MF) fixes the total.
static void frag_count(struct frag *f, const struct packet *pk)
{
	uint32_t n = pk->ip_len > pk->ip_hlen ? pk->ip_len - pk->ip_hlen : 0;
	f->seen += n;
	f->nfrags++;
	if (!pk->more_fragments)
		f->total = pk->frag_offset + n;
}

// Say what is known of the whole datagram once its last fragment is in.
static void frag_total(const struct frag *f, struct annotation *a)
{
	if (!f->total)
		return;
	note(a, "the datagram's IP payload is %u bytes in all (its last "
	     "fragment's offset plus length)%s", f->total,
	     f->udp_len ? "" : "; its first fragment, with the transport "
	     "header, has not been seen");
	if (f->seen == f->total)
		note(a, "all %u fragments are in this capture: the receiving "
		     "kernel reassembles them and delivers one datagram", f->nfrags);
	else
		note(a, "%u of those %u bytes are in this capture so far: if a "
		     "fragment is lost the whole datagram is dropped, and UDP "
		     "does not send it again", f->seen, f->total);
}

void frag_first(struct frag_table *ft, const struct packet *pk,
                const struct conv *c, int dir, int want,
                struct annotation *a)
{
	struct frag *f = frag_entry(ft, pk);
	f->c = c;
	f->conv_id = c->id;
	f->dir = dir;
	f->udp_len = pk->proto == PROTO_UDP ? pk->udp_len : 0;
	frag_count(f, pk);
	if (!want)
		return;
	note(a, "IP fragment at offset 0 of datagram id %u, more follow: the "
	     "datagram is larger than the link's MTU, so the sender's IP layer "
	     "split it; only this first fragment carries the %s header (and "
	     "so the ports)", pk->frag_id, pk->proto == PROTO_UDP ? "UDP" : "TCP");
	frag_total(f, a);
}

struct conv *frag_later(struct frag_table *ft, const struct packet *pk,
                        int want, struct annotation *a, int *dir)
{
	struct frag *f = frag_entry(ft, pk);
	uint32_t n = pk->ip_len > pk->ip_hlen ? pk->ip_len - pk->ip_hlen : 0;
	struct conv *c = f->c && f->c->id == f->conv_id ? (struct conv *)f->c
	                                                 : NULL;
	frag_count(f, pk);
	*dir = f->dir;
	if (!want)
		return c;
	if (f->conv_id)
		note(a, "IP fragment of datagram id %u (conversation %lu, from "
		     "the %s): bytes %u to %u of the datagram's IP payload, no "
		     "header of its own; %s", pk->frag_id, f->conv_id,
		     side[f->dir], pk->frag_offset, pk->frag_offset + n - 1,
		     pk->more_fragments ? "more follow" : "the last fragment");
	else
		note(a, "IP fragment of datagram id %u, bytes %u to %u of its IP "
		     "payload: the first fragment (offset 0, with the ports) is "
		     "not in this capture (or not yet), so this cannot be tied "
		     "to a conversation", pk->frag_id, pk->frag_offset,
		     pk->frag_offset + n - 1);
	frag_total(f, a);
	return c;
}
