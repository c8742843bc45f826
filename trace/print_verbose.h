// print_verbose.h: a packet layer by layer (-v), its bytes in hex by
// layer (-x), and its per-layer fields as JSON (--json -v). All three
// read pk->fields, which the caller set before decode_packet().
#ifndef SOCKTRACE_PRINT_VERBOSE_H
#define SOCKTRACE_PRINT_VERBOSE_H

#include <stdint.h>
#include <stdio.h>

#include "packet.h"

// Under a packet's line: each layer with its byte range, each field with
// its value (checksums: whether they verify), size and purpose, then the
// sum "Ethernet 14 + IPv4 20 + UDP 8 + payload 11 = 53 bytes". With hex,
// each field's bytes beside it and the captured bytes in hex, a block
// per layer. frame is the captured frame (pk->caplen bytes). Prints
// nothing if pk->fields is NULL.
void print_verbose(FILE *out, const struct packet *pk, const uint8_t *frame,
                   int hex);

// The layers as a JSON array value (no newline):
// [{"name":"ipv4","title":"IPv4","kind":"network","offset":14,
//   "length":20,"captured":20,"quoted":false,
//   "fields":[{"name":"ttl","label":"Time to live","value":"64",
//              "bit_offset":176,"bits":8,"purpose":"..."}, ...]}, ...]
// Checksum fields add "check": "correct", "incorrect",
// "unverified-offload", "none" or "unknown". Prints [] if pk->fields
// is NULL.
void print_fields_json(FILE *out, const struct packet *pk);

#endif
