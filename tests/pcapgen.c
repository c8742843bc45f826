// pcapgen.c: write the crafted captures in tests/captures/: one pcap
// file per case the decoders and annotator must handle (each link type,
// IPv4 options and fragments, IPv6 extension headers, TCP options and
// SACK, ICMP errors, ARP, NDP, truncated and malformed frames). Output
// is deterministic: fixed addresses, sequence numbers and timestamps.
//
// Usage: pcapgen DIR            writes DIR/gen-*.pcap (tests/captures/README.md)
//        pcapgen --corpus DIR   writes each frame as a seed for the fuzz
//                               target: one byte naming the link type
//                               (see trace/fuzz_decode.c), then the frame
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "pktbuild.h"

#define BASE_SEC 1767225600u   // 2026-01-01 00:00:00 UTC

struct gen {
	FILE *f;
	int dlt;          // link type written in the file header
	int le_null;      // DLT_NULL family written little-endian
	uint32_t n;       // frames written
	uint32_t usec;    // timestamp offset of the next frame
	int err;
	const char *corpus;  // if set: write fuzz seeds here instead (f NULL)
	const char *name;
};

// Write a little-endian 32-bit number (the file's byte order).
static void w32(struct gen *g, uint32_t v)
{
	if (!g->f)
		return;
	uint8_t b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
	if (fwrite(b, 1, 4, g->f) != 4)
		g->err = 1;
}

// Write a little-endian 16-bit number.
static void w16(struct gen *g, uint16_t v)
{
	if (!g->f)
		return;
	uint8_t b[2] = { v & 0xff, v >> 8 };
	if (fwrite(b, 1, 2, g->f) != 2)
		g->err = 1;
}

// The fuzz target's number for a link type (its link_types[] index).
static uint8_t fuzz_link(int dlt)
{
	static const int dlts[8] = { 1, 0, 108, 113, 276, 101, 228, 229 };
	for (uint8_t i = 0; i < 8; i++)
		if (dlts[i] == dlt)
			return i;
	return 0;
}

// Write the first caplen bytes of p as one fuzz seed file.
static void emit_seed(struct gen *g, const struct pkt *p, uint32_t caplen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s-%u", g->corpus, g->name, g->n);
	FILE *f = fopen(path, "wb");
	if (!f) {
		g->err = 1;
		return;
	}
	uint8_t link = (uint8_t)(fuzz_link(g->dlt) | (g->n & 1) << 3);
	if (fwrite(&link, 1, 1, f) != 1 || fwrite(p->b, 1, caplen, f) != caplen)
		g->err = 1;
	if (fclose(f) != 0)
		g->err = 1;
}

// Write frame p with caplen bytes captured (of p->len), 1 ms after the last.
static void emit_cut(struct gen *g, const struct pkt *p, uint32_t caplen)
{
	if (caplen > p->len)
		caplen = p->len;
	if (g->corpus) {
		emit_seed(g, p, caplen);
		g->n++;
		return;
	}
	w32(g, BASE_SEC + g->usec / 1000000);
	w32(g, g->usec % 1000000);
	w32(g, caplen);
	w32(g, p->len);
	if (fwrite(p->b, 1, caplen, g->f) != caplen)
		g->err = 1;
	g->n++;
	g->usec += 1000;
}

// Write frame p whole.
static void emit(struct gen *g, const struct pkt *p)
{
	emit_cut(g, p, p->len);
}

// The link header of g's link type for an IPv4 or IPv6 datagram.
static void link_hdr(struct gen *g, struct pkt *p, int v6)
{
	memset(p, 0, sizeof *p);
	switch (g->dlt) {
	case 1:    // Ethernet
		put_eth(p, v6 ? 0x86dd : 0x0800);
		break;
	case 0:    // BSD loopback, host order: macOS writes 30 for IPv6
		if (g->le_null)
			put_le32(p, v6 ? 30 : 2);
		else
			put_be32(p, v6 ? 24 : 2);
		break;
	case 108:  // OpenBSD loopback: network order
		put_be32(p, v6 ? 24 : 2);
		break;
	case 113:  // Linux cooked v1: to us, loopback, 6-byte address
		put_be16(p, 0);
		put_be16(p, 772);
		put_be16(p, 6);
		put_bytes(p, "\0\0\0\0\0\0\0\0", 8);
		put_be16(p, v6 ? 0x86dd : 0x0800);
		break;
	case 276:  // Linux cooked v2: protocol, ifindex 1, loopback, to us
		put_be16(p, v6 ? 0x86dd : 0x0800);
		put_be16(p, 0);
		put_be32(p, 1);
		put_be16(p, 772);
		put_u8(p, 0);
		put_u8(p, 6);
		put_bytes(p, "\0\0\0\0\0\0\0\0", 8);
		break;
	default:   // raw IP (101, 228, 229): no link header
		break;
	}
}

