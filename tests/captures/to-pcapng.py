#!/usr/bin/env python3
# to-pcapng.py: rewrite a classic microsecond pcap file as pcapng (one
# section, one interface, one Enhanced Packet Block per frame), so the
# tests can read the same packets in both formats.
#
# Usage: tests/captures/to-pcapng.py IN.pcap OUT.pcapng
import struct
import sys


def block(btype, body):
    body += b"\0" * (-len(body) % 4)
    n = 12 + len(body)
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)


def main(src, dst):
    data = open(src, "rb").read()
    if data[:4] != b"\xd4\xc3\xb2\xa1":
        sys.exit(f"to-pcapng.py: {src}: not a little-endian microsecond pcap")
    snaplen, linktype = struct.unpack_from("<II", data, 16)
    out = [block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)),
           block(0x00000001, struct.pack("<HHI", linktype, 0, snaplen))]
    off = 24
    while off + 16 <= len(data):
        sec, usec, caplen, wirelen = struct.unpack_from("<IIII", data, off)
        ts = sec * 1000000 + usec
        frame = data[off + 16:off + 16 + caplen]
        out.append(block(0x00000006, struct.pack("<IIIII", 0, ts >> 32,
                                                 ts & 0xffffffff, caplen,
                                                 wirelen) + frame))
        off += 16 + caplen
    open(dst, "wb").write(b"".join(out))


main(sys.argv[1], sys.argv[2])
