// fields_check.c: whether the checksums of a packet verify, for -v.
#include <string.h>

#include "fields_rec.h"

// Fold a one's-complement sum to 16 bits.
static uint16_t fold(uint64_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

// The IPv4 header checksum of the hlen bytes at start.
enum check check_ipv4_header(const struct field_list *fl, uint32_t start,
                             uint32_t hlen)
{
	struct cursor c = fields_cursor(fl, 0);
	uint64_t s = 0;
	if (hlen < 20 || cur_sum(&c, start, hlen, &s) < 0)
		return CHECK_UNKNOWN;
	return fold(s) == 0xffff ? CHECK_OK : CHECK_BAD;
}

// 1 if a and b are both loopback addresses (127.0.0.0/8, ::1).
static int both_loopback(const struct packet *pk)
{
	static const uint8_t one6[16] = { [15] = 1 };
	const struct ipaddr *a[2] = { &pk->src, &pk->dst };
	for (int i = 0; i < 2; i++) {
		if (a[i]->family == 4 && a[i]->a[0] != 127)
			return 0;
		if (a[i]->family == 6 && memcmp(a[i]->a, one6, 16) != 0)
			return 0;
		if (a[i]->family == 0)
			return 0;
	}
	return 1;
}

// The IP pseudo-header's sum: addresses, protocol, transport length.
static uint64_t pseudo_sum(const struct packet *pk, uint8_t proto, uint32_t len)
{
	int n = pk->ip_version == 6 ? 16 : 4;
	uint64_t s = proto + (len & 0xffff) + (len >> 16);
	for (int i = 0; i < n; i += 2)
		s += (uint32_t)(pk->src.a[i] << 8 | pk->src.a[i + 1]) +
		     (uint32_t)(pk->dst.a[i] << 8 | pk->dst.a[i + 1]);
	return s;
}

// Whether value is a partial checksum (CHECKSUM_PARTIAL): Linux, leaving
// the sum to the card, puts only the pseudo-header's folded sum there.
// A capture taken before the card (veth, a sending host) shows it so,
// read live or from a file alike.
static int partial(const struct packet *pk, uint8_t proto, uint32_t len,
                   uint16_t value)
{
	uint16_t p = fold(pseudo_sum(pk, proto, len)), np = (uint16_t)~p;
	return value == p || value == np;
}

// The transport checksum (see fields_rec.h). A TCP/UDP checksum that
// fails on a loopback capture, or that holds just the pseudo-header's
// sum, is unverified, not wrong: the kernel left it to a NIC.
enum check check_transport(const struct field_list *fl,
                           const struct packet *pk, uint32_t start,
                           uint32_t len, uint8_t proto, int with_pseudo,
                           uint16_t value)
{
	struct cursor c = fields_cursor(fl, 0);
	uint64_t s = with_pseudo ? pseudo_sum(pk, proto, len) : 0;
	if (proto == 17 && value == 0 && pk->ip_version == 4)
		return CHECK_NONE;
	if (pk->is_fragment || cur_sum(&c, start, len, &s) < 0)
		return CHECK_UNKNOWN;
	if (fold(s) == 0xffff)
		return CHECK_OK;
	if (proto != 6 && proto != 17)
		return CHECK_BAD;
	if (both_loopback(pk))
		return CHECK_OFFLOAD;
	if (partial(pk, proto, len, value))
		return CHECK_PARTIAL;  // the same read live or from a file
	return fl->loopback ? CHECK_OFFLOAD : CHECK_BAD;
}
