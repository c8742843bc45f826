// pktbuild.c: build packets for tests and the capture generator.
#include "pktbuild.h"

#include <arpa/inet.h>
#include <string.h>

// Append n raw bytes (silently dropped past PKT_MAX: test data only).
void put_bytes(struct pkt *p, const void *d, size_t n)
{
	if (n == 0 || p->len + n > PKT_MAX)
		return;
	memcpy(p->b + p->len, d, n);
	p->len += (uint32_t)n;
}

void put_u8(struct pkt *p, uint8_t v) { put_bytes(p, &v, 1); }

// Append a big-endian 16-bit number.
void put_be16(struct pkt *p, uint16_t v)
{
	uint8_t b[2] = { v >> 8, v & 0xff };
	put_bytes(p, b, 2);
}

// Append a big-endian 32-bit number.
void put_be32(struct pkt *p, uint32_t v)
{
	put_be16(p, v >> 16);
	put_be16(p, v & 0xffff);
}

// Append a little-endian 32-bit number.
void put_le32(struct pkt *p, uint32_t v)
{
	uint8_t b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
	put_bytes(p, b, 4);
}

// Ethernet II with fixed addresses 02:00:00:00:00:02 <- 02:00:00:00:00:01.
void put_eth(struct pkt *p, uint16_t type)
{
	static const uint8_t macs[12] = { 2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1 };
	put_bytes(p, macs, 12);
	put_be16(p, type);
}

// IPv4 header (see pktbuild.h).
void put_ipv4(struct pkt *p, uint8_t proto, const char *src, const char *dst,
              uint16_t id, uint16_t frag, const uint8_t *opt, int optlen)
{
	uint8_t a[4];
	p->ip = p->len;
	put_u8(p, (uint8_t)(0x45 + optlen / 4));
	put_u8(p, 0);
	put_be16(p, 0);       // total length: pkt_finish
	put_be16(p, id);
	put_be16(p, frag);
	put_u8(p, 64);
	put_u8(p, proto);
	put_be16(p, 0);       // checksum: pkt_finish
	inet_pton(AF_INET, src, a);
	put_bytes(p, a, 4);
	inet_pton(AF_INET, dst, a);
	put_bytes(p, a, 4);
	put_bytes(p, opt, (size_t)optlen);
	p->l4 = p->len;
	p->l4proto = proto;
}

// IPv6 header (see pktbuild.h).
void put_ipv6(struct pkt *p, uint8_t nh, const char *src, const char *dst)
{
	uint8_t a[16];
	p->ip = p->len;
	put_be32(p, 0x60000000);
	put_be16(p, 0);       // payload length: pkt_finish
	put_u8(p, nh);
	put_u8(p, 64);
	inet_pton(AF_INET6, src, a);
	put_bytes(p, a, 16);
	inet_pton(AF_INET6, dst, a);
	put_bytes(p, a, 16);
	p->l4 = p->len;
	p->l4proto = nh;
}

// The transport header (of IP protocol proto) starts at the end.
void mark_l4(struct pkt *p, uint8_t proto)
{
	p->l4 = p->len;
	p->l4proto = proto;
}

// UDP header; length and checksum are set by pkt_finish.
void put_udp(struct pkt *p, uint16_t sport, uint16_t dport)
{
	mark_l4(p, 17);
	put_be16(p, sport);
	put_be16(p, dport);
	put_be32(p, 0);       // length, checksum: pkt_finish
}

// TCP header with options; checksum set by pkt_finish.
void put_tcp(struct pkt *p, uint16_t sport, uint16_t dport, uint32_t seq,
             uint32_t ack, uint8_t flags, uint16_t win,
             const uint8_t *opt, int optlen)
{
	mark_l4(p, 6);
	put_be16(p, sport);
	put_be16(p, dport);
	put_be32(p, seq);
	put_be32(p, ack);
	put_u8(p, (uint8_t)((5 + optlen / 4) << 4));
	put_u8(p, flags);
	put_be16(p, win);
	put_be32(p, 0);       // checksum: pkt_finish; urgent pointer 0
	put_bytes(p, opt, (size_t)optlen);
}

// ICMP or ICMPv6 (proto 1 or 58) header; checksum set by pkt_finish.
void put_icmp(struct pkt *p, uint8_t proto, uint8_t type, uint8_t code,
              uint32_t rest)
{
	mark_l4(p, proto);
	put_u8(p, type);
	put_u8(p, code);
	put_be16(p, 0);
	put_be32(p, rest);
}

// One's-complement sum of n bytes at d added to s.
static uint32_t sum16(const uint8_t *d, uint32_t n, uint32_t s)
{
	for (uint32_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(d[i] << 8 | d[i + 1]);
	if (n & 1)
		s += (uint32_t)d[n - 1] << 8;
	return s;
}

// Fold a one's-complement sum and complement it: the checksum.
static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

// Store v big-endian at d.
static void set16(uint8_t *d, uint16_t v)
{
	d[0] = v >> 8;
	d[1] = v & 0xff;
}

// Lengths and checksums (see pktbuild.h).
void pkt_finish(struct pkt *p)
{
	uint8_t *ip = p->b + p->ip, *l4 = p->b + p->l4;
	uint32_t l4len = p->len - p->l4, s = 0;
	int v6 = ip[0] >> 4 == 6;

	if (v6) {
		set16(ip + 4, (uint16_t)(p->len - p->ip - 40));
		s = sum16(ip + 8, 32, 0);
	} else {
		set16(ip + 2, (uint16_t)(p->len - p->ip));
		set16(ip + 10, 0);
		set16(ip + 10, fold(sum16(ip, (ip[0] & 15) * 4u, 0)));
		s = sum16(ip + 12, 8, 0);
	}
	s += p->l4proto + l4len;
	if (p->l4proto == 17)
		set16(l4 + 4, (uint16_t)l4len);
	int ck = p->l4proto == 17 ? 6 : p->l4proto == 6 ? 16 :
	         p->l4proto == 1 || p->l4proto == 58 ? 2 : -1;
	if (ck < 0)
		return;
	if (p->l4proto == 1)
		s = 0;    // ICMPv4 has no pseudo-header
	set16(l4 + ck, 0);
	uint16_t c = fold(sum16(l4, l4len, s));
	if (p->l4proto == 17 && c == 0)
		c = 0xffff;
	set16(l4 + ck, c);
}
