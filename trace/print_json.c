// print_json.c: JSON Lines output (--json), one object per packet. The
// schema is stable: every key is always present, in this order, with
// null where it does not apply. Tests and the grader consume it.
//
//   n          packet number in the capture, from 1
//   ts         capture time, seconds since the epoch (microseconds)
//   link       link type: "ethernet", "null", "loop", "sll", "sll2", "raw"
//   caplen     bytes captured; wirelen: bytes on the wire
//   ip_version 4, 6 or null
//   src, dst   addresses (IPv6 without brackets), or null
//   sport, dport  UDP/TCP ports, or null
//   proto      "udp", "tcp", "icmp", "icmp6", "arp", "other", "none"
//   ip_proto   IP protocol number, or null
//   length     transport payload bytes (as sent) in this packet, or null;
//              a first IP fragment holds only part of its datagram (the
//              notes give the datagram's length)
//   flags      TCP flags "SYN,ACK", or null
//   seq, ack   TCP absolute numbers; rel_seq, rel_ack relative to the ISNs
//   window     TCP window as sent
//   window_scaled  the window in bytes (window x the sender's scale) once
//              the handshake said whether scaling is on; else null
//   icmp_type, icmp_code  ICMP/ICMPv6, or null
//   payload    payload as escaped text (\n, \r, \t, \0, \\, \xHH), or null
//   event      "udp-request", "udp-reply", "handshake-1", "handshake-2",
//              "handshake-3", "data", "ack", "fin", "rst",
//              "icmp-unreachable", "icmp-error", "retransmission",
//              "out-of-order", "dup-ack", "keep-alive", "zero-window",
//              "zero-window-probe", "fragment" (an IP fragment after the
//              first), "arp", "ndp", "other"
//   conv       conversation number from 1, or null
//   from       "client" or "server" (the sender's role), or null
//   client, server  the conversation's ends as "IP:port", or null
//   note       the notes joined by " | " ("" with none)
//   notes      the notes as an array of strings
//   summary    one-line text for ARP, NDP and other protocols, or null
//   stopped    where decoding stopped ("ipv4: truncated"), or null
//   call       run/shell: the traced call that sent it, {"id", "program",
//              "pid", "call", "in_progress"}, or null (none, or calls not
//              recorded)
// In run/shell mode, call records are interleaved ("event":"call"; keys
// in print_calls.c and the README).
#include "print.h"

#include <stdio.h>

#include "escape.h"
#include "print_calls.h"

#define JSON_PAYLOAD 1024  // payload bytes put in "payload"

// Append ,"key":
static void j_key(struct outbuf *b, const char *key)
{
	ob_str(b, ",\"");
	ob_str(b, key);
	ob_str(b, "\":");
}

// Append ,"key": and the value as a JSON string (s escaped), or null.
static void j_str(struct outbuf *b, const char *key, const char *s)
{
	char tmp[ANNOT_NOTE_LEN * 2];

	j_key(b, key);
	if (!s) {
		ob_str(b, "null");
		return;
	}
	escape_json(tmp, sizeof tmp, s);
	ob_char(b, '"');
	ob_str(b, tmp);
	ob_char(b, '"');
}

// Append ,"key": and a number, or null when have is zero.
static void j_num(struct outbuf *b, const char *key, int have, uint64_t v)
{
	j_key(b, key);
	if (have)
		ob_u64(b, v);
	else
		ob_str(b, "null");
}

// Append the payload as escaped text, or null.
static void j_payload(struct outbuf *b, const struct packet *pk)
{
	static char text[JSON_PAYLOAD * 4 + 8];
	static char json[JSON_PAYLOAD * 8 + 16];
	uint32_t n = pk->payload_caplen;

	ob_str(b, ",\"payload\":");
	if (!pk->payload || (pk->proto != PROTO_UDP && pk->proto != PROTO_TCP)) {
		ob_str(b, "null");
		return;
	}
	escape_bytes(text, sizeof text, pk->payload, n > JSON_PAYLOAD ? JSON_PAYLOAD : n);
	escape_json(json, sizeof json, text);
	ob_char(b, '"');
	ob_str(b, json);
	ob_char(b, '"');
}

