// annotate_seg.c: TCP segments that are not simply new data: bytes sent
// again (linked to their first copy, with the wait and the likely
// reason: timeout, fast retransmit, or spurious), bytes that arrive out
// of order, keep-alives and zero-window probes; and the notes on
// windows (zero, reopened, scaled) and SACK / D-SACK blocks.
#include "annotate_int.h"

#include <stdio.h>

#define OOO_MS 3.0        // gap filled sooner than this (or the RTT): reordering
#define RTO_MIN_MS 200.0  // Linux's TCP_RTO_MIN
#define ANSWER_MS 10.0    // an ACK this soon after a probe answers it

void tcp_record(struct conv *c, int dir, const struct packet *pk,
                uint32_t seglen, unsigned long n)
{
	struct tcp_dir *d = &c->d[dir];

	if (seglen == 0 || (d->have_next && !seq_lt(d->next, pk->seq + seglen)))
		return;  // nothing new
	if (d->have_next && seq_lt(d->next, pk->seq) && !d->hole) {
		d->hole = 1;  // bytes [next, seq) skipped: lost, or still coming
		d->hole_lo = d->next;
		d->hole_hi = pk->seq;
		d->hole_usec = tv_usec(&pk->ts);
	}
	struct sent *s = &d->sent[d->nsent++ % SENT_KEPT];
	s->seq = pk->seq;
	s->end = pk->seq + seglen;
	s->usec = tv_usec(&pk->ts);
	s->n = n;
}

// The remembered first copy of the bytes from seq, or NULL.
static const struct sent *original(const struct tcp_dir *d, uint32_t seq)
{
	unsigned kept = d->nsent < SENT_KEPT ? d->nsent : SENT_KEPT;

	for (unsigned i = 0; i < kept; i++) {
		const struct sent *s = &d->sent[(d->nsent - 1 - i) % SENT_KEPT];
		if (!seq_lt(seq, s->seq) && seq_lt(seq, s->end))
			return s;
	}
	return NULL;
}

// A keep-alive or zero-window probe: seq = snd.nxt - 1 with no new data
// (0 bytes, or 1 old byte, as some stacks send) when the peer has
// acknowledged everything.
static int keepalive(struct conv *c, int dir, const struct packet *pk,
                     int want, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];

	if (pk->seq != d->next - 1 || pk->payload_len > 1 ||
	    (pk->tcp_flags & TCP_FIN) || c->state != ST_ESTABLISHED ||
	    !o->have_ack || o->last_ack != d->next)
		return 0;
	a->event = o->zero_win ? EV_ZERO_WINDOW_PROBE : EV_KEEPALIVE;
	if (!want)
		return 1;
	if (o->zero_win)
		note(a, "zero-window probe: the %s's window is 0, so the %s's "
		     "kernel sends a segment with an old sequence number (relative "
		     "%u, no new data) to make it answer with its current window; "
		     "it backs off between probes", side[!dir], side[dir], a->rel_seq);
	else
		note(a, "keep-alive: nothing was sent for a while, so the %s's "
		     "kernel (SO_KEEPALIVE, after tcp_keepalive_time) sends a "
		     "segment one byte behind its next sequence number with no new "
		     "data; the %s must answer with an ACK if it is still there",
		     side[dir], side[!dir]);
	return 1;
}

int answers_probe(const struct conv *c, const struct tcp_dir *o,
                  const struct packet *pk)
{
	double limit = 4 * c->rtt_ms > ANSWER_MS ? 4 * c->rtt_ms : ANSWER_MS;

	return o->keepalive && pk->payload_len == 0 &&
	       (double)(tv_usec(&pk->ts) - o->ka_usec) / 1e3 < limit;
}

