// annotate_close.c: TCP teardown: FINs (who closes first, half-close or
// full close, FINs that cross), the ACKs of FINs and TIME_WAIT as Linux
// keeps it, and RSTs (refused, abort, or the answer of a closed socket).
#include "annotate_int.h"

#include <stdio.h>
#include <string.h>

// The recorded call f that sent a FIN, as "close(4)" into out: 1, or 0
// when f is not a close() or shutdown() in progress (the notes infer).
static int fin_call(const struct call_fact *f, char *out, size_t size)
{
	if (!f || !f->in_progress ||
	    (strcmp(f->call, "close") != 0 && strcmp(f->call, "shutdown") != 0))
		return 0;
	snprintf(out, size, "%s(%s)", f->call, f->args);
	return 1;
}

// Notes of the first FIN of a connection, the call f that sent it as a
// fact when it was recorded.
static void first_fin_notes(int dir, const struct call_fact *f, struct annotation *a)
{
	char call[80];
	if (!fin_call(f, call, sizeof call)) {
		note(a, "FIN from the %s, which closes first: its close() or "
		     "shutdown(SHUT_WR) says it will send no more data", side[dir]);
		note(a, "the %s-to-%s direction is finished; the %s can still send. "
		     "After shutdown() the %s still receives (a half-close); after "
		     "close() it cannot, and its kernel answers further data with RST",
		     side[dir], side[!dir], side[!dir], side[dir]);
		return;
	}
	note(a, "FIN from the %s, which closes first: its %s (traced) says it "
	     "will send no more data", side[dir], call);
	if (strcmp(f->call, "close") == 0)
		note(a, "the %s-to-%s direction is finished; the %s can still send, "
		     "but the %s closed its socket (not a half-close): it cannot "
		     "receive, and its kernel answers further data with RST",
		     side[dir], side[!dir], side[!dir], side[dir]);
	else if (strstr(f->args, "SHUT_WR"))
		note(a, "the %s-to-%s direction is finished; the %s can still send, "
		     "and the %s still receives: shutdown(SHUT_WR) is a half-close",
		     side[dir], side[!dir], side[!dir], side[dir]);
	else
		note(a, "the %s-to-%s direction is finished; the %s can still send",
		     side[dir], side[!dir], side[!dir]);
}

// The note of the second FIN, not crossed: the call f that sent it.
static void second_fin_note(int dir, const struct call_fact *f, struct annotation *a)
{
	char call[80];
	if (fin_call(f, call, sizeof call))
		note(a, "FIN from the %s: its %s (traced) closes its side too, after "
		     "the %s's FIN", side[dir], call, side[!dir]);
	else
		note(a, "FIN from the %s: it closes its side too (typically close() "
		     "after recv() returned 0 on reading the %s's FIN)", side[dir],
		     side[!dir]);
}

void on_fin(struct conv *c, int dir, const struct packet *pk,
            int want, const struct call_fact *f, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];
	int first = c->first_fin < 0 || c->first_fin == dir;

	a->event = EV_FIN;
	d->fin_seen = 1;
	d->fin_seq = pk->seq + pk->payload_len;
	if (c->first_fin < 0)
		c->first_fin = dir;
	if (!first && o->fin_seen && !o->fin_acked &&
	    !((pk->tcp_flags & TCP_ACK) && pk->ack == o->fin_seq + 1))
		c->crossed = 1;  // sent before the other FIN arrived
	if (!first && (pk->tcp_flags & TCP_ACK) && pk->ack == o->fin_seq + 1)
		o->fin_acked = 1;
	if (!want)
		return;
	if (pk->payload_len)
		note(a, "it also carries the last %u bytes of data",
		     pk->payload_len);
	if (first)
		first_fin_notes(dir, f, a);
	else if (c->crossed)
		note(a, "simultaneous close: the %s sent this FIN before the %s's "
		     "FIN reached it (its ack does not cover that FIN); both closed "
		     "at about the same time, so each end goes FIN_WAIT_1, CLOSING, "
		     "then TIME_WAIT: both will wait in TIME_WAIT", side[dir],
		     side[!dir]);
	else
		second_fin_note(dir, f, a);
}

// Mark c closed at pk's time.
static void closed(struct conv *c, const struct packet *pk)
{
	c->state = ST_CLOSED;
	c->closed_usec = tv_usec(&pk->ts);
}

int on_fin_ack(struct conv *c, int dir, const struct packet *pk,
               int want, struct annotation *a)
{
	struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];

	if (!o->fin_seen || o->fin_acked || pk->ack != o->fin_seq + 1)
		return 0;
	o->fin_acked = 1;
	a->event = EV_ACK;
	if (d->fin_seen && (d->fin_acked || !c->crossed)) {
		closed(c, pk);
		c->timewait = 1;
	}
	if (!want)
		return 1;
	if (c->crossed)
		note(a, "ACK of the %s's FIN: the FINs crossed, so each end enters "
		     "TIME_WAIT once its own FIN is acknowledged, and both wait "
		     "there (60 s on Linux)", side[!dir]);
	else if (d->fin_seen)
		note(a, "last ACK: acknowledges the %s's FIN; the connection is "
		     "closed. The %s, which closed first, stays in TIME_WAIT: Linux "
		     "keeps it a fixed 60 s (RFC 9293 says 2 MSL) so that late "
		     "copies of old segments die out; the other end is done at once",
		     side[!dir], side[c->first_fin]);
	else
		note(a, "ACK of the %s's FIN: the %s's kernel acknowledges it at "
		     "once; the %s program sees recv() return 0 (end of file)",
		     side[!dir], side[dir], side[dir]);
	return 1;
}

void on_rst(struct conv *c, int dir, const struct packet *pk,
            int want, struct annotation *a)
{
	int refused = c->state == ST_SYN_SENT && dir == 1;
	const struct tcp_dir *d = &c->d[dir], *o = &c->d[!dir];

	a->event = EV_RST;
	closed(c, pk);
	if (!want)
		return;
	if (refused) {
		note(a, "connection refused: nothing listens on %s, so its "
		     "kernel answers the SYN with RST (ack %u = client ISN + 1)",
		     a->server, pk->ack);
		note(a, "the client's connect() fails with ECONNREFUSED "
		     "(\"Connection refused\")");
	} else if (d->fin_seen) {
		note(a, "RST from the %s, which had sent its FIN: it had called "
		     "close(), not shutdown(), so data arriving for the closed "
		     "socket is answered with RST; the %s's next call fails with "
		     "ECONNRESET (or EPIPE)", side[dir], side[!dir]);
	} else if (o->fin_seen) {
		note(a, "RST from the %s after the %s's FIN: instead of finishing "
		     "the close with its own FIN, it aborts (close() with unread "
		     "data, or SO_LINGER 0)", side[dir], side[!dir]);
	} else {
		note(a, "RST from the %s: the connection is aborted at once, with "
		     "no FIN exchange (close() with unread data, SO_LINGER 0, or a "
		     "segment for a connection that does not exist); the other "
		     "side's next call fails with ECONNRESET", side[dir]);
	}
}
