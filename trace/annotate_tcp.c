// annotate_tcp.c: TCP events: the three-way handshake, data and ACKs,
// teardown, resets, retransmissions and duplicate ACKs, each explained in
// terms of the socket call behind it.
#include "annotate_int.h"

#include <stdio.h>

static const char *const side[2] = { "client", "server" };

// Whether sequence number x comes before y (modulo 2^32).
static int seq_lt(uint32_t x, uint32_t y)
{
	return (int32_t)(x - y) < 0;
}

// Explain the options of a SYN or SYN-ACK, one note each.
static void explain_options(const struct packet *pk, struct annotation *a)
{
	const struct tcp_options *o = &pk->opt;

	if (o->has_mss)
		note(a, "option MSS %u: the largest segment payload this end "
		     "will accept", o->mss);
	if (o->has_wscale)
		note(a, "option window scale %u: this end's advertised windows "
		     "are to be multiplied by %lu", o->wscale,
		     1ul << (o->wscale > 14 ? 14 : o->wscale));
	if (o->has_sack_ok)
		note(a, "option SACK permitted: this end understands selective "
		     "acknowledgements of out-of-order data");
	if (o->has_ts)
		note(a, "option timestamps (val %u, ecr %u): each segment carries "
		     "a clock value, used to measure the RTT and to reject old "
		     "duplicates", o->tsval, o->tsecr);
}

// A RST: connection refused during the handshake, or an abort.
static void on_rst(struct conv *c, int dir, const struct packet *pk,
                   int want, struct annotation *a)
{
	int refused = c->state == ST_SYN_SENT && dir == 1;

	a->event = EV_RST;
	c->state = ST_CLOSED;
	if (!want)
		return;
	if (refused) {
		note(a, "connection refused: nothing listens on %s, so its "
		     "kernel answers the SYN with RST (ack %u = client ISN + 1)",
		     a->server, pk->ack);
		note(a, "the client's connect() fails with ECONNREFUSED "
		     "(\"Connection refused\")");
		return;
	}
	note(a, "RST from the %s: the connection is aborted at once, with no "
	     "FIN exchange (close() with unread data, SO_LINGER 0, or a "
	     "segment for a connection that does not exist); the other "
	     "side's next call fails with ECONNRESET", side[dir]);
}

// A SYN without ACK: the first step, or its retransmission.
static void on_syn(struct conv *c, const struct packet *pk, int want,
                   struct annotation *a)
{
	if (c->have_base[0] && pk->seq == c->base[0] &&
	    c->state == ST_SYN_SENT) {
		a->event = EV_RETRANSMISSION;
		if (want)
			note(a, "SYN retransmitted: no answer came in time, so "
			     "the client's kernel tries again (connect() is "
			     "still blocked)");
		return;
	}
	// A new connection (maybe reusing the ports): start afresh.
	c->have_base[1] = c->have_next[1] = c->have_ack[1] = 0;
	c->have_next[0] = c->have_ack[0] = 0;
	c->fin_seen[0] = c->fin_seen[1] = 0;
	c->first_fin = -1;
	c->have_base[0] = 1;
	c->base[0] = pk->seq;
	c->state = ST_SYN_SENT;
	c->syn_ts = pk->ts;
	a->event = EV_HANDSHAKE_1;
	if (!want)
		return;
	note(a, "handshake 1/3: SYN: the client's connect() sends it, then "
	     "blocks until the handshake completes");
	note(a, "client ISN (initial sequence number) = %u, chosen by the "
	     "kernel at random; shown as relative seq 0", pk->seq);
	explain_options(pk, a);
}

// A SYN-ACK: the second step, or its retransmission.
static void on_synack(struct conv *c, const struct packet *pk, int want,
                      struct annotation *a)
{
	if (c->have_base[1] && pk->seq == c->base[1]) {
		a->event = EV_RETRANSMISSION;
		if (want)
			note(a, "SYN-ACK retransmitted: the server's kernel got no "
			     "ACK for its SYN-ACK in time");
		return;
	}
	c->have_base[1] = 1;
	c->base[1] = pk->seq;
	c->state = ST_SYN_RCVD;
	c->synack_ts = pk->ts;
	a->event = EV_HANDSHAKE_2;
	if (!want)
		return;
	note(a, "handshake 2/3: SYN-ACK: the server's kernel answers for the "
	     "listening socket; the server program is not involved (it may "
	     "be waiting in accept())");
	if (c->have_base[0] && pk->ack == c->base[0] + 1)
		note(a, "server ISN = %u (relative seq 0); ack %u = client ISN "
		     "%u + 1: the SYN counts as one byte", pk->seq, pk->ack,
		     c->base[0]);
	else
		note(a, "server ISN = %u (relative seq 0); ack %u acknowledges "
		     "the client's SYN (ISN + 1)", pk->seq, pk->ack);
	explain_options(pk, a);
}

