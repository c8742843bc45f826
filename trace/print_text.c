// print_text.c: the annotated text form (one line per packet, notes
// indented beneath) and the terse form (-q). Every packet-derived string
// is escaped before it is appended.
#include "print.h"

#include <stdio.h>

#include "escape.h"
#include "print_calls.h"

#define SHOW_PAYLOAD 64   // payload bytes shown on a text line

// ANSI colours, used only when opts->color is set.
#define C_RESET "\033[0m"
#define C_DIM   "\033[2m"

static const char *event_colour(enum event e)
{
	switch (e) {
	case EV_UDP_REQUEST: case EV_UDP_REPLY:
		return "\033[36m";          // cyan
	case EV_HANDSHAKE_1: case EV_HANDSHAKE_2: case EV_HANDSHAKE_3:
		return "\033[32m";          // green
	case EV_DATA:
		return "\033[1m";           // bold
	case EV_FIN:
		return "\033[33m";          // yellow
	case EV_RST: case EV_ICMP_UNREACHABLE: case EV_RETRANSMISSION:
	case EV_DUP_ACK:
		return "\033[31m";          // red
	default:
		return "";
	}
}

void tcp_flag_names(char *out, uint8_t flags)
{
	static const struct { uint8_t bit; const char *name; } names[] = {
		{ TCP_SYN, "SYN" }, { TCP_FIN, "FIN" }, { TCP_RST, "RST" },
		{ TCP_PSH, "PSH" }, { TCP_ACK, "ACK" }, { TCP_URG, "URG" },
		{ TCP_ECE, "ECE" }, { TCP_CWR, "CWR" },
	};
	char *p = out;

	*p = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(flags & names[i].bit))
			continue;
		if (p != out)
			*p++ = ',';
		p = stpcpy(p, names[i].name);
	}
}

const char *proto_name(const struct packet *pk)
{
	switch (pk->proto) {
	case PROTO_UDP: return "udp";
	case PROTO_TCP: return "tcp";
	case PROTO_ICMP: return "icmp";
	case PROTO_ICMP6: return "icmp6";
	case PROTO_ARP: return "arp";
	case PROTO_OTHER: return "other";
	default: return "none";
	}
}

void stop_marker(char *out, size_t outlen, const struct packet *pk)
{
	char layer[40], why[80];

	escape_str(layer, sizeof layer, pk->stopped_layer ? pk->stopped_layer : "?");
	escape_str(why, sizeof why, pk->stopped_reason ? pk->stopped_reason : "stopped");
	snprintf(out, outlen, "%s: %s", layer, why);
}

// Append the payload as escaped text in quotes (the first SHOW_PAYLOAD
// captured bytes), with a note when fewer bytes were captured than sent.
static void ob_payload(struct outbuf *restrict b, const struct packet *pk)
{
	char text[SHOW_PAYLOAD * 4 + 8];
	uint32_t n = pk->payload_caplen;

	if (!pk->payload || n == 0)
		return;
	escape_bytes(text, sizeof text, pk->payload, n > SHOW_PAYLOAD ? SHOW_PAYLOAD : n);
	ob_str(b, " \"");
	ob_str(b, text);
	ob_char(b, '"');
	if (n > SHOW_PAYLOAD)
		ob_str(b, "...");
	if (n < pk->payload_len)
		ob_printf(b, " (%u of %u bytes captured)", n, pk->payload_len);
}

// Append an end's text s of n bytes, which has ENDPOINT_LEN readable
// bytes: where they fit, all are copied (a copy of known length is two
// moves, not a call of memcpy) and the line grows by n.
static void ob_end(struct outbuf *restrict b, const char *s, size_t n)
{
	if (b->cap - b->len < ENDPOINT_LEN) {
		ob_mem(b, s, n);
		return;
	}
	memcpy(b->p + b->len, s, ENDPOINT_LEN);
	b->len += n;
}

// Append "client A > server B" (or "A > B" outside a conversation).
static void ob_ends(struct outbuf *restrict b, const struct annotation *a, int roles)
{
	if (roles && a->from != ROLE_NONE)
		ob_str(b, a->from == ROLE_CLIENT ? "client " : "server ");
	ob_end(b, a->src, a->src_len);
	ob_str(b, " > ");
	if (roles && a->from != ROLE_NONE)
		ob_str(b, a->from == ROLE_CLIENT ? "server " : "client ");
	ob_end(b, a->dst, a->dst_len);
}

// The TCP part of a line is written through a plain pointer into room
// kept for the longest one (no check per character: this is most of
// what socktrace -q writes). The longest: flags 11, seq and ack 15 each,
// window 10, scaled window 20, and options 185 (MSS, sackOK, timestamps,
// window scale, a Fast Open request and four SACK blocks, each number at
// its widest): 256 bytes (test_outbuf prints it). A new field must fit
// in what is kept: 320.
#define TCP_TEXT_MAX 320

