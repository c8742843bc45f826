packet 1: 76 bytes captured of 76
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         22 bytes                       2 bytes  bytes after this 40-byte header
      Next header            17 (UDP)                       1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    UDP (bytes 54-61, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 22 bytes (8 header + 14 data)  2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x9ae5 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 62-75, 14 bytes): the application's data
    Ethernet 14 + IPv6 40 + UDP 8 + payload 14 = 76 bytes on the wire
packet 2: 124 bytes captured of 124
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         70 bytes                       2 bytes  bytes after this 40-byte header
      Next header            58 (ICMPv6)                    1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    ICMPv6 (bytes 54-61, 8 bytes)
      Type                   1 (destination unreachable)    1 byte   what kind of message this is
      Code                   4 (port unreachable)           1 byte   the detail (for errors: what went wrong)
      Checksum               0x8d4a (correct)               2 bytes  detects damage to the message
      Rest of header         0x00000000                     4 bytes  unused by this message type
      quoted IPv6 (bytes 62-101, 40 bytes)
        Version                6                              4 bits   which IP this is
        Traffic class          0x00                           8 bits   priority class and congestion bits
        Flow label             0x00000                        20 bits  lets routers keep one flow together
        Payload length         22 bytes                       2 bytes  bytes after this 40-byte header
        Next header            17 (UDP)                       1 byte   which header follows
        Hop limit              64                             1 byte   hops left before a router discards it
        Source address         ::1                            16 bytes the sending host
        Destination address    ::1                            16 bytes the receiving host
      quoted UDP (bytes 102-109, 8 bytes)
        Source port            45678                          2 bytes  the sending socket's port
        Destination port       12000                          2 bytes  the receiving socket's port
        Length                 22 bytes (8 header + 14 data)  2 bytes  bytes in the datagram: this 8-byte header plus the data
        Checksum               0x9ae5 (not checked: partial data) 2 bytes  detects damage to header and data
    Payload (bytes 62-123, 62 bytes): the datagram that caused the error
    Ethernet 14 + IPv6 40 + ICMPv6 8 + payload 62 = 124 bytes on the wire
