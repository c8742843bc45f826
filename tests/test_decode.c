// test_decode.c: each decoder on hand-built frames, checking the values
// it puts in struct packet: every link type, IPv4 options and fragments,
// IPv6 extension headers, UDP and TCP (options, malformed ones), ICMP
// and ICMPv6 errors with their quoted datagram, ARP and NDP, and where
// malformed headers make decoding stop. Frames are decoded from heap
// copies of exactly their bytes, so ASan catches any read past them.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>
#include <pcap/dlt.h>

#include "packet.h"
#include "pktbuild.h"

static struct packet pk;

// Decode the first len bytes of p (wire length p->len) as link type dlt.
static struct packet *decode_n(struct pkt *p, int dlt, uint32_t len)
{
	uint8_t *copy = malloc(len ? len : 1);
	struct timeval ts = { 1, 2 };
	assert_non_null(copy);
	memcpy(copy, p->b, len);
	memset(&pk, 0, sizeof pk);
	decode_packet(&pk, dlt, &ts, len, p->len, copy);
	if (pk.payload) {  // the view lies inside the frame; then detach it
		assert_true(pk.payload >= copy);
		assert_true(pk.payload + pk.payload_caplen <= copy + len);
		pk.payload = p->b + (pk.payload - copy);
	}
	free(copy);
	return &pk;
}

static struct packet *decode(struct pkt *p, int dlt)
{
	return decode_n(p, dlt, p->len);
}

static void assert_addr(const struct ipaddr *a, const char *text)
{
	uint8_t want[16] = { 0 };
	int v6 = strchr(text, ':') != NULL;
	assert_int_equal(inet_pton(v6 ? AF_INET6 : AF_INET, text, want), 1);
	assert_int_equal(a->family, v6 ? 6 : 4);
	assert_memory_equal(a->a, want, v6 ? 16 : 4);
}

static void assert_no_stop(void)
{
	if (pk.stopped_layer)
		fail_msg("stopped at %s: %s", pk.stopped_layer, pk.stopped_reason);
}

static void assert_stop(const char *layer, const char *reason)
{
	assert_non_null(pk.stopped_layer);
	assert_string_equal(pk.stopped_layer, layer);
	assert_string_equal(pk.stopped_reason, reason);
}

// Ethernet, IPv4, UDP carrying "hello".
static void udp4(struct pkt *p)
{
	memset(p, 0, sizeof *p);
	put_eth(p, 0x0800);
	put_ipv4(p, 17, "10.0.0.1", "10.0.0.2", 0x1234, 0x4000, NULL, 0);
	put_udp(p, 40000, 12000);
	put_bytes(p, "hello", 5);
	pkt_finish(p);
}

static void test_ethernet_ipv4_udp(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_string_equal(pk.link, "ethernet");
	assert_int_equal(pk.ethertype, 0x0800);
	assert_int_equal(pk.caplen, 47);
	assert_int_equal(pk.ip_version, 4);
	assert_addr(&pk.src, "10.0.0.1");
	assert_addr(&pk.dst, "10.0.0.2");
	assert_int_equal(pk.ip_proto, 17);
	assert_int_equal(pk.ttl, 64);
	assert_int_equal(pk.ip_id, 0x1234);
	assert_int_equal(pk.is_fragment, 0);
	assert_int_equal(pk.net_off, 14);
	assert_int_equal(pk.ip_hlen, 20);
	assert_int_equal(pk.ip_len, 33);
	assert_int_equal(pk.proto, PROTO_UDP);
	assert_int_equal(pk.trans_off, 34);
	assert_int_equal(pk.sport, 40000);
	assert_int_equal(pk.dport, 12000);
	assert_int_equal(pk.payload_len, 5);
	assert_int_equal(pk.payload_caplen, 5);
	assert_memory_equal(pk.payload, "hello", 5);
	assert_string_equal(pk.summary, "");
}

// A short frame padded to Ethernet's 60-byte minimum: the padding is
// not payload (the IP total length ends the datagram).
static void test_ethernet_padding(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	memset(p.b + p.len, 0xee, 60 - p.len);
	p.len = 60;
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.payload_len, 5);
	assert_int_equal(pk.payload_caplen, 5);
}

