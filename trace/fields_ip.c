// fields_ip.c: the header fields of the network layer (IPv4 with its
// options, IPv6 with its extension headers, ARP), for -v.
#include <stdio.h>
#include <string.h>

#include "fields_rec.h"

// The names of the IPv4 options in the header bytes [off, end), as text.
static void ipv4_option_names(struct cursor *c, uint32_t end, char *buf,
                              size_t size)
{
	size_t n = 0;
	buf[0] = 0;
	while (c->off < end && n < size) {
		uint8_t kind = get_u8(c), len = 1;
		const char *name = kind == 0 ? "end of list" : kind == 1 ? "NOP" :
		        kind == 7 ? "record route" : kind == 68 ? "timestamp" :
		        kind == 131 ? "loose source route" :
		        kind == 137 ? "strict source route" :
		        kind == 148 ? "router alert" : NULL;
		if (name)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "", name);
		else
			n += (size_t)snprintf(buf + n, size - n, "%soption %u", n ? ", " : "", kind);
		if (kind == 0 || c->is_short)
			break;
		if (kind == 1)
			continue;  // NOP: one byte, the next option follows
		len = get_u8(c);
		if (len < 2 || cur_skip(c, len - 2u) < 0)
			break;
	}
}

// The names of the flags set in an IPv4 flags-and-offset field, joined
// by ", " into buf ("none" when no flag is set).
static void ipv4_flag_names(char *buf, size_t size, uint16_t frag)
{
	snprintf(buf, size, "%s%s%s%s%s",
	         frag & 0x8000 ? "reserved bit set" : "",
	         frag & 0x8000 && frag & 0x6000 ? ", " : "",
	         frag & 0x4000 ? "DF, don't fragment" : "",
	         frag & 0x4000 && frag & 0x2000 ? ", " : "",
	         frag & 0x2000 ? "MF, more fragments" : "");
	if (!(frag & 0xe000))
		snprintf(buf, size, "none");
}

// IPv4 (or the IPv4 header an ICMP error quotes): every header field.
void fields_ipv4(struct field_list *fl, const struct packet *pk,
                 uint32_t start, int quoted)
{
	(void)pk;
	struct cursor c = fields_cursor(fl, start);
	uint8_t vhl = get_u8(&c), tos = get_u8(&c);
	uint16_t total = get_be16(&c), id = get_be16(&c), frag = get_be16(&c);
	uint8_t ttl = get_u8(&c), proto = get_u8(&c);
	uint16_t sum = get_be16(&c);
	uint8_t a[4], b[4];
	char src[16], dst[16], opts[80];
	uint32_t hlen = (vhl & 15) * 4u, s = start * 8;

	get_bytes(&c, a, 4);
	get_bytes(&c, b, 4);
	ip_text(src, sizeof src, 4, a);
	ip_text(dst, sizeof dst, 4, b);
	struct layer *l = fields_layer(fl, quoted ? "quoted_ipv4" : "ipv4",
	                               "IPv4",
	                               LAYER_NETWORK, start, hlen < 20 ? 20 : hlen);
	if (l)
		l->quoted = quoted;
	fields_add(fl, "version", "Version", "which IP this is", s, 4, "%u", vhl >> 4);
	fields_add(fl, "ihl", "Header length", "where the header ends, in 32-bit words",
	           s + 4, 4, "%u (%u bytes)", vhl & 15, hlen);
	fields_add(fl, "dscp", "DSCP", "differentiated services: priority class",
	           s + 8, 6, "%u", tos >> 2);
	fields_add(fl, "ecn", "ECN", "explicit congestion notification", s + 14, 2,
	           "%u", tos & 3);
	fields_add(fl, "total_length", "Total length", "bytes in the datagram, header included",
	           s + 16, 16, "%u bytes", total);
	fields_add(fl, "id", "Identification", "groups the fragments of one datagram",
	           s + 32, 16, "0x%04x (%u)", id, id);
	char flags[64];
	ipv4_flag_names(flags, sizeof flags, frag);
	fields_add(fl, "flags", "Flags", "reserved, don't fragment, more fragments",
	           s + 48, 3, "0x%x (%s)", frag >> 13, flags);
	fields_add(fl, "frag_offset", "Fragment offset",
	           "where this fragment's data goes, in 8-byte units",
	           s + 51, 13, "%u (byte %u)", frag & 0x1fff, (frag & 0x1fff) * 8u);
	fields_add(fl, "ttl", "Time to live", "hops left before a router discards it",
	           s + 64, 8, "%u", ttl);
	fields_add(fl, "protocol", "Protocol", "which transport protocol it carries",
	           s + 72, 8, "%u (%s)", proto, ipproto_name(proto));
	struct field *f = fields_add(fl, "checksum", "Header checksum",
	                             "detects damage to the header", s + 80, 16,
	                             "0x%04x", sum);
	if (f)
		f->check = check_ipv4_header(fl, start, hlen);
	fields_bytes(fl, start + 12, 4, "src", "Source address", "the sending host", "%s", src);
	fields_bytes(fl, start + 16, 4, "dst", "Destination address", "the receiving host", "%s", dst);
	if (hlen > 20) {
		ipv4_option_names(&c, start + hlen, opts, sizeof opts);
		fields_bytes(fl, start + 20, hlen - 20, "options", "Options",
		             "rarely used extras (route recording, alerts)", "%s", opts);
	}
}

