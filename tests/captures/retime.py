#!/usr/bin/env python3
# retime.py: make a recorded pcap deterministic: shift every timestamp so
# the first packet is at 2026-01-01 00:00:00 UTC (the gaps between packets
# are kept), and write the file in place.
#
# Usage: tests/captures/retime.py FILE.pcap...   (classic pcap, microseconds)
import struct
import sys

EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def retime(path):
    data = bytearray(open(path, "rb").read())
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        end = "<"
    elif magic == b"\xa1\xb2\xc3\xd4":
        end = ">"
    else:
        sys.exit(f"retime.py: {path}: not a microsecond pcap file")
    off = 24
    first = None
    while off + 16 <= len(data):
        sec, usec, caplen, _ = struct.unpack_from(end + "IIII", data, off)
        t = sec * 1000000 + usec
        if first is None:
            first = t
        t = t - first + EPOCH * 1000000
        struct.pack_into(end + "II", data, off, t // 1000000, t % 1000000)
        off += 16 + caplen
    open(path, "wb").write(data)


for p in sys.argv[1:]:
    retime(p)