// 802.1Q and QinQ tags are walked; their VLAN IDs recorded.
static void test_vlan_and_qinq(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x88a8);
	put_be16(&p, 0x2064);   // priority 1, VLAN 100
	put_be16(&p, 0x8100);
	put_be16(&p, 0x00c8);   // VLAN 200
	put_be16(&p, 0x0800);
	put_ipv4(&p, 17, "192.168.1.1", "192.168.1.2", 1, 0, NULL, 0);
	put_udp(&p, 5353, 5353);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.nvlan, 2);
	assert_int_equal(pk.vlan[0], 100);
	assert_int_equal(pk.vlan[1], 200);
	assert_int_equal(pk.net_off, 22);
	assert_int_equal(pk.proto, PROTO_UDP);
	assert_int_equal(pk.payload_len, 0);
	// Cut inside the second tag.
	decode_n(&p, DLT_EN10MB, 19);
	assert_stop("vlan", "truncated");
}

// An IPv4/UDP datagram behind a 4-byte loopback header family af,
// written little-endian (le) or big-endian.
static void loop_frame(struct pkt *p, uint32_t af, int le, int v6)
{
	memset(p, 0, sizeof *p);
	if (le)
		put_le32(p, af);
	else
		put_be32(p, af);
	if (v6)
		put_ipv6(p, 17, "::1", "::1");
	else
		put_ipv4(p, 17, "127.0.0.1", "127.0.0.1", 7, 0, NULL, 0);
	put_udp(p, 1111, 2222);
	put_bytes(p, "x", 1);
	pkt_finish(p);
}

static void test_null_and_loop(void **state)
{
	(void)state;
	struct pkt p;
	loop_frame(&p, 2, 1, 0);
	decode(&p, DLT_NULL);
	assert_no_stop();
	assert_string_equal(pk.link, "null");
	assert_int_equal(pk.ip_version, 4);
	assert_int_equal(pk.net_off, 4);
	assert_int_equal(pk.dport, 2222);
	loop_frame(&p, 2, 0, 0);    // big-endian writer
	decode(&p, DLT_NULL);
	assert_int_equal(pk.ip_version, 4);
	static const uint32_t v6fams[] = { 24, 28, 30, 10 };
	for (int i = 0; i < 4; i++) {
		loop_frame(&p, v6fams[i], i & 1, 1);
		decode(&p, DLT_NULL);
		assert_no_stop();
		assert_int_equal(pk.ip_version, 6);
		assert_int_equal(pk.payload_len, 1);
	}
	loop_frame(&p, 30, 0, 1);
	decode(&p, DLT_LOOP);
	assert_string_equal(pk.link, "loop");
	assert_int_equal(pk.ip_version, 6);
	assert_addr(&pk.src, "::1");
	// An unknown family: no network layer, a summary, no crash.
	loop_frame(&p, 7, 1, 0);
	decode(&p, DLT_NULL);
	assert_int_equal(pk.ip_version, 0);
	assert_non_null(strstr(pk.summary, "address family 7"));
	decode_n(&p, DLT_NULL, 3);
	assert_stop("null", "truncated");
}

// Linux cooked v1 and v2 headers carrying IPv6/TCP.
static void test_sll_and_sll2(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_be16(&p, 0);          // packet type: to us
	put_be16(&p, 772);        // ARPHRD_LOOPBACK
	put_be16(&p, 6);
	put_bytes(&p, "\0\0\0\0\0\0\0\0", 8);
	put_be16(&p, 0x86dd);
	put_ipv6(&p, 6, "fe80::1", "2001:db8::2");
	put_tcp(&p, 50000, 80, 1000, 0, 0x02, 65535, NULL, 0);
	pkt_finish(&p);
	decode(&p, DLT_LINUX_SLL);
	assert_no_stop();
	assert_string_equal(pk.link, "sll");
	assert_int_equal(pk.net_off, 16);
	assert_addr(&pk.dst, "2001:db8::2");
	assert_int_equal(pk.proto, PROTO_TCP);
	assert_int_equal(pk.tcp_flags, 0x02);

	struct pkt q = { .len = 0 };
	put_be16(&q, 0x0800);
	put_be16(&q, 0);
	put_be32(&q, 1);          // ifindex
	put_be16(&q, 1);          // ARPHRD_ETHER
	put_u8(&q, 4);            // outgoing
	put_u8(&q, 6);
	put_bytes(&q, "\2\0\0\0\0\1\0\0", 8);
	put_ipv4(&q, 6, "10.1.1.1", "10.1.1.2", 3, 0x4000, NULL, 0);
	put_tcp(&q, 80, 50000, 5, 1001, 0x12, 1024, NULL, 0);
	pkt_finish(&q);
	decode(&q, DLT_LINUX_SLL2);
	assert_no_stop();
	assert_string_equal(pk.link, "sll2");
	assert_int_equal(pk.net_off, 20);
	assert_int_equal(pk.ack, 1001);
	decode_n(&q, DLT_LINUX_SLL2, 19);
	assert_stop("sll2", "truncated");
	q.b[1] = 0x04;            // ETH_P_802_2: a Linux protocol number
	q.b[0] = 0;
	decode(&q, DLT_LINUX_SLL2);
	assert_int_equal(pk.ip_version, 0);
	assert_string_equal(pk.summary, "Linux protocol 0x0004 (not decoded)");
	decode_n(&p, DLT_LINUX_SLL, 15);
	assert_stop("sll", "truncated");
}

