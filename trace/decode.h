// decode.h: how the per-layer decoders hand a frame to each other.
// Each decoder reads its header through the cursor (bytes.h), fills its
// part of struct packet, and calls the decoder of the layer it carries.
// On a short or malformed header it calls decode_stop() and returns.
#ifndef SOCKTRACE_DECODE_H
#define SOCKTRACE_DECODE_H

#include "bytes.h"
#include "packet.h"

// EtherTypes the link decoders dispatch on.
enum {
	ETH_IPV4 = 0x0800, ETH_ARP = 0x0806, ETH_IPV6 = 0x86dd,
	ETH_VLAN = 0x8100, ETH_QINQ = 0x88a8, ETH_QINQ_OLD = 0x9100,
};

// IP protocol numbers (and IPv6 extension headers) the decoders know.
enum {
	IPP_HOPOPTS = 0, IPP_ICMP = 1, IPP_TCP = 6, IPP_UDP = 17,
	IPP_ROUTING = 43, IPP_FRAGMENT = 44, IPP_AH = 51, IPP_ICMP6 = 58,
	IPP_NONE = 59, IPP_DSTOPTS = 60,
};

// Record where and why decoding stopped (the first call wins).
void decode_stop(struct packet *pk, const char *layer, const char *reason);

// Link layers (decode_link.c): c is at the frame's first byte.
void decode_ethernet(struct packet *pk, struct cursor *c);
void decode_null(struct packet *pk, struct cursor *c, int network_order);
void decode_sll(struct packet *pk, struct cursor *c);
void decode_sll2(struct packet *pk, struct cursor *c);
void decode_raw(struct packet *pk, struct cursor *c);

// Dispatch on an EtherType with c at the first byte it carries.
void decode_ethertype(struct packet *pk, struct cursor *c, uint16_t type);

// Network layer (decode_ip.c, decode_arp.c).
void decode_ipv4(struct packet *pk, struct cursor *c);
void decode_ipv6(struct packet *pk, struct cursor *c);
void decode_arp(struct packet *pk, struct cursor *c);

// Transport layer: c's window is the IP payload (decode_transport.c).
void decode_transport(struct packet *pk, struct cursor *c);
void decode_udp(struct packet *pk, struct cursor *c);
void decode_tcp(struct packet *pk, struct cursor *c);
void decode_tcp_options(struct tcp_options *o, struct cursor *c);

// ICMP and ICMPv6, including the quoted datagram and NDP (decode_icmp.c).
void decode_icmp(struct packet *pk, struct cursor *c);
void decode_icmp6(struct packet *pk, struct cursor *c);

// What an ICMP / ICMPv6 message of this type and code is, in words
// ("echo request", "port unreachable").
const char *icmp_name(uint8_t type, uint8_t code);
const char *icmp6_name(uint8_t type, uint8_t code);

// What an IPv6 fragment header says (is_frag 0 if there was none).
struct frag6 {
	int is_frag, more;
	uint32_t off, id;
};

// Walk IPv6 extension headers from next header *nh at c; on return c is
// at the upper-layer header and *nh says which it is. Fragment details
// go to *fr (if not NULL). Returns 0, or -1 with *why set.
int ipv6_walk(struct cursor *c, uint8_t *nh, struct frag6 *fr,
              const char **why);

// Point the payload view at the rest of c's window; len is what the
// headers say was sent.
void decode_set_payload(struct packet *pk, struct cursor *c, uint32_t len);

#endif
