// decode_icmp.c: ICMP and ICMPv6: the message type in one line, the
// datagram an error message quotes (its addresses and ports), and NDP
// neighbor solicitations and advertisements.
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "decode.h"
#include "fields.h"

// The ports of a quoted TCP or UDP header at c, if captured.
static void quoted_ports(struct quoted *q, struct cursor *c, int first_frag)
{
	if (!first_frag || (q->proto != IPP_TCP && q->proto != IPP_UDP))
		return;
	q->sport = get_be16(c);
	q->dport = get_be16(c);
	q->has_ports = !c->is_short;
	if (!q->has_ports)
		q->sport = q->dport = 0;
}

// The IPv4 datagram an ICMP error quotes: header, then 8 bytes of it.
static void quoted_ipv4(struct quoted *q, struct cursor *c)
{
	uint8_t vhl = get_u8(c);
	cur_skip(c, 5);
	uint16_t frag = get_be16(c);
	cur_skip(c, 1);
	q->proto = get_u8(c);
	cur_skip(c, 2);
	get_bytes(c, q->src.a, 4);
	get_bytes(c, q->dst.a, 4);
	if (c->is_short || vhl >> 4 != 4 || (vhl & 0x0f) < 5)
		return;
	q->valid = 1;
	q->src.family = q->dst.family = 4;
	if (cur_skip(c, (vhl & 0x0f) * 4u - 20) == 0)
		quoted_ports(q, c, (frag & 0x1fff) == 0);
}

// The IPv6 datagram an ICMPv6 error quotes, extension headers walked.
static void quoted_ipv6(struct quoted *q, struct cursor *c)
{
	uint32_t vtf = get_be32(c);
	cur_skip(c, 2);
	uint8_t nh = get_u8(c);
	cur_skip(c, 1);
	get_bytes(c, q->src.a, 16);
	get_bytes(c, q->dst.a, 16);
	if (c->is_short || vtf >> 28 != 6)
		return;
	q->valid = 1;
	q->src.family = q->dst.family = 6;
	const char *why;
	struct frag6 fr = { 0, 0, 0, 0 };
	if (ipv6_walk(c, &nh, &fr, &why) < 0)
		return;
	q->proto = nh;
	quoted_ports(q, c, fr.off == 0);
}

// Text for an ICMP (v4) type and code.
const char *icmp_name(uint8_t type, uint8_t code)
{
	static const char *unreach[] = {
		"network unreachable", "host unreachable",
		"protocol unreachable", "port unreachable",
		"fragmentation needed", "source route failed",
		"destination network unknown", "destination host unknown",
		"source host isolated", "network administratively prohibited",
		"host administratively prohibited",
		"network unreachable for TOS", "host unreachable for TOS",
		"communication administratively prohibited",
	};
	switch (type) {
	case 0: return "echo reply";
	case 3: return code < 14 ? unreach[code] : "destination unreachable";
	case 4: return "source quench";
	case 5: return "redirect";
	case 8: return "echo request";
	case 11: return code ? "fragment reassembly time exceeded" :
	                       "time to live exceeded in transit";
	case 12: return "parameter problem";
	case 13: return "timestamp request";
	case 14: return "timestamp reply";
	default: return "unknown type";
	}
}

// The 8-byte ICMP/ICMPv6 header: type, code, checksum, 4 more bytes.
// Returns the 4 bytes as a number; -1 (stop recorded) if truncated.
static long icmp_header(struct packet *pk, struct cursor *c, const char *layer)
{
	pk->trans_off = c->off;
	pk->trans_hlen = 8;
	pk->icmp_type = get_u8(c);
	pk->icmp_code = get_u8(c);
	cur_skip(c, 2);
	uint32_t rest = get_be32(c);
	if (c->is_short) {
		if (pk->fields)
			fields_icmp(pk->fields, pk, pk->trans_off);
		decode_stop(pk, layer, "truncated");
		return -1;
	}
	return rest;
}

// Bytes the IP header says follow the cursor.
static uint32_t left_in_ip(const struct packet *pk, const struct cursor *c)
{
	uint32_t end = pk->net_off + pk->ip_len;
	return end > c->off ? end - c->off : 0;
}

// ICMP: type and code; errors quote the datagram that caused them.
void decode_icmp(struct packet *pk, struct cursor *c)
{
	pk->proto = PROTO_ICMP;
	long rest = icmp_header(pk, c, "icmp");
	if (rest < 0)
		return;
	uint8_t t = pk->icmp_type;
	const char *name = icmp_name(t, pk->icmp_code);
	if (t == 0 || t == 8)
		snprintf(pk->summary, sizeof pk->summary, "ICMP %s id %lu seq %lu",
		         name, (unsigned long)rest >> 16, (unsigned long)rest & 0xffff);
	else if (t == 3 && pk->icmp_code == 4) {
		pk->icmp_mtu = (uint32_t)rest & 0xffff;  // RFC 1191: low 2 bytes
		snprintf(pk->summary, sizeof pk->summary,
		         "ICMP %s (type %u code %u), next-hop MTU %u", name, t,
		         pk->icmp_code, pk->icmp_mtu);
	} else
		snprintf(pk->summary, sizeof pk->summary, "ICMP %s (type %u code %u)",
		         name, t, pk->icmp_code);
	if (t == 3 || t == 4 || t == 5 || t == 11 || t == 12) {
		struct cursor q = *c;
		quoted_ipv4(&pk->quoted, &q);
	}
	if (pk->fields)
		fields_icmp(pk->fields, pk, pk->trans_off);
	decode_set_payload(pk, c, left_in_ip(pk, c));
}

