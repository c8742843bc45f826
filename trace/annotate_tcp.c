// annotate_tcp.c: TCP events: the three-way handshake (with its
// retransmissions, Fast Open and window scaling), data and ACKs, each
// explained in terms of the socket call behind it. Retransmissions and
// windows are in annotate_seg.c, teardown in annotate_close.c.
#include "annotate_int.h"

#include <stdio.h>
#include <string.h>

// The shift a SYN's window scale option offers, as the receiver uses it:
// RFC 7323 caps it at 14 (a larger one counts as 14); -1 if none.
static int syn_wscale(const struct packet *pk)
{
	if (!pk->opt.has_wscale)
		return -1;
	return pk->opt.wscale > 14 ? 14 : pk->opt.wscale;
}

// Explain the options of a SYN or SYN-ACK, one note each.
static void explain_options(const struct packet *pk, struct annotation *a)
{
	const struct tcp_options *o = &pk->opt;

	if (o->has_mss)
		note(a, "option MSS %u: the largest segment payload this end "
		     "will accept", o->mss);
	if (o->has_wscale)
		note(a, "option window scale %u: this end offers to count its "
		     "advertised windows in units of %lu bytes; scaling is on only "
		     "if both ends offer it (RFC 7323), and a SYN's own window is "
		     "never scaled", o->wscale, 1ul << (o->wscale > 14 ? 14 : o->wscale));
	if (o->has_sack_ok)
		note(a, "option SACK permitted: this end understands selective "
		     "acknowledgements of out-of-order data");
	if (o->has_ts)
		note(a, "option timestamps (val %u, ecr %u): each segment carries "
		     "a clock value, used to measure the RTT and to reject old "
		     "duplicates", o->tsval, o->tsecr);
}

// A SYN sent again for the connection c holds.
static void syn_again(struct conv *c, const struct packet *pk, int want,
                      struct annotation *a)
{
	uint64_t now = tv_usec(&pk->ts);
	double since = (double)(now - c->syn_usec) / 1e3;

	c->syns++;
	c->syn_usec = now;
	a->event = EV_RETRANSMISSION;
	if (!want)
		return;
	if (c->state == ST_SYN_RCVD)
		note(a, "SYN retransmitted after the server's SYN-ACK: that SYN-ACK "
		     "was lost before it reached the client, or the client's timer "
		     "fired first; the server's kernel will answer it again");
	else {
		note(a, "SYN retransmitted (copy %u, %.3f ms after the one before): "
		     "no SYN-ACK came in time, so the client's kernel tries again; "
		     "connect() is still blocked", c->syns, since);
		note(a, "Linux waits 1 s before the first retry, then doubles the "
		     "wait (since 6.5 only after tcp_syn_linear_timeouts tries); a "
		     "server whose accept queue is full drops SYNs like this one");
	}
}

// Explain Fast Open on a SYN: data, or a cookie request.
static void explain_tfo(const struct packet *pk, struct annotation *a)
{
	if (pk->payload_len)
		note(a, "TCP Fast Open: this SYN already carries %u bytes of data "
		     "(sendto() with MSG_FASTOPEN, or TCP_FASTOPEN_CONNECT)%s; if the "
		     "server accepts it, its SYN-ACK acknowledges ISN + 1 + %u",
		     pk->payload_len, pk->opt.has_tfo ? ", with the cookie the "
		     "server gave on an earlier connection" : "", pk->payload_len);
	else if (pk->opt.has_tfo)
		note(a, "TCP Fast Open option without data: the client asks the "
		     "server for a cookie, to send data on the SYNs of later "
		     "connections");
}

// The client's port on its SYN, as the recorded calls f show it: bound
// by bind(), or picked by the OS at its connect().
static void syn_bind_fact(const struct conv *c, const struct call_fact *f,
                          struct annotation *a)
{
	if (!f || !f->bind_known)
		return;
	if (f->bound && f->bind_any_port)
		note(a, "the client called bind(%s) before it connected (traced): "
		     "port 0 asks the OS to pick one, and it picked %u", f->bind_args,
		     c->port[0]);
	else if (f->bound)
		note(a, "the client called bind(%s) before it connected (traced): "
		     "its port %u is the one it asked for, not one the OS picked",
		     f->bind_args, c->port[0]);
	else if (f->port_by[0])
		note(a, "the client never called bind() (traced): the OS picked port "
		     "%u at its %s()", c->port[0], f->port_by);
}