static const char *src4 = "127.0.0.1", *src6 = "::1";

// A UDP datagram from sport to dport carrying text.
static void udp(struct gen *g, int v6, uint16_t sport, uint16_t dport,
                const char *text, uint16_t id)
{
	struct pkt p;
	link_hdr(g, &p, v6);
	if (v6)
		put_ipv6(&p, 17, src6, src6);
	else
		put_ipv4(&p, 17, src4, src4, id, 0x4000, NULL, 0);
	put_udp(&p, sport, dport);
	put_bytes(&p, text, strlen(text));
	pkt_finish(&p);
	emit(g, &p);
}

// UDPClient's request and UDPServer's upper-cased reply.
static void udp_exchange(struct gen *g, int v6)
{
	udp(g, v6, 45678, 12000, "hello\n", 0x1001);
	udp(g, v6, 12000, 45678, "HELLO\n", 0x1002);
}

// A TCP segment; opt/optlen its options, data its payload (may be NULL).
static void tcp(struct gen *g, int v6, uint16_t sport, uint16_t dport,
                uint32_t seq, uint32_t ack, uint8_t flags,
                const uint8_t *opt, int optlen, const char *data)
{
	struct pkt p;
	link_hdr(g, &p, v6);
	if (v6)
		put_ipv6(&p, 6, src6, src6);
	else
		put_ipv4(&p, 6, src4, src4, (uint16_t)(0x2000 + g->n), 0x4000,
		         NULL, 0);
	put_tcp(&p, sport, dport, seq, ack, flags, flags & 0x02 ? 65495 : 512,
	        opt, optlen);
	if (data)
		put_bytes(&p, data, strlen(data));
	pkt_finish(&p);
	emit(g, &p);
}

enum { FIN = 1, SYN = 2, RST = 4, PSH = 8, ACK = 16 };
static const uint32_t CISN = 1000000000u, SISN = 3000000000u;

// SYN options as Linux sends them: MSS, SACK-permitted, timestamps,
// NOP, window scale 7; tsecr gets ecr.
static void syn_opts(uint8_t o[20], uint32_t val, uint32_t ecr)
{
	static const uint8_t t[20] = { 2, 4, 0xff, 0xd7, 4, 2, 8, 10,
	                               0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7 };
	memcpy(o, t, 20);
	for (int i = 0; i < 4; i++) {
		o[8 + i] = (uint8_t)(val >> (24 - 8 * i));
		o[12 + i] = (uint8_t)(ecr >> (24 - 8 * i));
	}
}

// NOP, NOP, timestamps: what Linux puts on every later segment.
static void ts_opts(uint8_t o[12], uint32_t val, uint32_t ecr)
{
	uint8_t s[20];
	syn_opts(s, val, ecr);
	o[0] = o[1] = 1;
	memcpy(o + 2, s + 6, 10);
}

// TCPClient and TCPServer: handshake, one line each way, the client
// closes first.
static void tcp_session(struct gen *g, int v6)
{
	uint8_t s[20], t[12];
	const uint16_t c = 45678, sv = 12000;
	syn_opts(s, 100, 0);
	tcp(g, v6, c, sv, CISN, 0, SYN, s, 20, NULL);
	syn_opts(s, 200, 100);
	tcp(g, v6, sv, c, SISN, CISN + 1, SYN | ACK, s, 20, NULL);
	ts_opts(t, 101, 200);
	tcp(g, v6, c, sv, CISN + 1, SISN + 1, ACK, t, 12, NULL);
	tcp(g, v6, c, sv, CISN + 1, SISN + 1, PSH | ACK, t, 12, "hello\n");
	ts_opts(t, 201, 101);
	tcp(g, v6, sv, c, SISN + 1, CISN + 7, ACK, t, 12, NULL);
	tcp(g, v6, sv, c, SISN + 1, CISN + 7, PSH | ACK, t, 12, "HELLO\n");
	ts_opts(t, 102, 201);
	tcp(g, v6, c, sv, CISN + 7, SISN + 7, ACK, t, 12, NULL);
	tcp(g, v6, c, sv, CISN + 7, SISN + 7, FIN | ACK, t, 12, NULL);
	ts_opts(t, 202, 102);
	tcp(g, v6, sv, c, SISN + 7, CISN + 8, FIN | ACK, t, 12, NULL);
	ts_opts(t, 103, 202);
	tcp(g, v6, c, sv, CISN + 8, SISN + 8, ACK, t, 12, NULL);
}