// The client's ACK of the SYN-ACK: the third step.
static void on_third(struct conv *c, const struct packet *pk, int want,
                     struct annotation *a)
{
	c->state = ST_ESTABLISHED;
	a->event = EV_HANDSHAKE_3;
	if (!want)
		return;
	note(a, "handshake 3/3: ACK: ack %u = server ISN %u + 1; connect() "
	     "returns in the client now", pk->ack, c->base[1]);
	note(a, "the connection is established; the kernel queues it on the "
	     "listening socket, and the server's accept() returns it as a "
	     "new connected socket");
	if (c->syn_ts.tv_sec || c->syn_ts.tv_usec)
		note(a, "handshake RTT: %.3f ms from SYN to SYN-ACK, %.3f ms "
		     "from SYN to this ACK", ms_between(&c->syn_ts, &c->synack_ts),
		     ms_between(&c->syn_ts, &pk->ts));
}

// A FIN: which side closes first, the half-close, the second FIN.
static void on_fin(struct conv *c, int dir, const struct packet *pk,
                   int want, struct annotation *a)
{
	int first = c->first_fin < 0 || c->first_fin == dir;

	a->event = EV_FIN;
	c->fin_seen[dir] = 1;
	c->fin_seq[dir] = pk->seq + pk->payload_len;
	if (c->first_fin < 0)
		c->first_fin = dir;
	if (!want)
		return;
	if (pk->payload_len)
		note(a, "it also carries the last %u bytes of data",
		     pk->payload_len);
	if (first) {
		note(a, "FIN from the %s, which closes first: its close() (or "
		     "shutdown(SHUT_WR)) says it will send no more data",
		     side[dir]);
		note(a, "half-close: the %s-to-%s direction is finished, but the "
		     "%s can still send until it closes too", side[dir],
		     side[!dir], side[!dir]);
		return;
	}
	note(a, "FIN from the %s: it closes its side too (typically close() "
	     "after recv() returned 0 on reading the %s's FIN)", side[dir],
	     side[!dir]);
}

// A segment with no data, SYN, FIN or RST: an ACK, a duplicate ACK, the
// ACK of a FIN or the last ACK.
static void on_ack(struct conv *c, int dir, const struct packet *pk,
                   int want, struct annotation *a)
{
	int o = !dir;
	int outstanding = c->have_next[o] && seq_lt(pk->ack, c->next[o]);

	if (c->have_ack[dir] && pk->ack == c->last_ack[dir] &&
	    pk->window == c->last_win[dir] && outstanding &&
	    c->state == ST_ESTABLISHED) {
		a->event = EV_DUP_ACK;
		c->dups[dir]++;
		if (want)
			note(a, "duplicate ACK #%u from the %s: still asking for "
			     "relative byte %u; a later segment arrived, so one "
			     "before it is missing (3 duplicates trigger a fast "
			     "retransmit)", c->dups[dir], side[dir], a->rel_ack);
		return;
	}
	c->dups[dir] = 0;
	a->event = EV_ACK;
	if (!want)
		return;
	if (c->fin_seen[o] && pk->ack == c->fin_seq[o] + 1) {
		if (c->fin_seen[dir]) {
			note(a, "last ACK: acknowledges the %s's FIN; the "
			     "connection is closed. The %s, which closed first, "
			     "waits in TIME_WAIT (2 MSL) before the ports can be "
			     "reused", side[o], side[c->first_fin]);
			return;
		}
		note(a, "ACK of the %s's FIN: the %s's kernel acknowledges it at "
		     "once; the %s program sees recv() return 0 (end of file)",
		     side[o], side[dir], side[dir]);
		return;
	}
	note(a, "ACK: the %s has received the %s's bytes before relative %u; "
	     "it carries no data", side[dir], side[o], a->rel_ack);
}