// A SYN without ACK: the first step, or its retransmission.
static void on_syn(struct conv *c, const struct packet *pk, int want,
                   const struct call_fact *f, struct annotation *a)
{
	struct tcp_dir *d = &c->d[0];

	if (d->have_base && c->syns && pk->seq == d->base &&
	    (c->state == ST_SYN_SENT || c->state == ST_SYN_RCVD)) {
		syn_again(c, pk, want, a);
		return;
	}
	d->have_base = 1;
	d->base = pk->seq;
	d->wscale = syn_wscale(pk);
	d->mss = pk->opt.has_mss ? pk->opt.mss : 0;
	c->state = ST_SYN_SENT;
	c->syns = 1;
	c->tfo = pk->payload_len;
	c->syn_usec = c->first_syn_usec = tv_usec(&pk->ts);
	a->event = EV_HANDSHAKE_1;
	if (!want)
		return;
	if (f && f->in_progress && strcmp(f->call, "connect") != 0)
		note(a, "handshake 1/3: SYN: the client's %s() sends it (traced), "
		     "not a connect()", f->call);
	else
		note(a, "handshake 1/3: SYN: the client's connect() sends it, then "
		     "blocks until the handshake completes%s", f ? " (traced)" : "");
	syn_bind_fact(c, f, a);
	note(a, "client ISN (initial sequence number) = %u, hard to guess: "
	     "Linux makes it from a keyed hash of the addresses and ports plus a "
	     "clock (RFC 6528); shown as relative seq 0", pk->seq);
	explain_tfo(pk, a);
	explain_options(pk, a);
}

// Say whether window scaling is on, once both SYNs are seen.
static void explain_scaling(const struct conv *c, struct annotation *a)
{
	int w0 = c->d[0].wscale, w1 = c->d[1].wscale;

	if (c->scale > 0)
		note(a, "window scaling is on (both ends offered it): after the "
		     "handshake the client's windows count x%lu, the server's x%lu; "
		     "the window shown beside the raw one is raw x scale", 1ul << w0,
		     1ul << w1);
	else if (w0 >= 0 || w1 >= 0)
		note(a, "window scaling is off: only the %s offered it, and RFC 7323 "
		     "needs both, so every window counts in bytes", w0 >= 0 ?
		     "client" : "server");
}

// Explain the SYN-ACK's ack: ISN + 1, or + the Fast Open data.
static void explain_synack_ack(const struct conv *c, const struct packet *pk,
                               struct annotation *a)
{
	uint32_t isn = c->d[0].base;

	if (!c->syns)
		note(a, "server ISN = %u (relative seq 0); the client's SYN is "
		     "not in this capture", pk->seq);
	else if (c->tfo && pk->ack == isn + 1 + c->tfo)
		note(a, "server ISN = %u (relative seq 0); ack %u = client ISN + 1 "
		     "+ %u: the server accepted the Fast Open data, and its program "
		     "can read it before the handshake ends", pk->seq, pk->ack, c->tfo);
	else if (c->tfo && pk->ack == isn + 1)
		note(a, "server ISN = %u (relative seq 0); ack %u = client ISN + 1 "
		     "only: the server did not take the SYN's data (no valid cookie, "
		     "or Fast Open is off there), so the client sends it again after "
		     "the handshake", pk->seq, pk->ack);
	else if (pk->ack == isn + 1)
		note(a, "server ISN = %u (relative seq 0); ack %u = client ISN "
		     "%u + 1: the SYN counts as one byte", pk->seq, pk->ack, isn);
	else
		note(a, "server ISN = %u (relative seq 0); ack %u does not match "
		     "the client's SYN seen (ISN %u)", pk->seq, pk->ack, isn);
}

// A SYN-ACK: the second step, or its retransmission.
static void on_synack(struct conv *c, const struct packet *pk, int want,
                      struct annotation *a)
{
	struct tcp_dir *d = &c->d[1];

