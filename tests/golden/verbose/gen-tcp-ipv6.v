packet 1: 94 bytes captured of 94
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         40 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-93, 40 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x66b5 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   65495 bytes                    4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
      Timestamps             TSval 100 TSecr 0              10 bytes measure round-trip time; reject old duplicates
      No-operation           1                              1 byte   padding to align the next option
      Window scale           7 (x128)                       3 bytes  later windows are multiplied by 2 to this power
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 40 + payload 0 = 94 bytes on the wire
packet 2: 94 bytes captured of 94
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         40 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-93, 40 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Sequence number        3000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1000000001                     4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x12 (SYN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x550b (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   65495 bytes                    4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
      Timestamps             TSval 200 TSecr 100            10 bytes measure round-trip time; reject old duplicates
      No-operation           1                              1 byte   padding to align the next option
      Window scale           7 (x128)                       3 bytes  later windows are multiplied by 2 to this power
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 40 + payload 0 = 94 bytes on the wire
packet 3: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000001                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  3000000001                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bd2 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 101 TSecr 200            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
packet 4: 92 bytes captured of 92
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         38 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000001                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  3000000001                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x18 (PSH,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x37e8 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 101 TSecr 200            10 bytes measure round-trip time; reject old duplicates
    Payload (bytes 86-91, 6 bytes): the application's data
    Ethernet 14 + IPv6 40 + TCP 32 + payload 6 = 92 bytes on the wire
packet 5: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Sequence number        3000000001                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1000000007                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bcb (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 201 TSecr 101            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
packet 6: 92 bytes captured of 92
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         38 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Sequence number        3000000001                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1000000007                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x18 (PSH,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x9821 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 201 TSecr 101            10 bytes measure round-trip time; reject old duplicates
    Payload (bytes 86-91, 6 bytes): the application's data
    Ethernet 14 + IPv6 40 + TCP 32 + payload 6 = 92 bytes on the wire
packet 7: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000007                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  3000000007                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bc4 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 102 TSecr 201            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
packet 8: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000007                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  3000000007                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x11 (FIN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bc3 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 102 TSecr 201            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
packet 9: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       45678                          2 bytes  the receiving socket's port
      Sequence number        3000000007                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1000000008                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x11 (FIN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bc1 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 202 TSecr 102            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
packet 10: 86 bytes captured of 86
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         32 bytes                       2 bytes  bytes after this 40-byte header
      Next header            6 (TCP)                        1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         ::1                            16 bytes the sending host
      Destination address    ::1                            16 bytes the receiving host
    TCP (bytes 54-85, 32 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000008                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  3000000008                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 512                            2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x7bc0 (correct)               2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 103 TSecr 202            10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv6 40 + TCP 32 + payload 0 = 86 bytes on the wire
