// wire.c: capture on lo and decode the few headers the grading needs.
#include "wire.h"

#include <arpa/inet.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Read a big-endian 16/32-bit number at p.
static unsigned get16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

// Decode the transport header at t (len bytes) of protocol proto.
static int decode_transport(int proto, const uint8_t *t, size_t len, struct wpkt *p)
{
	size_t hl;
	if (proto == W_UDP) {
		if (len < 8)
			return -1;
		hl = 8;
	} else if (proto == W_TCP) {
		if (len < 20 || (hl = (size_t)(t[12] >> 4) * 4) < 20 || hl > len)
			return -1;
		p->flags = t[13];
		p->seq = get32(t + 4), p->ack = get32(t + 8);
	} else {
		return -1;
	}
	p->proto = proto;
	p->sport = (int)get16(t), p->dport = (int)get16(t + 2);
	p->len = len - hl;
	p->payload = malloc(p->len + 1);
	if (p->payload == NULL)
		return -1;
	memcpy(p->payload, t + hl, p->len);
	return 0;
}

// An ICMP port unreachable quoting a UDP datagram: keep its ports.
static int decode_unreachable(const uint8_t *q, size_t len, int v6, struct wpkt *p)
{
	size_t iphl = v6 ? 40 : (len > 0 ? (size_t)(q[0] & 15) * 4 : 0);
	if (len < iphl + 4 || (v6 ? q[6] : q[9]) != W_UDP)
		return -1;
	p->proto = W_ICMP;
	p->sport = (int)get16(q + iphl), p->dport = (int)get16(q + iphl + 2);
	return 0;
}

int wire_decode(const uint8_t *f, size_t caplen, struct wpkt *p)
{
	memset(p, 0, sizeof *p);
	if (caplen < 14)
		return -1;
	unsigned type = get16(f + 12);
	const uint8_t *ip = f + 14;
	size_t len = caplen - 14;
	if (type == 0x0800 && len >= 20) {
		size_t hl = (size_t)(ip[0] & 15) * 4;
		size_t tot = get16(ip + 2);
		if (hl < 20 || tot < hl || tot > len)
			return -1;
		inet_ntop(AF_INET, ip + 12, p->src, sizeof p->src);
		inet_ntop(AF_INET, ip + 16, p->dst, sizeof p->dst);
		if (ip[9] == W_ICMP)
			return tot >= hl + 8 && ip[hl] == 3 && ip[hl + 1] == 3 ?
			       decode_unreachable(ip + hl + 8, tot - hl - 8, 0, p) : -1;
		return decode_transport(ip[9], ip + hl, tot - hl, p);
	}
	if (type == 0x86dd && len >= 40) {
		size_t tot = 40 + get16(ip + 4);
		if (tot > len)
			return -1;
		inet_ntop(AF_INET6, ip + 8, p->src, sizeof p->src);
		inet_ntop(AF_INET6, ip + 24, p->dst, sizeof p->dst);
		if (ip[6] == 58)
			return tot >= 48 && ip[40] == 1 && ip[41] == 4 ?
			       decode_unreachable(ip + 48, tot - 48, 1, p) : -1;
		return decode_transport(ip[6], ip + 40, tot - 40, p);
	}
	return -1;
}

static const char *filter;

void wire_set_filter(const char *expr)
{
	filter = expr;
}

// Apply filter to p. 0, or -1 (pcap_geterr says why).
static int set_filter(pcap_t *p)
{
	struct bpf_program prog;
	if (filter == NULL)
		return 0;
	if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0)
		return -1;
	int rc = pcap_setfilter(p, &prog);
	pcap_freecode(&prog);
	return rc;
}

int wire_open(struct wire *w, const char *path, char *err, size_t errlen)
{
	char ebuf[PCAP_ERRBUF_SIZE] = "";
	memset(w, 0, sizeof *w);
	pcap_t *p = pcap_create("lo", ebuf);
	if (p == NULL)
		goto fail;
	// The largest frame lo carries (its MTU, 65536, and the Ethernet
	// header): a bigger snapshot would only make fewer frames fit in the
	// kernel's buffer.
	pcap_set_snaplen(p, 65536 + 14);
	pcap_set_immediate_mode(p, 1);
	pcap_set_buffer_size(p, 8 << 20);
	if (pcap_activate(p) < 0 || pcap_setnonblock(p, 1, ebuf) < 0 || set_filter(p) < 0) {
		snprintf(ebuf, sizeof ebuf, "%s", pcap_geterr(p));
		pcap_close(p);
		goto fail;
	}
	w->pcap = p;
	if (path != NULL)
		w->dumper = pcap_dump_open(p, path);
	return 0;
fail:
	snprintf(err, errlen, "grader: capture on lo: %s", ebuf);
	return -1;
}

// pcap_dispatch callback: save the frame and keep its decoded form,
// unless it takes the capture past a limit: then stop it.
static void on_frame(u_char *user, const struct pcap_pkthdr *h, const u_char *f)
{
	struct wire *w = (struct wire *)user;
	if (w->flooded)
		return;
	if (w->bytes + h->caplen > WIRE_MAX_BYTES || w->frames == WIRE_MAX_PACKETS) {
		w->flooded = 1;
		pcap_breakloop(w->pcap);
		return;
	}
	w->bytes += h->caplen, w->frames++;
	if (w->dumper != NULL)
		pcap_dump((u_char *)w->dumper, h, f);
	struct wpkt p;
	if (wire_decode(f, h->caplen, &p) < 0)
		return;
	p.ms = (long long)h->ts.tv_sec * 1000 + h->ts.tv_usec / 1000;
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		struct wpkt *np = realloc(w->pkts, cap * sizeof *np);
		if (np == NULL) {
			free(p.payload);
			return;
		}
		w->pkts = np, w->cap = cap;
	}
	w->pkts[w->n++] = p;
}

void wire_collect(struct wire *w)
{
	if (w->pcap == NULL) {
		w->uncaptured = 1;
		return;
	}
	struct pcap_stat st;
	while (!w->flooded && pcap_dispatch(w->pcap, -1, on_frame, (u_char *)w) > 0)
		;
	if (pcap_stats(w->pcap, &st) == 0)
		w->lost = st.ps_drop;
	if (w->dumper != NULL)
		pcap_dump_flush(w->dumper);
}

int wire_flood_note(const struct wire *w, char *msg, size_t size)
{
	if (!w->flooded)
		return 0;
	snprintf(msg, size, "the program flooded the network: %zu bytes in %zu packets "
	         "kept, %u more dropped (a test keeps at most %d MiB or %d packets, and "
	         "the exchange needs a few hundred bytes)",
	         w->bytes, w->frames, w->lost, WIRE_MAX_BYTES >> 20, WIRE_MAX_PACKETS);
	return 1;
}

void wire_close(struct wire *w)
{
	if (w->dumper != NULL)
		pcap_dump_close(w->dumper);
	if (w->pcap != NULL)
		pcap_close(w->pcap);
	for (size_t i = 0; i < w->n; i++)
		free(w->pkts[i].payload);
	free(w->pkts);
	memset(w, 0, sizeof *w);
}
