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
	uint64_t usec;    // timestamp offset of the next frame
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
	w32(g, (uint32_t)(BASE_SEC + g->usec / 1000000));
	w32(g, (uint32_t)(g->usec % 1000000));
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

// A TCP segment with window win; opt/optlen its options, data its
// payload (may be NULL).
static void tcpw(struct gen *g, int v6, uint16_t sport, uint16_t dport,
                 uint32_t seq, uint32_t ack, uint8_t flags, uint16_t win,
                 const uint8_t *opt, int optlen, const char *data)
{
	struct pkt p;
	link_hdr(g, &p, v6);
	if (v6)
		put_ipv6(&p, 6, src6, src6);
	else
		put_ipv4(&p, 6, src4, src4, (uint16_t)(0x2000 + g->n), 0x4000,
		         NULL, 0);
	put_tcp(&p, sport, dport, seq, ack, flags, win, opt, optlen);
	if (data)
		put_bytes(&p, data, strlen(data));
	pkt_finish(&p);
	emit(g, &p);
}

// A TCP segment as Linux sends it: window 65495 on a SYN, else 512.
static void tcp(struct gen *g, int v6, uint16_t sport, uint16_t dport,
                uint32_t seq, uint32_t ack, uint8_t flags,
                const uint8_t *opt, int optlen, const char *data)
{
	tcpw(g, v6, sport, dport, seq, ack, flags, flags & 0x02 ? 65495 : 512,
	     opt, optlen, data);
}

// Let ms milliseconds pass before the next frame (beyond the usual 1).
static void wait_ms(struct gen *g, uint32_t ms)
{
	g->usec += (uint64_t)ms * 1000;
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

// IPv4 options: record route (after a NOP) and router alert, over UDP;
// then a datagram with the reserved flag bit and DF set.
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
	link_hdr(g, &p, 0);     // the reserved ("evil") bit and DF set
	put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x3003, 0xc000, NULL, 0);
	put_udp(&p, 45678, 12000);
	put_bytes(&p, "flags\n", 6);
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

// The handshake of tcp_session between ports c and sv: SYN, SYN-ACK,
// ACK, with Linux's options (window scale 7 both ways).
static void handshake(struct gen *g, uint16_t c, uint16_t sv, uint32_t cisn,
                      uint32_t sisn)
{
	uint8_t s[20], t[12];
	syn_opts(s, 100, 0);
	tcp(g, 0, c, sv, cisn, 0, SYN, s, 20, NULL);
	syn_opts(s, 200, 100);
	tcp(g, 0, sv, c, sisn, cisn + 1, SYN | ACK, s, 20, NULL);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, cisn + 1, sisn + 1, ACK, t, 12, NULL);
}

// Timestamps and one SACK block [l, r): what a Linux ACK with SACK holds.
static void sack_opts(uint8_t o[24], uint32_t l, uint32_t r)
{
	static const uint8_t t[16] = { 1, 1, 8, 10, 0, 0, 0, 201, 0, 0, 0, 101,
	                               1, 1, 5, 10 };
	memcpy(o, t, 16);
	for (int k = 0; k < 4; k++) {
		o[16 + k] = (uint8_t)(l >> (24 - 8 * k));
		o[20 + k] = (uint8_t)(r >> (24 - 8 * k));
	}
}

// Reordering and retransmissions of every kind: "bbbb" arrives after
// "cccc" (out of order, 1 ms later); "dddd" is sent again 250 ms after
// the server acknowledged it (spurious) and the server's D-SACK reports
// it; "eeee" is sent again after 300 ms with no ACK (timeout).
static void tcp_order(struct gen *g)
{
	uint8_t t[12], o[24];
	const uint16_t c = 45678, sv = 12000;
	const uint32_t C = CISN, S = SISN;
	handshake(g, c, sv, C, S);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, C + 1, S + 1, ACK, t, 12, "aaaa");
	tcp(g, 0, c, sv, C + 9, S + 1, ACK, t, 12, "cccc");
	tcp(g, 0, c, sv, C + 5, S + 1, ACK, t, 12, "bbbb");
	ts_opts(t, 201, 101);
	tcp(g, 0, sv, c, S + 1, C + 13, ACK, t, 12, NULL);
	ts_opts(t, 102, 201);
	tcp(g, 0, c, sv, C + 13, S + 1, PSH | ACK, t, 12, "dddd");
	ts_opts(t, 202, 102);
	tcp(g, 0, sv, c, S + 1, C + 17, ACK, t, 12, NULL);
	wait_ms(g, 250);
	ts_opts(t, 352, 202);
	tcp(g, 0, c, sv, C + 13, S + 1, PSH | ACK, t, 12, "dddd");
	sack_opts(o, C + 13, C + 17);
	tcp(g, 0, sv, c, S + 1, C + 17, ACK, o, 24, NULL);
	ts_opts(t, 353, 202);
	tcp(g, 0, c, sv, C + 17, S + 1, PSH | ACK, t, 12, "eeee");
	wait_ms(g, 300);
	ts_opts(t, 654, 202);
	tcp(g, 0, c, sv, C + 17, S + 1, PSH | ACK, t, 12, "eeee");
	ts_opts(t, 655, 654);
	tcp(g, 0, sv, c, S + 1, C + 21, ACK, t, 12, NULL);
}