// Raw IP under each of its link type numbers; a bad version nibble.
static void test_raw(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	memmove(p.b, p.b + 14, p.len - 14);
	p.len -= 14;
	static const int dlts[] = { DLT_RAW, 101, DLT_IPV4 };
	for (int i = 0; i < 3; i++) {
		decode(&p, dlts[i]);
		assert_no_stop();
		assert_string_equal(pk.link, "raw");
		assert_int_equal(pk.dport, 12000);
	}
	p.b[0] = 0x55;
	decode(&p, DLT_RAW);
	assert_stop("raw", "bad version");
	decode_n(&p, DLT_IPV6, 0);
	assert_stop("raw", "truncated");
	decode(&p, 9999);
	assert_stop("link", "unsupported link type");
}

// IPv4 options (NOP, NOP, record route) are skipped to the transport.
static void test_ipv4_options(void **state)
{
	(void)state;
	static const uint8_t opt[12] = { 1, 1, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0 };
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "10.0.0.1", "10.0.0.2", 9, 0, opt, 12);
	put_tcp(&p, 1234, 80, 77, 0, 0x02, 512, NULL, 0);
	put_bytes(&p, "abc", 3);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.ip_hlen, 32);
	assert_int_equal(pk.trans_off, 46);
	assert_int_equal(pk.seq, 77);
	assert_int_equal(pk.payload_len, 3);
	assert_memory_equal(pk.payload, "abc", 3);
}

// First fragment: ports decoded, payload bounded by the IP length.
// Later fragment: no transport header, shown as a fragment.
static void test_ipv4_fragments(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 17, "10.0.0.1", "10.0.0.2", 0x42, 0x2000, NULL, 0);
	put_udp(&p, 4000, 5000);
	for (int i = 0; i < 16; i++)
		put_u8(&p, 'a' + i);
	pkt_finish(&p);
	p.b[p.l4 + 4] = 0x05;   // UDP length 1500: the whole datagram
	p.b[p.l4 + 5] = 0xdc;
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.is_fragment, 1);
	assert_int_equal(pk.more_fragments, 1);
	assert_int_equal(pk.frag_offset, 0);
	assert_int_equal(pk.proto, PROTO_UDP);
	assert_int_equal(pk.sport, 4000);
	assert_int_equal(pk.payload_len, 16);
	assert_int_equal(pk.frag_id, 0x42);
	assert_int_equal(pk.udp_len, 1500);   // the datagram's, not this piece's

	struct pkt q = { .len = 0 };
	put_eth(&q, 0x0800);
	put_ipv4(&q, 17, "10.0.0.1", "10.0.0.2", 0x42, 185, NULL, 0);
	put_bytes(&q, "\x0f\xa0\x13\x88 looks like ports", 20);
	pkt_finish(&q);
	decode(&q, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.is_fragment, 1);
	assert_int_equal(pk.more_fragments, 0);
	assert_int_equal(pk.frag_offset, 1480);
	assert_int_equal(pk.proto, PROTO_NONE);
	assert_int_equal(pk.ip_proto, 17);
	assert_int_equal(pk.sport, 0);
	assert_int_equal(pk.dport, 0);
	assert_int_equal(pk.payload_len, 20);
	assert_non_null(strstr(pk.summary, "offset 1480"));
	assert_non_null(strstr(pk.summary, "id 66"));
}