// connect() to a port where nothing listens: SYN, then RST-ACK.
static void tcp_refused(struct gen *g)
{
	uint8_t s[20];
	syn_opts(s, 100, 0);
	tcp(g, 0, 45678, 12001, CISN, 0, SYN, s, 20, NULL);
	tcp(g, 0, 12001, 45678, 0, CISN + 1, RST | ACK, NULL, 0, NULL);
}

// A lost segment: the server ACKs with SACK blocks for what came after
// (duplicate ACKs), then the client retransmits.
static void tcp_sack(struct gen *g)
{
	uint8_t s[20], t[12];
	const uint16_t c = 45678, sv = 12000;
	syn_opts(s, 100, 0);
	tcp(g, 0, c, sv, CISN, 0, SYN, s, 20, NULL);
	syn_opts(s, 200, 100);
	tcp(g, 0, sv, c, SISN, CISN + 1, SYN | ACK, s, 20, NULL);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, ACK, t, 12, NULL);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, ACK, t, 12, "one\n");
	tcp(g, 0, c, sv, CISN + 5, SISN + 1, ACK, t, 12, "two\n");
	tcp(g, 0, c, sv, CISN + 9, SISN + 1, PSH | ACK, t, 12, "three\n");
	for (int i = 0; i < 2; i++) {   // "one" arrived, "two" lost
		uint8_t o[24] = { 1, 1, 8, 10, 0, 0, 0, 201, 0, 0, 0, 101,
		                  1, 1, 5, 10 };
		uint32_t l = CISN + 9, r = CISN + 15;
		for (int k = 0; k < 4; k++) {
			o[16 + k] = (uint8_t)(l >> (24 - 8 * k));
			o[20 + k] = (uint8_t)(r >> (24 - 8 * k));
		}
		tcp(g, 0, sv, c, SISN + 1, CISN + 5, ACK, o, 24, NULL);
	}
	tcp(g, 0, c, sv, CISN + 5, SISN + 1, ACK, t, 12, "two\n");
	ts_opts(t, 202, 101);
	tcp(g, 0, sv, c, SISN + 1, CISN + 15, ACK, t, 12, NULL);
}

// The two hosts of `socktrace run --two-hosts`, client and server.
static const char *const LOSS_C = "10.0.0.1", *const LOSS_S = "10.0.0.2";

// One IPv4 packet between the two hosts at usec microseconds: UDP
// (proto 17) carrying data, or a TCP segment.
static void hosts_pkt(struct gen *g, uint32_t usec, int to_server, uint8_t proto,
                      uint32_t seq, uint32_t ack, uint8_t flags, const char *data)
{
	struct pkt p = { .len = 0 };
	uint8_t o[20];
	// Timestamps on every segment, as Linux sends them once both SYNs
	// offered them: a 1 ms clock, 100 on the client, 200 on the server;
	// MSS 1460, as on the 1500-byte veth link.
	uint32_t ms = usec / 1000, val = (to_server ? 100 : 200) + ms;
	uint32_t ecr = flags == SYN ? 0 : (to_server ? 200 : 100) + ms;
	int optlen = flags & SYN ? 20 : 12;
	if (flags & SYN) {
		syn_opts(o, val, ecr);
		o[2] = 0x05, o[3] = 0xb4;
	} else {
		ts_opts(o, val, ecr);
	}
	g->usec = usec;
	put_eth(&p, 0x0800);
	put_ipv4(&p, proto, to_server ? LOSS_C : LOSS_S, to_server ? LOSS_S : LOSS_C,
	         (uint16_t)(0x3000 + g->n), 0x4000, NULL, 0);
	if (proto == 17)
		put_udp(&p, to_server ? 45678 : 12000, to_server ? 12000 : 45678);
	else
		put_tcp(&p, to_server ? 45678 : 12000, to_server ? 12000 : 45678, seq, ack, flags,
		        flags & SYN ? 64240 : 502, o, optlen);
	if (data)
		put_bytes(&p, data, strlen(data));
	pkt_finish(&p);
	emit(g, &p);
}

