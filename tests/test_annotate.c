// test_annotate.c: the annotator, the escaper and the ladder on packets
// built field by field (no decoding): roles, each TCP event, UDP
// request/reply, ICMP joined to the datagram it quotes, the facts of
// recorded calls replacing the guesses, the bounded
// conversation table, the notes' own printf, escaping of every byte
// value, and the ladder's caps.
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "annotate_int.h"
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

// The time of the next segment seg() makes, in ms, its window, and the
// options it carries (cleared after each segment).
static long now_ms;
static uint16_t win = 100;
static struct tcp_options opts;

// A TCP segment from the client (dir 0: 10.0.0.1:40000) or the server.
static enum event seg(struct annotator *an, int from_server, uint8_t flags,
                      uint32_t seq, uint32_t ack, uint32_t len)
{
	static const uint8_t data[64];
	struct packet pk = from_server ? mk(PROTO_TCP, 2, 12000, 1, 40000)
	                               : mk(PROTO_TCP, 1, 40000, 2, 12000);
	pk.ts.tv_sec = now_ms / 1000;
	pk.ts.tv_usec = now_ms % 1000 * 1000;
	pk.tcp_flags = flags;
	pk.seq = seq;
	pk.ack = ack;
	pk.window = win;
	pk.opt = opts;
	pk.payload = data;
	pk.payload_len = pk.payload_caplen = len;
	annotate(an, &pk, 1, &a);
	memset(&opts, 0, sizeof opts);
	return a.event;
}

// A handshake between ISNs c and s, with window scale shifts ws (-1:
// none offered) on the SYN and wss on the SYN-ACK.
static void hs(struct annotator *an, uint32_t c, uint32_t s, int ws, int wss)
{
	opts.has_wscale = ws >= 0;
	opts.wscale = (uint8_t)(ws < 0 ? 0 : ws);
	seg(an, 0, TCP_SYN, c, 0, 0);
	opts.has_wscale = wss >= 0;
	opts.wscale = (uint8_t)(wss < 0 ? 0 : wss);
	seg(an, 1, TCP_SYN | TCP_ACK, s, c + 1, 0);
	seg(an, 0, TCP_ACK, c + 1, s + 1, 0);
}

// Whether any note of a contains s.
static int noted(const char *s)
{
	for (int i = 0; i < a.nnotes; i++)
		if (strstr(a.notes[i], s))
			return 1;
	return 0;
}

// A fact as the recorded calls give it: call made the packet, with len
// bytes (-1 unknown), on a socket bound by bind(bind) (NULL: never bound;
// the OS picked the port at port_by).
static struct call_fact fact(const char *call, long len, const char *bind,
                             const char *port_by)
{
	struct call_fact f;
	memset(&f, 0, sizeof f);
	snprintf(f.program, sizeof f.program, "prog");
	snprintf(f.call, sizeof f.call, "%s", call);
	f.in_progress = 1;
	f.len = len;
	f.bind_known = 1;
	f.bound = bind != NULL;
	snprintf(f.bind_args, sizeof f.bind_args, "%s", bind ? bind : "");
	f.bind_any_port = bind && strstr(bind, ":0") == bind + strlen(bind) - 2;
	snprintf(f.port_by, sizeof f.port_by, "%s", port_by ? port_by : "");
	return f;
}

// The notes the recorded calls settle state the facts: a UDP client's
// bind() (or the port the OS picked), a TCP client's, and a segment's
// bytes against the send() that gave them; without a fact, the guesses.
static void facts_replace_guesses(void **state)
{
	struct annotator *an = annotator_new(0);
	struct packet q = mk(PROTO_UDP, 1, 40001, 2, 40002);
	(void)state;
	q.payload_len = 4;
	struct call_fact f = fact("sendto", 4, "3, 10.0.0.1:40001", NULL);
	annotate_called(an, &q, 1, &f, &a);
	assert_true(noted("the client called bind(3, 10.0.0.1:40001) before it sent (traced)"));
	assert_true(noted("the whole of one sendto() of 4 bytes (traced)"));
	assert_false(noted("never called bind()"));
	q = mk(PROTO_UDP, 1, 40003, 2, 40002);
	q.payload_len = 4;
	f = fact("sendto", 4, NULL, "sendto");
	annotate_called(an, &q, 1, &f, &a);
	assert_true(noted("never called bind() (traced): the OS picked port 40003 at its first sendto()"));
	assert_false(noted("most likely"));
	q = mk(PROTO_UDP, 1, 40005, 2, 40002);
	q.payload_len = 4;
	annotate_called(an, &q, 1, NULL, &a);  // no calls recorded: inferred
	assert_true(noted("most likely the client never called bind()"));
	assert_false(noted("(traced)"));
	f = fact("connect", -1, "3, 0.0.0.0:0", NULL);
	struct packet syn = mk(PROTO_TCP, 1, 40000, 2, 12000);
	syn.tcp_flags = TCP_SYN;
	syn.seq = 1000;
	annotate_called(an, &syn, 1, &f, &a);
	assert_true(noted("bind(3, 0.0.0.0:0) before it connected (traced): port 0 asks the OS"));
	annotator_free(an);
}