// Keep-alives: after "ping\n" and its ACK, two hours of silence, then
// Linux's keep-alive (seq = snd.nxt - 1, no data) and the server's ACK;
// 75 s later the older style with one byte, and its ACK.
static void tcp_keepalive(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	const uint32_t C = CISN, S = SISN;
	handshake(g, c, sv, C, S);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, C + 1, S + 1, PSH | ACK, t, 12, "ping\n");
	ts_opts(t, 201, 101);
	tcp(g, 0, sv, c, S + 1, C + 6, ACK, t, 12, NULL);
	wait_ms(g, 7200000);
	ts_opts(t, 7200101, 201);
	tcp(g, 0, c, sv, C + 5, S + 1, ACK, t, 12, NULL);
	ts_opts(t, 7200201, 7200101);
	tcp(g, 0, sv, c, S + 1, C + 6, ACK, t, 12, NULL);
	wait_ms(g, 75000);
	ts_opts(t, 7275101, 7200201);
	tcp(g, 0, c, sv, C + 5, S + 1, ACK, t, 12, "!");
	ts_opts(t, 7275201, 7275101);
	tcp(g, 0, sv, c, S + 1, C + 6, ACK, t, 12, NULL);
}

// A reader that stops: the server's window falls to 0; the client probes
// it twice (seq = snd.nxt - 1, no data) and each answer still says 0;
// then the server reads and its window update reopens it.
static void tcp_zero_window(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	const uint32_t C = CISN, S = SISN;
	handshake(g, c, sv, C, S);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, C + 1, S + 1, ACK, t, 12, "fill");
	tcp(g, 0, c, sv, C + 5, S + 1, PSH | ACK, t, 12, "full");
	ts_opts(t, 201, 101);
	tcpw(g, 0, sv, c, S + 1, C + 9, ACK, 0, t, 12, NULL);
	for (uint32_t i = 0; i < 2; i++) {
		wait_ms(g, 200 << i);
		ts_opts(t, 301 + 400 * i, 201);
		tcp(g, 0, c, sv, C + 8, S + 1, ACK, t, 12, NULL);
		ts_opts(t, 302 + 400 * i, 301 + 400 * i);
		tcpw(g, 0, sv, c, S + 1, C + 9, ACK, 0, t, 12, NULL);
	}
	wait_ms(g, 100);
	ts_opts(t, 900, 701);
	tcpw(g, 0, sv, c, S + 1, C + 9, ACK, 512, t, 12, NULL);
	ts_opts(t, 901, 900);
	tcp(g, 0, c, sv, C + 9, S + 1, PSH | ACK, t, 12, "more");
}

// A SYN to a full accept queue: dropped, sent again after 1 s and
// answered; that SYN-ACK is lost, so the client sends its SYN a third
// time 2 s later; the server's SYN-ACK again, then the ACK.
static void tcp_syn_retransmit(struct gen *g)
{
	uint8_t s[20], t[12];
	const uint16_t c = 45678, sv = 12000;
	syn_opts(s, 100, 0);
	tcp(g, 0, c, sv, CISN, 0, SYN, s, 20, NULL);
	wait_ms(g, 999);
	syn_opts(s, 1100, 0);
	tcp(g, 0, c, sv, CISN, 0, SYN, s, 20, NULL);
	syn_opts(s, 200, 1100);
	tcp(g, 0, sv, c, SISN, CISN + 1, SYN | ACK, s, 20, NULL);
	wait_ms(g, 1998);
	syn_opts(s, 3100, 0);
	tcp(g, 0, c, sv, CISN, 0, SYN, s, 20, NULL);
	syn_opts(s, 2200, 3100);
	tcp(g, 0, sv, c, SISN, CISN + 1, SYN | ACK, s, 20, NULL);
	ts_opts(t, 3101, 2200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, ACK, t, 12, NULL);
}

