// fields_link.c: the header fields of the link layers (Ethernet and its
// VLAN tags, BSD loopback, Linux cooked v1 and v2), for -v.
#include <stdio.h>

#include "fields_rec.h"

// Ethernet II, then one layer per 802.1Q/802.1ad tag up to end.
void fields_ethernet(struct field_list *fl, uint32_t end)
{
	struct cursor c = fields_cursor(fl, 0);
	uint8_t dst[6], src[6];
	char text[24];

	get_bytes(&c, dst, 6);
	get_bytes(&c, src, 6);
	uint16_t type = get_be16(&c);
	fields_layer(fl, "ethernet", "Ethernet II", LAYER_LINK, 0, 14);
	mac_text(text, sizeof text, dst);
	fields_bytes(fl, 0, 6, "dst", "Destination MAC", "the adapter this frame is for", "%s", text);
	mac_text(text, sizeof text, src);
	fields_bytes(fl, 6, 6, "src", "Source MAC", "the adapter that sent it", "%s", text);
	fields_bytes(fl, 12, 2, "type", "EtherType", "which protocol the frame carries",
	             "0x%04x (%s)", type, ethertype_name(type));
	for (uint32_t off = 14; off + 4 <= end; off += 4) {
		uint16_t tpid = type;  // the EtherType before the tag names it
		uint16_t tci = get_be16(&c);
		type = get_be16(&c);
		fields_layer(fl, "vlan", tpid == 0x8100 ? "802.1Q VLAN tag" :
		             "802.1ad service tag (QinQ outer)", LAYER_LINK, off, 4);
		fields_add(fl, "pcp", "Priority", "priority class for switches",
		           off * 8, 3, "%u", tci >> 13);
		fields_add(fl, "dei", "Drop eligible", "may be dropped first under congestion",
		           off * 8 + 3, 1, "%u", (tci >> 12) & 1);
		fields_add(fl, "vid", "VLAN ID", "which virtual LAN the frame belongs to",
		           off * 8 + 4, 12, "%u", tci & 0x0fff);
		fields_bytes(fl, off + 2, 2, "type", "EtherType", "which protocol follows the tag",
		             "0x%04x (%s)", type, ethertype_name(type));
	}
}

// The name of a BSD loopback address family value.
static const char *family_name(uint32_t af)
{
	if (af == 2)
		return "IPv4";
	if (af == 10 || af == 24 || af == 28 || af == 30)
		return "IPv6";
	return "unknown";
}

// BSD loopback: the 4-byte address family.
void fields_null(struct field_list *fl, int network_order)
{
	struct cursor c = fields_cursor(fl, 0);
	uint32_t af = get_be32(&c);
	int swapped = 0;
	if (!network_order && (af & 0xffff0000)) {
		af = (af >> 24) | ((af >> 8) & 0xff00) | ((af << 8) & 0xff0000) | (af << 24);
		swapped = 1;
	}
	fields_layer(fl, network_order ? "loop" : "null",
	             network_order ? "Loopback (network order)" : "BSD loopback",
	             LAYER_LINK, 0, 4);
	fields_bytes(fl, 0, 4, "family", "Address family",
	             "which protocol the frame carries",
	             "%u (%s)%s", af, family_name(af),
	             swapped ? ", little-endian" : "");
}

// The name of a Linux packet type (to us, broadcast, ...).
static const char *pkttype_name(uint16_t t)
{
	static const char *names[] = { "to us", "broadcast", "multicast",
	                               "to another host", "sent by us" };
	return t < 5 ? names[t] : "unknown";
}

// The name of the ARPHRD device types seen in practice.
static const char *arphrd_name(uint16_t t)
{
	switch (t) {
	case 1: return "Ethernet";
	case 772: return "loopback";
	case 776: return "IPv6-in-IPv4";
	case 65534: return "none (tunnel)";
	default: return "other";
	}
}

// The 8-byte link-layer address field of a cooked header.
static void cooked_addr(struct field_list *fl, struct cursor *c, uint32_t off,
                        uint32_t alen)
{
	uint8_t a[8];
	char text[32] = "", *p = text;
	get_bytes(c, a, 8);
	for (uint32_t i = 0; i < alen && i < 8; i++)
		p += snprintf(p, sizeof text - (size_t)(p - text), "%s%02x",
		              i ? ":" : "", a[i]);
	fields_bytes(fl, off, 8, "addr", "Link-layer address",
	             "the sender's hardware address (padded to 8 bytes)",
	             "%s", alen ? text : "(none)");
}

// Linux cooked v1 (SLL): packet type, device type, address, protocol.
void fields_sll(struct field_list *fl)
{
	struct cursor c = fields_cursor(fl, 0);
	uint16_t pt = get_be16(&c), hw = get_be16(&c), alen = get_be16(&c);
	fields_layer(fl, "sll", "Linux cooked capture", LAYER_LINK, 0, 16);
	fields_bytes(fl, 0, 2, "pkttype", "Packet type", "which way the packet went",
	             "%u (%s)", pt, pkttype_name(pt));
	fields_bytes(fl, 2, 2, "hatype", "Device type", "the kind of interface (ARPHRD)",
	             "%u (%s)", hw, arphrd_name(hw));
	fields_bytes(fl, 4, 2, "halen", "Address length", "bytes of the address below",
	             "%u", alen);
	cooked_addr(fl, &c, 6, alen);
	uint16_t proto = get_be16(&c);
	fields_bytes(fl, 14, 2, "protocol", "Protocol", "which protocol the frame carries",
	             "0x%04x (%s)", proto, ethertype_name(proto));
}

// Linux cooked v2 (SLL2): protocol, interface, device type, packet type,
// address.
void fields_sll2(struct field_list *fl)
{
	struct cursor c = fields_cursor(fl, 0);
	uint16_t proto = get_be16(&c);
	uint16_t reserved = get_be16(&c);
	uint32_t ifindex = get_be32(&c);
	uint16_t hw = get_be16(&c);
	uint8_t pt = get_u8(&c), alen = get_u8(&c);
	fields_layer(fl, "sll2", "Linux cooked capture v2", LAYER_LINK, 0, 20);
	fields_bytes(fl, 0, 2, "protocol", "Protocol", "which protocol the frame carries",
	             "0x%04x (%s)", proto, ethertype_name(proto));
	fields_bytes(fl, 2, 2, "reserved", "Reserved", "unused, zero", "%u", reserved);
	fields_bytes(fl, 4, 4, "ifindex", "Interface index", "which interface saw it",
	             "%u", ifindex);
	fields_bytes(fl, 8, 2, "hatype", "Device type", "the kind of interface (ARPHRD)",
	             "%u (%s)", hw, arphrd_name(hw));
	fields_bytes(fl, 10, 1, "pkttype", "Packet type", "which way the packet went",
	             "%u (%s)", pt, pkttype_name(pt));
	fields_bytes(fl, 11, 1, "halen", "Address length", "bytes of the address below",
	             "%u", alen);
	cooked_addr(fl, &c, 12, alen);
}