	if (d->have_base && c->synack_usec && pk->seq == d->base) {
		if (c->syn_usec > c->synack_usec)  // it answers a later SYN
			c->synack_usec = tv_usec(&pk->ts);
		a->event = EV_RETRANSMISSION;
		if (want)
			note(a, "SYN-ACK retransmitted: the server's kernel got no "
			     "ACK for its SYN-ACK in time, or it answers a SYN that "
			     "came again");
		return;
	}
	d->have_base = 1;
	d->base = pk->seq;
	d->wscale = syn_wscale(pk);
	d->mss = pk->opt.has_mss ? pk->opt.mss : 0;
	if (c->syns)
		c->scale = c->d[0].wscale >= 0 && d->wscale >= 0 ? 1 : -1;
	c->tfo_refused = c->tfo && pk->ack == c->d[0].base + 1;
	c->state = ST_SYN_RCVD;
	c->synack_usec = tv_usec(&pk->ts);
	a->event = EV_HANDSHAKE_2;
	if (!want)
		return;
	note(a, "handshake 2/3: SYN-ACK: the server's kernel answers for the "
	     "listening socket; the server program is not involved (it may "
	     "be waiting in accept())");
	explain_synack_ack(c, pk, a);
	explain_options(pk, a);
	explain_scaling(c, a);
}

// The handshake's RTT, by Karn's rule when the SYN was sent again.
static void explain_rtt(const struct conv *c, const struct packet *pk,
                        struct annotation *a)
{
	double syn_ack = (double)(c->synack_usec - c->syn_usec) / 1e3;
	double to_ack = (double)(tv_usec(&pk->ts) - c->syn_usec) / 1e3;

	if (!c->syns)
		return;
	if (c->syns == 1) {
		note(a, "handshake RTT: %.3f ms from SYN to SYN-ACK, %.3f ms "
		     "from SYN to this ACK", syn_ack, to_ack);
		return;
	}
	note(a, "handshake RTT: %.3f ms from the last of %u SYNs to the SYN-ACK "
	     "(the first was %.3f ms earlier); by Karn's rule a segment sent "
	     "again gives no sure RTT sample (the answer may be to any copy): "
	     "this assumes the last", syn_ack, c->syns,
	     (double)(c->syn_usec - c->first_syn_usec) / 1e3);
}

// The client's ACK of the SYN-ACK: the third step.
static void on_third(struct conv *c, const struct packet *pk, int want,
                     struct annotation *a)
{
	c->state = ST_ESTABLISHED;
	if (c->syns)
		c->rtt_ms = (double)(c->synack_usec - c->syn_usec) / 1e3;
	a->event = EV_HANDSHAKE_3;
	if (!want)
		return;
	note(a, "handshake 3/3: ACK: ack %u = server ISN %u + 1; connect() "
	     "returns in the client now", pk->ack, c->d[1].base);
	note(a, "the connection is established; the kernel queues it on the "
	     "listening socket (Linux holds up to backlog + 1 such connections), "
	     "and the server's accept() returns it as a new connected socket");
	if (pk->payload_len)
		note(a, "it also carries %u bytes of data, relative seq %u to %u: "
		     "sent as soon as connect() returned (or, with Fast Open, what "
		     "the SYN could not carry)", pk->payload_len, a->rel_seq,
		     a->rel_seq + pk->payload_len - 1);
	explain_rtt(c, pk, a);
}

// A duplicate ACK: the same ack and window again while data is
// outstanding. With a D-SACK it reports a copy, not a hole.
static void dup_ack(struct tcp_dir *d, int dir, const struct packet *pk,
                    int want, struct annotation *a)
{
	a->event = EV_DUP_ACK;
	if (is_dsack(pk)) {  // a copy arrived: nothing is missing
		if (want)
			note(a, "duplicate ACK from the %s: it repeats ack %u because "
			     "a copy of bytes it already had arrived (the D-SACK "
			     "block), not because any are missing", side[dir],
			     a->rel_ack);
		return;
	}
	d->dups++;
	if (want)
		note(a, "duplicate ACK #%u from the %s: still asking for relative "
		     "byte %u; a later segment arrived, so one before it is missing "
		     "(3 duplicates trigger a fast retransmit)", d->dups, side[dir],
		     a->rel_ack);
}