// Write the string s at w; returns the end of what was written. (Inline,
// s a constant: its length is known, and the copy is a move or two.)
static inline char *put_str(char *w, const char *s)
{
	size_t n = strlen(s);
	memcpy(w, s, n);
	return w + n;
}

// Write v in decimal at w (at most 10 digits); returns the end.
static inline char *put_num(char *w, uint32_t v)
{
	return w + put_decimal(w, v);
}

// Write TCP flags the way tcpdump shows them: [S], [S.], [P.], [F.].
static char *put_tcp_flags(char *w, uint8_t f)
{
	*w++ = '[';
	if (f & TCP_SYN) *w++ = 'S';
	if (f & TCP_FIN) *w++ = 'F';
	if (f & TCP_RST) *w++ = 'R';
	if (f & TCP_PSH) *w++ = 'P';
	if (f & TCP_URG) *w++ = 'U';
	if (f & TCP_ECE) *w++ = 'E';
	if (f & TCP_CWR) *w++ = 'W';
	if (f & TCP_ACK) *w++ = '.';
	if (!f) w = put_str(w, "none");
	*w++ = ']';
	return w;
}

// Write the TCP options of a segment, tcpdump style.
static char *put_tcp_options(char *w, const struct tcp_options *o)
{
	const char *sep = " <";

	if (o->has_mss) {
		w = put_str(w, sep); w = put_str(w, "mss "); w = put_num(w, o->mss); sep = ",";
	}
	if (o->has_sack_ok) {
		w = put_str(w, sep); w = put_str(w, "sackOK"); sep = ",";
	}
	if (o->has_ts) {
		w = put_str(w, sep); w = put_str(w, "TS val "); w = put_num(w, o->tsval);
		w = put_str(w, " ecr "); w = put_num(w, o->tsecr); sep = ",";
	}
	if (o->has_wscale) {
		w = put_str(w, sep); w = put_str(w, "wscale "); w = put_num(w, o->wscale); sep = ",";
	}
	if (o->has_tfo) {
		w = put_str(w, sep);
		w = put_str(w, o->tfo_cookie_len ? "tfo cookie" : "tfo cookiereq");
		sep = ",";
	}
	for (int i = 0; i < o->nsack && i < 4; i++) {
		w = put_str(w, sep); w = put_str(w, "sack "); w = put_num(w, o->sack[i][0]);
		*w++ = '-'; w = put_num(w, o->sack[i][1]); sep = ",";
	}
	if (*sep == ',')
		*w++ = '>';
	return w;
}

// Write flags, seq/ack (relative unless -S), window and options: at most
// TCP_TEXT_MAX bytes. Returns the end.
static char *put_tcp(char *w, const struct packet *pk, const struct annotation *a,
                     const struct trace_opts *o)
{
	int rel = a->has_rel && !o->absolute_seq;

	*w++ = ' ';
	w = put_tcp_flags(w, pk->tcp_flags);
	w = put_str(w, " seq ");
	w = put_num(w, rel ? a->rel_seq : pk->seq);
	if (pk->tcp_flags & TCP_ACK) {
		w = put_str(w, " ack ");
		w = put_num(w, rel ? a->rel_ack : pk->ack);
	}
	w = put_str(w, " win ");
	w = put_num(w, pk->window);
	if (a->has_win && a->win_calc != pk->window) {
		w = put_str(w, " (scaled ");
		w = put_num(w, a->win_calc);
		*w++ = ')';
	}
	return put_tcp_options(w, &pk->opt);
}

// Append the TCP part: straight into b where the room for the longest is
// there, else through tmp (and cut as any append is).
static void ob_tcp(struct outbuf *restrict b, const struct packet *pk,
                   const struct annotation *a, const struct trace_opts *o)
{
	char tmp[TCP_TEXT_MAX];
	int direct = b->cap - b->len >= TCP_TEXT_MAX;
	char *start = direct ? b->p + b->len : tmp;
	char *end = put_tcp(start, pk, a, o);

	if (direct)
		b->len += (size_t)(end - start);
	else
		ob_mem(b, tmp, (size_t)(end - tmp));
}