// TCP Fast Open: a first connection asks for a cookie (empty option) and
// gets one on the SYN-ACK; a second one sends "hello\n" on its SYN with
// the cookie, and the server's SYN-ACK acknowledges ISN + 1 + 6.
static void tcp_fastopen(struct gen *g)
{
	static const uint8_t req[4] = { 34, 2, 1, 1 };
	static const uint8_t cookie[12] = { 34, 10, 0xc0, 0x0c, 0x1e, 0x5e,
	                                    0xed, 0x01, 0x02, 0x03, 1, 1 };
	uint8_t s[32], t[12];
	for (int i = 0; i < 2; i++) {
		uint16_t c = (uint16_t)(45678 + i), sv = 12000;
		uint32_t C = CISN + 1000000u * (uint32_t)i, S = SISN + 1000000u * (uint32_t)i;
		const char *data = i ? "hello\n" : NULL;
		uint32_t n = i ? 6 : 0;
		syn_opts(s, 100, 0);
		memcpy(s + 20, i ? cookie : req, i ? 12 : 4);
		tcp(g, 0, c, sv, C, 0, SYN, s, i ? 32 : 24, data);
		syn_opts(s, 200, 100);
		memcpy(s + 20, cookie, 12);
		tcp(g, 0, sv, c, S, C + 1 + n, SYN | ACK, s, i ? 20 : 32, NULL);
		ts_opts(t, 101, 200);
		tcp(g, 0, c, sv, C + 1 + n, S + 1, ACK, t, 12, NULL);
		ts_opts(t, 201, 101);
		if (i)
			tcp(g, 0, sv, c, S + 1, C + 7, PSH | ACK, t, 12, "HELLO\n");
	}
}

// Both ends close at once: the FINs cross (the server's does not
// acknowledge the client's), then each acknowledges the other's.
static void tcp_simultaneous_close(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	handshake(g, c, sv, CISN, SISN);
	ts_opts(t, 102, 200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, FIN | ACK, t, 12, NULL);
	ts_opts(t, 202, 101);
	tcp(g, 0, sv, c, SISN + 1, CISN + 1, FIN | ACK, t, 12, NULL);
	ts_opts(t, 103, 202);
	tcp(g, 0, c, sv, CISN + 2, SISN + 2, ACK, t, 12, NULL);
	ts_opts(t, 203, 102);
	tcp(g, 0, sv, c, SISN + 2, CISN + 2, ACK, t, 12, NULL);
}

// The client close()s (FIN) while the server still has a reply to send:
// the client's kernel answers that data with RST.
static void tcp_close_rst(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	handshake(g, c, sv, CISN, SISN);
	ts_opts(t, 101, 200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, PSH | ACK, t, 12, "bye\n");
	tcp(g, 0, c, sv, CISN + 5, SISN + 1, FIN | ACK, t, 12, NULL);
	ts_opts(t, 201, 101);
	tcp(g, 0, sv, c, SISN + 1, CISN + 6, ACK, t, 12, NULL);
	tcp(g, 0, sv, c, SISN + 1, CISN + 6, PSH | ACK, t, 12, "late reply\n");
	tcp(g, 0, c, sv, CISN + 6, 0, RST, NULL, 0, NULL);
}

// The client's FIN is not acknowledged, so it is sent again 200 ms
// later; then the server's FIN and the last ACK.
static void tcp_fin_retransmit(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	handshake(g, c, sv, CISN, SISN);
	ts_opts(t, 102, 200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, FIN | ACK, t, 12, NULL);
	wait_ms(g, 200);
	ts_opts(t, 302, 200);
	tcp(g, 0, c, sv, CISN + 1, SISN + 1, FIN | ACK, t, 12, NULL);
	ts_opts(t, 402, 302);
	tcp(g, 0, sv, c, SISN + 1, CISN + 2, FIN | ACK, t, 12, NULL);
	ts_opts(t, 303, 402);
	tcp(g, 0, c, sv, CISN + 2, SISN + 2, ACK, t, 12, NULL);
}