// Append the notes, joined and as an array.
static void j_notes(struct outbuf *b, const struct annotation *a)
{
	static char tmp[ANNOT_NOTES][ANNOT_NOTE_LEN * 2];

	ob_str(b, ",\"note\":\"");
	for (int i = 0; i < a->nnotes; i++) {
		escape_json(tmp[i], sizeof tmp[i], a->notes[i]);
		ob_str(b, i ? " | " : "");
		ob_str(b, tmp[i]);
	}
	ob_str(b, "\",\"notes\":[");
	for (int i = 0; i < a->nnotes; i++) {
		ob_str(b, i ? ",\"" : "\"");
		ob_str(b, tmp[i]);
		ob_char(b, '"');
	}
	ob_char(b, ']');
}

// Append the address and transport fields.
static void j_addresses(struct outbuf *b, const struct packet *pk)
{
	int ip = pk->ip_version != 0;
	int ports = pk->proto == PROTO_UDP || pk->proto == PROTO_TCP;
	char s[ENDPOINT_LEN], d[ENDPOINT_LEN];

	if (ip) {
		format_endpoint(s, &pk->src, -1);
		format_endpoint(d, &pk->dst, -1);
	}
	j_num(b, "ip_version", ip, (uint64_t)pk->ip_version);
	j_str(b, "src", ip ? s : NULL);
	j_num(b, "sport", ports, pk->sport);
	j_str(b, "dst", ip ? d : NULL);
	j_num(b, "dport", ports, pk->dport);
	j_str(b, "proto", proto_name(pk));
	j_num(b, "ip_proto", ip, pk->ip_proto);
	j_num(b, "length", ports, pk->payload_len);
}

// Append the TCP and ICMP fields.
static void j_transport(struct outbuf *b, const struct packet *pk,
                        const struct annotation *a)
{
	int tcp = pk->proto == PROTO_TCP;
	int ack = tcp && (pk->tcp_flags & TCP_ACK);
	int icmp = pk->proto == PROTO_ICMP || pk->proto == PROTO_ICMP6;
	char flags[48];

	tcp_flag_names(flags, pk->tcp_flags);
	j_str(b, "flags", tcp ? flags : NULL);
	j_num(b, "seq", tcp, pk->seq);
	j_num(b, "ack", ack, pk->ack);
	j_num(b, "rel_seq", tcp && a->has_rel, a->rel_seq);
	j_num(b, "rel_ack", ack && a->has_rel, a->rel_ack);
	j_num(b, "window", tcp, pk->window);
	j_num(b, "window_scaled", tcp && a->has_win, a->win_calc);
	j_num(b, "icmp_type", icmp, pk->icmp_type);
	j_num(b, "icmp_code", icmp, pk->icmp_code);
}

// Append the annotation fields.
static void j_annotation(struct outbuf *b, const struct annotation *a)
{
	int conv = a->conv != 0;

	j_str(b, "event", event_name(a->event));
	j_num(b, "conv", conv, a->conv);
	j_str(b, "from", a->from == ROLE_CLIENT ? "client" :
	                 a->from == ROLE_SERVER ? "server" : NULL);
	j_str(b, "client", conv ? a->client : NULL);
	j_str(b, "server", conv ? a->server : NULL);
	j_notes(b, a);
}

void print_json(struct outbuf *b, unsigned long n, const struct packet *pk,
                const struct annotation *a, const struct trace_opts *o)
{
	char stop[160], summary[sizeof pk->summary * 4];

	ob_str(b, "{\"n\":");
	ob_u64(b, n);
	ob_str(b, ",\"ts\":");
	ob_u64(b, (uint64_t)pk->ts.tv_sec);
	ob_char(b, '.');
	ob_usec(b, (unsigned long)pk->ts.tv_usec);
	j_str(b, "link", pk->link ? pk->link : "unknown");
	j_num(b, "caplen", 1, pk->caplen);
	j_num(b, "wirelen", 1, pk->wirelen);
	j_addresses(b, pk);
	j_transport(b, pk, a);
	j_payload(b, pk);
	j_annotation(b, a);
	escape_str(summary, sizeof summary, pk->summary);
	j_str(b, "summary", pk->summary[0] ? summary : NULL);
	if (pk->stopped_layer)
		stop_marker(stop, sizeof stop, pk);
	j_str(b, "stopped", pk->stopped_layer ? stop : NULL);
	print_cause_json(b, pk, o);
	ob_str(b, "}\n");
}