// A data segment against the recorded send(): all of its bytes, part of
// them (split), or more (joined with earlier calls' bytes).
static void facts_on_segments(void **state)
{
	static const uint8_t data[64];
	struct annotator *an = annotator_new(0);
	(void)state;
	hs(an, 1000, 5000, -1, -1);
	struct packet pk = mk(PROTO_TCP, 1, 40000, 2, 12000);
	pk.tcp_flags = TCP_ACK | TCP_PSH;
	pk.seq = 1001;
	pk.ack = 5001;
	pk.payload = data;
	pk.payload_len = pk.payload_caplen = 10;
	struct call_fact f = fact("sendto", 10, NULL, NULL);
	annotate_called(an, &pk, 1, &f, &a);
	assert_true(noted("as many as its sendto() of 10 bytes (traced, in progress)"));
	pk.seq += 10;
	f = fact("sendto", 100, NULL, NULL);
	annotate_called(an, &pk, 1, &f, &a);
	assert_true(noted("part of its sendto() of 100 bytes (traced, in progress): TCP split"));
	pk.seq += 10;
	f = fact("sendto", 2, NULL, NULL);
	f.in_progress = 0;
	annotate_called(an, &pk, 1, &f, &a);
	assert_true(noted("more than its last sendto() gave (2 bytes, traced, returned before it "
	                  "left): TCP joined"));
	pk.seq += 10;
	annotate_called(an, &pk, 1, NULL, &a);
	assert_true(noted("written by send() on its socket (TCP carries a byte stream"));
	annotator_free(an);
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

// Bytes that fill a gap soon are out of order; late, a retransmission;
// bytes seen before are a retransmission linked to their first copy,
// spurious when they were already acknowledged; D-SACK is named.
static void order_and_retransmissions(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	now_ms = 0;
	hs(an, 0, 0, -1, -1);
	seg(an, 0, TCP_ACK, 1, 1, 4);
	now_ms = 1;
	assert_int_equal(seg(an, 0, TCP_ACK, 9, 1, 4), EV_DATA);
	now_ms = 2;
	assert_int_equal(seg(an, 0, TCP_ACK, 5, 1, 4), EV_OUT_OF_ORDER);
	seg(an, 0, TCP_ACK, 17, 1, 4);   // a gap at 13..16
	now_ms = 500;
	assert_int_equal(seg(an, 0, TCP_ACK, 13, 1, 4), EV_RETRANSMISSION);
	assert_true(noted("missing from this capture"));
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 21, 0), EV_ACK);
	now_ms = 800;
	assert_int_equal(seg(an, 0, TCP_ACK, 17, 1, 4), EV_RETRANSMISSION);
	assert_true(noted("spurious retransmission"));
	assert_true(noted("first sent at"));
	opts.nsack = 1;
	opts.sack[0][0] = 17;
	opts.sack[0][1] = 21;
	seg(an, 1, TCP_ACK, 1, 21, 0);
	assert_true(noted("D-SACK"));
	seg(an, 0, TCP_ACK, 21, 1, 4);
	now_ms = 1200;
	assert_int_equal(seg(an, 0, TCP_ACK, 21, 1, 4), EV_RETRANSMISSION);
	assert_true(noted("timeout"));
	assert_true(noted("400.000 ms later"));
	annotator_free(an);
}