// Malformed IPv4 headers: bad version, header length, total length.
static void test_ipv4_malformed(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	p.b[14] = 0x44;
	decode(&p, DLT_EN10MB);
	assert_stop("ipv4", "bad header length");
	assert_int_equal(pk.proto, PROTO_NONE);
	udp4(&p);
	p.b[14] = 0x65;
	decode(&p, DLT_EN10MB);
	assert_stop("ipv4", "bad version");
	udp4(&p);
	p.b[16] = 0;
	p.b[17] = 19;
	decode(&p, DLT_EN10MB);
	assert_stop("ipv4", "bad total length");
	udp4(&p);
	p.b[14] = 0x4f;          // 60-byte header in a 33-byte datagram
	decode(&p, DLT_EN10MB);
	assert_stop("ipv4", "bad total length");
	udp4(&p);
	decode_n(&p, DLT_EN10MB, 33);
	assert_stop("ipv4", "truncated");
	assert_int_equal(pk.ip_version, 4);
	assert_int_equal(pk.src.family, 4);
	assert_int_equal(pk.dst.family, 0);   // its bytes were not captured
}

// Length fields left zero by segmentation offload (TSO, BIG TCP): the
// frame's wire length says how long the datagram is.
static void test_zero_ip_length_offload(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "10.0.0.1", "10.0.0.2", 0, 0x4000, NULL, 0);
	put_tcp(&p, 1, 2, 3, 4, 0x18, 5, NULL, 0);
	put_bytes(&p, "0123456789", 10);
	pkt_finish(&p);
	p.b[16] = p.b[17] = 0;
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.ip_len, 50);
	assert_int_equal(pk.payload_len, 10);
	struct pkt q = { .len = 0 };
	put_eth(&q, 0x86dd);
	put_ipv6(&q, 6, "2001:db8::1", "2001:db8::2");
	put_tcp(&q, 1, 2, 3, 4, 0x18, 5, NULL, 0);
	put_bytes(&q, "0123456789", 10);
	pkt_finish(&q);
	q.b[18] = q.b[19] = 0;
	decode(&q, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.payload_len, 10);
	// IPv6 with no next header and zero length: Ethernet padding is
	// not mistaken for a payload.
	struct pkt r = { .len = 0 };
	put_eth(&r, 0x86dd);
	put_ipv6(&r, 59, "2001:db8::1", "2001:db8::2");
	pkt_finish(&r);
	while (r.len < 60)
		put_u8(&r, 0);
	decode(&r, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.ip_len, 40);
	assert_int_equal(pk.payload_len, 0);
}

// IPv6 extension headers are walked to TCP; a later fragment stops there.
static void test_ipv6_extension_headers(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 0, "2001:db8::1", "2001:db8::2");
	put_bytes(&p, "\x3c\x00\x01\x04\x00\x00\x00\x00", 8);  // hop-by-hop -> dstopts
	put_bytes(&p, "\x2b\x01\x01\x04\x00\x00\x00\x00"       // dstopts (16) -> routing
	              "\x01\x04\x00\x00\x00\x00\x00\x00", 16);
	put_bytes(&p, "\x2c\x00\x00\x00\x00\x00\x00\x00", 8);  // routing -> fragment
	put_bytes(&p, "\x06\x00\x00\x01\x00\x00\x00\x99", 8);  // fragment: first, M
	put_tcp(&p, 443, 51000, 1, 2, 0x18, 100, NULL, 0);
	put_bytes(&p, "data", 4);
	mark_l4(&p, 6);
	p.l4 = p.len - 24;
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.ip_version, 6);
	assert_int_equal(pk.ip_proto, 6);
	assert_int_equal(pk.ip_hlen, 40 + 40);
	assert_int_equal(pk.is_fragment, 1);
	assert_int_equal(pk.more_fragments, 1);
	assert_int_equal(pk.frag_offset, 0);
	assert_int_equal(pk.proto, PROTO_TCP);
	assert_int_equal(pk.sport, 443);
	assert_int_equal(pk.payload_len, 4);
	assert_memory_equal(pk.payload, "data", 4);
	assert_int_equal(pk.frag_id, 0x99);   // the fragment header's id
	assert_int_equal(pk.ip_id, 0);

	p.b[14 + 40 + 32 + 2] = 0x05;   // fragment offset 0x05 << 8 = 1280
	p.b[14 + 40 + 32 + 3] = 0x00;
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.frag_offset, 1280);
	assert_int_equal(pk.more_fragments, 0);
	assert_int_equal(pk.proto, PROTO_NONE);
	assert_int_equal(pk.payload_len, 24);

	decode_n(&p, DLT_EN10MB, 14 + 40 + 12);
	assert_stop("ipv6", "truncated");
	p.b[14] = 0x40;
	decode(&p, DLT_EN10MB);
	assert_stop("ipv6", "bad version");
}

