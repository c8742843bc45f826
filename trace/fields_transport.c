// fields_transport.c: the header fields of UDP and TCP (each TCP option
// as a field), for -v.
#include <stdio.h>

#include "fields_rec.h"

// Bytes the IP header says the transport segment at start holds.
static uint32_t segment_len(const struct packet *pk, uint32_t start)
{
	uint32_t end = pk->net_off + pk->ip_len;
	return end > start ? end - start : 0;
}

// Set a checksum field's check (quoted headers cannot be judged).
static void set_check(struct field *f, enum check c, int quoted)
{
	if (f)
		f->check = quoted ? CHECK_UNKNOWN : c;
}

// UDP: ports, length, checksum.
void fields_udp(struct field_list *fl, const struct packet *pk,
                uint32_t start, int quoted)
{
	struct cursor c = fields_cursor(fl, start);
	uint16_t sp = get_be16(&c), dp = get_be16(&c), len = get_be16(&c);
	uint16_t sum = get_be16(&c);
	struct layer *l = fields_layer(fl, quoted ? "quoted_udp" : "udp",
	                               "UDP",
	                               LAYER_TRANSPORT, start, 8);
	if (l)
		l->quoted = quoted;
	fields_bytes(fl, start, 2, "src_port", "Source port", "the sending socket's port",
	             "%u", sp);
	fields_bytes(fl, start + 2, 2, "dst_port", "Destination port",
	             "the receiving socket's port", "%u", dp);
	fields_bytes(fl, start + 4, 2, "length", "Length",
	             "bytes in the datagram: this 8-byte header plus the data",
	             "%u bytes (8 header + %d data)", len, (int)len - 8);
	struct field *f = fields_bytes(fl, start + 6, 2, "checksum", "Checksum",
	                               "detects damage to header and data", "0x%04x", sum);
	uint32_t seg = segment_len(pk, start);
	set_check(f, check_transport(fl, pk, start, len < seg ? len : seg, 17, 1, sum),
	          quoted);
}

// Names of the TCP flags set in flags, as "SYN,ACK".
static void flag_names(char *buf, size_t size, uint8_t flags)
{
	static const char *names[8] = { "FIN", "SYN", "RST", "PSH", "ACK", "URG",
	                                 "ECE", "CWR" };
	size_t n = 0;
	buf[0] = 0;
	for (int i = 0; i < 8 && n < size; i++)
		if (flags & (1 << i))
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "," : "", names[i]);
	if (!flags)
		snprintf(buf, size, "none");
}

// One TCP option of kind and length len at off (data via c).
static void tcp_option(struct field_list *fl, struct cursor *c, uint32_t off,
                       uint8_t kind, uint32_t len)
{
	if (kind == 2 && len == 4) {
		fields_bytes(fl, off, 4, "mss", "Maximum segment size",
		             "the largest segment this end will receive", "%u bytes",
		             get_be16(c));
	} else if (kind == 3 && len == 3) {
		uint8_t ws = get_u8(c);
		fields_bytes(fl, off, 3, "window_scale", "Window scale",
		             "later windows are multiplied by 2 to this power",
		             "%u (x%lu)", ws, ws < 31 ? 1UL << ws : 0UL);
	} else if (kind == 4 && len == 2) {
		fields_bytes(fl, off, 2, "sack_permitted", "SACK permitted",
		             "this end understands selective acknowledgments", "yes");
	} else if (kind == 8 && len == 10) {
		uint32_t val = get_be32(c), ecr = get_be32(c);
		fields_bytes(fl, off, 10, "timestamps", "Timestamps",
		             "measure round-trip time; reject old duplicates",
		             "TSval %u TSecr %u", val, ecr);
	} else if (kind == 5 && len >= 10 && (len - 2) % 8 == 0) {
		char text[96];
		size_t n = 0;
		text[0] = 0;
		for (uint32_t i = 0; i < (len - 2) / 8 && n < sizeof text; i++) {
			uint32_t l = get_be32(c), r = get_be32(c);
			n += (size_t)snprintf(text + n, sizeof text - n, "%s%u-%u",
			                      i ? " " : "", l, r);
		}
		fields_bytes(fl, off, len, "sack", "SACK blocks",
		             "byte ranges received beyond the acknowledgment", "%s", text);
	} else {
		fields_bytes(fl, off, len, "option", "Option",
		             "an option socktrace does not explain",
		             "kind %u, %u bytes", kind, len);
	}
}

