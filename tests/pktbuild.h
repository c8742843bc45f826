// pktbuild.h: build packets byte by byte for the decoder tests and the
// capture generator: headers are appended to a buffer, then pkt_finish()
// fills in lengths and checksums the way a sender's stack would.
#ifndef SOCKLAB_PKTBUILD_H
#define SOCKLAB_PKTBUILD_H

#include <stddef.h>
#include <stdint.h>

#define PKT_MAX 9216

struct pkt {
	uint8_t b[PKT_MAX];
	uint32_t len;
	uint32_t ip;       // offset of the (outer) IP header
	uint32_t l4;       // offset of the transport header
	uint8_t l4proto;   // its IP protocol number
};

// Append raw bytes / big-endian numbers / little-endian 32-bit.
void put_bytes(struct pkt *p, const void *d, size_t n);
void put_u8(struct pkt *p, uint8_t v);
void put_be16(struct pkt *p, uint16_t v);
void put_be32(struct pkt *p, uint32_t v);
void put_le32(struct pkt *p, uint32_t v);

// Ethernet II header (fixed MAC addresses) with the given EtherType.
void put_eth(struct pkt *p, uint16_t type);

// IPv4 header with options (optlen a multiple of 4); total length and
// checksum are set by pkt_finish. frag = flags and offset field.
void put_ipv4(struct pkt *p, uint8_t proto, const char *src, const char *dst,
              uint16_t id, uint16_t frag, const uint8_t *opt, int optlen);

// IPv6 header; payload length is set by pkt_finish.
void put_ipv6(struct pkt *p, uint8_t nh, const char *src, const char *dst);

// UDP / TCP / ICMP(v6) headers; lengths and checksums by pkt_finish.
void put_udp(struct pkt *p, uint16_t sport, uint16_t dport);
void put_tcp(struct pkt *p, uint16_t sport, uint16_t dport, uint32_t seq,
             uint32_t ack, uint8_t flags, uint16_t win,
             const uint8_t *opt, int optlen);
void put_icmp(struct pkt *p, uint8_t proto, uint8_t type, uint8_t code,
              uint32_t rest);

// Mark the transport header as starting here (for headers built by hand).
void mark_l4(struct pkt *p, uint8_t proto);

// Set the IP length, IPv4 header checksum, UDP length and the transport
// checksum (with the pseudo-header) for the packet as built.
void pkt_finish(struct pkt *p);

#endif
