// fuzz_decode.c: libFuzzer target for the decoders. The first input
// byte picks the link type (its low 3 bits, see link_types), whether
// fields are recorded (bit 3) and then also printed with -v -x and as
// JSON (bit 5: printing is slow, so only some inputs), and whether the
// capture counts as loopback (bit 4); its top 3 bits are added to the
// wire length. The rest is the captured frame.
// Built and run by `make fuzz` (tests/module.mk) with
// -fsanitize=fuzzer,address,undefined.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <pcap/dlt.h>

#include "fields.h"
#include "packet.h"
#include "print_verbose.h"

// Indexed by the low 3 bits of the first byte (pcapgen --corpus too).
static const int link_types[8] = {
	DLT_EN10MB, DLT_NULL, DLT_LOOP, DLT_LINUX_SLL,
	DLT_LINUX_SLL2, DLT_RAW, DLT_IPV4, DLT_IPV6,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Decode one input; a sanitizer report or a broken invariant aborts.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct field_list fl;
	struct packet pk;
	struct timeval ts = { 0, 0 };

	if (size < 1 || size > 65536)
		return 0;
	uint32_t caplen = (uint32_t)size - 1;
	memset(&pk, 0, sizeof pk);
	if (data[0] & 8) {
		fl.loopback = data[0] & 16;
		pk.fields = &fl;
	}
	decode_packet(&pk, link_types[data[0] & 7], &ts, caplen,
	              caplen + (data[0] >> 5), caplen ? data + 1 : NULL);
	if (pk.payload_caplen > pk.payload_len ||
	    (pk.payload && (pk.payload < data + 1 ||
	                    pk.payload + pk.payload_caplen > data + size)) ||
	    !memchr(pk.summary, 0, sizeof pk.summary))
		__builtin_trap();
	if (pk.fields && (data[0] & 32)) {
		static FILE *null;
		if (!null)
			null = fopen("/dev/null", "w");
		if (null) {
			print_verbose(null, &pk, caplen ? data + 1 : NULL, 1);
			print_fields_json(null, &pk);
		}
	}
	return 0;
}
