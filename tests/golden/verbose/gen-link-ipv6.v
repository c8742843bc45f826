packet 1: 54 bytes captured of 54
    IPv6 (bytes 0-39, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         14 bytes                       2 bytes  bytes after this 40-byte header
      Next header            17 (UDP)                       1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    UDP (bytes 40-47, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdaa5 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 48-53, 6 bytes): the application's data
    IPv6 40 + UDP 8 + payload 6 = 54 bytes on the wire
packet 2: 54 bytes captured of 54
    IPv6 (bytes 0-39, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         14 bytes                       2 bytes  bytes after this 40-byte header
      Next header            17 (UDP)                       1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    UDP (bytes 40-47, 8 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x3ae6 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 48-53, 6 bytes): the application's data
    IPv6 40 + UDP 8 + payload 6 = 54 bytes on the wire