// tcp_session, then 200 ms later a new connection on the same 4-tuple
// (higher ISN): a new conversation, the ports reused.
static void tcp_reuse(struct gen *g)
{
	uint8_t t[12];
	const uint16_t c = 45678, sv = 12000;
	tcp_session(g, 0);
	wait_ms(g, 200);
	handshake(g, c, sv, CISN + 5000000, SISN + 7000000);
	ts_opts(t, 102, 201);
	tcp(g, 0, c, sv, CISN + 5000001, SISN + 7000001, FIN | ACK, t, 12, NULL);
	ts_opts(t, 202, 102);
	tcp(g, 0, sv, c, SISN + 7000001, CISN + 5000002, FIN | ACK, t, 12, NULL);
	ts_opts(t, 103, 202);
	tcp(g, 0, c, sv, CISN + 5000002, SISN + 7000002, ACK, t, 12, NULL);
}

// A capture started mid-stream: no handshake. First a server on port
// 40000 (ephemeral-looking, like its client's 50000) that speaks first,
// so the roles can only be guessed (and are guessed wrong); then a
// client on 45678 talking to port 12000 (the port rule decides).
static void tcp_midstream(struct gen *g)
{
	uint8_t t[12];
	ts_opts(t, 500, 900);
	tcp(g, 0, 40000, 50000, SISN + 100, CISN + 200, PSH | ACK, t, 12, "reply\n");
	ts_opts(t, 901, 500);
	tcp(g, 0, 50000, 40000, CISN + 200, SISN + 106, ACK, t, 12, NULL);
	tcp(g, 0, 50000, 40000, CISN + 200, SISN + 106, FIN | ACK, t, 12, NULL);
	ts_opts(t, 501, 901);
	tcp(g, 0, 40000, 50000, SISN + 106, CISN + 201, FIN | ACK, t, 12, NULL);
	ts_opts(t, 902, 501);
	tcp(g, 0, 50000, 40000, CISN + 201, SISN + 107, ACK, t, 12, NULL);
	ts_opts(t, 600, 950);
	tcp(g, 0, 12000, 45678, SISN + 300, CISN + 400, ACK, t, 12, NULL);
	ts_opts(t, 951, 600);
	tcp(g, 0, 45678, 12000, CISN + 400, SISN + 300, PSH | ACK, t, 12, "more\n");
}

// Window scaling offered by the client only (the SYN-ACK has no window
// scale option): scaling is off, windows count in bytes.
static void tcp_wscale_one_side(struct gen *g)
{
	static const uint8_t synack[12] = { 2, 4, 0xff, 0xd7, 4, 2, 1, 1, 1, 1, 1, 0 };
	uint8_t s[20];
	const uint16_t c = 45678, sv = 12000;
	syn_opts(s, 100, 0);
	tcp(g, 0, c, sv, CISN, 0, SYN, s, 20, NULL);
	tcp(g, 0, sv, c, SISN, CISN + 1, SYN | ACK, synack, 8, NULL);
	tcpw(g, 0, c, sv, CISN + 1, SISN + 1, ACK, 65495, NULL, 0, NULL);
	tcpw(g, 0, c, sv, CISN + 1, SISN + 1, PSH | ACK, 65495, NULL, 0, "hi\n");
	tcpw(g, 0, sv, c, SISN + 1, CISN + 4, ACK, 65492, NULL, 0, NULL);
}

// An IPv4 UDP datagram from 10.0.0.1 to 192.0.2.2 with DF and the given
// TTL and payload size, in q (without link header) and emitted.
static void far_datagram(struct gen *g, struct pkt *q, uint8_t ttl, int n)
{
	struct pkt p;
	memset(q, 0, sizeof *q);
	put_ipv4(q, 17, "10.0.0.1", "192.0.2.2", (uint16_t)(0x9000 + n), 0x4000, NULL, 0);
	q->b[8] = ttl;
	put_udp(q, 45678, 12000);
	for (int i = 0; i < n; i++)
		put_u8(q, 'x');
	pkt_finish(q);
	link_hdr(g, &p, 0);
	put_bytes(&p, q->b, q->len);
	emit(g, &p);
}