// The client's ARP request for the server and its answer, at t = 0.
static void hosts_arp(struct gen *g)
{
	static const uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	static const uint8_t z[6] = { 0 }, ipa[4] = { 10, 0, 0, 1 }, ipb[4] = { 10, 0, 0, 2 };
	for (int i = 0; i < 2; i++) {
		struct pkt p = { .len = 0 };
		g->usec = (uint32_t)i * 40;
		put_eth(&p, 0x0806);
		put_bytes(&p, "\0\1\x08\0\6\4", 6);
		put_be16(&p, i ? 2 : 1);
		put_bytes(&p, i ? b : a, 6);
		put_bytes(&p, i ? ipb : ipa, 4);
		put_bytes(&p, i ? a : z, 6);
		put_bytes(&p, i ? ipa : ipb, 4);
		while (p.len < 60)
			put_u8(&p, 0);
		emit(g, &p);
	}
}

// make trace-udp-loss, as the client's end of the link sees it: the
// request goes out, the reply is lost on the server's side, nothing more
// comes (the client gives up after 3 s).
static void udp_loss(struct gen *g)
{
	hosts_arp(g);
	hosts_pkt(g, 60, 1, 17, 0, 0, 0, "hello from socklab");
}

// make trace-tcp-loss, as the client's end sees it: the first SYN-ACK is
// lost (the SYN goes again after Linux's 1 s), then the server's ACK of
// the sentence and its first reply are lost: the client sends the
// sentence again after its retransmission timeout, and the server's
// retransmitted reply gets through.
static void tcp_loss(struct gen *g)
{
	const uint32_t c = CISN, sv = SISN;
	hosts_arp(g);
	hosts_pkt(g, 60, 1, 6, c, 0, SYN, NULL);
	hosts_pkt(g, 1024060, 1, 6, c, 0, SYN, NULL);
	hosts_pkt(g, 1024110, 0, 6, sv, c + 1, SYN | ACK, NULL);
	hosts_pkt(g, 1024130, 1, 6, c + 1, sv + 1, ACK, NULL);
	hosts_pkt(g, 1024300, 1, 6, c + 1, sv + 1, PSH | ACK, "hello from socklab");
	hosts_pkt(g, 1024320, 1, 6, c + 19, sv + 1, FIN | ACK, NULL);
	hosts_pkt(g, 1240300, 1, 6, c + 1, sv + 1, PSH | ACK, "hello from socklab");
	hosts_pkt(g, 1240350, 0, 6, sv + 1, c + 20, ACK, NULL);
	hosts_pkt(g, 1240600, 0, 6, sv + 1, c + 20, PSH | ACK, "HELLO FROM SOCKLAB");
	hosts_pkt(g, 1240620, 1, 6, c + 20, sv + 19, ACK, NULL);
	hosts_pkt(g, 1240700, 0, 6, sv + 19, c + 20, FIN | ACK, NULL);
	hosts_pkt(g, 1240720, 1, 6, c + 20, sv + 20, ACK, NULL);
}

// IPv4 options: record route (NOP-padded) and router alert, over UDP.
static void ipv4_options(struct gen *g)
{
	static const uint8_t rr[12] = { 1, 7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0 };
	static const uint8_t ra[4] = { 148, 4, 0, 0 };
	struct pkt p;
	link_hdr(g, &p, 0);
	put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x3001, 0, rr, 12);
	put_udp(&p, 45678, 12000);
	put_bytes(&p, "options\n", 8);
	pkt_finish(&p);
	emit(g, &p);
	link_hdr(g, &p, 0);
	put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x3002, 0, ra, 4);
	put_udp(&p, 45678, 12000);
	put_bytes(&p, "alert\n", 6);
	pkt_finish(&p);
	emit(g, &p);
}