// Keep-alives and zero-window probes (seq = snd.nxt - 1) and their answers.
static void keepalive_and_zero_window(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	now_ms = 0;
	hs(an, 0, 0, -1, -1);
	seg(an, 0, TCP_ACK, 1, 1, 4);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 5, 0), EV_ACK);
	assert_int_equal(seg(an, 0, TCP_ACK, 4, 1, 0), EV_KEEPALIVE);
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 5, 0), EV_ACK);
	assert_true(noted("answers the keep-alive"));
	assert_int_equal(seg(an, 0, TCP_ACK, 4, 1, 1), EV_KEEPALIVE);
	seg(an, 1, TCP_ACK, 1, 5, 0);
	seg(an, 0, TCP_ACK, 5, 1, 4);
	win = 0;
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 9, 0), EV_ZERO_WINDOW);
	win = 100;
	assert_int_equal(seg(an, 0, TCP_ACK, 8, 1, 0), EV_ZERO_WINDOW_PROBE);
	win = 0;
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 9, 0), EV_ZERO_WINDOW);
	assert_true(noted("answer to the probe"));
	win = 100;
	assert_int_equal(seg(an, 1, TCP_ACK, 1, 9, 0), EV_ACK);
	assert_true(noted("window update"));
	annotator_free(an);
}

// A SYN sent again after the SYN-ACK is a retransmission; the RTT is
// from the last SYN (Karn); Fast Open's ack is ISN + 1 + data.
static void handshake_variants(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	now_ms = 0;
	assert_int_equal(seg(an, 0, TCP_SYN, 10, 0, 0), EV_HANDSHAKE_1);
	now_ms = 1000;
	assert_int_equal(seg(an, 0, TCP_SYN, 10, 0, 0), EV_RETRANSMISSION);
	now_ms = 1001;
	assert_int_equal(seg(an, 1, TCP_SYN | TCP_ACK, 50, 11, 0), EV_HANDSHAKE_2);
	now_ms = 3000;
	assert_int_equal(seg(an, 0, TCP_SYN, 10, 0, 0), EV_RETRANSMISSION);
	assert_true(noted("after the server's SYN-ACK"));
	now_ms = 3001;
	assert_int_equal(seg(an, 1, TCP_SYN | TCP_ACK, 50, 11, 0), EV_RETRANSMISSION);
	assert_int_equal(seg(an, 0, TCP_ACK, 11, 51, 0), EV_HANDSHAKE_3);
	assert_true(noted("1.000 ms from the last of 3 SYNs"));
	assert_true(noted("Karn"));
	struct packet syn = mk(PROTO_TCP, 1, 40001, 2, 12000);
	syn.tcp_flags = TCP_SYN;
	syn.seq = 100;
	syn.payload_len = 6;
	annotate(an, &syn, 1, &a);
	assert_true(noted("Fast Open"));
	struct packet sa = mk(PROTO_TCP, 2, 12000, 1, 40001);
	sa.tcp_flags = TCP_SYN | TCP_ACK;
	sa.seq = 7;
	sa.ack = 107;
	annotate(an, &sa, 1, &a);
	assert_true(noted("client ISN + 1 + 6"));
	// Fast Open refused: the SYN-ACK acknowledges the SYN only, and the
	// data comes again after the handshake.
	syn.sport = 40002;
	annotate(an, &syn, 1, &a);
	sa.dport = 40002;
	sa.ack = 101;
	annotate(an, &sa, 1, &a);
	assert_true(noted("did not take the SYN's data"));
	struct packet again = mk(PROTO_TCP, 1, 40002, 2, 12000);
	again.tcp_flags = TCP_ACK;
	again.seq = 101;
	again.ack = 8;
	again.payload_len = 6;
	annotate(an, &again, 1, &a);
	assert_int_equal(a.event, EV_RETRANSMISSION);
	assert_true(noted("Fast Open data of the SYN"));
	annotator_free(an);
}

