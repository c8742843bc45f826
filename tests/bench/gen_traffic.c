// gen_traffic.c: write a pcap file of lab-like traffic for `make bench`:
// UDP request/reply pairs and complete TCP sessions (handshake, request,
// echo, teardown from both sides) between many ephemeral client ports and
// port 12000, over Ethernet, mostly IPv4 with some IPv6, with the TCP
// options Linux puts on loopback (MSS 65495, SACK permitted, timestamps
// from a clock of its own per connection, window scale 7 on the SYNs;
// two NOPs and a timestamp on every other segment). With --many N,
// N TCP connections from different clients (127.1.x.y) are opened one
// after the other and then all exchange data in turn, so that N
// conversations are open at the same time (more than socktrace's table
// holds, when N is large).
//
// Usage: gen_traffic [--many N] PACKETS FILE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *out;
static unsigned long written, limit;
static uint64_t now_us = 1767225600ull * 1000000;  // 2026-01-01 UTC

static const char *const sentences[] = {
	"hello world", "the quick brown fox jumps over the lazy dog",
	"networking is fun", "a", "udp datagrams arrive whole or not at all",
	"tcp carries a byte stream", "computer networking: a top-down approach",
};

// Write v little-endian (the pcap file's own fields).
static void le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

// Write v big-endian (network byte order) at p.
static void be16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void be32(uint8_t *p, uint32_t v) { be16(p, (uint16_t)(v >> 16)); be16(p + 2, (uint16_t)v); }

// The Internet checksum of n bytes.
static uint16_t cksum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;
	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

// Append one frame with its record header; exit when enough are written.
static void emit(const uint8_t *frame, uint32_t len)
{
	uint8_t h[16];

	now_us += 7 + (written % 13) * 3;
	le32(h, (uint32_t)(now_us / 1000000));
	le32(h + 4, (uint32_t)(now_us % 1000000));
	le32(h + 8, len);
	le32(h + 12, len);
	if (fwrite(h, 1, 16, out) != 16 || fwrite(frame, 1, len, out) != len) {
		perror("gen_traffic: fwrite");
		exit(1);
	}
	if (++written == limit) {
		if (fclose(out) != 0) {
			perror("gen_traffic: fclose");
			exit(1);
		}
		exit(0);
	}
}

struct seg {
	uint16_t host;   // client 127.1.host/256.host%256 (0: 127.0.0.1)
	int v6;
	uint16_t sport, dport;
	int tcp;
	uint8_t flags;
	uint32_t seq, ack;
	const char *data;
	size_t len;
	uint32_t ts_base;   // this end's timestamp clock at time 0 (ms)
};

// The options of a SYN as Linux sends it on loopback: MSS 65495, SACK
// permitted, timestamps, NOP, window scale 7 (20 bytes); of any other
// segment: NOP, NOP, timestamps (12 bytes). Written at o; returns the
// length. The timestamp counts milliseconds from ts_base, and echoes
// the other end's clock (ecr, 0 on a first SYN).
static size_t tcp_options(uint8_t *o, const struct seg *s, uint32_t ecr)
{
	uint32_t val = s->ts_base + (uint32_t)(now_us / 1000);

	if (s->flags & 0x02) {
		o[0] = 2; o[1] = 4; be16(o + 2, 65495);
		o[4] = 4; o[5] = 2;
		o[6] = 8; o[7] = 10; be32(o + 8, val); be32(o + 12, ecr);
		o[16] = 1; o[17] = 3; o[18] = 3; o[19] = 7;
		return 20;
	}
	o[0] = 1; o[1] = 1; o[2] = 8; o[3] = 10;
	be32(o + 4, val);
	be32(o + 8, ecr);
	return 12;
}

// Build the Ethernet + IP + UDP/TCP frame of s and emit it (ecr: the
// timestamp a TCP segment echoes).
static void send_seg_ecr(const struct seg *s, uint32_t ecr)
{
	uint8_t f[1600];
	size_t l4 = s->tcp ? (s->flags & 0x02 ? 40 : 32) : 8, ip = s->v6 ? 40 : 20;
	size_t total = ip + l4 + s->len;
	uint8_t *p = f + 14, *t = p + ip;

	memset(f, 0, 14 + ip + l4);
	be16(f + 12, s->v6 ? 0x86dd : 0x0800);
	if (s->v6) {
		p[0] = 0x60;
		be16(p + 4, (uint16_t)(l4 + s->len));
		p[6] = s->tcp ? 6 : 17;
		p[7] = 64;
		p[23] = 1;   // ::1
		p[39] = 1;
	} else {
		p[0] = 0x45;
		be16(p + 2, (uint16_t)total);
		p[8] = 64;
		p[9] = s->tcp ? 6 : 17;
		p[12] = p[16] = 127;
		p[15] = p[19] = 1;
		if (s->host) {   // the client's end: source, or destination
			uint8_t *c = s->sport == 12000 ? p + 16 : p + 12;
			c[1] = 1;
			c[2] = (uint8_t)(s->host >> 8);
			c[3] = (uint8_t)s->host;
		}
		be16(p + 10, cksum(p, 20));
	}
	be16(t, s->sport);
	be16(t + 2, s->dport);
	if (s->tcp) {
		be32(t + 4, s->seq);
		be32(t + 8, s->ack);
		t[12] = (uint8_t)(l4 / 4 << 4);
		t[13] = s->flags;
		// A SYN's window is not scaled; after it, 512 x 128 = 65536.
		be16(t + 14, s->flags & 0x02 ? (s->flags & 0x10 ? 65483 : 65495) : 512);
		tcp_options(t + 20, s, ecr);
	} else {
		be16(t + 4, (uint16_t)(8 + s->len));
	}
	memcpy(t + l4, s->data, s->len);
	emit(f, (uint32_t)(14 + total));
}

