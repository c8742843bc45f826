// fields_icmp.c: the header fields of ICMP and ICMPv6 (echo, errors with
// the datagram they quote, NDP), for -v.
#include <stdio.h>

#include "decode.h"
#include "fields_rec.h"

// The quoted datagram of an ICMP error at q: its IP header (and IPv6
// extension headers), then its first 8 transport bytes.
static void fields_quote(struct field_list *fl, const struct packet *pk,
                         uint32_t q)
{
	struct cursor c = fields_cursor(fl, q);
	uint32_t l4;
	uint8_t proto;
	if (pk->ip_version == 4) {
		uint8_t vhl = get_u8(&c);
		if (c.is_short || vhl >> 4 != 4 || (vhl & 15) < 5)
			return;
		fields_ipv4(fl, pk, q, 1);
		l4 = q + (vhl & 15) * 4u;
		proto = peek_u8(&c, q + 9);
	} else {
		cur_skip(&c, 6);
		proto = get_u8(&c);
		const char *why;
		if (cur_skip(&c, 33) < 0 || ipv6_walk(&c, &proto, NULL, &why) < 0)
			return;
		fields_ipv6(fl, pk, q, c.off, 1);
		l4 = c.off;
	}
	if (!pk->quoted.has_ports)
		return;
	if (proto == 17)
		fields_udp(fl, pk, l4, 1);
	else if (proto == 6)
		fields_tcp(fl, pk, l4, 1);
}

// The NDP options after a solicitation/advertisement's target.
static void ndp_options(struct field_list *fl, uint32_t off, uint32_t end)
{
	struct cursor c = fields_cursor(fl, off);
	while (c.off + 2 <= end) {
		uint32_t at = c.off;
		uint8_t type = get_u8(&c);
		uint32_t len = get_u8(&c) * 8u;
		if (c.is_short || len == 0 || at + len > end)
			return;
		if ((type == 1 || type == 2) && len == 8) {
			uint8_t m[6];
			char text[24];
			get_bytes(&c, m, 6);
			mac_text(text, sizeof text, m);
			fields_bytes(fl, at, 8, type == 1 ? "source_lladdr" : "target_lladdr",
			             type == 1 ? "Source link-layer address" :
			                         "Target link-layer address",
			             type == 1 ? "the asker's MAC, so the answer can come back" :
			                         "the MAC the target address is at", "%s", text);
		} else {
			fields_bytes(fl, at, len, "option", "Option", "an NDP option",
			             "type %u, %u bytes", type, len);
			cur_skip(&c, len - 2);
		}
	}
}

// NDP neighbor solicitation (135) / advertisement (136) body at start+4.
static void fields_ndp(struct field_list *fl, const struct packet *pk,
                       uint32_t start, uint32_t end)
{
	struct cursor c = fields_cursor(fl, start + 4);
	uint32_t flags = get_be32(&c);
	uint8_t t[16];
	char text[48];
	if (pk->icmp_type == 136)
		fields_bytes(fl, start + 4, 4, "flags", "Flags",
		             "R: sender is a router, S: solicited, O: override",
		             "0x%08x (%s%s%s)", flags, flags & 0x80000000u ? "R" : "",
		             flags & 0x40000000u ? "S" : "", flags & 0x20000000u ? "O" : "");
	else
		fields_bytes(fl, start + 4, 4, "reserved", "Reserved", "unused, zero",
		             "%u", flags);
	get_bytes(&c, t, 16);
	ip_text(text, sizeof text, 6, t);
	fields_bytes(fl, start + 8, 16, "target", "Target address",
	             pk->icmp_type == 135 ? "the address whose MAC is asked for" :
	                                    "the address being announced", "%s", text);
	ndp_options(fl, start + 24, end);
}

