// test_verbose.c: golden tests of -v (every header field, layer by
// layer), -x (with the bytes in hex) and the JSON layers, rendered by
// print_verbose() and print_fields_json() for every generated capture
// (every link type and protocol the decoder knows) and two recorded
// loopback runs. Expected outputs are tests/golden/verbose/CAPTURE.v,
// .x and .json; after reviewing a deliberate change, rewrite them with
// SOCKLAB_GOLDEN_UPDATE=1 build/tests/test_verbose (from the repo root).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <pcap/pcap.h>

#include "fields.h"
#include "packet.h"
#include "print_verbose.h"

enum form { FORM_V, FORM_X, FORM_JSON };

struct golden {
	const char *capture;   // under tests/captures, without ".pcap"
	enum form form;
};

static const struct golden table[] = {
	{ "gen-udp-ipv4", FORM_V }, { "gen-udp-ipv4", FORM_X },
	{ "gen-udp-ipv4", FORM_JSON }, { "gen-udp-ipv6", FORM_V },
	{ "gen-tcp-ipv4", FORM_V }, { "gen-tcp-ipv4", FORM_X },
	{ "gen-tcp-ipv4", FORM_JSON }, { "gen-tcp-ipv6", FORM_V },
	{ "gen-tcp-refused", FORM_V }, { "gen-tcp-sack-retransmit", FORM_V },
	{ "gen-link-null-le", FORM_V }, { "gen-link-null-be", FORM_X },
	{ "gen-link-loop", FORM_V }, { "gen-link-sll", FORM_V },
	{ "gen-link-sll2", FORM_V }, { "gen-link-sll2", FORM_X },
	{ "gen-link-raw", FORM_V }, { "gen-link-ipv4", FORM_V },
	{ "gen-link-ipv6", FORM_V }, { "gen-vlan", FORM_V }, { "gen-vlan", FORM_X },
	{ "gen-ipv4-options", FORM_V }, { "gen-ipv4-fragments", FORM_V },
	{ "gen-ipv6-ext-headers", FORM_V }, { "gen-icmp-port-unreachable", FORM_V },
	{ "gen-icmp-port-unreachable", FORM_X },
	{ "gen-icmp6-port-unreachable", FORM_V },
	{ "gen-icmp6-port-unreachable", FORM_JSON }, { "gen-icmp-echo", FORM_V },
	{ "gen-arp", FORM_V }, { "gen-arp", FORM_X }, { "gen-ndp", FORM_V },
	{ "gen-truncated", FORM_V }, { "gen-truncated", FORM_X },
	{ "gen-malformed", FORM_V }, { "gen-malformed", FORM_JSON },
	{ "rec-udp", FORM_V }, { "rec-tcp", FORM_V },
};

static const char *suffix[] = { "v", "x", "json" };

// Render every packet of a capture in one form into a malloc'd string.
static char *render(const char *path, enum form form, size_t *len)
{
	static struct field_list fl;
	char err[PCAP_ERRBUF_SIZE], *buf = NULL;
	pcap_t *p = pcap_open_offline(path, err);
	if (!p)
		fail_msg("%s", err);
	FILE *out = open_memstream(&buf, len);
	assert_non_null(out);
	struct pcap_pkthdr *h;
	const u_char *data;
	for (unsigned n = 1; pcap_next_ex(p, &h, &data) == 1; n++) {
		struct packet pk;
		memset(&pk, 0, sizeof pk);
		pk.fields = &fl;
		decode_packet(&pk, pcap_datalink(p), &h->ts, h->caplen, h->len, data);
		if (form == FORM_JSON) {
			print_fields_json(out, &pk);
			fputc('\n', out);
		} else {
			fprintf(out, "packet %u: %u bytes captured of %u\n", n,
			        h->caplen, h->len);
			print_verbose(out, &pk, data, form == FORM_X);
		}
	}
	pcap_close(p);
	fclose(out);
	return buf;
}

// Read a whole file into a malloc'd string (NULL if missing).
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len + 4096 > cap) {
			cap = cap * 2 + 8192;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t n = fread(buf + *len, 1, cap - *len - 1, f);
		*len += n;
		if (n == 0)
			break;
	}
	buf[*len] = 0;
	fclose(f);
	return buf;
}

// Report the first line where got and want differ.
static void first_difference(const char *name, const char *got, const char *want)
{
	int line = 1;
	const char *g = got, *w = want;
	while (*g && *g == *w) {
		if (*g == '\n') {
			line++;
			got = g + 1;
			want = w + 1;
		}
		g++;
		w++;
	}
	fail_msg("%s differs at line %d:\n  got:  %.*s\n  want: %.*s", name, line,
	         (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"), want);
}

static void test_golden(void **state)
{
	(void)state;
	const char *root = getenv("SOCKLAB_ROOT");
	int update = getenv("SOCKLAB_GOLDEN_UPDATE") != NULL;
	char cap[4096], exp[4096];
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct golden *t = &table[i];
		size_t glen = 0, wlen = 0;
		snprintf(cap, sizeof cap, "%s/tests/captures/%s.pcap", root ? root : ".",
		         t->capture);
		snprintf(exp, sizeof exp, "%s/tests/golden/verbose/%s.%s",
		         root ? root : ".", t->capture, suffix[t->form]);
		char *got = render(cap, t->form, &glen);
		if (update) {
			FILE *f = fopen(exp, "wb");
			assert_non_null(f);
			assert_int_equal(fwrite(got, 1, glen, f), glen);
			assert_int_equal(fclose(f), 0);
		}
		char *want = slurp(exp, &wlen);
		if (!want)
			fail_msg("%s missing: run SOCKLAB_GOLDEN_UPDATE=1 %s", exp,
			         "build/tests/test_verbose and review it");
		if (glen != wlen || memcmp(got, want, glen) != 0)
			first_difference(exp, got, want);
		free(got);
		free(want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