// One UDP datagram of 8 + 3000 bytes split into IPv4 fragments of 1480,
// 1480 and 48 bytes (offsets 0, 1480, 2960), as sendto() of 3000 bytes
// over a 1500-byte MTU would be.
static void ipv4_fragments(struct gen *g)
{
	struct pkt whole = { .len = 0 };
	put_ipv4(&whole, 17, "10.0.0.1", "10.0.0.2", 0x4242, 0, NULL, 0);
	put_udp(&whole, 45678, 12000);
	for (int i = 0; i < 3000; i++)
		put_u8(&whole, (uint8_t)('a' + i % 26));
	pkt_finish(&whole);     // UDP length and checksum of the whole
	const uint32_t data = whole.len - 20;   // 3008 bytes after IP
	for (uint32_t off = 0; off < data; off += 1480) {
		uint32_t n = data - off < 1480 ? data - off : 1480;
		struct pkt p;
		link_hdr(g, &p, 0);
		uint16_t frag = (uint16_t)(off / 8 | (off + n < data ? 0x2000 : 0));
		put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x4242, frag, NULL, 0);
		put_bytes(&p, whole.b + 20 + off, n);
		p.l4proto = 0;          // keep the UDP checksum of the whole
		pkt_finish(&p);
		emit(g, &p);
	}
}

// IPv6 extension headers: hop-by-hop (router alert), destination
// options, routing (type 0 segments left 0) to UDP; then a datagram in
// two fragments (fragment header: first with M, then offset 8).
static void ipv6_ext(struct gen *g)
{
	struct pkt p;
	link_hdr(g, &p, 1);
	put_ipv6(&p, 0, "2001:db8::1", "2001:db8::2");
	put_bytes(&p, "\x3c\x00\x05\x02\x00\x00\x01\x00", 8);
	put_bytes(&p, "\x2b\x00\x01\x04\x00\x00\x00\x00", 8);
	put_bytes(&p, "\x11\x00\x00\x00\x00\x00\x00\x00", 8);
	put_udp(&p, 45678, 12000);
	put_bytes(&p, "ext\n", 4);
	pkt_finish(&p);
	emit(g, &p);

	struct pkt whole = { .len = 0 };
	put_ipv6(&whole, 17, "2001:db8::1", "2001:db8::2");
	put_udp(&whole, 45678, 12000);
	put_bytes(&whole, "fragmented datagram\n", 20);
	pkt_finish(&whole);     // 28 bytes after the header: 16 + 12
	for (uint32_t off = 0; off < 28; off += 16) {
		uint32_t n = off ? 12 : 16;
		link_hdr(g, &p, 1);
		put_ipv6(&p, 44, "2001:db8::1", "2001:db8::2");
		put_u8(&p, 17);
		put_u8(&p, 0);
		put_be16(&p, (uint16_t)(off | (off ? 0 : 1)));
		put_be32(&p, 0x77);
		put_bytes(&p, whole.b + 40 + off, n);
		p.l4proto = 0;
		pkt_finish(&p);
		emit(g, &p);
	}
}

// A datagram to a closed port and the ICMP/ICMPv6 port unreachable that
// answers it, quoting it.
static void port_unreachable(struct gen *g, int v6)
{
	struct pkt d = { .len = 0 }, p;
	udp(g, v6, 45678, 12000, "anyone there?\n", 0x5001);
	if (v6)
		put_ipv6(&d, 17, src6, src6);
	else
		put_ipv4(&d, 17, src4, src4, 0x5001, 0x4000, NULL, 0);
	put_udp(&d, 45678, 12000);
	put_bytes(&d, "anyone there?\n", 14);
	pkt_finish(&d);
	link_hdr(g, &p, v6);
	if (v6)
		put_ipv6(&p, 58, src6, src6);
	else
		put_ipv4(&p, 1, src4, src4, 0x6001, 0, NULL, 0);
	put_icmp(&p, v6 ? 58 : 1, v6 ? 1 : 3, v6 ? 4 : 3, 0);
	put_bytes(&p, d.b, d.len);
	pkt_finish(&p);
	emit(g, &p);
}

// ICMP echo request and reply (ping 127.0.0.1).
static void icmp_echo(struct gen *g)
{
	for (int t = 8; t >= 0; t -= 8) {
		struct pkt p;
		link_hdr(g, &p, 0);
		put_ipv4(&p, 1, src4, src4, (uint16_t)(0x7000 + t), 0x4000, NULL, 0);
		put_icmp(&p, 1, (uint8_t)t, 0, 0x00420001);
		put_bytes(&p, "0123456789abcdef", 16);
		pkt_finish(&p);
		emit(g, &p);
	}
}

