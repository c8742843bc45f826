// ladder.c: record each conversation's events and draw them as a ladder
// diagram in the terminal or as Mermaid text (see ladder.h).
#include "ladder.h"

#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "decode.h"
#include "escape.h"
#include "print.h"
#include "print_calls.h"

#define LABEL_LEN 72   // bytes of one arrow's label, NUL included
#define WIDTH     50   // columns between the two vertical bars
#define CELL      (WIDTH - 6)  // the longest label an arrow holds

struct step {
	struct timeval ts;
	unsigned long order;    // position in the capture (for Mermaid)
	int dir;                // 0 client to server, 1 server to client
	enum event event;
	char label[LABEL_LEN];
};

struct lconv {
	unsigned long id;
	char proto[8];
	char client[ENDPOINT_LEN], server[ENDPOINT_LEN];
	int nsteps;
	unsigned long cut;      // events not kept
	struct step steps[LADDER_STEPS];
};

// A recorded call (ladder_add_call) and the rows it is drawn as, kept
// in time order.
struct lcall {
	char local[ENDPOINT_LEN], remote[ENDPOINT_LEN];  // "" if not known
	char enter[LABEL_LEN], done[LABEL_LEN];
};

struct crow {
	struct timeval ts;
	int call;               // index in calls
	int enter;              // the entry row (else the return, or both)
};

struct ladder {
	struct lcall *calls;    // NULL until the first call
	struct crow *rows;
	int ncalls, nrows;
	unsigned long calls_cut;
	struct lconv *convs[LADDER_CONVS];
	int nconvs;
	unsigned long skipped;  // conversations not kept
	unsigned long last_skipped_id;
	unsigned long order;
};

struct ladder *ladder_new(void)
{
	return calloc(1, sizeof(struct ladder));
}

void ladder_free(struct ladder *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->nconvs; i++)
		free(l->convs[i]);
	free(l->calls);
	free(l->rows);
	free(l);
}

