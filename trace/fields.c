// fields.c: the field_list of one packet (see fields.h).
#include <stdarg.h>
#include <stdio.h>
#include <arpa/inet.h>

#include "fields_rec.h"

// Start recording a new frame (keeps fl->loopback).
void fields_begin(struct field_list *fl, const uint8_t *frame, uint32_t caplen)
{
	fl->frame = frame;
	fl->caplen = caplen;
	fl->nlayers = 0;
	fl->nfields = 0;
	fl->dropped = 0;
}

// Open a layer at frame offset off with hlen header bytes (see fields.h).
struct layer *fields_layer(struct field_list *fl, const char *name,
                           const char *title, enum layer_kind kind,
                           uint32_t off, uint32_t hlen)
{
	if (fl->nlayers == LAYERS_MAX) {
		fl->dropped++;
		return NULL;
	}
	struct layer *l = &fl->layer[fl->nlayers++];
	l->name = name;
	l->title = title;
	l->kind = kind;
	l->offset = off;
	l->length = hlen;
	l->caplen = off >= fl->caplen ? 0 :
	            fl->caplen - off < hlen ? fl->caplen - off : hlen;
	l->first = fl->nfields;
	l->count = 0;
	l->quoted = 0;
	return l;
}

// Add a field to the last layer; a field whose bits were not all
// captured gets the value "(not captured)".
static struct field *vadd(struct field_list *fl, const char *name,
                          const char *label, const char *purpose,
                          uint32_t bit_off, uint32_t bits,
                          const char *fmt, va_list ap)
{
	if (fl->nlayers == 0 || fl->nfields == FIELDS_MAX) {
		fl->dropped++;
		return NULL;
	}
	struct field *f = &fl->field[fl->nfields++];
	f->name = name;
	f->label = label;
	f->purpose = purpose;
	f->bit_off = bit_off;
	f->bits = bits;
	f->check = CHECK_NA;
	if ((uint64_t)bit_off + bits > (uint64_t)fl->caplen * 8)
		snprintf(f->value, sizeof f->value, "(not captured)");
	else
		vsnprintf(f->value, sizeof f->value, fmt, ap);
	fl->layer[fl->nlayers - 1].count++;
	return f;
}

// Add a field to the last layer (see fields.h).
struct field *fields_add(struct field_list *fl, const char *name,
                         const char *label, const char *purpose,
                         uint32_t bit_off, uint32_t bits,
                         const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct field *f = vadd(fl, name, label, purpose, bit_off, bits, fmt, ap);
	va_end(ap);
	return f;
}

// Add a field of n whole bytes at frame offset off.
struct field *fields_bytes(struct field_list *fl, uint32_t off, uint32_t n,
                           const char *name, const char *label,
                           const char *purpose, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct field *f = vadd(fl, name, label, purpose, off * 8, n * 8, fmt, ap);
	va_end(ap);
	return f;
}

// Words for what a checksum check found.
const char *check_name(enum check c)
{
	switch (c) {
	case CHECK_OK: return "correct";
	case CHECK_BAD: return "incorrect";
	case CHECK_OFFLOAD: return "unverified: loopback checksum offload";
	case CHECK_PARTIAL: return "unverified: partial, left to the NIC (checksum offload)";
	case CHECK_NONE: return "none: the sender computed no checksum";
	case CHECK_UNKNOWN: return "not checked: partial data";
	default: return "";
	}
}

// Record the payload layer: caplen of len bytes captured at offset off.
void fields_payload(struct field_list *fl, uint32_t off, uint32_t caplen,
                    uint32_t len)
{
	struct layer *l = fields_layer(fl, "payload", "Payload", LAYER_PAYLOAD,
	                               off, len);
	if (l)
		l->caplen = caplen;
}

// A cursor over the recorded frame, at frame offset at.
struct cursor fields_cursor(const struct field_list *fl, uint32_t at)
{
	struct cursor c;
	cur_init(&c, fl->frame, fl->frame ? fl->caplen : 0);
	c.off = at;
	return c;
}

// The name people use for an EtherType.
const char *ethertype_name(uint16_t type)
{
	switch (type) {
	case 0x0800: return "IPv4";
	case 0x0806: return "ARP";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q VLAN tag";
	case 0x88a8: return "802.1ad QinQ tag";
	case 0x9100: return "QinQ tag";
	default: return type < 0x0600 ? "802.3 length" : "unknown";
	}
}

// The name people use for an IP protocol number (or IPv6 next header).
const char *ipproto_name(uint8_t proto)
{
	switch (proto) {
	case 0: return "IPv6 hop-by-hop options";
	case 1: return "ICMP";
	case 2: return "IGMP";
	case 6: return "TCP";
	case 17: return "UDP";
	case 41: return "IPv6";
	case 43: return "IPv6 routing header";
	case 44: return "IPv6 fragment header";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 58: return "ICMPv6";
	case 59: return "no next header";
	case 60: return "IPv6 destination options";
	case 132: return "SCTP";
	default: return "unknown";
	}
}

// Text for a 6-byte MAC address.
void mac_text(char *buf, size_t size, const uint8_t m[6])
{
	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x",
	         m[0], m[1], m[2], m[3], m[4], m[5]);
}

// Text for an IPv4 (family 4) or IPv6 address.
void ip_text(char *buf, size_t size, int family, const uint8_t *a)
{
	if (!inet_ntop(family == 6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)size))
		snprintf(buf, size, "?");
}