// ARP request, reply and a gratuitous announcement on Ethernet.
static void arp(struct gen *g)
{
	static const uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, b[6] = { 2, 0, 0, 0, 0, 2 };
	static const uint8_t z[6] = { 0 }, ipa[4] = { 10, 0, 0, 1 }, ipb[4] = { 10, 0, 0, 2 };
	const uint8_t *rows[3][4] = { { a, ipa, z, ipb }, { b, ipb, a, ipa },
	                              { a, ipa, z, ipa } };
	for (int i = 0; i < 3; i++) {
		struct pkt p = { .len = 0 };
		put_eth(&p, 0x0806);
		put_bytes(&p, "\0\1\x08\0\6\4", 6);
		put_be16(&p, i == 1 ? 2 : 1);
		put_bytes(&p, rows[i][0], 6);
		put_bytes(&p, rows[i][1], 4);
		put_bytes(&p, rows[i][2], 6);
		put_bytes(&p, rows[i][3], 4);
		while (p.len < 60)
			put_u8(&p, 0);   // Ethernet padding
		emit(g, &p);
	}
}

// NDP neighbor solicitation and the solicited advertisement.
static void ndp(struct gen *g)
{
	uint8_t t[16];
	struct pkt p;
	inet_pton(AF_INET6, "fe80::2", t);
	link_hdr(g, &p, 1);
	put_ipv6(&p, 58, "fe80::1", "ff02::1:ff00:2");
	p.b[p.ip + 7] = 255;
	put_icmp(&p, 58, 135, 0, 0);
	put_bytes(&p, t, 16);
	put_bytes(&p, "\1\1\2\0\0\0\0\1", 8);
	pkt_finish(&p);
	emit(g, &p);
	link_hdr(g, &p, 1);
	put_ipv6(&p, 58, "fe80::2", "fe80::1");
	p.b[p.ip + 7] = 255;
	put_icmp(&p, 58, 136, 0, 0x60000000);
	put_bytes(&p, t, 16);
	put_bytes(&p, "\2\1\2\0\0\0\0\2", 8);
	pkt_finish(&p);
	emit(g, &p);
}

// 802.1Q-tagged and QinQ (802.1ad outer, 802.1Q inner) UDP datagrams.
static void vlan(struct gen *g)
{
	for (int qinq = 0; qinq < 2; qinq++) {
		struct pkt p = { .len = 0 };
		put_eth(&p, qinq ? 0x88a8 : 0x8100);
		put_be16(&p, 100);
		if (qinq) {
			put_be16(&p, 0x8100);
			put_be16(&p, 200);
		}
		put_be16(&p, 0x0800);
		put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x8001, 0x4000, NULL, 0);
		put_udp(&p, 45678, 12000);
		put_bytes(&p, "tagged\n", 7);
		pkt_finish(&p);
		emit(g, &p);
	}
}

// The SYN of tcp_session as one Ethernet frame, for cutting and breaking.
static void syn_frame(struct pkt *p)
{
	uint8_t s[20];
	syn_opts(s, 100, 0);
	memset(p, 0, sizeof *p);
	put_eth(p, 0x0800);
	put_ipv4(p, 6, src4, src4, 0x2000, 0x4000, NULL, 0);
	put_tcp(p, 45678, 12000, CISN, 0, SYN, 65495, s, 20);
	pkt_finish(p);
}

// A UDP request as one Ethernet frame, for cutting and breaking.
static void udp_frame(struct pkt *p)
{
	memset(p, 0, sizeof *p);
	put_eth(p, 0x0800);
	put_ipv4(p, 17, src4, src4, 0x1001, 0x4000, NULL, 0);
	put_udp(p, 45678, 12000);
	put_bytes(p, "hello\n", 6);
	pkt_finish(p);
}