// FINs that cross: both ends end in TIME_WAIT. A new SYN on the closed
// 4-tuple is a new conversation with its ports reused.
static void close_variants(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	now_ms = 0;
	hs(an, 0, 0, -1, -1);
	assert_int_equal(seg(an, 0, TCP_FIN | TCP_ACK, 1, 1, 0), EV_FIN);
	assert_int_equal(seg(an, 1, TCP_FIN | TCP_ACK, 1, 1, 0), EV_FIN);
	assert_true(noted("simultaneous close"));
	assert_int_equal(seg(an, 0, TCP_ACK, 2, 2, 0), EV_ACK);
	assert_int_equal(seg(an, 1, TCP_ACK, 2, 2, 0), EV_ACK);
	assert_true(noted("both wait there"));
	now_ms = 200;
	assert_int_equal(seg(an, 0, TCP_SYN, 90000, 0, 0), EV_HANDSHAKE_1);
	assert_int_equal(a.conv, 2);
	assert_true(noted("ports reused"));
	assert_true(noted("60 s TIME_WAIT"));
	// a full close() answered by RST
	seg(an, 1, TCP_SYN | TCP_ACK, 500, 90001, 0);
	seg(an, 0, TCP_ACK, 90001, 501, 0);
	seg(an, 0, TCP_FIN | TCP_ACK, 90001, 501, 0);
	seg(an, 1, TCP_ACK, 501, 90002, 0);
	seg(an, 1, TCP_ACK, 501, 90002, 5);
	assert_int_equal(seg(an, 0, TCP_RST, 90002, 0, 0), EV_RST);
	assert_true(noted("which had sent its FIN"));
	assert_false(noted("no FIN exchange"));
	annotator_free(an);
}

// Mid-stream: the roles are a guess, relative numbers start at 1.
// Window scaling: on only if both offer it; a SYN's window never scaled.
static void midstream_and_scaling(void **state)
{
	struct annotator *an = annotator_new(0);
	(void)state;
	assert_int_equal(seg(an, 1, TCP_ACK | TCP_PSH, 7000, 9000, 5), EV_DATA);
	assert_true(noted("handshake was not captured"));
	assert_int_equal(a.rel_seq, 1);
	assert_int_equal(a.rel_ack, 1);
	assert_false(a.has_win);
	annotator_free(an);

	an = annotator_new(0);
	hs(an, 0, 0, 7, -1);
	assert_true(a.has_win);
	assert_int_equal(a.win_calc, 100);     // off: only one side offered
	annotator_free(an);
	an = annotator_new(0);
	opts.has_wscale = 1;
	opts.wscale = 7;
	seg(an, 0, TCP_SYN, 0, 0, 0);
	opts.has_wscale = 1;
	opts.wscale = 2;
	seg(an, 1, TCP_SYN | TCP_ACK, 0, 1, 0);
	assert_true(noted("scaling is on"));
	assert_int_equal(a.win_calc, 100);     // a SYN-ACK's own window
	seg(an, 0, TCP_ACK, 1, 1, 0);
	assert_int_equal(a.win_calc, 100 << 7);
	seg(an, 1, TCP_ACK, 1, 1, 0);
	assert_int_equal(a.win_calc, 100 << 2);
	annotator_free(an);

	// A shift over 14 counts as 14 (RFC 7323): no shift past the width
	// of the window (the whole-pipeline fuzzer found 82 and 255 here).
	an = annotator_new(0);
	opts.has_wscale = 1;
	opts.wscale = 255;
	seg(an, 0, TCP_SYN, 0, 0, 0);
	opts.has_wscale = 1;
	opts.wscale = 82;
	seg(an, 1, TCP_SYN | TCP_ACK, 0, 1, 0);
	assert_true(noted("the client's windows count x16384, the server's x16384"));
	seg(an, 0, TCP_ACK, 1, 1, 0);
	assert_int_equal(a.win_calc, 100 << 14);
	annotator_free(an);
}

// Later IP fragments join the first one's conversation; before it, none.
static void fragments_join(void **state)
{
	struct annotator *an = annotator_new(0);
	struct packet first = mk(PROTO_UDP, 1, 40000, 2, 12000), rest;
	(void)state;
	first.is_fragment = first.more_fragments = 1;
	first.frag_id = 77;
	first.udp_len = 3008;
	first.ip_len = 1500;
	first.ip_hlen = 20;
	first.payload_len = 1472;
	annotate(an, &first, 1, &a);
	assert_int_equal(a.event, EV_UDP_REQUEST);
	assert_true(noted("one sendto() of 3000 bytes"));
	rest = mk(PROTO_NONE, 1, 0, 2, 0);
	rest.ip_proto = 17;
	rest.is_fragment = 1;
	rest.frag_id = 77;
	rest.frag_offset = 1480;
	rest.ip_len = 1548;
	rest.ip_hlen = 20;
	annotate(an, &rest, 1, &a);
	assert_int_equal(a.event, EV_FRAGMENT);
	assert_int_equal(a.conv, 1);
	assert_int_equal(a.from, ROLE_CLIENT);
	assert_true(noted("all 2 fragments"));
	rest.frag_id = 78;
	annotate(an, &rest, 1, &a);
	assert_int_equal(a.conv, 0);
	assert_true(noted("cannot be tied"));
	annotator_free(an);
}

