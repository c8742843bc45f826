// decode_link.c: link-layer decoders: Ethernet with 802.1Q/QinQ tags,
// BSD loopback (DLT_NULL, DLT_LOOP), Linux cooked (SLL, SLL2) and raw IP.
#include <stdio.h>

#include "decode.h"
#include "fields.h"

#define VLAN_MAX 8  // tags walked before giving up on a frame

// Address family values a loopback header may carry for IPv6: Linux,
// NetBSD/OpenBSD, FreeBSD/DragonFly, macOS/iOS.
static int is_af_inet6(uint32_t af)
{
	return af == 10 || af == 24 || af == 28 || af == 30;
}

// Ethernet II: destination, source, EtherType, then any 802.1Q/802.1ad
// tags (each a TCI and the next EtherType) before the network layer.
void decode_ethernet(struct packet *pk, struct cursor *c)
{
	pk->link = "ethernet";
	cur_skip(c, 12);
	uint16_t type = get_be16(c);
	const char *stop = c->is_short ? "ethernet" : NULL;
	for (int n = 0; !stop && (type == ETH_VLAN || type == ETH_QINQ ||
	                          type == ETH_QINQ_OLD); n++) {
		uint16_t tci = get_be16(c);
		type = get_be16(c);
		if (n == VLAN_MAX || c->is_short) {
			stop = "vlan";
			break;
		}
		if (pk->nvlan < 2)
			pk->vlan[pk->nvlan] = tci & 0x0fff;
		pk->nvlan++;
	}
	if (pk->fields)
		fields_ethernet(pk->fields, 14 + 4u * (uint32_t)pk->nvlan);
	if (stop)
		decode_stop(pk, stop, c->is_short ? "truncated" : "too many tags");
	else
		decode_ethertype(pk, c, type);
}

// BSD loopback: a 4-byte address family, in the capturing host's byte
// order (DLT_NULL, either order accepted) or network order (DLT_LOOP).
void decode_null(struct packet *pk, struct cursor *c, int network_order)
{
	pk->link = network_order ? "loop" : "null";
	uint32_t af = get_be32(c);
	if (pk->fields)
		fields_null(pk->fields, network_order);
	if (c->is_short) {
		decode_stop(pk, pk->link, "truncated");
		return;
	}
	if (af & 0xffff0000)  // written little-endian: swap
		af = (af >> 24) | ((af >> 8) & 0xff00) |
		     ((af << 8) & 0xff0000) | (af << 24);
	if (af == 2)
		decode_ethertype(pk, c, ETH_IPV4);
	else if (is_af_inet6(af))
		decode_ethertype(pk, c, ETH_IPV6);
	else
		snprintf(pk->summary, sizeof pk->summary,
		         "loopback frame of address family %u (not decoded)", af);
}

// Linux cooked v1: packet type, ARPHRD type, address length, 8 address
// bytes, protocol (an EtherType for the protocols we decode).
void decode_sll(struct packet *pk, struct cursor *c)
{
	pk->link = "sll";
	cur_skip(c, 14);
	uint16_t proto = get_be16(c);
	if (pk->fields)
		fields_sll(pk->fields);
	if (c->is_short) {
		decode_stop(pk, "sll", "truncated");
		return;
	}
	decode_ethertype(pk, c, proto);
}

// Linux cooked v2: protocol, reserved, interface index, ARPHRD type,
// packet type, address length, 8 address bytes.
void decode_sll2(struct packet *pk, struct cursor *c)
{
	pk->link = "sll2";
	uint16_t proto = get_be16(c);
	cur_skip(c, 18);
	if (pk->fields)
		fields_sll2(pk->fields);
	if (c->is_short) {
		decode_stop(pk, "sll2", "truncated");
		return;
	}
	decode_ethertype(pk, c, proto);
}

// Raw IP: no link header; the version nibble says which IP.
void decode_raw(struct packet *pk, struct cursor *c)
{
	pk->link = "raw";
	struct cursor peek = *c;
	uint8_t v = get_u8(&peek) >> 4;
	if (peek.is_short) {
		decode_stop(pk, "raw", "truncated");
		return;
	}
	if (v == 4)
		decode_ethertype(pk, c, ETH_IPV4);
	else if (v == 6)
		decode_ethertype(pk, c, ETH_IPV6);
	else
		decode_stop(pk, "raw", "bad version");
}

// Hand c (at the first byte after the link header) to the decoder of
// the network protocol the EtherType names.
void decode_ethertype(struct packet *pk, struct cursor *c, uint16_t type)
{
	pk->ethertype = type;
	switch (type) {
	case ETH_IPV4: decode_ipv4(pk, c); break;
	case ETH_IPV6: decode_ipv6(pk, c); break;
	case ETH_ARP:  decode_arp(pk, c); break;
	default:
		if (type < 0x0600 && pk->link[0] == 's')  // sll, sll2
			snprintf(pk->summary, sizeof pk->summary,
			         "Linux protocol 0x%04x (not decoded)", type);
		else if (type < 0x0600)
			snprintf(pk->summary, sizeof pk->summary,
			         "802.3 frame, length %u (not decoded)", type);
		else
			snprintf(pk->summary, sizeof pk->summary,
			         "EtherType 0x%04x (not decoded)", type);
	}
}
