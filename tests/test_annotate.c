// test_annotate.c: the annotator, the escaper and the ladder on packets
// built field by field (no decoding): roles, each TCP event, UDP
// request/reply, ICMP joined to the datagram it quotes, the bounded
// conversation table, escaping of every byte value, and the ladder's caps.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "escape.h"
#include "ladder.h"

static struct annotation a;

// A UDP or TCP packet from 10.0.0.sh:sp to 10.0.0.dh:dp.
static struct packet mk(enum proto proto, int sh, uint16_t sp, int dh, uint16_t dp)
{
	struct packet pk;
	memset(&pk, 0, sizeof pk);
	pk.link = "ethernet";
	pk.ip_version = 4;
	pk.src.family = pk.dst.family = 4;
	pk.src.a[0] = pk.dst.a[0] = 10;
	pk.src.a[3] = (uint8_t)sh;
	pk.dst.a[3] = (uint8_t)dh;
	pk.proto = proto;
	pk.ip_proto = proto == PROTO_TCP ? 6 : 17;
	pk.sport = sp;
	pk.dport = dp;
	return pk;
}

// A TCP segment from the client (dir 0: 10.0.0.1:40000) or the server.
static enum event seg(struct annotator *an, int from_server, uint8_t flags,
                      uint32_t seq, uint32_t ack, uint32_t len)
{
	static const uint8_t data[64];
	struct packet pk = from_server ? mk(PROTO_TCP, 2, 12000, 1, 40000)
	                               : mk(PROTO_TCP, 1, 40000, 2, 12000);
	pk.tcp_flags = flags;
	pk.seq = seq;
	pk.ack = ack;
	pk.window = 100;
	pk.payload = data;
	pk.payload_len = pk.payload_caplen = len;
	annotate(an, &pk, 1, &a);
	return a.event;
}

// Whether any note of a contains s.
static int noted(const char *s)
{
	for (int i = 0; i < a.nnotes; i++)
		if (strstr(a.notes[i], s))
			return 1;
	return 0;
}

static void tcp_session_events(void **state)
{
	struct annotator *an = annotator_new(0);
	uint32_t c = 1000, s = 5000;
	(void)state;
	assert_int_equal(seg(an, 0, TCP_SYN, c, 0, 0), EV_HANDSHAKE_1);
	assert_string_equal(a.client, "10.0.0.1:40000");
	assert_string_equal(a.server, "10.0.0.2:12000");
	assert_int_equal(a.from, ROLE_CLIENT);
	assert_true(noted("connect()"));
	assert_int_equal(seg(an, 1, TCP_SYN | TCP_ACK, s, c + 1, 0), EV_HANDSHAKE_2);
	assert_true(noted("ack 1001 = client ISN 1000 + 1"));
	assert_int_equal(seg(an, 0, TCP_ACK, c + 1, s + 1, 0), EV_HANDSHAKE_3);
	assert_true(noted("accept()"));
	assert_int_equal(seg(an, 0, TCP_ACK | TCP_PSH, c + 1, s + 1, 5), EV_DATA);
	assert_int_equal(a.rel_seq, 1);
	assert_int_equal(a.rel_ack, 1);
	assert_int_equal(seg(an, 0, TCP_ACK | TCP_PSH, c + 1, s + 1, 5), EV_RETRANSMISSION);
	assert_int_equal(seg(an, 1, TCP_ACK, s + 1, c + 6, 0), EV_ACK);
	assert_int_equal(a.rel_ack, 6);
	assert_int_equal(seg(an, 0, TCP_ACK | TCP_FIN, c + 6, s + 1, 0), EV_FIN);
	assert_true(noted("closes first"));
	assert_true(noted("half-close"));
	assert_int_equal(seg(an, 1, TCP_ACK | TCP_FIN, s + 1, c + 7, 0), EV_FIN);
	assert_int_equal(seg(an, 0, TCP_ACK, c + 7, s + 2, 0), EV_ACK);
	assert_true(noted("last ACK"));
	assert_true(noted("TIME_WAIT"));
	assert_int_equal(a.conv, 1);
	annotator_free(an);
}

// Duplicate ACKs need data outstanding; window updates are not dups.
static void dup_acks_need_outstanding_data(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	seg(an, 0, TCP_SYN, 0, 0, 0);
	seg(an, 1, TCP_SYN | TCP_ACK, 0, 1, 0);
	seg(an, 0, TCP_ACK, 1, 1, 0);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 1, 0), EV_ACK);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 1, 0), EV_ACK);  // nothing sent
	seg(an, 0, TCP_ACK, 1, 1, 10);
	seg(an, 0, TCP_ACK, 11, 1, 10);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 11, 0), EV_ACK);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 11, 0), EV_DUP_ACK);
	assert_true(noted("duplicate ACK #1"));
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 11, 0), EV_DUP_ACK);
	assert_true(noted("duplicate ACK #2"));
	annotator_free(an);
}

static void refused_is_explained(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	seg(an, 0, TCP_SYN, 77, 0, 0);
	assert_int_equal(seg(an, 1, TCP_RST | TCP_ACK, 0, 78, 0), EV_RST);
	assert_true(noted("connection refused"));
	assert_true(noted("ECONNREFUSED"));
	assert_int_equal(seg(an, 0, TCP_SYN, 900, 0, 0), EV_HANDSHAKE_1);
	assert_int_equal(seg(an, 0, TCP_SYN, 900, 0, 0), EV_RETRANSMISSION);
	annotator_free(an);
}