// An ICMP error from the router 10.0.0.254 quoting the first 28 bytes
// of q; rest is the 4 bytes after the checksum.
static void router_error(struct gen *g, const struct pkt *q, uint8_t type,
                         uint8_t code, uint32_t rest)
{
	struct pkt p;
	link_hdr(g, &p, 0);
	put_ipv4(&p, 1, "10.0.0.254", "10.0.0.1", 0x6100, 0, NULL, 0);
	put_icmp(&p, 1, type, code, rest);
	put_bytes(&p, q->b, 28);
	pkt_finish(&p);
	emit(g, &p);
}

// Errors from a router, not from the server: fragmentation needed (next-
// hop MTU 1280 in the low 2 bytes) for a 1400-byte datagram with DF, and
// time exceeded for one sent with TTL 1; then over IPv6, packet too big
// (MTU 1280) from 2001:db8::fe.
static void icmp_router(struct gen *g)
{
	struct pkt q, p;
	far_datagram(g, &q, 64, 1372);
	router_error(g, &q, 3, 4, 1280);
	far_datagram(g, &q, 1, 10);
	router_error(g, &q, 11, 0, 0);
	memset(&q, 0, sizeof q);
	put_ipv6(&q, 17, "2001:db8::1", "2001:db8:2::2");
	put_udp(&q, 45678, 12000);
	for (int i = 0; i < 1352; i++)
		put_u8(&q, 'y');
	pkt_finish(&q);
	link_hdr(g, &p, 1);
	put_bytes(&p, q.b, q.len);
	emit(g, &p);
	link_hdr(g, &p, 1);
	put_ipv6(&p, 58, "2001:db8::fe", "2001:db8::1");
	put_icmp(&p, 58, 2, 0, 1280);
	put_bytes(&p, q.b, 48 + 16);
	pkt_finish(&p);
	emit(g, &p);
}

// The fragments of a 3000-byte UDP datagram with IPv4 id, in the order
// given by offsets (of 0, 1480, 2960; a negative one ends the list).
static void fragments(struct gen *g, uint16_t id, const int *order)
{
	struct pkt whole = { .len = 0 };
	put_ipv4(&whole, 17, "10.0.0.1", "10.0.0.2", id, 0, NULL, 0);
	put_udp(&whole, 45678, 12000);
	for (int i = 0; i < 3000; i++)
		put_u8(&whole, (uint8_t)('a' + i % 26));
	pkt_finish(&whole);
	const uint32_t data = whole.len - 20;
	for (int i = 0; order[i] >= 0; i++) {
		uint32_t off = (uint32_t)order[i];
		uint32_t n = data - off < 1480 ? data - off : 1480;
		struct pkt p;
		link_hdr(g, &p, 0);
		uint16_t frag = (uint16_t)(off / 8 | (off + n < data ? 0x2000 : 0));
		put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", id, frag, NULL, 0);
		put_bytes(&p, whole.b + 20 + off, n);
		p.l4proto = 0;
		pkt_finish(&p);
		emit(g, &p);
	}
}

// Fragments lost and reordered: datagram 0x5151 without its middle
// fragment; datagram 0x5252 with its last fragment first.
static void fragments_lost(struct gen *g)
{
	static const int lost[] = { 0, 2960, -1 }, late[] = { 2960, 1480, 0, -1 };
	fragments(g, 0x5151, lost);
	fragments(g, 0x5252, late);
}

// An MLDv2 report (ICMPv6 type 143) as Linux sends on an interface
// coming up: hop-by-hop router alert, one record for a solicited-node
// group.
static void mld(struct gen *g)
{
	uint8_t grp[16];
	struct pkt p;
	inet_pton(AF_INET6, "ff02::1:ff00:1", grp);
	link_hdr(g, &p, 1);
	put_ipv6(&p, 0, "fe80::1", "ff02::16");
	p.b[p.ip + 7] = 1;
	put_bytes(&p, "\x3a\x00\x05\x02\x00\x00\x01\x00", 8);
	put_icmp(&p, 58, 143, 0, 1);
	put_bytes(&p, "\x04\x00\x00\x00", 4);
	put_bytes(&p, grp, 16);
	pkt_finish(&p);
	emit(g, &p);
}

