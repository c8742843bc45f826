// fields.h: every header field of a packet, layer by layer, for -v, -x
// and --json -v. The decoders fill a field_list only when the caller set
// pk->fields (see packet.h); decoding without it records nothing.
//
// Layer and field names are stable (the grader and handouts use them):
//   ethernet: dst src type          vlan: pcp dei vid type
//   null, loop: family              sll: pkttype hatype halen addr protocol
//   sll2: protocol reserved ifindex hatype pkttype halen addr
//   arp: htype ptype hlen plen opcode sha spa tha tpa
//   ipv4: version ihl dscp ecn total_length id flags frag_offset ttl
//         protocol checksum src dst [options]
//   ipv6: version traffic_class flow_label payload_length next_header
//         hop_limit src dst
//   ipv6_hopopts, ipv6_dstopts, ipv6_routing, ipv6_ah, ipv6_mobility:
//         next_header length data
//   ipv6_fragment: next_header reserved frag_offset res more id
//   udp: src_port dst_port length checksum
//   tcp: src_port dst_port seq ack data_offset reserved flags window
//        checksum urgent, then one per option: mss window_scale
//        sack_permitted timestamps sack nop eol option malformed
//   icmp, icmp6: type code checksum, then id seq (echo) | mtu | unused,
//        and for NDP flags|reserved target source_lladdr|target_lladdr option
//   quoted_ipv4, quoted_ipv6, quoted_udp (as above), quoted_tcp
//        (src_port dst_port seq): the datagram an ICMP error quotes
//   payload: no fields (its offset and length)
// Values are text as people write them; seq/ack are absolute.
#ifndef SOCKTRACE_FIELDS_H
#define SOCKTRACE_FIELDS_H

#include <stdint.h>

#define FIELDS_MAX 128  // fields per packet (more are dropped, counted)
#define LAYERS_MAX 12   // layers per packet (a quoted datagram adds some)

// What a checksum field's check found.
enum check {
	CHECK_NA,          // not a checksum
	CHECK_OK,          // verifies
	CHECK_BAD,         // does not verify
	CHECK_OFFLOAD,     // does not verify, but the capture is on loopback
	                   // where the kernel never fills it in: unverified
	CHECK_PARTIAL,     // holds only the pseudo-header sum, which a NIC
	                   // completes (CHECKSUM_PARTIAL): unverified
	CHECK_NONE,        // zero UDP checksum over IPv4: the sender chose none
	CHECK_UNKNOWN,     // cannot be judged (bytes not captured, fragment)
};

// Which layer of the model a layer belongs to.
enum layer_kind { LAYER_LINK, LAYER_NETWORK, LAYER_TRANSPORT, LAYER_PAYLOAD };

struct field {
	const char *name;     // stable name for JSON: "ttl", "src_port", ...
	const char *label;    // for people: "Time to live", "Source port"
	const char *purpose;  // one short phrase: what the field is for
	uint32_t bit_off;     // first bit, counted from the frame's first bit
	uint32_t bits;        // its size in bits
	enum check check;     // for checksums: whether it verifies
	char value[96];       // the value as people write it ("10.0.0.1", "SYN,ACK")
};

struct layer {
	const char *name;     // stable name: "ethernet", "ipv4", "udp", "payload"
	const char *title;    // for people: "Ethernet II", "IPv4", "UDP"
	enum layer_kind kind;
	uint32_t offset;      // first byte in the frame
	uint32_t length;      // header bytes (payload: bytes sent)
	uint32_t caplen;      // of those, bytes captured
	int first, count;     // its fields: field[first .. first+count)
	int quoted;           // 1 for the datagram an ICMP error quotes
};

struct field_list {
	int loopback;         // set by the caller: frames captured on a
	                      // loopback or virtual interface (lo, veth),
	                      // whose TCP/UDP checksums the kernel leaves
	                      // unfilled. Without it, a packet between two
	                      // loopback addresses is treated the same way.
	const uint8_t *frame; // set by decode_packet
	uint32_t caplen;
	int nlayers, nfields;
	int dropped;          // fields or layers that did not fit
	struct layer layer[LAYERS_MAX];
	struct field field[FIELDS_MAX];
};

// Start recording a new frame (keeps fl->loopback).
void fields_begin(struct field_list *fl, const uint8_t *frame, uint32_t caplen);

// Open a layer of hlen header bytes at frame offset off; the fields added
// next belong to it. Returns the layer, or NULL if there is no room.
struct layer *fields_layer(struct field_list *fl, const char *name,
                           const char *title, enum layer_kind kind,
                           uint32_t off, uint32_t hlen);

// Add a field to the last layer: bit_off/bits in the frame, its value
// printf-formatted. Returns it (to set check), or NULL if no room.
struct field *fields_add(struct field_list *fl, const char *name,
                         const char *label, const char *purpose,
                         uint32_t bit_off, uint32_t bits,
                         const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

// Add a field of n whole bytes at frame offset off (see fields_add).
struct field *fields_bytes(struct field_list *fl, uint32_t off, uint32_t n,
                           const char *name, const char *label,
                           const char *purpose, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

// Record the payload: at frame offset off, caplen captured of len sent.
void fields_payload(struct field_list *fl, uint32_t off, uint32_t caplen,
                    uint32_t len);

// Words for what a check found: "correct", "incorrect", ... ("" for NA).
const char *check_name(enum check c);

// The per-layer recorders, called by the decoders when pk->fields is
// set. Each reads the frame again through the accessor, from the layer's
// first byte start; fields past the captured bytes say "(not captured)".
struct packet;
void fields_ethernet(struct field_list *fl, uint32_t end);
void fields_null(struct field_list *fl, int network_order);
void fields_sll(struct field_list *fl);
void fields_sll2(struct field_list *fl);
void fields_arp(struct field_list *fl, uint32_t start);
void fields_ipv4(struct field_list *fl, const struct packet *pk,
                 uint32_t start, int quoted);
void fields_ipv6(struct field_list *fl, const struct packet *pk,
                 uint32_t start, uint32_t end, int quoted);
void fields_udp(struct field_list *fl, const struct packet *pk,
                uint32_t start, int quoted);
void fields_tcp(struct field_list *fl, const struct packet *pk,
                uint32_t start, int quoted);
void fields_icmp(struct field_list *fl, const struct packet *pk,
                 uint32_t start);

#endif