// Bytes that fall in a gap: never seen before in this capture.
static int gap_filled(struct conv *c, int dir, const struct packet *pk,
                      uint32_t end, int want, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir];
	double ago = (double)(tv_usec(&pk->ts) - d->hole_usec) / 1e3;
	double limit = c->rtt_ms > OOO_MS ? c->rtt_ms : OOO_MS;

	if (!d->hole || !pk->payload_len || seq_lt(pk->seq, d->hole_lo) ||
	    seq_lt(d->hole_hi, end))
		return 0;
	if (pk->seq == d->hole_lo && end == d->hole_hi)
		d->hole = 0;
	else if (pk->seq == d->hole_lo)
		d->hole_lo = end;
	else if (end == d->hole_hi)
		d->hole_hi = pk->seq;
	a->event = ago < limit ? EV_OUT_OF_ORDER : EV_RETRANSMISSION;
	if (!want)
		return 1;
	if (ago < limit)
		note(a, "out of order: relative bytes %u to %u, not seen before, "
		     "come %.3f ms after later bytes, within %.3f ms (the RTT, at "
		     "least 3 ms): most likely reordered on the way, not resent; "
		     "TCP reorders them before recv() sees them", a->rel_seq,
		     a->rel_seq + pk->payload_len - 1, ago, limit);
	else
		note(a, "retransmission of bytes missing from this capture: relative "
		     "%u to %u were not seen before and arrive %.3f ms after later "
		     "bytes; most likely their first copy was lost before the "
		     "capture point, and the %s sent them again", a->rel_seq,
		     a->rel_seq + pk->payload_len - 1, ago, side[dir]);
	return 1;
}

// Why bytes were sent again: spurious (already acknowledged), fast
// retransmit (duplicate ACKs), or a timeout.
static void resend_reason(const struct conv *c, int dir,
                          const struct packet *pk, uint32_t end,
                          double waited_ms, struct annotation *a)
{
	const struct tcp_dir *o = &c->d[!dir];

	if (o->have_ack && !seq_lt(o->last_ack, end))
		note(a, "spurious retransmission: the %s had already acknowledged "
		     "these bytes (ack %u, %.3f ms before this copy); the ACK had "
		     "not reached the %s yet, or its timer fired too early",
		     side[!dir], o->last_ack - c->d[dir].base,
		     (double)(tv_usec(&pk->ts) - o->ack_usec) / 1e3, side[dir]);
	else if (o->dups >= 1)
		note(a, "fast retransmit: %u duplicate ACK%s (with SACK, Linux may "
		     "need fewer than 3) said these bytes were missing, so the %s "
		     "sends them without waiting for its timer", o->dups,
		     o->dups > 1 ? "s" : "", side[dir]);
	else if (waited_ms >= RTO_MIN_MS)
		note(a, "timeout: no ACK came within the %s's retransmission "
		     "timeout (RTO, at least 200 ms on Linux), so it sends again; "
		     "UDP would not have", side[dir]);
	else
		note(a, "no duplicate ACK asked for them, and %.3f ms is shorter than "
		     "Linux's shortest RTO (200 ms): the capture does not show why; "
		     "a tail loss probe (RFC 8985) is likely", waited_ms);
}

// Link bytes sent again to their first copy, and say how long it waited.
// Returns the wait in ms (-1 if the first copy is not remembered).
static double resend_link(const struct tcp_dir *d, const struct packet *pk,
                          struct annotation *a)
{
	const struct sent *s = original(d, pk->seq);
	char when[24];
	double ms;

	if (!s) {
		note(a, "its first copy is not among the last %d segments "
		     "remembered of this side, so the wait is not known", SENT_KEPT);
		return -1;
	}
	ms = (double)(tv_usec(&pk->ts) - s->usec) / 1e3;
	usec_text(when, s->usec);
	note(a, "first sent at %s (packet %lu): this copy came %.3f ms later",
	     when, s->n, ms);
	return ms;
}