// A segment carrying data (no SYN, FIN or RST).
static void on_data(const struct conv *c, int dir, const struct packet *pk,
                    int want, struct annotation *a)
{
	int o = !dir;

	a->event = EV_DATA;
	if (!want)
		return;
	note(a, "data from the %s: %u bytes, relative seq %u to %u, written by "
	     "send() on its socket (TCP carries a byte stream: sends may be "
	     "split or joined)", side[dir], pk->payload_len, a->rel_seq,
	     a->rel_seq + pk->payload_len - 1);
	// The ack is explained when it moves (not again on every segment).
	if (!(pk->tcp_flags & TCP_ACK) ||
	    (c->have_ack[dir] && pk->ack == c->last_ack[dir]))
		return;
	if (c->fin_seen[o] && pk->ack == c->fin_seq[o] + 1)
		note(a, "ack %u also acknowledges the %s's FIN: the %s program "
		     "has seen (or will see) recv() return 0", a->rel_ack,
		     side[o], side[dir]);
	else if (a->rel_ack <= 1)
		note(a, "ack %u: no data from the %s yet (its SYN counted as byte "
		     "0)", a->rel_ack, side[o]);
	else
		note(a, "ack %u: it has received the %s's bytes before relative "
		     "%u", a->rel_ack, side[o], a->rel_ack);
}

// Compute the relative numbers of a segment going in dir.
static void relative(struct conv *c, int dir, const struct packet *pk,
                     struct annotation *a)
{
	// A SYN carries its sender's ISN: relative 0 (on_syn and on_synack
	// decide whether it is new). Otherwise the first seq seen is the base.
	if (!c->have_base[dir] && !(pk->tcp_flags & TCP_SYN)) {
		c->have_base[dir] = 1;
		c->base[dir] = pk->seq;
	}
	a->has_rel = 1;
	a->rel_seq = (pk->tcp_flags & TCP_SYN) ? 0 : pk->seq - c->base[dir];
	if ((pk->tcp_flags & TCP_ACK) && c->have_base[!dir])
		a->rel_ack = pk->ack - c->base[!dir];
	else if (pk->tcp_flags & TCP_ACK)
		a->rel_ack = pk->ack;
}

// Whether a segment resends bytes already seen in its direction.
static int is_retransmission(const struct conv *c, int dir,
                             const struct packet *pk, uint32_t seglen)
{
	return seglen > 0 && c->have_next[dir] && seq_lt(pk->seq, c->next[dir]);
}

// Classify one segment and explain it; then remember what it sent.
static void classify(struct conv *c, int dir, const struct packet *pk,
                     uint32_t seglen, int want, struct annotation *a)
{
	uint8_t f = pk->tcp_flags;

	if (f & TCP_RST)
		on_rst(c, dir, pk, want, a);
	else if ((f & TCP_SYN) && !(f & TCP_ACK) && dir == 0)
		on_syn(c, pk, want, a);
	else if ((f & TCP_SYN) && dir == 1)
		on_synack(c, pk, want, a);
	else if (is_retransmission(c, dir, pk, seglen)) {
		a->event = EV_RETRANSMISSION;
		if (want)
			note(a, "retransmission: the %s sends relative bytes %u "
			     "to %u again (the next new byte is %u): no ACK came "
			     "in time, or duplicate ACKs asked for them; UDP would "
			     "have lost them", side[dir], a->rel_seq,
			     a->rel_seq + seglen - 1, c->next[dir] - c->base[dir]);
	} else if (c->state == ST_SYN_RCVD && dir == 0 && (f & TCP_ACK) &&
	           pk->ack == c->base[1] + 1)
		on_third(c, pk, want, a);
	else if (f & TCP_FIN)
		on_fin(c, dir, pk, want, a);
	else if (pk->payload_len)
		on_data(c, dir, pk, want, a);
	else if (f & TCP_ACK)
		on_ack(c, dir, pk, want, a);
	if (want && pk->opt.nsack)
		note(a, "SACK: the %s also holds relative bytes %u to %u",
		     side[dir], pk->opt.sack[0][0] - c->base[!dir],
		     pk->opt.sack[0][1] - c->base[!dir] - 1);
}

void annotate_tcp(struct conv *c, int dir, const struct packet *pk,
                  int want, struct annotation *a)
{
	uint8_t f = pk->tcp_flags;
	uint32_t seglen = pk->payload_len + !!(f & TCP_SYN) + !!(f & TCP_FIN);

	c->packets[dir]++;
	relative(c, dir, pk, a);
	classify(c, dir, pk, seglen, want, a);
	if (!c->have_next[dir] || seq_lt(c->next[dir], pk->seq + seglen)) {
		c->have_next[dir] = 1;
		c->next[dir] = pk->seq + seglen;
	}
	if (f & TCP_ACK) {
		c->have_ack[dir] = 1;
		c->last_ack[dir] = pk->ack;
		c->last_win[dir] = pk->window;
	}
}