// A segment with no data, SYN, FIN or RST that acknowledges no FIN: an
// ACK, a duplicate ACK, a zero window, a window update, a keep-alive's
// answer.
static void on_ack(struct conv *c, int dir, const struct packet *pk,
                   int want, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];
	int outstanding = o->have_next && seq_lt(pk->ack, o->next);
	int answer = answers_probe(c, o, pk);

	if (pk->window == 0) {
		a->event = EV_ZERO_WINDOW;
		return;  // tcp_window_notes explains it
	}
	if (d->have_ack && pk->ack == d->last_ack && pk->window == d->last_win &&
	    outstanding && c->state == ST_ESTABLISHED && !answer) {
		dup_ack(d, dir, pk, want, a);
		return;
	}
	d->dups = 0;
	a->event = EV_ACK;
	if (!want)
		return;
	if (answer)
		note(a, "the %s's kernel answers the %s: it is still there (no "
		     "program is involved)", side[dir], o->keepalive == 2 ?
		     "probe" : "keep-alive");
	else if (!d->zero_win)
		note(a, "ACK: the %s has received the %s's bytes before relative "
		     "%u; it carries no data", side[dir], side[!dir], a->rel_ack);
}

// Explain a segment bigger than the MSS its receiver offered (GSO/TSO).
static void explain_gso(const struct conv *c, int dir,
                        const struct packet *pk, struct annotation *a)
{
	uint16_t mss = c->d[!dir].mss;

	if (!mss || pk->payload_len <= mss)
		return;
	note(a, "%u bytes, more than the %s's MSS of %u: the kernel hands the "
	     "device segments of up to 64 KB to cut to MSS size itself "
	     "(GSO/TSO offload); the capture sees them before the cut, and "
	     "loopback never cuts them", pk->payload_len, side[!dir], mss);
}

// The data note when the recorded call f sent the segment: the bytes of
// that one call, part of them (split), or more (joined with earlier
// ones). 0 when f does not tell (its length is not known).
static int data_fact(int dir, const struct packet *pk, const struct call_fact *f,
                     struct annotation *a)
{
	const char *when = f->in_progress ? "in progress" : "returned before it left";
	unsigned long n = pk->payload_len;

	if (f->len <= 0)
		return 0;
	if (n == (unsigned long)f->len)
		note(a, "data from the %s: %lu bytes, relative seq %u to %u: as many "
		     "as its %s() of %ld bytes (traced, %s)", side[dir], n, a->rel_seq,
		     a->rel_seq + pk->payload_len - 1, f->call, f->len, when);
	else if (n < (unsigned long)f->len)
		note(a, "data from the %s: %lu bytes, relative seq %u to %u: part of "
		     "its %s() of %ld bytes (traced, %s): TCP split that one call's "
		     "bytes into segments (a byte stream keeps no message edges)",
		     side[dir], n, a->rel_seq, a->rel_seq + pk->payload_len - 1,
		     f->call, f->len, when);
	else
		note(a, "data from the %s: %lu bytes, relative seq %u to %u: more than "
		     "its last %s() gave (%ld bytes, traced, %s): TCP joined bytes of "
		     "earlier calls to them in one segment (a byte stream keeps no "
		     "message edges)", side[dir], n, a->rel_seq,
		     a->rel_seq + pk->payload_len - 1, f->call, f->len, when);
	return 1;
}

// A segment carrying data (no SYN, FIN or RST).
static void on_data(const struct conv *c, int dir, const struct packet *pk,
                    int want, const struct call_fact *f, struct annotation *a)
{
	const struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];

	a->event = EV_DATA;
	if (!want)
		return;
	if (!f || !data_fact(dir, pk, f, a))
		note(a, "data from the %s: %u bytes, relative seq %u to %u, written by "
		     "send() on its socket (TCP carries a byte stream: sends may be "
		     "split or joined)", side[dir], pk->payload_len, a->rel_seq,
		     a->rel_seq + pk->payload_len - 1);
	explain_gso(c, dir, pk, a);
	if (d->have_next && seq_lt(d->next, pk->seq))
		note(a, "relative bytes %u to %u, before these, have not been seen: "
		     "lost before the capture point, or still to come out of order",
		     d->next - d->base, a->rel_seq - 1);
	// The ack is explained when it moves (not again on every segment).
	if (!(pk->tcp_flags & TCP_ACK) || (d->have_ack && pk->ack == d->last_ack))
		return;
	if (o->fin_seen && pk->ack == o->fin_seq + 1)
		note(a, "ack %u also acknowledges the %s's FIN: the %s program "
		     "has seen (or will see) recv() return 0", a->rel_ack,
		     side[!dir], side[dir]);
	else if (a->rel_ack <= 1 && c->guessed)
		note(a, "ack %u: the first ack of the %s's bytes seen (its ISN is "
		     "not in this capture)", a->rel_ack, side[!dir]);
	else if (a->rel_ack <= 1)
		note(a, "ack %u: no data from the %s yet (its SYN counted as byte "
		     "0)", a->rel_ack, side[!dir]);
	else
		note(a, "ack %u: it has received the %s's bytes before relative "
		     "%u", a->rel_ack, side[!dir], a->rel_ack);
}