// The kept conversation with this id, a new one if there is room, or NULL.
static struct lconv *lconv_get(struct ladder *l, const struct packet *pk,
                               const struct annotation *a)
{
	struct lconv *c;

	for (int i = l->nconvs - 1; i >= 0; i--)
		if (l->convs[i]->id == a->conv)
			return l->convs[i];
	if (l->nconvs == LADDER_CONVS) {
		if (a->conv > l->last_skipped_id) {
			l->skipped++;
			l->last_skipped_id = a->conv;
		}
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->id = a->conv;
	// An ICMP error belongs to the conversation it quotes.
	strcpy(c->proto, pk->proto == PROTO_TCP ||
	       (pk->quoted.valid && pk->quoted.proto == 6) ? "TCP" : "UDP");
	strcpy(c->client, a->client);
	strcpy(c->server, a->server);
	l->convs[l->nconvs++] = c;
	return c;
}

// Write the payload p (caplen bytes captured) escaped and in quotes into
// out, in at most room characters: as much as fits, "..." inside the
// closing quote when it is cut. Writes nothing when not even one byte
// fits. Returns the characters written.
static size_t fit_payload(char *out, size_t room, const uint8_t *p, uint32_t caplen)
{
	char text[CELL * 4 + 8];
	size_t k = caplen < CELL ? caplen : CELL;
	out[0] = '\0';
	for (; k > 0; k--) {
		size_t len = escape_bytes(text, sizeof text, p, k);
		const char *more = k < caplen ? "..." : "";
		if (len + strlen(more) + 2 <= room)
			return (size_t)snprintf(out, room + 1, "\"%s%s\"", text, more);
	}
	if (caplen == 0 && room >= 2)
		return (size_t)snprintf(out, room + 1, "\"\"");
	return 0;
}

// Write the arrow label of a TCP segment: flags, relative numbers, length.
static void tcp_label(char *out, const struct packet *pk,
                      const struct annotation *a, int absolute_seq)
{
	static const char *const step[] = {
		[EV_HANDSHAKE_1] = "1/3 ", [EV_HANDSHAKE_2] = "2/3 ",
		[EV_HANDSHAKE_3] = "3/3 ",
	};
	char flags[48];
	const char *pre = "";
	int n;
	uint32_t seq = absolute_seq ? pk->seq : a->rel_seq;
	uint32_t ack = absolute_seq ? pk->ack : a->rel_ack;

	if (a->event >= EV_HANDSHAKE_1 && a->event <= EV_HANDSHAKE_3)
		pre = step[a->event];
	else if (a->event == EV_RETRANSMISSION)
		pre = "retransmission ";
	else if (a->event == EV_DUP_ACK)
		pre = "dup ";
	tcp_flag_names(flags, pk->tcp_flags);
	n = snprintf(out, LABEL_LEN, "%s%s seq=%u", pre, flags, seq);
	if (pk->tcp_flags & TCP_ACK)
		n += snprintf(out + n, LABEL_LEN - (size_t)n, " ack=%u", ack);
	if (pk->payload_len && n < LABEL_LEN)
		n += snprintf(out + n, LABEL_LEN - (size_t)n, " len=%u", pk->payload_len);
	// The payload, cut to what the arrow has room for ("x..." at least).
	if (pk->payload_caplen && n + 7 <= CELL) {
		out[n] = ' ';
		if (fit_payload(out + n + 1, (size_t)(CELL - n - 1), pk->payload,
		                pk->payload_caplen) == 0)
			out[n] = '\0';
	}
}

// Write an arrow's label for a packet into out (LABEL_LEN bytes).
static void make_label(char *out, const struct packet *pk,
                       const struct annotation *a, int absolute_seq)
{
	char text[CELL + 1], tail[16];

	if (pk->proto == PROTO_TCP) {
		tcp_label(out, pk, a, absolute_seq);
		return;
	}
	if (a->event == EV_FRAGMENT) {
		snprintf(out, LABEL_LEN, "IP fragment at offset %u", pk->frag_offset);
		return;
	}
	if (pk->proto != PROTO_UDP) {
		snprintf(out, LABEL_LEN, "ICMP%s %s", pk->proto == PROTO_ICMP6 ?
		         "v6" : "", pk->proto == PROTO_ICMP6 ?
		         icmp6_name(pk->icmp_type, pk->icmp_code) :
		         icmp_name(pk->icmp_type, pk->icmp_code));
		return;
	}
	const char *what = a->event == EV_UDP_REQUEST ? "request" : "reply";
	int fixed = snprintf(tail, sizeof tail, " (%u B)", pk->payload_len) + (int)strlen(what) + 1;
	fit_payload(text, (size_t)(CELL - fixed), pk->payload ? pk->payload : (const uint8_t *)"",
	            pk->payload ? pk->payload_caplen : 0);
	snprintf(out, LABEL_LEN, "%s %s%s", what, text, tail);
}

int ladder_add(struct ladder *l, const struct packet *pk,
               const struct annotation *a, int absolute_seq)
{
	struct lconv *c;
	struct step *s;

	l->order++;
	if (a->conv == 0)
		return 0;
	c = lconv_get(l, pk, a);
	if (!c)
		return l->nconvs == LADDER_CONVS ? 0 : -1;
	if (c->nsteps == LADDER_STEPS) {
		c->cut++;
		return 0;
	}
	s = &c->steps[c->nsteps++];
	s->ts = pk->ts;
	s->order = l->order;
	s->dir = a->to_client;
	s->event = a->event;
	make_label(s->label, pk, a, absolute_seq);
	return 0;
}

// Seconds from a to b, worked out in floating point: the difference of
// two times a capture file supplies may not fit in a time_t.
static double seconds_between(const struct timeval *a, const struct timeval *b)
{
	return ((double)b->tv_sec - (double)a->tv_sec) +
	       ((double)b->tv_usec - (double)a->tv_usec) / 1e6;
}

// Print n copies of character ch.
static void repeat(FILE *f, char ch, int n)
{
	while (n-- > 0)
		fputc(ch, f);
}

// Print one arrow between the bars, label inside, pointing by dir.
static void print_arrow(FILE *f, const struct step *s)
{
	int len = (int)strlen(s->label);
	int max = WIDTH - 6;
	int dashes;

	if (len > max)
		len = max;
	dashes = WIDTH - len - 5;
	if (s->dir == 0) {
		fputs("|-- ", f);
		fwrite(s->label, 1, (size_t)len, f);
		fputc(' ', f);
		repeat(f, '-', dashes);
		fputs(">|", f);
	} else {
		fputs("|<", f);
		repeat(f, '-', dashes);
		fputc(' ', f);
		fwrite(s->label, 1, (size_t)len, f);
		fputs(" --|", f);
	}
}

// Draw one conversation.
static void print_conv(const struct lconv *c, FILE *f)
{
	fprintf(f, "conversation %lu (%s): client %s, server %s\n", c->id,
	        c->proto, c->client, c->server);
	fprintf(f, "%-12s%-*s%s\n", "", WIDTH + 1, "client", "server");
	fprintf(f, "%-12s%-*s%s\n", "", WIDTH + 1, c->client, c->server);
	fprintf(f, "%-12s|%*s|\n", "time (s)", WIDTH, "");
	for (int i = 0; i < c->nsteps; i++) {
		const struct step *s = &c->steps[i];
		fprintf(f, "%10.6f  ", seconds_between(&c->steps[0].ts, &s->ts));
		print_arrow(f, s);
		fprintf(f, "  %s\n", event_name(s->event));
	}
	if (c->cut)
		fprintf(f, "%-12s... %lu more events not drawn (the ladder keeps "
		        "the first %d of each conversation)\n", "", c->cut,
		        LADDER_STEPS);
	fputc('\n', f);
}

void ladder_print_last(const struct ladder *l, unsigned long conv, FILE *f)
{
	for (int i = 0; i < l->nconvs; i++) {
		const struct lconv *c = l->convs[i];
		if (c->id != conv || c->nsteps == 0)
			continue;
		fprintf(f, "%-12s%-*s%s\n", "", WIDTH + 1, c->client, c->server);
		fprintf(f, "%10.6f  ", seconds_between(&c->steps[0].ts,
		                                       &c->steps[c->nsteps - 1].ts));
		print_arrow(f, &c->steps[c->nsteps - 1]);
		fputc('\n', f);
		return;
	}
}


// Is the call's end a (maybe the wildcard 0.0.0.0:P or [::]:P) the
// conversation's end b?
static int ep_eq(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	if (strncmp(a, "0.0.0.0:", 8) != 0 && strncmp(a, "[::]:", 5) != 0)
		return 0;
	const char *pa = strrchr(a, ':'), *pb = strrchr(b, ':');
	return pa && pb && strcmp(pa, pb) == 0;
}

// The column of call k in conversation ci: 0 client, 1 server, -1 not in
// it. A call whose other end is not known (bind, listen) is drawn in the
// first conversation of its end only.
static int call_side(const struct ladder *l, int ci, int k, int first_only)
{
	const struct lcall *c = &l->calls[k];
	const struct lconv *v = l->convs[ci];
	int side = -1;
	if (c->local[0] && ep_eq(c->local, v->client) && (!c->remote[0] || ep_eq(c->remote, v->server)))
		side = 0;
	else if (c->local[0] && ep_eq(c->local, v->server) && (!c->remote[0] || ep_eq(c->remote, v->client)))
		side = 1;
	if (side < 0 || c->remote[0] || !first_only)
		return side;
	for (int j = 0; j < ci; j++)
		if (call_side(l, j, k, 0) >= 0)
			return -1;
	return side;
}

// Insert a row for call k at ts, keeping rows in time order.
static void add_row(struct ladder *l, const struct timeval *ts, int k, int enter)
{
	int i = l->nrows++;
	while (i > 0 && timercmp(&l->rows[i - 1].ts, ts, >)) {
		l->rows[i] = l->rows[i - 1];
		i--;
	}
	l->rows[i] = (struct crow){ .ts = *ts, .call = k, .enter = enter };
}

// Copy s into a label, cut to LABEL_LEN - 1 bytes.
static void copy_label(char *label, const char *s)
{
	size_t n = strlen(s);
	if (n >= LABEL_LEN)
		n = LABEL_LEN - 1;
	memcpy(label, s, n);
	label[n] = '\0';
}

int ladder_add_call(struct ladder *l, const struct call_rec *r)
{
	if (!l->calls && (!(l->calls = calloc(LADDER_CALLS, sizeof *l->calls)) ||
	                  !(l->rows = calloc(2 * LADDER_CALLS, sizeof *l->rows)))) {
		free(l->calls);
		l->calls = NULL;
		return -1;
	}
	if (l->ncalls == LADDER_CALLS) {
		l->calls_cut++;
		return 0;
	}
	int k = l->ncalls++;
	struct lcall *c = &l->calls[k];
	char res[64];
	memset(c, 0, sizeof *c);
	if (r->sock.lport)
		format_endpoint(c->local, &r->sock.local, r->sock.lport);
	if (r->sock.rport)
		format_endpoint(c->remote, &r->sock.remote, r->sock.rport);
	else if (r->to.family)
		format_endpoint(c->remote, &r->to, r->to_port);
	if (r->state == CALL_UNFINISHED)
		snprintf(res, sizeof res, "unfinished");
	else if (r->err)
		snprintf(res, sizeof res, "= -1 %s", call_errno_name(r->err));
	else
		snprintf(res, sizeof res, "= %ld", r->ret);
	char text[2 * CALL_TEXT + 96];
	snprintf(text, sizeof text, "%s(%s)%s", r->name, r->args, r->quick ? "" : " ...");
	copy_label(c->enter, text);
	snprintf(text, sizeof text, "%s%s %s%s%s", r->quick ? c->enter : r->name,
	         r->quick ? "" : "()", res, r->result[0] ? " " : "", r->result);
	copy_label(c->done, text);
	if (!r->quick)
		add_row(l, &r->ts_enter, k, 1);
	add_row(l, &r->ts, k, 0);
	return 0;
}

static void print_call_row_text(FILE *f, const char *label, int len, int side);

// Print a call's label against its end's bar, inside the lane.
static void print_call_row(FILE *f, const char *label, int side)
{
	int len = (int)strlen(label), max = WIDTH - 10;  // room to see its side
	fputc('|', f);
	if (len > max && len > 4 && strcmp(label + len - 4, " ...") == 0)
		len -= 4;  // an entry: its return row follows anyway
	if (len > max) {
		char cut[WIDTH];
		snprintf(cut, sizeof cut, "%.*s..", max - 2, label);
		print_call_row_text(f, cut, max, side);
		return;
	}
	print_call_row_text(f, label, len, side);
}

// print_call_row's lane: len bytes of label and the padding, the bar.
static void print_call_row_text(FILE *f, const char *label, int len, int side)
{
	if (side == 1)
		repeat(f, ' ', WIDTH - 1 - len);
	else
		fputc(' ', f);
	fwrite(label, 1, (size_t)len, f);
	if (side == 1)
		fputc(' ', f);
	else
		repeat(f, ' ', WIDTH - 1 - len);
	fputs("|  call", f);
}

// The time the conversation's drawing starts: its first packet or call.
static struct timeval conv_start(const struct ladder *l, int ci)
{
	struct timeval t = l->convs[ci]->steps[0].ts;
	for (int i = 0; i < l->nrows; i++)
		if (call_side(l, ci, l->rows[i].call, 1) >= 0) {
			if (timercmp(&l->rows[i].ts, &t, <))
				t = l->rows[i].ts;
			break;
		}
	return t;
}

// Draw conversation ci with the calls on its sockets in time order.
static void print_conv_calls(const struct ladder *l, int ci, FILE *f)
{
	const struct lconv *c = l->convs[ci];
	struct timeval t0 = conv_start(l, ci);
	int r = 0;
	fprintf(f, "conversation %lu (%s): client %s, server %s\n", c->id,
	        c->proto, c->client, c->server);
	fprintf(f, "%-12s%-*s%s\n", "", WIDTH + 1, "client", "server");
	fprintf(f, "%-12s%-*s%s\n", "", WIDTH + 1, c->client, c->server);
	fprintf(f, "%-12s|%*s|\n", "time (s)", WIDTH, "");
	for (int i = 0; i <= c->nsteps; i++) {
		for (; r < l->nrows && (i == c->nsteps || !timercmp(&l->rows[r].ts, &c->steps[i].ts, >)); r++) {
			const struct crow *w = &l->rows[r];
			int side = call_side(l, ci, w->call, 1);
			if (side < 0)
				continue;
			fprintf(f, "%10.6f  ", seconds_between(&t0, &w->ts));
			print_call_row(f, w->enter ? l->calls[w->call].enter : l->calls[w->call].done, side);
			fputc('\n', f);
		}
		if (i == c->nsteps)
			break;
		fprintf(f, "%10.6f  ", seconds_between(&t0, &c->steps[i].ts));
		print_arrow(f, &c->steps[i]);
		fprintf(f, "  %s\n", event_name(c->steps[i].event));
	}
	if (c->cut)
		fprintf(f, "%-12s... %lu more events not drawn (the ladder keeps "
		        "the first %d of each conversation)\n", "", c->cut, LADDER_STEPS);
	if (l->calls_cut && ci == l->nconvs - 1)
		fprintf(f, "%-12s... %lu more calls not drawn (the ladder keeps the first %d)\n",
		        "", l->calls_cut, LADDER_CALLS);
	fputc('\n', f);
}

void ladder_print(const struct ladder *l, FILE *f)
{
	if (l->nconvs == 0)
		fputs("ladder: no UDP or TCP conversation in this capture\n", f);
	for (int i = 0; i < l->nconvs; i++)
		if (l->ncalls)
			print_conv_calls(l, i, f);
		else
			print_conv(l->convs[i], f);
	if (l->skipped)
		fprintf(f, "ladder: %lu more conversations not drawn (the ladder "
		        "keeps the first %d)\n", l->skipped, LADDER_CONVS);
}

// Print s for Mermaid: characters that its parser treats specially are
// written as entity codes (#35; for '#').
static void mermaid_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(" .,=()/'+*_-[]:?!", c))
			fputc(c, f);
		else
			fprintf(f, "#%u;", c);
	}
}

