// savefile.h: read the records of a classic pcap file in large blocks.
//
// libpcap reads a capture file with two fread() calls per packet, a
// sixth of the time `socktrace -q -r` takes. For the common case (a
// little-endian pcap 2.4 file of a link type socktrace decodes, read
// from a regular file) this reader hands out the same records, with the
// same checks and the same error messages, from a block read of its own;
// libpcap still opens the file, validates its header and compiles the
// filter, and reads every other file itself (pcapng, big-endian, stdin).
#ifndef SOCKTRACE_SAVEFILE_H
#define SOCKTRACE_SAVEFILE_H

#include <stddef.h>
#include <stdint.h>
#include <pcap/pcap.h>

struct savefile;

// Take over reading the file open on fd (which stays the caller's),
// whose header libpcap has read as link type dlt and snapshot length
// snapshot (pcap_datalink, pcap_snapshot). NULL if this reader does not
// handle that file (libpcap then reads it) or out of memory.
struct savefile *savefile_open(int fd, int dlt, int snapshot);

// The next record: 1 with *h and *data set (data valid until the next
// call), 0 at the end of the file, -1 with err filled as libpcap would
// ("truncated dump file; ...").
int savefile_next(struct savefile *s, struct pcap_pkthdr *h, const uint8_t **data,
                  char *err, size_t errlen);

void savefile_close(struct savefile *s);

#endif
