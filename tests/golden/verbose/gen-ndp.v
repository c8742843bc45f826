packet 1: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            58 (ICMPv6)                    1 byte   which header follows
      Hop limit              255                            1 byte   hops left before a router discards it
      Source address         fe80::1                        16 bytes the sending host
      Destination address    ff02::1:ff00:2                 16 bytes the receiving host
    ICMPv6 (bytes 54-85, 32 bytes)
      Type                   135 (neighbor solicitation)    1 byte   what kind of message this is
      Code                   0                              1 byte   the detail (for errors: what went wrong)
      Checksum               0x7a97 (correct)               2 bytes  detects damage to the message
      Reserved               0                              4 bytes  unused, zero
      Target address         fe80::2                        16 bytes the address whose MAC is asked for
      Source link-layer address 02:00:00:00:00:01              8 bytes  the asker's MAC, so the answer can come back
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + ICMPv6 32 + payload 0 = 86 bytes on the wire
packet 2: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            58 (ICMPv6)                    1 byte   which header follows
      Hop limit              255                            1 byte   hops left before a router discards it
      Source address         fe80::2                        16 bytes the sending host
      Destination address    fe80::1                        16 bytes the receiving host
    ICMPv6 (bytes 54-85, 32 bytes)
      Type                   136 (neighbor advertisement)   1 byte   what kind of message this is
      Code                   0                              1 byte   the detail (for errors: what went wrong)
      Checksum               0x181a (correct)               2 bytes  detects damage to the message
      Flags                  0x60000000 (SO)                4 bytes  R: sender is a router, S: solicited, O: override
      Target address         fe80::2                        16 bytes the address being announced
      Target link-layer address 02:00:00:00:00:02              8 bytes  the MAC the target address is at
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + ICMPv6 32 + payload 0 = 86 bytes on the wire
