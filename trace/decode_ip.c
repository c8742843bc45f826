// decode_ip.c: the network layer: IPv4 (options skipped, fragments
// marked) and IPv6 (extension headers walked to the transport header).
#include <stdio.h>

#include "decode.h"
#include "fields.h"

#define EXT_MAX 16  // IPv6 extension headers walked before giving up

// A non-first fragment carries no transport header: show its bytes as
// the payload and say which fragment it is.
static void fragment_rest(struct packet *pk, struct cursor *c, uint32_t sent)
{
	snprintf(pk->summary, sizeof pk->summary,
	         "fragment id %u of IP protocol %u at offset %u%s",
	         pk->frag_id, pk->ip_proto, pk->frag_offset,
	         pk->more_fragments ? ", more follow" : ", the last");
	decode_set_payload(pk, c, sent);
}

// The IPv4 fixed header after its first byte (vhl): fill pk, return
// the total length (from the wire length if it is 0, as TSO leaves it).
static uint32_t ipv4_header(struct packet *pk, struct cursor *c,
                            uint32_t start, uint8_t vhl)
{
	pk->ip_version = 4;
	pk->net_off = start;
	pk->ip_hlen = (uint16_t)((vhl & 0x0f) * 4);
	get_u8(c);  // type of service
	uint32_t total = get_be16(c);
	pk->ip_id = get_be16(c);
	uint16_t frag = get_be16(c);
	pk->ttl = get_u8(c);
	pk->ip_proto = get_u8(c);
	cur_skip(c, 2);  // header checksum
	if (get_bytes(c, pk->src.a, 4) == 0)
		pk->src.family = 4;
	if (get_bytes(c, pk->dst.a, 4) == 0)
		pk->dst.family = 4;
	if (total == 0 && pk->wirelen > start)  // TSO: length left to the NIC
		total = pk->wirelen - start;
	pk->ip_len = total;
	pk->more_fragments = (frag & 0x2000) != 0;
	pk->frag_offset = (uint32_t)(frag & 0x1fff) * 8;
	pk->is_fragment = pk->more_fragments || pk->frag_offset != 0;
	pk->frag_id = pk->ip_id;
	return total;
}

// IPv4: fixed header, options, then the transport layer (unless this is
// a fragment other than the first). The window is cut to total length.
void decode_ipv4(struct packet *pk, struct cursor *c)
{
	uint32_t start = c->off;
	uint8_t vhl = get_u8(c);
	if (c->is_short || vhl >> 4 != 4) {
		decode_stop(pk, "ipv4", c->is_short ? "truncated" : "bad version");
		return;
	}
	uint32_t total = ipv4_header(pk, c, start, vhl);
	if (pk->fields)
		fields_ipv4(pk->fields, pk, start, 0);
	if (c->is_short) {
		decode_stop(pk, "ipv4", "truncated");
		return;
	}
	if (pk->ip_hlen < 20 || total < pk->ip_hlen) {
		decode_stop(pk, "ipv4", pk->ip_hlen < 20 ? "bad header length" :
		                                           "bad total length");
		return;
	}
	c->off = start;
	cur_limit(c, total);  // drops link padding; keeps a short capture
	if (cur_skip(c, pk->ip_hlen) < 0) {
		decode_stop(pk, "ipv4", "truncated");
		return;
	}
	if (pk->frag_offset != 0)
		fragment_rest(pk, c, total - pk->ip_hlen);
	else
		decode_transport(pk, c);
}

// Skip one extension header of (hdr_len + 1) * unit bytes whose first
// byte names the next header. Returns 0 or -1 (truncated).
static int ext_skip(struct cursor *c, uint8_t *nh, uint32_t unit, uint32_t extra)
{
	*nh = get_u8(c);
	uint32_t len = get_u8(c);
	if (c->is_short)
		return -1;
	return cur_skip(c, (len + extra) * unit - 2);
}

// Walk IPv6 extension headers (see decode.h).
int ipv6_walk(struct cursor *c, uint8_t *nh, struct frag6 *fr,
              const char **why)
{
	for (int n = 0; n < EXT_MAX; n++) {
		int r;
		switch (*nh) {
		case IPP_HOPOPTS: case IPP_ROUTING: case IPP_DSTOPTS:
		case 135:  // mobility
			r = ext_skip(c, nh, 8, 1);
			break;
		case IPP_AH:
			r = ext_skip(c, nh, 4, 2);
			break;
		case IPP_FRAGMENT: {
			*nh = get_u8(c);
			get_u8(c);
			uint16_t fo = get_be16(c);
			uint32_t id = get_be32(c);
			r = c->is_short ? -1 : 0;
			if (fr) {
				fr->off = fo & 0xfff8;
				fr->more = fo & 1;
				fr->id = id;
				fr->is_frag = 1;
			}
			break;
		}
		default:
			return 0;
		}
		if (r < 0) {
			*why = "truncated";
			return -1;
		}
	}
	*why = "too many extension headers";
	return -1;
}

// IPv6: fixed header, extension headers, then the transport layer.
void decode_ipv6(struct packet *pk, struct cursor *c)
{
	uint32_t start = c->off;
	uint32_t vtf = get_be32(c);
	if (c->is_short || vtf >> 28 != 6) {
		decode_stop(pk, "ipv6", c->is_short ? "truncated" : "bad version");
		return;
	}
	pk->ip_version = 6;
	pk->net_off = start;
	uint32_t plen = get_be16(c);
	uint8_t nh = get_u8(c);
	pk->ttl = get_u8(c);
	if (get_bytes(c, pk->src.a, 16) == 0)
		pk->src.family = 6;
	if (get_bytes(c, pk->dst.a, 16) == 0)
		pk->dst.family = 6;
	pk->ip_proto = nh;
	if (c->is_short) {
		if (pk->fields)
			fields_ipv6(pk->fields, pk, start, start + 40, 0);
		decode_stop(pk, "ipv6", "truncated");
		return;
	}
	if (plen == 0 && nh != IPP_NONE && pk->wirelen > start + 40)
		plen = pk->wirelen - start - 40;  // jumbogram, or TSO/BIG TCP
	pk->ip_len = 40 + plen;
	cur_limit(c, plen);
	const char *why = NULL;
	struct frag6 fr = { 0, 0, 0, 0 };
	int r = ipv6_walk(c, &nh, &fr, &why);
	pk->is_fragment = fr.is_frag;
	pk->more_fragments = fr.more;
	pk->frag_offset = fr.off;
	pk->frag_id = fr.id;
	pk->ip_proto = nh;
	pk->ip_hlen = (uint16_t)(c->off - start);
	if (pk->fields)
		fields_ipv6(pk->fields, pk, start, c->off, 0);
	if (r < 0) {
		decode_stop(pk, "ipv6", why);
		return;
	}
	if (pk->is_fragment && pk->frag_offset != 0)
		fragment_rest(pk, c, pk->ip_len - pk->ip_hlen);
	else
		decode_transport(pk, c);
}