// Frames captured short (caplen < wire length), cut inside each layer.
static void truncated(struct gen *g)
{
	struct pkt p;
	static const uint32_t syn_cuts[] = { 10, 30, 44, 60 };
	syn_frame(&p);
	for (int i = 0; i < 4; i++)
		emit_cut(g, &p, syn_cuts[i]);   // Ethernet, IPv4, TCP, options
	udp_frame(&p);
	emit_cut(g, &p, 38);                // UDP header
	emit_cut(g, &p, 45);                // UDP payload: 3 of 6 bytes
	// An ICMP port unreachable cut inside its quoted UDP ports.
	struct pkt d, e = { .len = 0 };
	udp_frame(&d);
	put_eth(&e, 0x0800);
	put_ipv4(&e, 1, src4, src4, 0x6001, 0, NULL, 0);
	put_icmp(&e, 1, 3, 3, 0);
	put_bytes(&e, d.b + 14, d.len - 14);
	pkt_finish(&e);
	emit_cut(g, &e, 14 + 20 + 8 + 20 + 2);
	struct pkt v6 = { .len = 0 };
	put_eth(&v6, 0x86dd);
	put_ipv6(&v6, 0, "2001:db8::1", "2001:db8::2");
	put_bytes(&v6, "\x11\x00\x00\x00\x00\x00\x00\x00", 8);
	put_udp(&v6, 45678, 12000);
	pkt_finish(&v6);
	emit_cut(g, &v6, 14 + 40 + 4);      // inside the hop-by-hop header
}

// Frames whose headers are impossible (captured whole).
static void malformed(struct gen *g)
{
	struct pkt p;
	syn_frame(&p);
	p.b[14] = 0x55;                     // IP version 5
	emit(g, &p);
	syn_frame(&p);
	p.b[14] = 0x43;                     // IHL 3: 12-byte header
	emit(g, &p);
	syn_frame(&p);
	p.b[16] = 0;
	p.b[17] = 16;                       // total length 16 < header
	emit(g, &p);
	syn_frame(&p);
	p.b[14 + 20 + 12] = 0x30;           // TCP data offset 3 words
	emit(g, &p);
	syn_frame(&p);
	p.b[14 + 20 + 12] = 0xf0;           // TCP data offset past the end
	emit(g, &p);
	syn_frame(&p);
	p.b[14 + 20 + 20 + 5] = 0;          // SACK-permitted of length 0
	emit(g, &p);
	syn_frame(&p);
	p.b[14 + 20 + 20 + 1] = 60;         // MSS option of length 60
	emit(g, &p);
	udp_frame(&p);
	p.b[14 + 20 + 5] = 4;               // UDP length 4 < 8
	emit(g, &p);
	udp_frame(&p);
	p.b[14 + 20 + 4] = 0x10;            // UDP length 4110 > datagram
	emit(g, &p);
	memset(&p, 0, sizeof p);
	put_eth(&p, 0x86dd);
	put_bytes(&p, "\x70\0\0\0\0\0\x11\x40", 8);   // IPv6 version 7
	for (int i = 0; i < 32; i++)
		put_u8(&p, (uint8_t)i);
	emit(g, &p);
}

// Each capture file: its name, link type, and what goes in it.
struct capture {
	const char *name;
	int dlt, le_null;
	void (*fill)(struct gen *g, int v6);
	int v6;
};

// Fillers: what each capture file holds (see captures[]).
static void f_udp(struct gen *g, int v6) { udp_exchange(g, v6); }
static void f_tcp(struct gen *g, int v6) { tcp_session(g, v6); }
static void f_both(struct gen *g, int v6)
{
	(void)v6;
	udp_exchange(g, 0);
	udp_exchange(g, 1);
}
static void f_refused(struct gen *g, int v6) { (void)v6; tcp_refused(g); }
static void f_sack(struct gen *g, int v6) { (void)v6; tcp_sack(g); }
static void f_opts(struct gen *g, int v6) { (void)v6; ipv4_options(g); }
static void f_frags(struct gen *g, int v6) { (void)v6; ipv4_fragments(g); }
static void f_ext(struct gen *g, int v6) { (void)v6; ipv6_ext(g); }
static void f_unreach(struct gen *g, int v6) { port_unreachable(g, v6); }
static void f_echo(struct gen *g, int v6) { (void)v6; icmp_echo(g); }
static void f_arp(struct gen *g, int v6) { (void)v6; arp(g); }
static void f_ndp(struct gen *g, int v6) { (void)v6; ndp(g); }
static void f_vlan(struct gen *g, int v6) { (void)v6; vlan(g); }
static void f_trunc(struct gen *g, int v6) { (void)v6; truncated(g); }
static void f_bad(struct gen *g, int v6) { (void)v6; malformed(g); }
static void f_udp_loss(struct gen *g, int v6) { (void)v6; udp_loss(g); }
static void f_tcp_loss(struct gen *g, int v6) { (void)v6; tcp_loss(g); }