// An ICMP error from a router is from neither end; ARP notes by operation.
static void router_and_arp(void **state)
{
	struct annotator *an = annotator_new(0);
	struct packet q = mk(PROTO_UDP, 1, 40000, 2, 12000), icmp, arp;
	(void)state;
	annotate(an, &q, 1, &a);
	icmp = mk(PROTO_ICMP, 254, 0, 1, 0);
	icmp.icmp_type = 3;
	icmp.icmp_code = 4;
	icmp.icmp_mtu = 1280;
	icmp.quoted = (struct quoted){ 1, 1, 17, q.src, q.dst, 40000, 12000 };
	annotate(an, &icmp, 1, &a);
	assert_int_equal(a.conv, 1);
	assert_int_equal(a.from, ROLE_NONE);
	assert_true(noted("a router on the path"));
	assert_true(noted("path MTU"));
	memset(&arp, 0, sizeof arp);
	arp.proto = PROTO_ARP;
	arp.arp_op = 2;
	annotate(an, &arp, 1, &a);
	assert_false(noted("broadcast"));
	arp.arp_op = 1;
	annotate(an, &arp, 1, &a);
	assert_true(noted("broadcast"));
	arp.arp_gratuitous = 1;
	annotate(an, &arp, 1, &a);
	assert_true(noted("gratuitous"));
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
	// The last IPv6 address is kept: another one is not mistaken for it.
	struct ipaddr doc = { 6, { 0x20, 0x01, 0x0d, 0xb8 } };
	doc.a[15] = 5;
	format_endpoint(out, &doc, 80);
	assert_string_equal(out, "[2001:db8::5]:80");
	format_endpoint(out, &v6, -1);
	assert_string_equal(out, "::1");
	// Kept IPv4 texts: same low bits, another address; ports of each length.
	struct ipaddr same_slot = { 4, { 10, 0, 0, 3 } }, v4b = { 4, { 0, 0, 0, 7 } };
	static const struct { int port; const char *text; } ports[] = {
		{ 0, "0.0.0.7:0" }, { 9, "0.0.0.7:9" }, { 10, "0.0.0.7:10" }, { 999, "0.0.0.7:999" },
		{ 1000, "0.0.0.7:1000" }, { 12000, "0.0.0.7:12000" },
	};
	for (size_t i = 0; i < sizeof ports / sizeof ports[0]; i++) {
		assert_int_equal(format_endpoint(out, &v4b, ports[i].port), strlen(ports[i].text));
		assert_string_equal(out, ports[i].text);
	}
	format_endpoint(out, &same_slot, -1);
	assert_string_equal(out, "10.0.0.3");
	format_endpoint(out, &v4, -1);
	assert_string_equal(out, "192.168.100.7");
}

// What vsnprintf writes for fmt into a note's ANNOT_NOTE_LEN bytes.
static void printf_note(char *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void printf_note(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, ANNOT_NOTE_LEN, fmt, ap);
	va_end(ap);
}

// note() in n must write what vsnprintf writes for the same arguments.
#define CHECK_NOTE(n, ...) do { \
	char want_[ANNOT_NOTE_LEN]; \
	printf_note(want_, __VA_ARGS__); \
	(n).nnotes = 0; \
	note(&(n), __VA_ARGS__); \
	assert_int_equal((n).nnotes, 1); \
	assert_string_equal((n).notes[0], want_); \
	assert_int_equal((n).note_len[0], strlen(want_)); \
} while (0)