// The general name of an ICMP error type (its code says more).
static const char *type_name(int v6, uint8_t type)
{
	if (v6)
		return type == 1 ? "destination unreachable" : type == 2 ? "packet too big" :
		       type == 3 ? "time exceeded" : "parameter problem";
	return type == 3 ? "destination unreachable" : type == 5 ? "redirect" :
	       type == 11 ? "time exceeded" : "parameter problem";
}

// The 4 bytes after type, code and checksum, as the message type uses them.
static void rest_of_header(struct field_list *fl, const struct packet *pk,
                           uint32_t start, uint32_t rest)
{
	uint8_t t = pk->icmp_type;
	int v6 = pk->proto == PROTO_ICMP6;
	if ((!v6 && (t == 0 || t == 8)) || (v6 && (t == 128 || t == 129))) {
		fields_bytes(fl, start + 4, 2, "id", "Identifier",
		             "matches replies to the pinging process", "%u", rest >> 16);
		fields_bytes(fl, start + 6, 2, "seq", "Sequence number",
		             "matches a reply to its request", "%u", rest & 0xffff);
	} else if (v6 && t == 2) {
		fields_bytes(fl, start + 4, 4, "mtu", "MTU",
		             "the largest packet the next link carries", "%u", rest);
	} else if (!v6 && t == 3 && pk->icmp_code == 4) {
		fields_bytes(fl, start + 4, 2, "unused", "Unused",
		             "zero (RFC 1191)", "0x%04x", rest >> 16);
		fields_bytes(fl, start + 6, 2, "mtu", "Next-hop MTU",
		             "the largest packet the next link carries (RFC 1191)",
		             "%u", rest & 0xffff);
	} else if (v6 && t == 143) {
		fields_bytes(fl, start + 4, 2, "reserved", "Reserved", "unused, zero",
		             "%u", rest >> 16);
		fields_bytes(fl, start + 6, 2, "records", "Group records",
		             "how many multicast groups this report lists", "%u",
		             rest & 0xffff);
	} else if (!(v6 && (t == 135 || t == 136))) {
		fields_bytes(fl, start + 4, 4, "unused", "Rest of header",
		             "unused by this message type", "0x%08x", rest);
	}
}

// ICMP or ICMPv6 (by pk->proto) at start: type, code, checksum, the
// rest of the header, NDP fields, and the datagram an error quotes.
void fields_icmp(struct field_list *fl, const struct packet *pk,
                 uint32_t start)
{
	int v6 = pk->proto == PROTO_ICMP6;
	struct cursor c = fields_cursor(fl, start);
	uint8_t type = get_u8(&c), code = get_u8(&c);
	uint16_t sum = get_be16(&c);
	uint32_t rest = get_be32(&c);
	uint32_t end = pk->net_off + pk->ip_len, len = end > start ? end - start : 0;
	int ndp = v6 && (type == 135 || type == 136);

	fields_layer(fl, v6 ? "icmp6" : "icmp", v6 ? "ICMPv6" : "ICMP",
	             LAYER_TRANSPORT, start, ndp ? len : 8);
	int err = v6 ? type >= 1 && type <= 4 : type == 3 || type == 5 ||
	                                        type == 11 || type == 12;
	const char *what = v6 ? icmp6_name(type, code) : icmp_name(type, code);
	fields_bytes(fl, start, 1, "type", "Type", "what kind of message this is",
	             "%u (%s)", type, err ? type_name(v6, type) : what);
	fields_bytes(fl, start + 1, 1, "code", "Code", "the detail (for errors: what went wrong)",
	             "%u%s%s%s", code, err ? " (" : "", err ? what : "", err ? ")" : "");
	struct field *f = fields_bytes(fl, start + 2, 2, "checksum", "Checksum",
	                               "detects damage to the message", "0x%04x", sum);
	if (f)
		f->check = check_transport(fl, pk, start, len, v6 ? 58 : 1, v6, sum);
	rest_of_header(fl, pk, start, rest);
	if (ndp)
		fields_ndp(fl, pk, start, end);
	if (pk->quoted.valid)
		fields_quote(fl, pk, start + 8);
}