// The one's-complement sum of the IPv4 pseudo-header of p's transport.
static uint16_t pseudo4(const struct pkt *p)
{
	uint32_t len = p->len - p->l4, s = p->l4proto + len;
	for (int i = 12; i < 20; i += 2)
		s += (uint32_t)(p->b[p->ip + i] << 8 | p->b[p->ip + i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

// Segments from a veth capture taken on the sending host: the TCP and
// UDP checksums hold only the pseudo-header sum (CHECKSUM_PARTIAL),
// left to the card; then a datagram whose checksum is simply wrong.
static void partial_checksum(struct gen *g)
{
	for (int i = 0; i < 3; i++) {
		struct pkt p;
		link_hdr(g, &p, 0);
		put_ipv4(&p, i == 1 ? 6 : 17, "10.0.0.1", "10.0.0.2",
		         (uint16_t)(0xa000 + i), 0x4000, NULL, 0);
		if (i == 1)
			put_tcp(&p, 45678, 12000, CISN, 0, SYN, 64240, NULL, 0);
		else
			put_udp(&p, 45678, 12000);
		if (i != 1)
			put_bytes(&p, "hello\n", 6);
		pkt_finish(&p);
		uint32_t at = p.l4 + (i == 1 ? 16 : 6);
		uint16_t v = i == 2 ? 0x1234 : pseudo4(&p);
		p.b[at] = (uint8_t)(v >> 8);
		p.b[at + 1] = (uint8_t)v;
		emit(g, &p);
	}
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
static void f_order(struct gen *g, int v6) { (void)v6; tcp_order(g); }
static void f_ka(struct gen *g, int v6) { (void)v6; tcp_keepalive(g); }
static void f_zwin(struct gen *g, int v6) { (void)v6; tcp_zero_window(g); }
static void f_synrx(struct gen *g, int v6) { (void)v6; tcp_syn_retransmit(g); }
static void f_tfo(struct gen *g, int v6) { (void)v6; tcp_fastopen(g); }
static void f_simcl(struct gen *g, int v6) { (void)v6; tcp_simultaneous_close(g); }
static void f_clrst(struct gen *g, int v6) { (void)v6; tcp_close_rst(g); }
static void f_finrx(struct gen *g, int v6) { (void)v6; tcp_fin_retransmit(g); }
static void f_reuse(struct gen *g, int v6) { (void)v6; tcp_reuse(g); }
static void f_mid(struct gen *g, int v6) { (void)v6; tcp_midstream(g); }
static void f_ws1(struct gen *g, int v6) { (void)v6; tcp_wscale_one_side(g); }
static void f_router(struct gen *g, int v6) { (void)v6; icmp_router(g); }
static void f_fraglost(struct gen *g, int v6) { (void)v6; fragments_lost(g); }
static void f_mld(struct gen *g, int v6) { (void)v6; mld(g); }
static void f_partial(struct gen *g, int v6) { (void)v6; partial_checksum(g); }

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
	{ "gen-tcp-order.pcap", 1, 0, f_order, 0 },
	{ "gen-tcp-keepalive.pcap", 1, 0, f_ka, 0 },
	{ "gen-tcp-zero-window.pcap", 1, 0, f_zwin, 0 },
	{ "gen-tcp-syn-retransmit.pcap", 1, 0, f_synrx, 0 },
	{ "gen-tcp-fastopen.pcap", 1, 0, f_tfo, 0 },
	{ "gen-tcp-simultaneous-close.pcap", 1, 0, f_simcl, 0 },
	{ "gen-tcp-close-rst.pcap", 1, 0, f_clrst, 0 },
	{ "gen-tcp-fin-retransmit.pcap", 1, 0, f_finrx, 0 },
	{ "gen-tcp-reuse.pcap", 1, 0, f_reuse, 0 },
	{ "gen-tcp-midstream.pcap", 1, 0, f_mid, 0 },
	{ "gen-tcp-wscale-one-side.pcap", 1, 0, f_ws1, 0 },
	{ "gen-icmp-router.pcap", 1, 0, f_router, 0 },
	{ "gen-ipv4-fragments-lost.pcap", 1, 0, f_fraglost, 0 },
	{ "gen-mld.pcap", 1, 0, f_mld, 0 },
	{ "gen-partial-checksum.pcap", 1, 0, f_partial, 0 },
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
