packet 1: 34 bytes captured of 34
    IPv4 (bytes 0-19, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           34 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x1001 (4097)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0x2cc8 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    UDP (bytes 20-27, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdca4 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 28-33, 6 bytes): the application's data
    IPv4 20 + UDP 8 + payload 6 = 34 bytes on the wire
packet 2: 34 bytes captured of 34
    IPv4 (bytes 0-19, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           34 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x1002 (4098)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0x2cc7 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    UDP (bytes 20-27, 8 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x3ce5 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 28-33, 6 bytes): the application's data
    IPv4 20 + UDP 8 + payload 6 = 34 bytes on the wire
packet 3: 54 bytes captured of 54
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
packet 4: 54 bytes captured of 54
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
