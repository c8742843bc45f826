// print_verbose.c: -v (every header field, layer by layer), -x (the
// bytes in hex, marked by layer) and the per-layer fields as JSON.
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "fields.h"
#include "print_verbose.h"

// The short name of a layer for the sum line ("IPv4 20 + UDP 8"). A
// QinQ outer tag is a "vlan" layer too, titled 802.1ad.
static const char *short_name(const struct layer *l)
{
	if (strcmp(l->name, "vlan") == 0 && strncmp(l->title, "802.1ad", 7) == 0)
		return "802.1ad";
	static const struct { const char *name, *abbrev; } t[] = {
		{ "ethernet", "Ethernet" }, { "vlan", "802.1Q" },
		{ "null", "Loopback" }, { "loop", "Loopback" },
		{ "sll", "Linux cooked" }, { "sll2", "Linux cooked v2" },
		{ "ipv6_hopopts", "IPv6 hop-by-hop" }, { "ipv6_routing", "IPv6 routing" },
		{ "ipv6_fragment", "IPv6 fragment" }, { "ipv6_dstopts", "IPv6 dest-opts" },
		{ "payload", "payload" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(l->name, t[i].name) == 0)
			return t[i].abbrev;
	return l->title;
}

// "4 bits", "2 bytes", "1 byte".
static void size_text(char *buf, size_t size, uint32_t bit_off, uint32_t bits)
{
	if (bits % 8 == 0 && bit_off % 8 == 0)
		snprintf(buf, size, "%u byte%s", bits / 8, bits == 8 ? "" : "s");
	else
		snprintf(buf, size, "%u bit%s", bits, bits == 1 ? "" : "s");
}

// The bytes holding a field, in hex (at most 6, then "..").
static void field_hex(char *buf, size_t size, const struct field *f,
                      const uint8_t *frame, uint32_t caplen)
{
	uint32_t first = f->bit_off / 8, end = (f->bit_off + f->bits + 7) / 8;
	size_t n = 0;
	buf[0] = 0;
	for (uint32_t i = first; i < end && i < caplen && n + 4 < size; i++) {
		if (i - first == 6) {
			snprintf(buf + n, size - n, "..");
			return;
		}
		n += (size_t)snprintf(buf + n, size - n, "%s%02x", i > first ? " " : "",
		                      frame[i]);
	}
}

// One field line: label, value (and check), size, [hex], purpose.
static void print_field(FILE *out, const struct field *f, const char *indent,
                        const uint8_t *frame, uint32_t caplen, int hex)
{
	char value[160], size[16], hx[24];
	if (f->check != CHECK_NA)
		snprintf(value, sizeof value, "%s (%s)", f->value, check_name(f->check));
	else
		snprintf(value, sizeof value, "%s", f->value);
	size_text(size, sizeof size, f->bit_off, f->bits);
	fprintf(out, "%s  %-22s %-30s %-8s ", indent, f->label, value, size);
	if (hex) {
		field_hex(hx, sizeof hx, f, frame, caplen);
		fprintf(out, "%-18s ", hx);
	}
	fprintf(out, "%s\n", f->purpose);
}

// A layer's heading and its fields.
static void print_layer(FILE *out, const struct packet *pk,
                        const struct layer *l, const uint8_t *frame, int hex)
{
	const struct field_list *fl = pk->fields;
	const char *indent = l->quoted ? "      " : "    ";
	char range[64];
	if (l->length == 0)
		snprintf(range, sizeof range, "0 bytes");
	else
		snprintf(range, sizeof range, "bytes %u-%u, %u byte%s", l->offset,
		         l->offset + l->length - 1, l->length, l->length == 1 ? "" : "s");
	fprintf(out, "%s%s%s (%s", indent, l->quoted ? "quoted " : "", l->title, range);
	if (l->caplen < l->length)
		fprintf(out, ", %u captured", l->caplen);
	if (l->kind == LAYER_PAYLOAD && l->length)
		fprintf(out, "): %s\n", pk->quoted.valid ?
		        "the datagram that caused the error" :
		        pk->is_fragment && pk->frag_offset ?
		        "a piece of a fragmented datagram" : "the application's data");
	else
		fprintf(out, ")\n");
	for (int i = l->first; i < l->first + l->count; i++)
		print_field(out, &fl->field[i], indent, frame, fl->caplen, hex);
}

// The sum line: the outer layers' lengths add up to the frame's.
static void print_sum(FILE *out, const struct packet *pk,
                      const struct field_list *fl)
{
	uint32_t total = 0;
	fprintf(out, "    ");
	for (int i = 0; i < fl->nlayers; i++) {
		const struct layer *l = &fl->layer[i];
		if (l->quoted)
			continue;
		fprintf(out, "%s%s %u", total || i ? " + " : "", short_name(l), l->length);
		total += l->length;
	}
	if (total < pk->wirelen) {
		fprintf(out, "%s%s %u", fl->nlayers ? " + " : "",
		        pk->stopped_layer || fl->nlayers == 0 ? "not decoded" :
		        "padding", pk->wirelen - total);
		total = pk->wirelen;
	}
	if (total == pk->wirelen)
		fprintf(out, " = %u bytes on the wire", total);
	else
		fprintf(out, " = %u bytes by the headers, but %u on the wire", total,
		        pk->wirelen);
	if (pk->caplen < pk->wirelen)
		fprintf(out, " (%u captured)", pk->caplen);
	fprintf(out, "\n");
}

// The captured bytes in hex, 16 a line, each line inside one layer and
// labelled with it; the payload's lines show its printable characters.
static void print_hex_block(FILE *out, const uint8_t *frame, uint32_t from,
                            uint32_t to, const char *label, int text)
{
	for (uint32_t off = from; off < to; off += 16) {
		uint32_t n = to - off < 16 ? to - off : 16;
		fprintf(out, "    %04x ", off);
		for (uint32_t i = 0; i < 16; i++) {
			if (i < n)
				fprintf(out, " %02x", frame[off + i]);
			else
				fprintf(out, "   ");
		}
		fprintf(out, "  %s", label);
		if (text) {
			fprintf(out, "  |");
			for (uint32_t i = 0; i < n; i++) {
				uint8_t ch = frame[off + i];
				fputc(ch >= 0x20 && ch < 0x7f ? ch : '.', out);
			}
			fputc('|', out);
		}
		fputc('\n', out);
	}
}

// -x: the outer layers' captured bytes, then whatever no layer covers.
static void print_hex(FILE *out, const struct field_list *fl, const uint8_t *frame)
{
	uint32_t at = 0;
	fprintf(out, "    bytes in hex, by layer:\n");
	for (int i = 0; i < fl->nlayers && frame; i++) {
		const struct layer *l = &fl->layer[i];
		if (l->quoted || l->offset < at || l->offset >= fl->caplen)
			continue;
		if (l->offset > at)
			print_hex_block(out, frame, at, l->offset, "(between layers)", 0);
		uint32_t end = l->offset + l->caplen;
		print_hex_block(out, frame, l->offset, end, short_name(l),
		                l->kind == LAYER_PAYLOAD);
		at = end;
	}
	if (frame && at < fl->caplen)
		print_hex_block(out, frame, at, fl->caplen, "(not decoded or padding)", 1);
}

// -v and -x (see print_verbose.h).
void print_verbose(FILE *out, const struct packet *pk, const uint8_t *frame,
                   int hex)
{
	const struct field_list *fl = pk->fields;
	if (!fl)
		return;
	for (int i = 0; i < fl->nlayers; i++)
		print_layer(out, pk, &fl->layer[i], frame, hex);
	if (pk->stopped_layer)
		fprintf(out, "    decoding stopped in %s: %s\n", pk->stopped_layer,
		        pk->stopped_reason);
	if (fl->dropped)
		fprintf(out, "    (%d more fields not shown)\n", fl->dropped);
	print_sum(out, pk, fl);
	if (hex)
		print_hex(out, fl, frame);
}

// Write s as a JSON string.
static void json_str(FILE *out, const char *s)
{
	char buf[400];
	escape_json(buf, sizeof buf, s ? s : "");
	fprintf(out, "\"%s\"", buf);
}

// A checksum check as a stable JSON word.
static const char *check_word(enum check c)
{
	switch (c) {
	case CHECK_OK: return "correct";
	case CHECK_BAD: return "incorrect";
	case CHECK_OFFLOAD: case CHECK_PARTIAL: return "unverified-offload";
	case CHECK_NONE: return "none";
	default: return "unknown";
	}
}

// A layer kind as a stable JSON word.
static const char *kind_word(enum layer_kind k)
{
	static const char *w[] = { "link", "network", "transport", "payload" };
	return w[k];
}

// One field as a JSON object.
static void json_field(FILE *out, const struct field *f)
{
	fprintf(out, "{\"name\":");
	json_str(out, f->name);
	fprintf(out, ",\"label\":");
	json_str(out, f->label);
	fprintf(out, ",\"value\":");
	json_str(out, f->value);
	fprintf(out, ",\"bit_offset\":%u,\"bits\":%u", f->bit_off, f->bits);
	if (f->check != CHECK_NA)
		fprintf(out, ",\"check\":\"%s\"", check_word(f->check));
	fprintf(out, ",\"purpose\":");
	json_str(out, f->purpose);
	fputc('}', out);
}

// The layers as a JSON array (see print_verbose.h).
void print_fields_json(FILE *out, const struct packet *pk)
{
	const struct field_list *fl = pk->fields;
	fputc('[', out);
	for (int i = 0; fl && i < fl->nlayers; i++) {
		const struct layer *l = &fl->layer[i];
		fprintf(out, "%s{\"name\":", i ? "," : "");
		json_str(out, l->name);
		fprintf(out, ",\"title\":");
		json_str(out, l->title);
		fprintf(out, ",\"kind\":\"%s\",\"offset\":%u,\"length\":%u,"
		        "\"captured\":%u,\"quoted\":%s,\"fields\":[", kind_word(l->kind),
		        l->offset, l->length, l->caplen, l->quoted ? "true" : "false");
		for (int k = l->first; k < l->first + l->count; k++) {
			if (k > l->first)
				fputc(',', out);
			json_field(out, &fl->field[k]);
		}
		fprintf(out, "]}");
	}
	fputc(']', out);
}