int tcp_resent(struct conv *c, int dir, const struct packet *pk,
               uint32_t seglen, int want, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir];
	uint32_t end = pk->seq + seglen;

	if (!d->have_next || (pk->tcp_flags & (TCP_SYN | TCP_RST)))
		return 0;
	if (keepalive(c, dir, pk, want, a))
		return 1;
	if (seglen == 0 || !seq_lt(pk->seq, d->next))
		return 0;
	if (gap_filled(c, dir, pk, end, want, a))
		return 1;
	a->event = EV_RETRANSMISSION;
	if (!want)
		return 1;
	if (!pk->payload_len)
		note(a, "FIN retransmitted: the %s's FIN was not acknowledged in "
		     "time, so its kernel sends it again (the close() that queued "
		     "it returned long ago)", side[dir]);
	else
		note(a, "retransmission: the %s sends relative bytes %u to %u again "
		     "(the next new byte is %u)", side[dir], a->rel_seq,
		     a->rel_seq + pk->payload_len - 1, d->next - d->base);
	double waited = resend_link(d, pk, a);
	if (dir == 0 && c->tfo_refused && pk->seq == d->base + 1)
		note(a, "the Fast Open data of the SYN, sent again because the "
		     "server's SYN-ACK did not acknowledge it");
	else
		resend_reason(c, dir, pk, end, waited < 0 ? RTO_MIN_MS : waited, a);
	return 1;
}

int is_dsack(const struct packet *pk)
{
	const struct tcp_options *o = &pk->opt;

	return o->nsack > 0 && (seq_lt(o->sack[0][0], pk->ack) ||
	       (o->nsack > 1 && !seq_lt(o->sack[0][0], o->sack[1][0]) &&
	        !seq_lt(o->sack[1][1], o->sack[0][1])));
}

// Explain SACK blocks: ordinary ones, or a D-SACK (RFC 2883) first block
// below the cumulative ack or inside the second block.
static void explain_sack(const struct conv *c, int dir,
                         const struct packet *pk, struct annotation *a)
{
	const struct tcp_options *o = &pk->opt;
	uint32_t base = c->d[!dir].base;
	int dsack = is_dsack(pk);
	char more[120] = "";
	size_t len = 0;

	for (int i = dsack; i < o->nsack && len < sizeof more - 30; i++)
		len += (size_t)snprintf(more + len, sizeof more - len, "%s%u to %u",
		                        len ? ", " : "", o->sack[i][0] - base,
		                        o->sack[i][1] - base - 1);
	if (dsack)
		note(a, "D-SACK (RFC 2883): the first SACK block, relative bytes %u "
		     "to %u, reports bytes the %s received twice: a copy was sent "
		     "needlessly", o->sack[0][0] - base, o->sack[0][1] - base - 1,
		     side[dir]);
	if (len)
		note(a, "SACK: the %s also holds relative bytes %s, past the "
		     "missing ones", side[dir], more);
}

void tcp_window_notes(struct conv *c, int dir, const struct packet *pk,
                      int want, struct annotation *a)
{
	const struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];
	int syn = pk->tcp_flags & TCP_SYN;

	if (c->scale) {
		a->has_win = 1;
		a->win_calc = syn || c->scale < 0 ? pk->window :
		              (uint32_t)pk->window << d->wscale;
	}
	if (!want)
		return;
	if (pk->window == 0 && !(pk->tcp_flags & TCP_RST))
		note(a, "zero window%s: the %s's receive buffer is full, because its "
		     "program is not calling recv() as fast as data comes; the %s "
		     "must stop sending, and probes the window until it opens",
		     answers_probe(c, o, pk) ? " (the answer to the probe)" : "",
		     side[dir], side[!dir]);
	else if (d->zero_win && !(pk->tcp_flags & TCP_RST))
		note(a, "window update: the %s's buffer has room again (window %u): "
		     "the %s may send again", side[dir],
		     a->has_win ? a->win_calc : pk->window, side[!dir]);
	if (pk->opt.nsack)
		explain_sack(c, dir, pk, a);
}