// The first datagram's sender is the client; the reply is a reply even
// when the ports say nothing (both below 32768); ICMP joins the flow.
static void udp_and_icmp(void **state)
{
	struct annotator *an = annotator_new(0);
	struct packet q = mk(PROTO_UDP, 1, 5000, 2, 6000), r, icmp;
	(void)state;
	q.payload_len = 4;
	annotate(an, &q, 1, &a);
	assert_int_equal(a.event, EV_UDP_REQUEST);
	assert_string_equal(a.client, "10.0.0.1:5000");
	assert_true(noted("it sent the first datagram"));
	assert_false(noted("ephemeral port"));  // 5000 is not ephemeral
	r = mk(PROTO_UDP, 2, 6000, 1, 5000);
	annotate(an, &r, 1, &a);
	assert_int_equal(a.event, EV_UDP_REPLY);
	assert_true(noted("recvfrom() reported"));
	icmp = mk(PROTO_ICMP, 2, 0, 1, 0);
	icmp.icmp_type = 3;
	icmp.icmp_code = 3;
	icmp.quoted = (struct quoted){ 1, 1, 17, q.src, q.dst, 5000, 6000 };
	annotate(an, &icmp, 1, &a);
	assert_int_equal(a.event, EV_ICMP_UNREACHABLE);
	assert_int_equal(a.conv, 1);
	assert_int_equal(a.from, ROLE_SERVER);
	assert_true(noted("port unreachable"));
	annotator_free(an);
}

// The table holds at most its capacity: old conversations are forgotten
// (and come back as new ones), however many there are.
static void table_is_bounded(void **state)
{
	struct annotator *an = annotator_new(64);
	struct packet pk;
	(void)state;
	for (int i = 0; i < 10000; i++) {
		pk = mk(PROTO_UDP, 1, (uint16_t)(40000 + i), 2, 12000);
		annotate(an, &pk, 0, &a);
		assert_int_equal(a.conv, (unsigned long)i + 1);
	}
	assert_int_equal(annotator_evictions(an), 10000 - 64);
	pk = mk(PROTO_UDP, 1, 40000, 2, 12000);
	annotate(an, &pk, 0, &a);
	assert_int_equal(a.conv, 10001);  // forgotten, so new
	pk = mk(PROTO_UDP, 2, 12000, 1, (uint16_t)(40000 + 9999));
	annotate(an, &pk, 0, &a);
	assert_int_equal(a.conv, 10000);  // recent, still known
	assert_int_equal(a.event, EV_UDP_REPLY);
	annotator_free(an);
}

static void endpoints_format(void **state)
{
	char out[ENDPOINT_LEN];
	struct ipaddr v6 = { 6, { 0 } };
	(void)state;
	v6.a[15] = 1;
	format_endpoint(out, &v6, 12000);
	assert_string_equal(out, "[::1]:12000");
	format_endpoint(out, &v6, -1);
	assert_string_equal(out, "::1");
	struct ipaddr v4 = { 4, { 192, 168, 100, 7 } };
	format_endpoint(out, &v4, 65535);
	assert_string_equal(out, "192.168.100.7:65535");
}

// Every byte value comes out printable; the result is cut with "...".
static void escape_every_byte(void **state)
{
	uint8_t all[256];
	char out[1200];
	(void)state;
	for (int i = 0; i < 256; i++)
		all[i] = (uint8_t)i;
	escape_bytes(out, sizeof out, all, sizeof all);
	for (char *p = out; *p; p++)
		assert_true(*p >= 0x20 && *p < 0x7f);
	assert_non_null(strstr(out, "\\0\\x01"));
	assert_non_null(strstr(out, "\\t\\n\\x0b\\x0c\\r"));
	assert_non_null(strstr(out, "\\x1b"));
	assert_non_null(strstr(out, "AB"));
	assert_non_null(strstr(out, "\\\\"));
	assert_non_null(strstr(out, "\\x7f\\x80"));
	assert_non_null(strstr(out, "\\xff"));
	escape_bytes(out, 12, (const uint8_t *)"\033\033\033\033", 4);
	assert_string_equal(out, "\\x1b\\x1b...");
	escape_json(out, sizeof out, "a\"b\\c\n\x7f");
	assert_string_equal(out, "a\\\"b\\\\c\\u000a\\u007f");
}

// The ladder keeps LADDER_STEPS events per conversation and LADDER_CONVS
// conversations, and says how many it left out.
static void ladder_is_capped(void **state)
{
	struct ladder *l = ladder_new();
	struct annotator *an = annotator_new(0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct packet pk;
	(void)state;
	for (int i = 0; i < LADDER_STEPS + 10; i++) {
		pk = mk(PROTO_UDP, 1, 40000, 2, 12000);
		annotate(an, &pk, 0, &a);
		assert_int_equal(ladder_add(l, &pk, &a, 0), 0);
	}
	for (int i = 0; i < LADDER_CONVS + 5; i++) {
		pk = mk(PROTO_UDP, 1, (uint16_t)(50000 + i), 2, 12000);
		annotate(an, &pk, 0, &a);
		ladder_add(l, &pk, &a, 0);
	}
	ladder_print(l, f);
	ladder_mermaid(l, f);
	fclose(f);
	assert_non_null(strstr(text, "... 10 more events not drawn"));
	assert_non_null(strstr(text, "ladder: 6 more conversations not drawn"));
	assert_non_null(strstr(text, "Note over P1,P2: 10 more events not drawn"));
	free(text);
	ladder_free(l);
	annotator_free(an);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tcp_session_events),
		cmocka_unit_test(dup_acks_need_outstanding_data),
		cmocka_unit_test(refused_is_explained),
		cmocka_unit_test(udp_and_icmp),
		cmocka_unit_test(table_is_bounded),
		cmocka_unit_test(endpoints_format),
		cmocka_unit_test(escape_every_byte),
		cmocka_unit_test(ladder_is_capped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