// Text for an ICMPv6 type and code.
const char *icmp6_name(uint8_t type, uint8_t code)
{
	static const char *unreach[] = {
		"no route to destination", "communication administratively prohibited",
		"beyond scope of source address", "address unreachable",
		"port unreachable", "source address failed policy",
		"reject route to destination",
	};
	switch (type) {
	case 1: return code < 7 ? unreach[code] : "destination unreachable";
	case 2: return "packet too big";
	case 3: return code ? "fragment reassembly time exceeded" :
	                      "hop limit exceeded in transit";
	case 4: return "parameter problem";
	case 128: return "echo request";
	case 129: return "echo reply";
	case 130: return "multicast listener query";
	case 131: return "multicast listener report";
	case 132: return "multicast listener done";
	case 143: return "multicast listener report v2 (MLDv2)";
	case 133: return "router solicitation";
	case 134: return "router advertisement";
	case 135: return "neighbor solicitation";
	case 136: return "neighbor advertisement";
	case 137: return "redirect";
	default: return "unknown type";
	}
}

// The link-layer address in an NDP option of the given type, as text
// in buf (empty if there is none).
static void ndp_lladdr(struct cursor *c, uint8_t want, char *buf, size_t size)
{
	buf[0] = 0;
	while (cur_left(c) >= 2) {
		uint8_t type = get_u8(c);
		uint32_t len = get_u8(c) * 8u;
		if (len < 2 || cur_left(c) < len - 2)
			return;
		if (type == want && len == 8) {
			uint8_t m[6];
			get_bytes(c, m, 6);
			snprintf(buf, size, " %s %02x:%02x:%02x:%02x:%02x:%02x",
			         want == 1 ? "from" : "at",
			         m[0], m[1], m[2], m[3], m[4], m[5]);
			return;
		}
		cur_skip(c, len - 2);
	}
}

// NDP neighbor solicitation (135) or advertisement (136) in one line.
static void ndp_summary(struct packet *pk, struct cursor *c, uint32_t flags)
{
	uint8_t target[16];
	char t[INET6_ADDRSTRLEN], s[INET6_ADDRSTRLEN], ll[40];

	struct cursor o = *c;
	if (get_bytes(&o, target, 16) < 0) {
		decode_stop(pk, "icmp6", "truncated");
		return;
	}
	inet_ntop(AF_INET6, target, t, sizeof t);
	inet_ntop(AF_INET6, pk->src.a, s, sizeof s);
	if (pk->icmp_type == 135) {
		ndp_lladdr(&o, 1, ll, sizeof ll);
		snprintf(pk->summary, sizeof pk->summary,
		         "NDP neighbor solicitation: who has %s? tell %s%s", t, s, ll);
	} else {
		ndp_lladdr(&o, 2, ll, sizeof ll);
		snprintf(pk->summary, sizeof pk->summary,
		         "NDP neighbor advertisement: %s is%s%s%s%s%s", t,
		         ll[0] ? ll : " here", "",
		         flags & 0x80000000u ? " (router)" : "",
		         flags & 0x40000000u ? " (solicited)" : "",
		         flags & 0x20000000u ? " (override)" : "");
	}
}

// ICMPv6: type and code; errors quote the datagram that caused them;
// neighbor discovery is summed up in one line.
void decode_icmp6(struct packet *pk, struct cursor *c)
{
	pk->proto = PROTO_ICMP6;
	long rest = icmp_header(pk, c, "icmp6");
	if (rest < 0)
		return;
	uint8_t t = pk->icmp_type;
	const char *name = icmp6_name(t, pk->icmp_code);
	if (t == 128 || t == 129)
		snprintf(pk->summary, sizeof pk->summary, "ICMPv6 %s id %lu seq %lu",
		         name, (unsigned long)rest >> 16, (unsigned long)rest & 0xffff);
	else if (t == 2) {
		pk->icmp_mtu = (uint32_t)rest;
		snprintf(pk->summary, sizeof pk->summary,
		         "ICMPv6 %s (type %u code %u), MTU %u", name, t,
		         pk->icmp_code, pk->icmp_mtu);
	} else
		snprintf(pk->summary, sizeof pk->summary,
		         "ICMPv6 %s (type %u code %u)", name, t, pk->icmp_code);
	if (t >= 1 && t <= 4) {
		struct cursor q = *c;
		quoted_ipv6(&pk->quoted, &q);
	} else if (t == 135 || t == 136) {
		ndp_summary(pk, c, (uint32_t)rest);
		if (!pk->stopped_layer)
			cur_skip(c, cur_left(c));  // NDP is all header: no payload
	} else if (t == 143 || (t >= 130 && t <= 132)) {
		if (t == 143)
			snprintf(pk->summary, sizeof pk->summary, "ICMPv6 %s, %lu group "
			         "record%s", name, (unsigned long)rest & 0xffff,
			         (rest & 0xffff) == 1 ? "" : "s");
		cur_skip(c, cur_left(c));  // MLD is all header: no payload
	}
	if (pk->fields)
		fields_icmp(pk->fields, pk, pk->trans_off);
	decode_set_payload(pk, c, left_in_ip(pk, c));
}