// The participant number of endpoint label s, adding it if new. names
// holds up to 2 * LADDER_CONVS labels.
static int participant(const char **names, int *n, const char *s)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(names[i], s) == 0)
			return i + 1;
	names[*n] = s;
	return ++*n;
}

// Declare each conversation's ends as participants, clients first seen
// first. Fills cid/sid with each conversation's participant numbers.
static void mermaid_participants(const struct ladder *l, FILE *f, int *cid,
                                 int *sid)
{
	const char *names[2 * LADDER_CONVS];
	int n = 0;

	for (int i = 0; i < l->nconvs; i++) {
		int before = n;
		cid[i] = participant(names, &n, l->convs[i]->client);
		if (n > before) {
			fprintf(f, "    participant P%d as client ", cid[i]);
			mermaid_text(f, l->convs[i]->client);
			fputc('\n', f);
		}
		before = n;
		sid[i] = participant(names, &n, l->convs[i]->server);
		if (n > before) {
			fprintf(f, "    participant P%d as server ", sid[i]);
			mermaid_text(f, l->convs[i]->server);
			fputc('\n', f);
		}
	}
}

// The Mermaid arrow for an event: -x for refusals and errors, a dashed
// arrow for bare ACKs, a solid one otherwise.
static const char *mermaid_arrow(enum event e)
{
	if (e == EV_RST || e == EV_ICMP_UNREACHABLE)
		return "-x";
	if (e == EV_ACK || e == EV_DUP_ACK)
		return "-->>";
	return "->>";
}