// The SYN of a Linux connect(): MSS, SACK-permitted, timestamps, NOP,
// window scale.
static void test_tcp_syn_options(void **state)
{
	(void)state;
	static const uint8_t opt[20] = {
		2, 4, 0xff, 0xd7, 4, 2, 8, 10, 0, 0, 0, 100, 0, 0, 0, 0, 1, 3, 3, 7,
	};
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "127.0.0.1", "127.0.0.1", 0, 0x4000, NULL, 0);
	put_tcp(&p, 45678, 12000, 0xdeadbeef, 0, 0x02, 65495, opt, 20);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.proto, PROTO_TCP);
	assert_int_equal(pk.seq, 0xdeadbeef);
	assert_int_equal(pk.ack, 0);
	assert_int_equal(pk.tcp_flags, 0x02);
	assert_int_equal(pk.window, 65495);
	assert_int_equal(pk.trans_hlen, 40);
	assert_true(pk.opt.has_mss);
	assert_int_equal(pk.opt.mss, 65495);
	assert_true(pk.opt.has_sack_ok);
	assert_true(pk.opt.has_ts);
	assert_int_equal(pk.opt.tsval, 100);
	assert_int_equal(pk.opt.tsecr, 0);
	assert_true(pk.opt.has_wscale);
	assert_int_equal(pk.opt.wscale, 7);
	assert_int_equal(pk.opt.nsack, 0);
	assert_int_equal(pk.opt.malformed, 0);
	assert_int_equal(pk.payload_len, 0);
}

// SACK blocks, and data after the options counted from the IP length.
static void test_tcp_sack_blocks(void **state)
{
	(void)state;
	static const uint8_t opt[20] = {
		1, 1, 5, 18, 0, 0, 0x10, 0, 0, 0, 0x20, 0, 0, 0, 0x30, 0, 0, 0, 0x40, 0,
	};
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "10.0.0.2", "10.0.0.1", 0, 0x4000, NULL, 0);
	put_tcp(&p, 80, 40000, 1, 0x1000, 0x10, 500, opt, 20);
	put_bytes(&p, "HELLO\n", 6);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.opt.nsack, 2);
	assert_int_equal(pk.opt.sack[0][0], 0x1000);
	assert_int_equal(pk.opt.sack[0][1], 0x2000);
	assert_int_equal(pk.opt.sack[1][0], 0x3000);
	assert_int_equal(pk.opt.sack[1][1], 0x4000);
	assert_int_equal(pk.payload_len, 6);
	assert_memory_equal(pk.payload, "HELLO\n", 6);
}

// Impossible option lengths end the option walk and are flagged; the
// payload is still found through the data offset.
static void test_tcp_malformed_options(void **state)
{
	(void)state;
	static const uint8_t bad[3][8] = {
		{ 2, 4, 0x05, 0xb4, 3, 0, 0, 0 },     // length 0
		{ 2, 4, 0x05, 0xb4, 8, 40, 0, 0 },    // runs past the header
		{ 2, 3, 0x05, 1, 1, 1, 1, 1 },        // MSS of length 3
	};
	for (int i = 0; i < 3; i++) {
		struct pkt p = { .len = 0 };
		put_eth(&p, 0x0800);
		put_ipv4(&p, 6, "10.0.0.2", "10.0.0.1", 0, 0, NULL, 0);
		put_tcp(&p, 80, 40000, 1, 2, 0x18, 500, bad[i], 8);
		put_bytes(&p, "ok", 2);
		pkt_finish(&p);
		decode(&p, DLT_EN10MB);
		assert_no_stop();
		assert_int_equal(pk.opt.malformed, 1);
		assert_int_equal(pk.opt.has_mss, i < 2);
		assert_int_equal(pk.payload_len, 2);
		assert_memory_equal(pk.payload, "ok", 2);
	}
}