// send_seg_ecr for a segment of a and b's conversation, from a, echoing
// b's clock (as every segment but the first SYN does).
static void send_from(const struct seg *a, const struct seg *b)
{
	send_seg_ecr(a, b->ts_base + (uint32_t)(now_us / 1000));
}

static void send_seg(const struct seg *s)
{
	send_seg_ecr(s, 0);
}

// Copy text into up (64 bytes) in upper case, as the servers reply.
static void upper(char *up, const char *text)
{
	size_t i = 0;

	for (; text[i] && i < 63; i++)
		up[i] = (char)(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 32 : text[i]);
	up[i] = '\0';
}

// A UDP request and its upper-cased reply.
static void udp_exchange(int v6, uint16_t port, const char *text)
{
	char up[64];
	size_t n = strlen(text);
	struct seg s = { 0, v6, port, 12000, 0, 0, 0, 0, text, n, 0 };

	upper(up, text);
	send_seg(&s);
	s.sport = 12000; s.dport = port; s.data = up;
	send_seg(&s);
}

// A TCP session as the solutions make it: handshake, the line, the
// client's half-close, the echo, the server's FIN and the last ACK.
static void tcp_session(int v6, uint16_t port, const char *text, uint32_t isn)
{
	uint32_t c = isn, sv = isn * 2654435761u, n = (uint32_t)strlen(text);
	char up[64];
	struct seg a = { 0, v6, port, 12000, 1, 0x02, c, 0, "", 0, isn * 40503u };
	struct seg b = { 0, v6, 12000, port, 1, 0x12, sv, c + 1, "", 0, sv * 40503u };

	send_seg(&a);
	send_from(&b, &a);
	a.flags = 0x10; a.seq = c + 1; a.ack = sv + 1; send_from(&a, &b);
	a.flags = 0x18; a.data = text; a.len = n; send_from(&a, &b);
	b.flags = 0x10; b.seq = sv + 1; b.ack = c + 1 + n; send_from(&b, &a);
	a.flags = 0x11; a.seq = c + 1 + n; a.data = ""; a.len = 0; send_from(&a, &b);
	upper(up, text);
	b.flags = 0x18; b.ack = c + 2 + n; b.data = up; b.len = n; send_from(&b, &a);
	a.flags = 0x10; a.seq = c + 2 + n; a.ack = sv + 1 + n; send_from(&a, &b);
	b.flags = 0x11; b.seq = sv + 1 + n; b.data = ""; b.len = 0; send_from(&b, &a);
	a.ack = sv + 2 + n; send_from(&a, &b);
}

// Conversation k of --many: its client's segment (a) and the server's (b).
static void many_segs(uint32_t k, struct seg *a, struct seg *b)
{
	uint32_t c = k * 2246822519u, sv = k * 2654435761u;
	*a = (struct seg){ (uint16_t)(1 + k / 28000 * 256 + k % 251), 0,
	                   (uint16_t)(32768 + k % 28000), 12000, 1, 0x10,
	                   c + 1, sv + 1, "", 0, c * 40503u };
	*b = *a;
	b->sport = 12000;
	b->dport = a->sport;
	b->seq = sv + 1;
	b->ack = c + 1;
	b->ts_base = sv * 40503u;
}

// --many: n handshakes one after another, then rounds in which every
// connection sends a line and gets the ACK, the echo and its ACK.
static void many(uint32_t n)
{
	struct seg a, b;
	for (uint32_t k = 0; k < n; k++) {
		many_segs(k, &a, &b);
		a.flags = 0x02; a.seq--; a.ack = 0; send_seg(&a);
		b.flags = 0x12; b.seq--; send_from(&b, &a);
		many_segs(k, &a, &b);
		send_from(&a, &b);
	}
	for (uint32_t r = 0;; r++) {
		for (uint32_t k = 0; k < n; k++) {
			const char *text = sentences[(k + r) % 7];
			uint32_t len = (uint32_t)strlen(text);
			char up[64];
			many_segs(k, &a, &b);
			a.seq += r * len; b.seq += r * len;
			a.ack += r * len; b.ack += r * len;
			a.flags = 0x18; a.data = text; a.len = len; send_from(&a, &b);
			b.flags = 0x10; b.ack += len; send_from(&b, &a);
			upper(up, text);
			b.flags = 0x18; b.data = up; b.len = len; send_from(&b, &a);
			a.flags = 0x10; a.seq += len; a.ack += len; a.data = "";
			a.len = 0; send_from(&a, &b);
		}
	}
}

int main(int argc, char **argv)
{
	uint32_t nmany = 0;

	if (argc == 5 && strcmp(argv[1], "--many") == 0) {
		nmany = (uint32_t)strtoul(argv[2], NULL, 10);
		argv += 2;
		argc -= 2;
	}
	static const uint8_t hdr[24] = {
		0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xff, 0, 0, 1, 0, 0, 0,   // snaplen 65535, Ethernet
	};
	uint32_t i = 0;

	if (argc != 3 || (limit = strtoul(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: gen_traffic [--many N] PACKETS FILE\n");
		return 2;
	}
	out = fopen(argv[2], "wb");
	if (!out || fwrite(hdr, 1, sizeof hdr, out) != sizeof hdr) {
		perror("gen_traffic: fopen");
		return 1;
	}
	if (nmany)
		many(nmany);
	for (;; i++) {
		uint16_t port = (uint16_t)(32768 + (i * 7919u) % 28000);
		const char *text = sentences[i % 7];
		int v6 = i % 5 == 0;
		if (i % 3 == 0)
			tcp_session(v6, port, text, i * 2246822519u);
		else
			udp_exchange(v6, port, text);
	}
}