// Write the call rows from *next on timed up to ts (NULL: all) as Mermaid
// notes over their end, advancing *next.
static void mermaid_calls(const struct ladder *l, FILE *f, const struct timeval *ts,
                          int *next, const int *cid, const int *sid)
{
	for (; *next < l->nrows && (ts == NULL || !timercmp(&l->rows[*next].ts, ts, >)); ++*next) {
		const struct crow *w = &l->rows[*next];
		for (int ci = 0; ci < l->nconvs; ci++) {
			int side = call_side(l, ci, w->call, 1);
			if (side < 0)
				continue;
			fprintf(f, "    Note over P%d: ", side ? sid[ci] : cid[ci]);
			mermaid_text(f, w->enter ? l->calls[w->call].enter : l->calls[w->call].done);
			fputc('\n', f);
			break;
		}
	}
}

void ladder_mermaid(const struct ladder *l, FILE *f)
{
	int cid[LADDER_CONVS], sid[LADDER_CONVS], next[LADDER_CONVS] = { 0 };
	int ncall = 0;

	fputs("sequenceDiagram\n", f);
	mermaid_participants(l, f, cid, sid);
	// Merge the conversations' steps back into capture order.
	for (;;) {
		int best = -1;
		for (int i = 0; i < l->nconvs; i++) {
			const struct lconv *c = l->convs[i];
			if (next[i] < c->nsteps && (best < 0 ||
			    c->steps[next[i]].order <
			    l->convs[best]->steps[next[best]].order))
				best = i;
		}
		if (best < 0)
			break;
		const struct step *s = &l->convs[best]->steps[next[best]++];
		mermaid_calls(l, f, &s->ts, &ncall, cid, sid);
		int from = s->dir ? sid[best] : cid[best];
		int to = s->dir ? cid[best] : sid[best];
		fprintf(f, "    P%d%sP%d: ", from, mermaid_arrow(s->event), to);
		mermaid_text(f, s->label);
		fputc('\n', f);
	}
	mermaid_calls(l, f, NULL, &ncall, cid, sid);
	for (int i = 0; i < l->nconvs; i++)
		if (l->convs[i]->cut)
			fprintf(f, "    Note over P%d,P%d: %lu more events not drawn "
			        "(first %d kept)\n", cid[i], sid[i],
			        l->convs[i]->cut, LADDER_STEPS);
	if (l->skipped)
		fprintf(f, "    %%%% %lu more conversations not drawn (first %d "
		        "kept)\n", l->skipped, LADDER_CONVS);
}