// A data offset below 5 words, or past the datagram, stops at TCP.
static void test_tcp_bad_header_length(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 6, "10.0.0.2", "10.0.0.1", 0, 0, NULL, 0);
	put_tcp(&p, 80, 40000, 1, 2, 0x10, 500, NULL, 0);
	pkt_finish(&p);
	p.b[p.l4 + 12] = 0x40;
	decode(&p, DLT_EN10MB);
	assert_stop("tcp", "bad header length");
	assert_int_equal(pk.sport, 80);
	p.b[p.l4 + 12] = 0x60;
	decode(&p, DLT_EN10MB);
	assert_stop("tcp", "bad header length");
	p.b[p.l4 + 12] = 0x50;
	decode_n(&p, DLT_EN10MB, p.len - 1);
	assert_stop("tcp", "truncated");
	assert_int_equal(pk.seq, 1);
}

// A truncated capture: payload_len says what was sent, payload_caplen
// what was captured.
static void test_payload_caplen(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	decode_n(&p, DLT_EN10MB, p.len - 2);
	assert_no_stop();
	assert_int_equal(pk.payload_len, 5);
	assert_int_equal(pk.payload_caplen, 3);
	assert_int_equal(pk.wirelen, 47);
}

static void test_udp_bad_length(void **state)
{
	(void)state;
	struct pkt p;
	udp4(&p);
	p.b[34 + 4] = 0;
	p.b[34 + 5] = 7;
	decode(&p, DLT_EN10MB);
	assert_stop("udp", "bad length");
	udp4(&p);
	p.b[34 + 5] = 10;          // UDP says 10: 2 bytes of payload
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.payload_len, 2);
	udp4(&p);
	decode_n(&p, DLT_EN10MB, 40);
	assert_stop("udp", "truncated");
	assert_int_equal(pk.sport, 40000);
	assert_int_equal(pk.dport, 12000);
}

// ICMP port unreachable quoting the UDP datagram sent to a closed port.
static void test_icmp_port_unreachable(void **state)
{
	(void)state;
	struct pkt d;
	udp4(&d);
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 1, "10.0.0.2", "10.0.0.1", 5, 0, NULL, 0);
	put_icmp(&p, 1, 3, 3, 0);
	put_bytes(&p, d.b + 14, d.len - 14);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.proto, PROTO_ICMP);
	assert_int_equal(pk.icmp_type, 3);
	assert_int_equal(pk.icmp_code, 3);
	assert_non_null(strstr(pk.summary, "port unreachable"));
	assert_int_equal(pk.quoted.valid, 1);
	assert_int_equal(pk.quoted.has_ports, 1);
	assert_int_equal(pk.quoted.proto, 17);
	assert_addr(&pk.quoted.src, "10.0.0.1");
	assert_addr(&pk.quoted.dst, "10.0.0.2");
	assert_int_equal(pk.quoted.sport, 40000);
	assert_int_equal(pk.quoted.dport, 12000);
	// Quoted header captured, its ports not.
	decode_n(&p, DLT_EN10MB, 14 + 20 + 8 + 20 + 3);
	assert_no_stop();
	assert_int_equal(pk.quoted.valid, 1);
	assert_int_equal(pk.quoted.has_ports, 0);
	decode_n(&p, DLT_EN10MB, 14 + 20 + 6);
	assert_stop("icmp", "truncated");
	assert_int_equal(pk.icmp_type, 3);
}

static void test_icmp_echo(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 1, "10.0.0.1", "10.0.0.2", 5, 0, NULL, 0);
	put_icmp(&p, 1, 8, 0, 0x00070003);
	put_bytes(&p, "ping", 4);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_string_equal(pk.summary, "ICMP echo request id 7 seq 3");
	assert_int_equal(pk.quoted.valid, 0);
	assert_int_equal(pk.payload_len, 4);
}