// The notes' own printf: each conversion the notes use, the extremes of
// the signed ones, a note cut at ANNOT_NOTE_LEN - 1 bytes, and one with
// a conversion it leaves to vsnprintf.
static void notes_format_as_printf(void **state)
{
	static struct annotation n;
	char longer[400];
	(void)state;
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	CHECK_NOTE(n, "plain text, no conversion");
	CHECK_NOTE(n, "a %s b %d c %u d %ld e %lu f %.3f g %% h", "str", -42,
	           4000000000u, -9000000000L, ULONG_MAX, 1.23456);
	CHECK_NOTE(n, "%d %ld %d %.3f", INT_MIN, LONG_MIN, 0, -0.0005);
	CHECK_NOTE(n, "%s%s", "", "ends with a conversion");
	CHECK_NOTE(n, "cut: %s and %u after it", longer, 7u);
	CHECK_NOTE(n, "%s then %u", longer + 150, 123456789u);
	CHECK_NOTE(n, "hex %x, then %s", 255u, "left to vsnprintf");
}

// %.3f as printf writes it, for the times the notes carry (whole
// microseconds in ms and in s, as ms_between makes them), ties and
// near-ties, huge values, -0.0, negatives, NaN and infinity: ob_fixed3
// writes some from integers and leaves the rest to snprintf.
static void notes_fixed3_as_printf(void **state)
{
	static struct annotation n;
	const double odd[] = { 0.0005, 0.0015, 0.0625, 1.0005, 2.5e-4, 999999.9995,
	                       0.00049999999, 1e14, 1e15, 1e16, -0.0, -1e-9, -3.25,
	                       NAN, INFINITY, 4503599627370.4965 };
	struct timeval t0 = { 100, 999999 }, t1;
	(void)state;
	for (long u = 0; u < 20000; u++) {
		CHECK_NOTE(n, "%.3f ms", (double)u / 1e3);
		CHECK_NOTE(n, "%.3f s", (double)(u * 7919) / 1e6);
		t1.tv_sec = 100 + u / 1000;
		t1.tv_usec = (u * 37) % 1000000;
		CHECK_NOTE(n, "rtt %.3f ms", ms_between(&t0, &t1));
	}
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		CHECK_NOTE(n, "[%.3f]", odd[i]);
}

// A run of printable bytes, then bytes that need escaping, at every size
// of room: what fits, then "..." unless the whole is there.
static void escape_runs_at_every_room(void **state)
{
	const uint8_t in[] = "ab\\cd\x01" "efgh\n";
	const char *const whole = "ab\\\\cd\\x01efgh\\n";
	char out[64];
	(void)state;
	for (size_t room = 1; room <= strlen(whole) + 4; room++) {
		size_t k = escape_bytes(out, room, in, sizeof in - 1);
		assert_int_equal(k, strlen(out));
		assert_true(k < room);
		if (strcmp(out, whole) == 0)
			continue;
		// Room for "..." is kept until the last byte: with 4 more than
		// the whole needs, the whole is there.
		assert_true(room < strlen(whole) + 4);
		// A cut result is a prefix of the whole, then "...": room for it
		// (and the NUL) is kept from the start, so it is there whenever
		// the room holds 4 bytes.
		size_t body = k >= 3 && strcmp(out + k - 3, "...") == 0 ? k - 3 : k;
		assert_memory_equal(out, whole, body);
		assert_true(room < 4 || k == body + 3);
	}
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
		cmocka_unit_test(facts_replace_guesses),
		cmocka_unit_test(facts_on_segments),
		cmocka_unit_test(dup_acks_need_outstanding_data),
		cmocka_unit_test(refused_is_explained),
		cmocka_unit_test(udp_and_icmp),
		cmocka_unit_test(order_and_retransmissions),
		cmocka_unit_test(keepalive_and_zero_window),
		cmocka_unit_test(handshake_variants),
		cmocka_unit_test(close_variants),
		cmocka_unit_test(midstream_and_scaling),
		cmocka_unit_test(fragments_join),
		cmocka_unit_test(router_and_arp),
		cmocka_unit_test(table_is_bounded),
		cmocka_unit_test(endpoints_format),
		cmocka_unit_test(notes_format_as_printf),
		cmocka_unit_test(notes_fixed3_as_printf),
		cmocka_unit_test(escape_runs_at_every_room),
		cmocka_unit_test(escape_every_byte),
		cmocka_unit_test(ladder_is_capped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