// An IPv6 extension header's layer name and title.
static int ext_names(uint8_t nh, const char **name, const char **title)
{
	switch (nh) {
	case 0: *name = "ipv6_hopopts"; *title = "IPv6 hop-by-hop options"; return 1;
	case 43: *name = "ipv6_routing"; *title = "IPv6 routing header"; return 1;
	case 44: *name = "ipv6_fragment"; *title = "IPv6 fragment header"; return 1;
	case 51: *name = "ipv6_ah"; *title = "IPv6 authentication header"; return 1;
	case 60: *name = "ipv6_dstopts"; *title = "IPv6 destination options"; return 1;
	case 135: *name = "ipv6_mobility"; *title = "IPv6 mobility header"; return 1;
	default: return 0;
	}
}

// One extension header of type nh at off; returns its length (0: stop)
// and sets *next.
static uint32_t fields_ext(struct field_list *fl, uint8_t nh, uint32_t off,
                           uint32_t end, uint8_t *next, int quoted)
{
	const char *name, *title;
	struct cursor c = fields_cursor(fl, off);
	*next = get_u8(&c);
	uint8_t hl = get_u8(&c);
	uint32_t len = nh == 44 ? 8 : nh == 51 ? (hl + 2u) * 4 : (hl + 1u) * 8;
	if (!ext_names(nh, &name, &title) || off + len > end)
		return 0;
	struct layer *l = fields_layer(fl, name, title, LAYER_NETWORK, off, len);
	if (l)
		l->quoted = quoted;
	fields_bytes(fl, off, 1, "next_header", "Next header", "which header follows",
	             "%u (%s)", *next, ipproto_name(*next));
	if (nh == 44) {
		uint16_t fo = get_be16(&c);  // hl above was the reserved byte
		uint32_t id = get_be32(&c);
		fields_bytes(fl, off + 1, 1, "reserved", "Reserved", "unused, zero", "0");
		fields_add(fl, "frag_offset", "Fragment offset",
		           "where this fragment's data goes, in 8-byte units",
		           (off + 2) * 8, 13, "%u (byte %u)", fo >> 3, fo & 0xfff8u);
		fields_add(fl, "res", "Reserved", "unused, zero", (off + 3) * 8 + 5, 2, "%u",
		           (fo >> 1) & 3);
		fields_add(fl, "more", "More fragments", "1 on every fragment but the last",
		           (off + 3) * 8 + 7, 1, "%u", fo & 1);
		fields_bytes(fl, off + 4, 4, "id", "Identification",
		             "groups the fragments of one datagram", "0x%08x", id);
		return len;
	}
	fields_bytes(fl, off + 1, 1, "length", "Header length",
	             nh == 51 ? "in 4-byte units, less 2" : "in 8-byte units, not counting the first 8",
	             "%u (%u bytes)", hl, len);
	fields_bytes(fl, off + 2, len - 2, "data", nh == 43 ? "Routing data" : "Options",
	             nh == 43 ? "routing type, segments left, addresses" : "options and padding",
	             "%u bytes", len - 2);
	return len;
}