static void test_icmp6_port_unreachable(void **state)
{
	(void)state;
	struct pkt d = { .len = 0 };
	put_ipv6(&d, 17, "::1", "::1");
	put_udp(&d, 33333, 12000);
	put_bytes(&d, "hi\n", 3);
	pkt_finish(&d);
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 58, "::1", "::1");
	put_icmp(&p, 58, 1, 4, 0);
	put_bytes(&p, d.b, d.len);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.proto, PROTO_ICMP6);
	assert_int_equal(pk.icmp_type, 1);
	assert_int_equal(pk.icmp_code, 4);
	assert_non_null(strstr(pk.summary, "port unreachable"));
	assert_int_equal(pk.quoted.valid, 1);
	assert_int_equal(pk.quoted.has_ports, 1);
	assert_int_equal(pk.quoted.proto, 17);
	assert_addr(&pk.quoted.dst, "::1");
	assert_int_equal(pk.quoted.sport, 33333);
	assert_int_equal(pk.quoted.dport, 12000);
}

static void test_arp(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0806);
	put_bytes(&p, "\0\1\x08\0\6\4\0\1", 8);
	put_bytes(&p, "\2\0\0\0\0\1\x0a\0\0\1", 10);
	put_bytes(&p, "\0\0\0\0\0\0\x0a\0\0\2", 10);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.proto, PROTO_ARP);
	assert_int_equal(pk.ip_version, 0);
	assert_string_equal(pk.summary,
	        "ARP request: who has 10.0.0.2? tell 10.0.0.1 (at 02:00:00:00:00:01)");
	assert_int_equal(pk.arp_op, 1);
	assert_int_equal(pk.arp_gratuitous, 0);
	p.b[21] = 2;
	decode(&p, DLT_EN10MB);
	assert_int_equal(pk.arp_op, 2);
	assert_string_equal(pk.summary, "ARP reply: 10.0.0.1 is at 02:00:00:00:00:01"
	                                " (to 10.0.0.2 at 00:00:00:00:00:00)");
	decode_n(&p, DLT_EN10MB, 30);
	assert_stop("arp", "truncated");
}

static void test_ndp(void **state)
{
	(void)state;
	uint8_t t[16];
	inet_pton(AF_INET6, "fe80::2", t);
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 58, "fe80::1", "ff02::1:ff00:2");
	put_icmp(&p, 58, 135, 0, 0);
	put_bytes(&p, t, 16);
	put_bytes(&p, "\1\1\2\0\0\0\0\1", 8);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_string_equal(pk.summary, "NDP neighbor solicitation: who has fe80::2?"
	                                " tell fe80::1 from 02:00:00:00:00:01");
	struct pkt q = { .len = 0 };
	put_eth(&q, 0x86dd);
	put_ipv6(&q, 58, "fe80::2", "fe80::1");
	put_icmp(&q, 58, 136, 0, 0x60000000);
	put_bytes(&q, t, 16);
	put_bytes(&q, "\2\1\2\0\0\0\0\2", 8);
	pkt_finish(&q);
	decode(&q, DLT_EN10MB);
	assert_string_equal(pk.summary, "NDP neighbor advertisement: fe80::2 is at"
	                                " 02:00:00:00:00:02 (solicited) (override)");
	decode_n(&q, DLT_EN10MB, q.len - 20);
	assert_stop("icmp6", "truncated");
}

// Protocols not decoded: a summary, the rest shown as payload.
static void test_not_decoded(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 132, "10.0.0.1", "10.0.0.2", 0, 0, NULL, 0);
	put_bytes(&p, "sctp-ish", 8);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_int_equal(pk.proto, PROTO_OTHER);
	assert_int_equal(pk.ip_proto, 132);
	assert_non_null(strstr(pk.summary, "SCTP"));
	assert_int_equal(pk.payload_len, 8);
	struct pkt q = { .len = 0 };
	put_eth(&q, 0x88cc);
	put_bytes(&q, "lldp", 4);
	decode(&q, DLT_EN10MB);
	assert_int_equal(pk.ethertype, 0x88cc);
	assert_string_equal(pk.summary, "EtherType 0x88cc (not decoded)");
	decode_n(&q, DLT_EN10MB, 13);
	assert_stop("ethernet", "truncated");
}