// The TCP options in [off, end): each option one field.
static void tcp_options(struct field_list *fl, uint32_t off, uint32_t end)
{
	struct cursor c = fields_cursor(fl, off);
	while (c.off < end && cur_left(&c) > 0) {
		uint32_t at = c.off;
		uint8_t kind = get_u8(&c);
		if (kind == 0 || kind == 1) {
			fields_bytes(fl, at, 1, kind ? "nop" : "eol",
			             kind ? "No-operation" : "End of options",
			             kind ? "padding to align the next option" :
			                    "no options follow", "%u", kind);
			if (kind == 0)
				return;
			continue;
		}
		uint32_t len = get_u8(&c);
		if (c.is_short || len < 2 || at + len > end) {
			fields_bytes(fl, at, end - at, "malformed", "Malformed option",
			             "an option whose length is impossible",
			             "kind %u, length %u", kind, len);
			return;
		}
		struct cursor one = fields_cursor(fl, c.off);
		tcp_option(fl, &one, at, kind, len);
		cur_skip(&c, len - 2);
	}
}

// TCP: ports, sequence numbers, data offset, flags, window, checksum,
// urgent pointer, options. A quoted header has only its first 8 bytes.
void fields_tcp(struct field_list *fl, const struct packet *pk,
                uint32_t start, int quoted)
{
	struct cursor c = fields_cursor(fl, start);
	uint16_t sp = get_be16(&c), dp = get_be16(&c);
	uint32_t seq = get_be32(&c), ack = get_be32(&c);
	uint8_t off = get_u8(&c), flags = get_u8(&c);
	uint16_t win = get_be16(&c), sum = get_be16(&c), urg = get_be16(&c);
	uint32_t hlen = (off >> 4) * 4u, s = start * 8;
	char names[40];

	struct layer *l = fields_layer(fl, quoted ? "quoted_tcp" : "tcp",
	                               "TCP",
	                               LAYER_TRANSPORT, start,
	                               quoted ? 8 : hlen < 20 ? 20 : hlen);
	if (l)
		l->quoted = quoted;
	fields_bytes(fl, start, 2, "src_port", "Source port", "the sending socket's port", "%u", sp);
	fields_bytes(fl, start + 2, 2, "dst_port", "Destination port",
	             "the receiving socket's port", "%u", dp);
	fields_bytes(fl, start + 4, 4, "seq", "Sequence number",
	             "number of this segment's first byte (absolute)", "%u", seq);
	if (quoted)
		return;
	fields_bytes(fl, start + 8, 4, "ack", "Acknowledgment number",
	             "next byte expected from the other end", "%u%s", ack,
	             flags & 0x10 ? "" : " (ignored: ACK not set)");
	fields_add(fl, "data_offset", "Data offset", "where the data starts, in 32-bit words",
	           s + 96, 4, "%u (%u bytes)", off >> 4, hlen);
	fields_add(fl, "reserved", "Reserved", "unused, zero", s + 100, 4, "%u", off & 15);
	flag_names(names, sizeof names, flags);
	fields_add(fl, "flags", "Flags", "what this segment does (SYN opens, FIN closes)",
	           s + 104, 8, "0x%02x (%s)", flags, names);
	fields_bytes(fl, start + 14, 2, "window", "Window",
	             "bytes this end can still receive (before scaling)", "%u", win);
	struct field *f = fields_bytes(fl, start + 16, 2, "checksum", "Checksum",
	                               "detects damage to header and data", "0x%04x", sum);
	set_check(f, check_transport(fl, pk, start, segment_len(pk, start), 6, 1, sum), 0);
	fields_bytes(fl, start + 18, 2, "urgent", "Urgent pointer",
	             "end of urgent data (if URG)", "%u", urg);
	if (hlen > 20)
		tcp_options(fl, start + 20, start + hlen);
}
