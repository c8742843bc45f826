// packet.h: one captured packet as the decoders fill it in and the
// annotator and printers read it. The decoders (decode_*.c) are the only
// code that reads packet bytes; everything after them reads this struct.
#ifndef SOCKTRACE_PACKET_H
#define SOCKTRACE_PACKET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

enum proto {
	PROTO_NONE,   // no transport decoded (non-IP, or stopped early)
	PROTO_UDP,
	PROTO_TCP,
	PROTO_ICMP,
	PROTO_ICMP6,
	PROTO_ARP,
	PROTO_OTHER,  // an IP protocol we do not decode (ip_proto says which)
};

// TCP flag bits, as in the header's flags byte.
enum {
	TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_RST = 0x04, TCP_PSH = 0x08,
	TCP_ACK = 0x10, TCP_URG = 0x20, TCP_ECE = 0x40, TCP_CWR = 0x80,
};

// An IP address of either family: v4 uses the first 4 bytes of a.
struct ipaddr {
	int family;      // 4 or 6 (0: none)
	uint8_t a[16];
};

// TCP options we explain (the has_* say which were present).
struct tcp_options {
	int has_mss, has_wscale, has_sack_ok, has_ts;
	int has_tfo;            // Fast Open option (kind 34, or 254 with
	uint8_t tfo_cookie_len; // magic 0xf989); cookie bytes (0: a request)
	uint16_t mss;
	uint8_t wscale;
	uint32_t tsval, tsecr;
	int nsack;              // SACK blocks present (at most 4)
	uint32_t sack[4][2];    // left, right edges
	int malformed;          // 1 if an option's length was impossible
	                        // (the options after it were not read)
};

// The datagram an ICMP/ICMPv6 error quotes: its addresses and ports.
struct quoted {
	int valid;              // 1 if at least the addresses were decoded
	int has_ports;          // 1 if the transport ports were too
	uint8_t proto;          // IP protocol of the quoted datagram
	struct ipaddr src, dst;
	uint16_t sport, dport;
};

struct field_list;  // per-layer header fields, filled only for -v/-x

struct packet {
	// From the capture.
	struct timeval ts;
	uint32_t caplen;         // bytes captured
	uint32_t wirelen;        // bytes on the wire
	int linktype;            // DLT_* value
	const char *link;        // "ethernet", "null", "loop", "sll", "sll2", "raw"
	uint16_t ethertype;      // EtherType (or SLL protocol) carried, 0 if none
	int nvlan;               // 802.1Q/QinQ tags seen (vlan[] holds 2 at most)
	uint16_t vlan[2];        // their VLAN IDs, outermost first

	// Network layer.
	int ip_version;          // 4, 6, or 0 (none)
	struct ipaddr src, dst;  // family 0 if its bytes were not captured
	uint8_t ip_proto;        // IPv4 protocol / IPv6 final next header
	uint8_t ttl;             // TTL or hop limit
	uint16_t ip_id;          // IPv4 identification (0 for IPv6)
	int is_fragment;         // 1 if MF set or offset non-zero
	uint32_t frag_id;        // fragment's datagram id: IPv4 identification,
	                         // or the IPv6 fragment header's 32-bit one
	uint32_t frag_offset;    // in bytes
	int more_fragments;
	uint32_t net_off;        // frame offset of the IP header (if ip_version)
	uint16_t ip_hlen;        // IP header bytes: IPv4 IHL*4, IPv6 40 + extensions
	uint32_t ip_len;         // IPv4 total length / IPv6 40 + payload length

	// Transport layer.
	enum proto proto;
	uint32_t trans_off;      // frame offset of the transport header
	uint16_t trans_hlen;     // its length: UDP 8, TCP data offset*4, ICMP 8
	uint16_t sport, dport;   // UDP/TCP ports
	uint32_t udp_len;        // UDP: the header's length field (8 + data)
	uint32_t seq, ack;       // TCP, absolute
	uint8_t tcp_flags;
	uint16_t window;         // TCP, as sent (unscaled)
	struct tcp_options opt;
	uint8_t icmp_type, icmp_code;
	uint32_t icmp_mtu;       // next-hop MTU of fragmentation needed
	                         // (2 bytes, RFC 1191) / packet too big
	uint16_t arp_op;         // ARP operation (1 request, 2 reply)
	int arp_gratuitous;      // ARP sender and target address the same
	struct quoted quoted;    // ICMP errors

	// Application data: a view into the captured bytes.
	const uint8_t *payload;
	uint32_t payload_caplen; // bytes of payload captured
	uint32_t payload_len;    // bytes of payload the headers say were sent

	// Where decoding stopped early: NULL, or the layer's name ("link",
	// "ethernet", "vlan", "null", "loop", "sll", "sll2", "raw", "ipv4",
	// "ipv6", "arp", "udp", "tcp", "icmp", "icmp6") with a reason:
	// "truncated", "bad version", "bad header length", "bad total
	// length", "bad length" (UDP), "too many tags", "too many extension
	// headers", "unsupported link type". Fields decoded before the stop
	// are filled in; the rest are 0. A non-first fragment is no stop
	// (is_fragment, proto PROTO_NONE, its bytes as the payload).
	const char *stopped_layer;
	const char *stopped_reason;

	struct field_list *fields; // NULL unless the caller asked for fields

	// One-line text for protocols printed without annotation (ARP, NDP,
	// other IP protocols, IP fragments, undecoded EtherTypes; ICMP types
	// such as "ICMP echo request id 7 seq 3"), or "" when the fields
	// above say it all. Made of numbers and addresses: no packet text.
	// Last: a reset clears the fields above and summary[0] only
	// (packet_reset), not the 224 bytes of every packet.
	char summary[224];
};

// Make pk an empty packet for decode_packet, cheaply (see summary).
// (32 bytes at a time: one memset of it all became `rep stos`, whose
// start-up alone was 4% of socktrace -q's time; these are vector stores.)
static inline void packet_reset(struct packet *pk, struct field_list *fields)
{
	char *p = (char *)pk;
	size_t n = offsetof(struct packet, summary) + 1, i;

	for (i = 0; i + 32 <= n; i += 32)
		memset(p + i, 0, 32);
	memset(p + i, 0, n - i);
	pk->fields = fields;
}

// Decode one captured frame of the given DLT_* link type into pk, which
// the caller has zeroed or reset (packet_reset). Never reads past caplen bytes.
void decode_packet(struct packet *pk, int linktype, const struct timeval *ts,
                   uint32_t caplen, uint32_t wirelen, const uint8_t *data);

#endif