// IPv6 (or the IPv6 header an ICMPv6 error quotes): the fixed header,
// then each extension header up to end as its own layer.
void fields_ipv6(struct field_list *fl, const struct packet *pk,
                 uint32_t start, uint32_t end, int quoted)
{
	(void)pk;
	struct cursor c = fields_cursor(fl, start);
	uint32_t vtf = get_be32(&c), s = start * 8;
	uint16_t plen = get_be16(&c);
	uint8_t nh = get_u8(&c), hop = get_u8(&c), a[16], b[16];
	char src[48], dst[48];

	get_bytes(&c, a, 16);
	get_bytes(&c, b, 16);
	ip_text(src, sizeof src, 6, a);
	ip_text(dst, sizeof dst, 6, b);
	struct layer *l = fields_layer(fl, quoted ? "quoted_ipv6" : "ipv6",
	                               "IPv6",
	                               LAYER_NETWORK, start, 40);
	if (l)
		l->quoted = quoted;
	fields_add(fl, "version", "Version", "which IP this is", s, 4, "%u", vtf >> 28);
	fields_add(fl, "traffic_class", "Traffic class", "priority class and congestion bits",
	           s + 4, 8, "0x%02x", (vtf >> 20) & 0xff);
	fields_add(fl, "flow_label", "Flow label", "lets routers keep one flow together",
	           s + 12, 20, "0x%05x", vtf & 0xfffff);
	fields_add(fl, "payload_length", "Payload length",
	           "bytes after this 40-byte header", s + 32, 16, "%u bytes", plen);
	fields_add(fl, "next_header", "Next header", "which header follows",
	           s + 48, 8, "%u (%s)", nh, ipproto_name(nh));
	fields_add(fl, "hop_limit", "Hop limit", "hops left before a router discards it",
	           s + 56, 8, "%u", hop);
	fields_bytes(fl, start + 8, 16, "src", "Source address", "the sending host", "%s", src);
	fields_bytes(fl, start + 24, 16, "dst", "Destination address", "the receiving host", "%s", dst);
	for (uint32_t off = start + 40; off < end; ) {
		uint8_t next;
		uint32_t len = fields_ext(fl, nh, off, end, &next, quoted);
		if (len == 0)
			break;
		off += len;
		nh = next;
	}
}

// ARP: types, sizes, operation and the four addresses.
void fields_arp(struct field_list *fl, uint32_t start)
{
	struct cursor c = fields_cursor(fl, start);
	uint16_t ht = get_be16(&c), pt = get_be16(&c);
	uint8_t hl = get_u8(&c), pl = get_u8(&c);
	uint16_t op = get_be16(&c);
	uint8_t sha[6], spa[4], tha[6], tpa[4];
	char t[4][24];

	int ipv4 = ht == 1 && pt == 0x0800 && hl == 6 && pl == 4;
	fields_layer(fl, "arp", "ARP", LAYER_NETWORK, start, 8 + 2u * (hl + pl));
	fields_bytes(fl, start, 2, "htype", "Hardware type", "the kind of link (1: Ethernet)",
	             "%u", ht);
	fields_bytes(fl, start + 2, 2, "ptype", "Protocol type", "the kind of address asked about",
	             "0x%04x (%s)", pt, ethertype_name(pt));
	fields_bytes(fl, start + 4, 1, "hlen", "Hardware size", "bytes in a hardware address", "%u", hl);
	fields_bytes(fl, start + 5, 1, "plen", "Protocol size", "bytes in a protocol address", "%u", pl);
	fields_bytes(fl, start + 6, 2, "opcode", "Operation", "request or reply", "%u (%s)", op,
	             op == 1 ? "request" : op == 2 ? "reply" : "other");
	if (!ipv4)
		return;
	get_bytes(&c, sha, 6);
	get_bytes(&c, spa, 4);
	get_bytes(&c, tha, 6);
	get_bytes(&c, tpa, 4);
	mac_text(t[0], sizeof t[0], sha);
	ip_text(t[1], sizeof t[1], 4, spa);
	mac_text(t[2], sizeof t[2], tha);
	ip_text(t[3], sizeof t[3], 4, tpa);
	fields_bytes(fl, start + 8, 6, "sha", "Sender MAC", "the sender's hardware address", "%s", t[0]);
	fields_bytes(fl, start + 14, 4, "spa", "Sender IP", "the sender's IP address", "%s", t[1]);
	fields_bytes(fl, start + 18, 6, "tha", "Target MAC", "the target's hardware address (zero in a request: unknown)", "%s", t[2]);
	fields_bytes(fl, start + 24, 4, "tpa", "Target IP", "the target's IP address", "%s", t[3]);
}