static const struct capture captures[] = {
	{ "gen-udp-ipv4.pcap", 1, 0, f_udp, 0 },
	{ "gen-udp-ipv6.pcap", 1, 0, f_udp, 1 },
	{ "gen-tcp-ipv4.pcap", 1, 0, f_tcp, 0 },
	{ "gen-tcp-ipv6.pcap", 1, 0, f_tcp, 1 },
	{ "gen-tcp-refused.pcap", 1, 0, f_refused, 0 },
	{ "gen-tcp-sack-retransmit.pcap", 1, 0, f_sack, 0 },
	{ "gen-link-null-le.pcap", 0, 1, f_both, 0 },
	{ "gen-link-null-be.pcap", 0, 0, f_both, 0 },
	{ "gen-link-loop.pcap", 108, 0, f_both, 0 },
	{ "gen-link-sll.pcap", 113, 0, f_both, 0 },
	{ "gen-link-sll2.pcap", 276, 0, f_both, 0 },
	{ "gen-link-raw.pcap", 101, 0, f_both, 0 },
	{ "gen-link-ipv4.pcap", 228, 0, f_udp, 0 },
	{ "gen-link-ipv6.pcap", 229, 0, f_udp, 1 },
	{ "gen-link-sll-tcp.pcap", 113, 0, f_tcp, 0 },
	{ "gen-vlan.pcap", 1, 0, f_vlan, 0 },
	{ "gen-ipv4-options.pcap", 1, 0, f_opts, 0 },
	{ "gen-ipv4-fragments.pcap", 1, 0, f_frags, 0 },
	{ "gen-ipv6-ext-headers.pcap", 1, 0, f_ext, 0 },
	{ "gen-icmp-port-unreachable.pcap", 1, 0, f_unreach, 0 },
	{ "gen-icmp6-port-unreachable.pcap", 1, 0, f_unreach, 1 },
	{ "gen-icmp-echo.pcap", 1, 0, f_echo, 0 },
	{ "gen-arp.pcap", 1, 0, f_arp, 0 },
	{ "gen-ndp.pcap", 1, 0, f_ndp, 0 },
	{ "gen-truncated.pcap", 1, 0, f_trunc, 0 },
	{ "gen-malformed.pcap", 1, 0, f_bad, 0 },
	{ "gen-udp-loss.pcap", 1, 0, f_udp_loss, 0 },
	{ "gen-tcp-loss.pcap", 1, 0, f_tcp_loss, 0 },
};

// Write c's frames as fuzz seeds into dir. Returns 0, or -1 after a message.
static int write_seeds(const char *dir, const struct capture *c)
{
	struct gen g = { .dlt = c->dlt, .le_null = c->le_null, .corpus = dir,
	                 .name = c->name };
	c->fill(&g, c->v6);
	if (g.err) {
		fprintf(stderr, "pcapgen: write seeds in %s: %s\n", dir,
		        strerror(errno));
		return -1;
	}
	return 0;
}

// Write one capture file into dir. Returns 0, or -1 after a message.
static int write_capture(const char *dir, const struct capture *c)
{
	char path[4096];
	struct gen g = { .dlt = c->dlt, .le_null = c->le_null };
	snprintf(path, sizeof path, "%s/%s", dir, c->name);
	g.f = fopen(path, "wb");
	if (!g.f) {
		fprintf(stderr, "pcapgen: fopen %s: %s\n", path, strerror(errno));
		return -1;
	}
	w32(&g, 0xa1b2c3d4);   // microsecond pcap, written little-endian
	w16(&g, 2);
	w16(&g, 4);
	w32(&g, 0);
	w32(&g, 0);
	w32(&g, 262144);
	w32(&g, (uint32_t)c->dlt);
	c->fill(&g, c->v6);
	if (fclose(g.f) != 0 || g.err) {
		fprintf(stderr, "pcapgen: write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

// Write every capture (or every seed) into the directory named.
int main(int argc, char **argv)
{
	int seeds = argc == 3 && strcmp(argv[1], "--corpus") == 0;
	if (argc != 2 && !seeds) {
		fprintf(stderr, "usage: pcapgen DIR | pcapgen --corpus DIR\n");
		return 2;
	}
	int rc = 0;
	for (size_t i = 0; i < sizeof captures / sizeof captures[0]; i++)
		if ((seeds ? write_seeds(argv[2], &captures[i]) :
		             write_capture(argv[1], &captures[i])) < 0)
			rc = 1;
	return rc;
}