// Append the ICMP part: the decoder's summary without its leading
// protocol name, and the datagram an error quotes.
static void ob_icmp(struct outbuf *restrict b, const struct packet *pk)
{
	const struct quoted *q = &pk->quoted;
	char s[ENDPOINT_LEN], d[ENDPOINT_LEN], text[200];
	const char *sum = pk->summary;

	if (strncmp(sum, "ICMPv6 ", 7) == 0)
		sum += 7;
	else if (strncmp(sum, "ICMP ", 5) == 0)
		sum += 5;
	if (*sum) {
		escape_str(text, sizeof text, sum);
		ob_char(b, ' ');
		ob_str(b, text);
	} else {
		ob_printf(b, " type %u code %u", pk->icmp_type, pk->icmp_code);
	}
	if (!q->valid)
		return;
	format_endpoint(s, &q->src, q->has_ports ? q->sport : -1);
	format_endpoint(d, &q->dst, q->has_ports ? q->dport : -1);
	ob_printf(b, ", quoting %s %s > %s",
	          q->proto == 17 ? "UDP" : q->proto == 6 ? "TCP" : "IP", s, d);
}

// Append the packet's one-line description (after time and event).
static void ob_line(struct outbuf *restrict b, const struct packet *pk,
                    const struct annotation *a, const struct trace_opts *o,
                    int roles)
{
	static const char *const upper[] = {
		[PROTO_NONE] = "", [PROTO_UDP] = "UDP", [PROTO_TCP] = "TCP",
		[PROTO_ICMP] = "ICMP", [PROTO_ICMP6] = "ICMP6", [PROTO_ARP] = "ARP",
		[PROTO_OTHER] = "",
	};
	char text[200];

	if (pk->proto == PROTO_ARP || pk->ip_version == 0) {
		ob_str(b, pk->proto == PROTO_ARP ? "ARP" : pk->link ? pk->link : "frame");
	} else {
		if (pk->proto == PROTO_OTHER || pk->proto == PROTO_NONE)
			ob_printf(b, "IPv%d", pk->ip_version);
		else
			ob_str(b, upper[pk->proto]);
		ob_char(b, ' ');
		ob_ends(b, a, roles);
		if (pk->proto == PROTO_OTHER)
			ob_printf(b, " proto %u", pk->ip_proto);
	}
	if (pk->proto == PROTO_TCP)
		ob_tcp(b, pk, a, o);
	else if (pk->proto == PROTO_ICMP || pk->proto == PROTO_ICMP6)
		ob_icmp(b, pk);
	if (pk->summary[0] && pk->proto != PROTO_ICMP && pk->proto != PROTO_ICMP6) {
		// "ARP request: ..." after "ARP": drop the repeated word.
		const char *sum = pk->summary;
		if (pk->proto == PROTO_ARP && strncmp(sum, "ARP ", 4) == 0)
			sum += 4;
		escape_str(text, sizeof text, sum);
		ob_char(b, ' ');
		ob_str(b, text);
	}
	if (pk->is_fragment && !pk->summary[0])
		ob_printf(b, " fragment id %u offset %u%s", pk->frag_id,
		          pk->frag_offset, pk->more_fragments ? " (more follow)" : "");
	if (pk->proto == PROTO_UDP || pk->proto == PROTO_TCP) {
		ob_str(b, " len ");
		ob_u64(b, pk->payload_len);
	}
	if (pk->proto == PROTO_UDP && pk->is_fragment && pk->udp_len >= 8)
		ob_printf(b, " (of a %u-byte datagram)", pk->udp_len - 8);
	if (pk->stopped_layer) {
		stop_marker(text, sizeof text, pk);
		ob_printf(b, " [decoding stopped in %s]", text);
	}
}

void print_text(struct outbuf *restrict b, const struct packet *pk,
                const struct annotation *a, const struct trace_opts *o)
{
	const char *ev = event_name(a->event);
	const char *colour = o->color ? event_colour(a->event) : "";

	ob_time(b, &pk->ts);
	ob_char(b, ' ');
	ob_str(b, colour);
	ob_str(b, ev);
	if (*colour)
		ob_str(b, C_RESET);
	ob_pad(b, strlen(ev) < 16 ? 16 - strlen(ev) : 1);
	ob_line(b, pk, a, o, 1);
	if (pk->proto == PROTO_UDP || pk->proto == PROTO_TCP)
		ob_payload(b, pk);
	ob_char(b, '\n');
	print_cause_note(b, pk, o);
	for (int i = 0; i < a->nnotes; i++) {
		ob_str(b, o->color ? "    " C_DIM : "    ");
		ob_mem(b, a->notes[i], a->note_len[i]);
		ob_str(b, o->color ? C_RESET "\n" : "\n");
	}
}

void print_terse(struct outbuf *restrict b, const struct packet *pk,
                 const struct annotation *a, const struct trace_opts *o)
{
	ob_time(b, &pk->ts);
	ob_char(b, ' ');
	ob_line(b, pk, a, o, 0);
	ob_char(b, ' ');
	ob_mem(b, event_name(a->event), event_name_len(a->event));
	ob_char(b, '\n');
}
