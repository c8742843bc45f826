// decode_transport.c: the transport layer: dispatch on the IP protocol,
// UDP, and TCP with its options.
#include <stdio.h>

#include "decode.h"
#include "fields.h"

// Bytes the IP header says follow the cursor (c is inside the IP payload).
static uint32_t ip_bytes_left(const struct packet *pk, const struct cursor *c)
{
	uint32_t end = pk->net_off + pk->ip_len;
	return end > c->off ? end - c->off : 0;
}

// Name of an IP protocol we do not decode, for the summary line.
static const char *proto_name(uint8_t p)
{
	switch (p) {
	case 2: return "IGMP";
	case 4: return "IPv4-in-IP";
	case 41: return "IPv6-in-IP";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 89: return "OSPF";
	case 132: return "SCTP";
	case IPP_NONE: return "no next header";
	default: return "unknown";
	}
}

// Hand c (at the IP payload) to the decoder of pk->ip_proto.
void decode_transport(struct packet *pk, struct cursor *c)
{
	if (pk->ip_proto == IPP_UDP)
		decode_udp(pk, c);
	else if (pk->ip_proto == IPP_TCP)
		decode_tcp(pk, c);
	else if (pk->ip_proto == IPP_ICMP && pk->ip_version == 4)
		decode_icmp(pk, c);
	else if (pk->ip_proto == IPP_ICMP6 && pk->ip_version == 6)
		decode_icmp6(pk, c);
	else {
		pk->proto = PROTO_OTHER;
		snprintf(pk->summary, sizeof pk->summary,
		         "IP protocol %u (%s, not decoded)", pk->ip_proto,
		         proto_name(pk->ip_proto));
		decode_set_payload(pk, c, ip_bytes_left(pk, c));
	}
}

// UDP: ports, length, checksum; the payload length is the UDP length
// less the header, bounded by what the IP header says it carries.
void decode_udp(struct packet *pk, struct cursor *c)
{
	uint32_t sent = ip_bytes_left(pk, c);
	pk->proto = PROTO_UDP;
	pk->trans_off = c->off;
	pk->trans_hlen = 8;
	pk->sport = get_be16(c);
	pk->dport = get_be16(c);
	uint32_t ulen = get_be16(c);
	pk->udp_len = ulen;
	cur_skip(c, 2);  // checksum
	if (pk->fields)
		fields_udp(pk->fields, pk, pk->trans_off, 0);
	if (c->is_short) {
		decode_stop(pk, "udp", "truncated");
		return;
	}
	if (ulen < 8) {
		decode_stop(pk, "udp", "bad length");
		return;
	}
	if (ulen < sent)
		sent = ulen;
	if (sent < 8) {
		decode_stop(pk, "udp", "bad length");
		return;
	}
	decode_set_payload(pk, c, sent - 8);
}

// TCP: ports, sequence and acknowledgment numbers, data offset, flags,
// window, checksum, urgent pointer, options; the payload is what the IP
// length leaves after the header.
void decode_tcp(struct packet *pk, struct cursor *c)
{
	uint32_t sent = ip_bytes_left(pk, c);
	pk->proto = PROTO_TCP;
	pk->trans_off = c->off;
	pk->sport = get_be16(c);
	pk->dport = get_be16(c);
	pk->seq = get_be32(c);
	pk->ack = get_be32(c);
	uint32_t hlen = (get_u8(c) >> 4) * 4u;
	pk->tcp_flags = get_u8(c);
	pk->window = get_be16(c);
	cur_skip(c, 4);  // checksum, urgent pointer
	pk->trans_hlen = (uint16_t)hlen;
	if (pk->fields)
		fields_tcp(pk->fields, pk, pk->trans_off, 0);
	if (c->is_short) {
		decode_stop(pk, "tcp", "truncated");
		return;
	}
	if (hlen < 20 || hlen > sent) {
		decode_stop(pk, "tcp", "bad header length");
		return;
	}
	struct cursor opts = cur_sub(c, hlen - 20);
	decode_tcp_options(&pk->opt, &opts);
	if (cur_skip(c, hlen - 20) < 0) {
		pk->opt.malformed = 0;  // the capture ended, not the option
		decode_stop(pk, "tcp", "truncated");
		return;
	}
	decode_set_payload(pk, c, sent - hlen);
}

// One option of the given kind whose len-2 data bytes follow in c.
static void tcp_option(struct tcp_options *o, struct cursor *c,
                       uint8_t kind, uint32_t len)
{
	if (kind == 2 && len == 4) {
		o->has_mss = 1;
		o->mss = get_be16(c);
	} else if (kind == 3 && len == 3) {
		o->has_wscale = 1;
		o->wscale = get_u8(c);
	} else if (kind == 4 && len == 2) {
		o->has_sack_ok = 1;
	} else if (kind == 5 && len >= 10 && (len - 2) % 8 == 0) {
		for (uint32_t i = 0; i < (len - 2) / 8; i++) {
			uint32_t l = get_be32(c), r = get_be32(c);
			if (o->nsack < 4) {
				o->sack[o->nsack][0] = l;
				o->sack[o->nsack][1] = r;
				o->nsack++;
			}
		}
	} else if (kind == 8 && len == 10) {
		o->has_ts = 1;
		o->tsval = get_be32(c);
		o->tsecr = get_be32(c);
	} else if (kind == 34 || (kind == 254 && len >= 4 && get_be16(c) == 0xf989)) {
		o->has_tfo = 1;  // Fast Open (RFC 7413), or its experimental form
		o->tfo_cookie_len = (uint8_t)(len - (kind == 34 ? 2 : 4));
	} else if (kind <= 8 && kind != 6 && kind != 7) {
		o->malformed = 1;  // a known option with the wrong length
		cur_skip(c, len - 2);
	} else {
		cur_skip(c, len - 2);
	}
}

// Parse the TCP options in c's window into o. An option whose length
// is below 2 or runs past the header ends the walk and sets malformed.
void decode_tcp_options(struct tcp_options *o, struct cursor *c)
{
	while (cur_left(c) > 0) {
		uint8_t kind = get_u8(c);
		if (kind == 0)
			break;             // end of option list
		if (kind == 1)
			continue;          // no-operation (padding)
		uint32_t len = get_u8(c);
		if (c->is_short || len < 2 || len - 2 > cur_left(c)) {
			o->malformed = 1;
			break;
		}
		struct cursor one = cur_sub(c, len - 2);
		tcp_option(o, &one, kind, len);
		cur_skip(c, len - 2);
	}
}