// Compute the relative numbers of a segment going in dir, as Wireshark
// does: from the ISN when the SYN was seen; else the first seq seen in
// a direction is relative 1, and so is the first ack of it seen.
static void relative(struct conv *c, int dir, const struct packet *pk,
                     struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];

	if (!d->have_base && !(pk->tcp_flags & TCP_SYN)) {
		d->have_base = 1;
		d->base = pk->seq - 1;
	}
	if ((pk->tcp_flags & TCP_ACK) && !o->have_base) {
		o->have_base = 1;
		o->base = pk->ack - 1;
	}
	a->has_rel = 1;
	a->rel_seq = (pk->tcp_flags & TCP_SYN) ? 0 : pk->seq - d->base;
	if (pk->tcp_flags & TCP_ACK)
		a->rel_ack = pk->ack - o->base;
}

// Classify one segment and explain it.
static void classify(struct conv *c, int dir, const struct packet *pk,
                     uint32_t seglen, int want, const struct call_fact *fact,
                     struct annotation *a)
{
	uint8_t f = pk->tcp_flags;

	if (f & TCP_RST)
		on_rst(c, dir, pk, want, a);
	else if ((f & TCP_SYN) && !(f & TCP_ACK) && dir == 0)
		on_syn(c, pk, want, fact, a);
	else if ((f & TCP_SYN) && dir == 1)
		on_synack(c, pk, want, a);
	else if (tcp_resent(c, dir, pk, seglen, want, a))
		;
	else if (c->state == ST_SYN_RCVD && dir == 0 && (f & TCP_ACK) &&
	         pk->ack == c->d[1].base + 1)
		on_third(c, pk, want, a);
	else if (f & TCP_FIN)
		on_fin(c, dir, pk, want, fact, a);
	else if (pk->payload_len)
		on_data(c, dir, pk, want, fact, a);
	else if ((f & TCP_ACK) && !on_fin_ack(c, dir, pk, want, a))
		on_ack(c, dir, pk, want, a);
	tcp_window_notes(c, dir, pk, want, a);
}

// Remember what segment pk sent and acknowledged.
static void remember(struct conv *c, int dir, const struct packet *pk,
                     uint32_t seglen, unsigned long n)
{
	struct tcp_dir *d = &c->d[dir];

	tcp_record(c, dir, pk, seglen, n);
	if (!d->have_next || seq_lt(d->next, pk->seq + seglen)) {
		d->have_next = 1;
		d->next = pk->seq + seglen;
	}
	if (pk->tcp_flags & TCP_ACK) {
		if (!d->have_ack || pk->ack != d->last_ack)
			d->ack_usec = tv_usec(&pk->ts);
		d->have_ack = 1;
		d->last_ack = pk->ack;
		d->last_win = pk->window;
		d->zero_win = pk->window == 0 && !(pk->tcp_flags & TCP_RST);
	}
}

void annotate_tcp(struct conv *c, int dir, const struct packet *pk,
                  unsigned long n, int want, const struct call_fact *fact,
                  struct annotation *a)
{
	uint8_t f = pk->tcp_flags;
	uint32_t seglen = pk->payload_len + !!(f & TCP_SYN) + !!(f & TCP_FIN);

	c->packets[dir]++;
	relative(c, dir, pk, a);
	classify(c, dir, pk, seglen, want, fact, a);
	remember(c, dir, pk, seglen, n);
	// A keep-alive (or probe) is answered, or not, by the next segment.
	c->d[dir].keepalive = a->event == EV_KEEPALIVE ? 1 :
	                      a->event == EV_ZERO_WINDOW_PROBE ? 2 : 0;
	c->d[dir].ka_usec = tv_usec(&pk->ts);
	c->d[!dir].keepalive = 0;
}
