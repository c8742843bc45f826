// ladder.c: record each conversation's events and draw them as a ladder
// diagram in the terminal or as Mermaid text (see ladder.h).
#include "ladder.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "escape.h"
#include "print.h"

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

struct ladder {
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

void ladder_print(const struct ladder *l, FILE *f)
{
	if (l->nconvs == 0)
		fputs("ladder: no UDP or TCP conversation in this capture\n", f);
	for (int i = 0; i < l->nconvs; i++)
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

void ladder_mermaid(const struct ladder *l, FILE *f)
{
	int cid[LADDER_CONVS], sid[LADDER_CONVS], next[LADDER_CONVS] = { 0 };

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
		int from = s->dir ? sid[best] : cid[best];
		int to = s->dir ? cid[best] : sid[best];
		fprintf(f, "    P%d%sP%d: ", from, mermaid_arrow(s->event), to);
		mermaid_text(f, s->label);
		fputc('\n', f);
	}
	for (int i = 0; i < l->nconvs; i++)
		if (l->convs[i]->cut)
			fprintf(f, "    Note over P%d,P%d: %lu more events not drawn "
			        "(first %d kept)\n", cid[i], sid[i],
			        l->convs[i]->cut, LADDER_STEPS);
	if (l->skipped)
		fprintf(f, "    %%%% %lu more conversations not drawn (first %d "
		        "kept)\n", l->skipped, LADDER_CONVS);
}
