// decode.c: decode_packet(), the entry point of the decoders: set up the
// cursor over the captured bytes and dispatch on the link type.
#include <string.h>
#include <pcap/dlt.h>

#include "decode.h"
#include "fields.h"

#define LINKTYPE_RAW 101  // the file format's number for raw IP

// Decode one captured frame into pk (see packet.h). pk was zeroed by the
// caller except pk->fields, which, if set, also gets every header field.
void decode_packet(struct packet *pk, int linktype, const struct timeval *ts,
                   uint32_t caplen, uint32_t wirelen, const uint8_t *data)
{
	struct cursor c;

	pk->ts = *ts;
	pk->caplen = caplen;
	pk->wirelen = wirelen;
	pk->linktype = linktype;
	cur_init(&c, data, data ? caplen : 0);
	if (pk->fields)
		fields_begin(pk->fields, data, caplen);
	switch (linktype) {
	case DLT_EN10MB: decode_ethernet(pk, &c); break;
	case DLT_NULL:   decode_null(pk, &c, 0); break;
	case DLT_LOOP:   decode_null(pk, &c, 1); break;
	case DLT_LINUX_SLL:  decode_sll(pk, &c); break;
	case DLT_LINUX_SLL2: decode_sll2(pk, &c); break;
	case DLT_RAW: case LINKTYPE_RAW: case DLT_IPV4: case DLT_IPV6:
		decode_raw(pk, &c);
		break;
	default:
		pk->link = "unknown";
		decode_stop(pk, "link", "unsupported link type");
	}
}

// Record where and why decoding stopped; the innermost first call wins.
void decode_stop(struct packet *pk, const char *layer, const char *reason)
{
	if (pk->stopped_layer)
		return;
	pk->stopped_layer = layer;
	pk->stopped_reason = reason;
}

// Point the payload view at the rest of c's window: len bytes were sent,
// payload_caplen of them were captured.
void decode_set_payload(struct packet *pk, struct cursor *c, uint32_t len)
{
	uint32_t avail;
	const uint8_t *p = cur_view(c, &avail);

	pk->payload = p;
	pk->payload_len = len;
	pk->payload_caplen = avail < len ? avail : len;
	if (pk->fields)
		fields_payload(pk->fields, c->off, pk->payload_caplen, len);
}
