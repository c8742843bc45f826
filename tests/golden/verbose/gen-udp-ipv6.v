packet 1: 68 bytes captured of 68
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         14 bytes                       2 bytes  bytes after this 40-byte header
      Next header            17 (UDP)                       1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    UDP (bytes 54-61, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdaa5 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 62-67, 6 bytes): the application's data
    Ethernet 14 + IPv6 40 + UDP 8 + payload 6 = 68 bytes on the wire
packet 2: 68 bytes captured of 68
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         14 bytes                       2 bytes  bytes after this 40-byte header
      Next header            17 (UDP)                       1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    UDP (bytes 54-61, 8 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x3ae6 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 62-67, 6 bytes): the application's data
    Ethernet 14 + IPv6 40 + UDP 8 + payload 6 = 68 bytes on the wire
