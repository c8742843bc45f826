packet 1: 90 bytes captured of 90
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         36 bytes                       2 bytes  bytes after this 40-byte header
      Next header            0 (IPv6 hop-by-hop options)    1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         2001:db8::1                    16 bytes the sending host
      Destination address    2001:db8::2                    16 bytes the receiving host
    IPv6 hop-by-hop options (bytes 54-61, 8 bytes)
      Next header            60 (IPv6 destination options)  1 byte   which header follows
      Header length          0 (8 bytes)                    1 byte   in 8-byte units, not counting the first 8
      Options                6 bytes                        6 bytes  options and padding
    IPv6 destination options (bytes 62-69, 8 bytes)
      Next header            43 (IPv6 routing header)       1 byte   which header follows
      Header length          0 (8 bytes)                    1 byte   in 8-byte units, not counting the first 8
      Options                6 bytes                        6 bytes  options and padding
    IPv6 routing header (bytes 70-77, 8 bytes)
      Next header            17 (UDP)                       1 byte   which header follows
      Header length          0 (8 bytes)                    1 byte   in 8-byte units, not counting the first 8
      Routing data           6 bytes                        6 bytes  routing type, segments left, addresses
    UDP (bytes 78-85, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 12 bytes (8 header + 4 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xe98f (correct)               2 bytes  detects damage to header and data
    Payload (bytes 86-89, 4 bytes): the application's data
    Ethernet 14 + IPv6 40 + IPv6 hop-by-hop 8 + IPv6 dest-opts 8 + IPv6 routing 8 + UDP 8 + payload 4 = 90 bytes on the wire
packet 2: 78 bytes captured of 78
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         24 bytes                       2 bytes  bytes after this 40-byte header
      Next header            44 (IPv6 fragment header)      1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         2001:db8::1                    16 bytes the sending host
      Destination address    2001:db8::2                    16 bytes the receiving host
    IPv6 fragment header (bytes 54-61, 8 bytes)
      Next header            17 (UDP)                       1 byte   which header follows
      Reserved               0                              1 byte   unused, zero
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Reserved               0                              2 bits   unused, zero
      More fragments         1                              1 bit    1 on every fragment but the last
      Identification         0x00000077                     4 bytes  groups the fragments of one datagram
    UDP (bytes 62-69, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 28 bytes (8 header + 20 data)  2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xf72e (not checked: partial data) 2 bytes  detects damage to header and data
    Payload (bytes 70-77, 8 bytes): the application's data
    Ethernet 14 + IPv6 40 + IPv6 fragment 8 + UDP 8 + payload 8 = 78 bytes on the wire
packet 3: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         20 bytes                       2 bytes  bytes after this 40-byte header
      Next header            44 (IPv6 fragment header)      1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         2001:db8::1                    16 bytes the sending host
      Destination address    2001:db8::2                    16 bytes the receiving host
    IPv6 fragment header (bytes 54-61, 8 bytes)
      Next header            17 (UDP)                       1 byte   which header follows
      Reserved               0                              1 byte   unused, zero
      Fragment offset        2 (byte 16)                    13 bits  where this fragment's data goes, in 8-byte units
      Reserved               0                              2 bits   unused, zero
      More fragments         0                              1 bit    1 on every fragment but the last
      Identification         0x00000077                     4 bytes  groups the fragments of one datagram
    Payload (bytes 62-73, 12 bytes): a piece of a fragmented datagram
    Ethernet 14 + IPv6 40 + IPv6 fragment 8 + payload 12 = 74 bytes on the wire
