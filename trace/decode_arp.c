// decode_arp.c: ARP requests and replies, summed up in one line.
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "decode.h"
#include "fields.h"

// Write the 6-byte hardware address mac as aa:bb:cc:dd:ee:ff into buf.
static void mac_str(char buf[18], const uint8_t mac[6])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
	         mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

// The Ethernet/IPv4 case: who has / is at, in one line.
static void arp_ipv4(struct packet *pk, struct cursor *c, uint16_t op)
{
	uint8_t sha[6], spa[4], tha[6], tpa[4];
	char smac[18], tmac[18], sip[16], tip[16];

	get_bytes(c, sha, 6);
	get_bytes(c, spa, 4);
	get_bytes(c, tha, 6);
	get_bytes(c, tpa, 4);
	if (c->is_short) {
		decode_stop(pk, "arp", "truncated");
		return;
	}
	pk->arp_op = op;
	pk->arp_gratuitous = memcmp(spa, tpa, 4) == 0;
	mac_str(smac, sha);
	mac_str(tmac, tha);
	inet_ntop(AF_INET, spa, sip, sizeof sip);
	inet_ntop(AF_INET, tpa, tip, sizeof tip);
	if (op == 1 && memcmp(spa, tpa, 4) == 0)
		snprintf(pk->summary, sizeof pk->summary,
		         "ARP announcement: %s is at %s", sip, smac);
	else if (op == 1)
		snprintf(pk->summary, sizeof pk->summary,
		         "ARP request: who has %s? tell %s (at %s)", tip, sip, smac);
	else if (op == 2)
		snprintf(pk->summary, sizeof pk->summary,
		         "ARP reply: %s is at %s (to %s at %s)", sip, smac, tip, tmac);
	else
		snprintf(pk->summary, sizeof pk->summary,
		         "ARP operation %u from %s (%s) about %s", op, sip, smac, tip);
}

// ARP: hardware and protocol types and sizes, operation, then the
// sender's and target's hardware and protocol addresses.
void decode_arp(struct packet *pk, struct cursor *c)
{
	pk->proto = PROTO_ARP;
	pk->net_off = c->off;
	uint16_t htype = get_be16(c);
	uint16_t ptype = get_be16(c);
	uint8_t hlen = get_u8(c);
	uint8_t plen = get_u8(c);
	uint16_t op = get_be16(c);
	if (pk->fields)
		fields_arp(pk->fields, pk->net_off);
	if (c->is_short) {
		decode_stop(pk, "arp", "truncated");
		return;
	}
	if (htype == 1 && ptype == ETH_IPV4 && hlen == 6 && plen == 4)
		arp_ipv4(pk, c, op);
	else
		snprintf(pk->summary, sizeof pk->summary,
		         "ARP operation %u, hardware type %u, protocol 0x%04x "
		         "(not decoded)", op, htype, ptype);
}