// ICMP fragmentation needed: the next-hop MTU is the low 2 bytes (RFC
// 1191); ICMPv6 packet too big: 4 bytes.
static void test_icmp_mtu(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x0800);
	put_ipv4(&p, 1, "10.0.0.254", "10.0.0.1", 7, 0, NULL, 0);
	put_icmp(&p, 1, 3, 4, 0xabcd0578);   // unused bytes not zero
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_int_equal(pk.icmp_mtu, 1400);
	assert_non_null(strstr(pk.summary, "next-hop MTU 1400"));
	struct pkt q = { .len = 0 };
	put_eth(&q, 0x86dd);
	put_ipv6(&q, 58, "2001:db8::fe", "2001:db8::1");
	put_icmp(&q, 58, 2, 0, 70000);
	pkt_finish(&q);
	decode(&q, DLT_EN10MB);
	assert_int_equal(pk.icmp_mtu, 70000);
}

// An MLDv2 report is named, with its record count; its records are not
// application data.
static void test_mldv2(void **state)
{
	(void)state;
	struct pkt p = { .len = 0 };
	put_eth(&p, 0x86dd);
	put_ipv6(&p, 58, "fe80::1", "ff02::16");
	put_icmp(&p, 58, 143, 0, 2);
	for (int i = 0; i < 40; i++)
		put_u8(&p, (uint8_t)i);
	pkt_finish(&p);
	decode(&p, DLT_EN10MB);
	assert_no_stop();
	assert_non_null(strstr(pk.summary, "MLDv2"));
	assert_non_null(strstr(pk.summary, "2 group records"));
	assert_int_equal(pk.payload_len, 0);
}

// Fast Open: kind 34 with a cookie, an empty one (a cookie request), and
// the experimental kind 254 with magic 0xf989.
static void test_tcp_fastopen_option(void **state)
{
	(void)state;
	static const uint8_t opts[3][12] = {
		{ 34, 10, 1, 2, 3, 4, 5, 6, 7, 8, 1, 1 },
		{ 34, 2, 1, 1 },
		{ 254, 12, 0xf9, 0x89, 1, 2, 3, 4, 5, 6, 7, 8 },
	};
	static const int lens[3] = { 12, 4, 12 }, cookie[3] = { 8, 0, 8 };
	for (int i = 0; i < 3; i++) {
		struct pkt p = { .len = 0 };
		put_eth(&p, 0x0800);
		put_ipv4(&p, 6, "10.0.0.1", "10.0.0.2", 1, 0x4000, NULL, 0);
		put_tcp(&p, 40000, 12000, 5, 0, 0x02, 100, opts[i], lens[i]);
		put_bytes(&p, "hi", 2);
		pkt_finish(&p);
		decode(&p, DLT_EN10MB);
		assert_no_stop();
		assert_int_equal(pk.opt.has_tfo, 1);
		assert_int_equal(pk.opt.tfo_cookie_len, cookie[i]);
		assert_int_equal(pk.opt.malformed, 0);
		assert_int_equal(pk.payload_len, 2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethernet_ipv4_udp),
		cmocka_unit_test(test_ethernet_padding),
		cmocka_unit_test(test_vlan_and_qinq),
		cmocka_unit_test(test_null_and_loop),
		cmocka_unit_test(test_sll_and_sll2),
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_ipv4_options),
		cmocka_unit_test(test_ipv4_fragments),
		cmocka_unit_test(test_ipv4_malformed),
		cmocka_unit_test(test_ipv6_extension_headers),
		cmocka_unit_test(test_zero_ip_length_offload),
		cmocka_unit_test(test_tcp_syn_options),
		cmocka_unit_test(test_tcp_sack_blocks),
		cmocka_unit_test(test_tcp_malformed_options),
		cmocka_unit_test(test_tcp_bad_header_length),
		cmocka_unit_test(test_payload_caplen),
		cmocka_unit_test(test_udp_bad_length),
		cmocka_unit_test(test_icmp_port_unreachable),
		cmocka_unit_test(test_icmp_echo),
		cmocka_unit_test(test_icmp6_port_unreachable),
		cmocka_unit_test(test_arp),
		cmocka_unit_test(test_ndp),
		cmocka_unit_test(test_not_decoded),
		cmocka_unit_test(test_icmp_mtu),
		cmocka_unit_test(test_mldv2),
		cmocka_unit_test(test_tcp_fastopen_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
