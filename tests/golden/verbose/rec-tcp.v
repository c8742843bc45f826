packet 1: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           60 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x990d (39181)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3ac (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-73, 40 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715081                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 64240                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe30 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   1460 bytes                     4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
      Timestamps             TSval 3642017480 TSecr 0       10 bytes measure round-trip time; reject old duplicates
      No-operation           1                              1 byte   padding to align the next option
      Window scale           10 (x1024)                     3 bytes  later windows are multiplied by 2 to this power
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 40 + payload 0 = 74 bytes on the wire
packet 2: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           60 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x0000 (0)                     2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x3cba (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-73, 40 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       43472                          2 bytes  the receiving socket's port
      Sequence number        1288968342                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  742715082                      4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x12 (SYN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65160                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe30 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   1460 bytes                     4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
      Timestamps             TSval 850363929 TSecr 3642017480 10 bytes measure round-trip time; reject old duplicates
      No-operation           1                              1 byte   padding to align the next option
      Window scale           10 (x1024)                     3 bytes  later windows are multiplied by 2 to this power
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 40 + payload 0 = 74 bytes on the wire
packet 3: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x990e (39182)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3b3 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715082                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1288968343                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 63                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 3642017480 TSecr 850363929 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
packet 4: 77 bytes captured of 77
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           63 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x990f (39183)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3a7 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715082                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1288968343                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x18 (PSH,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 63                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe33 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 3642017481 TSecr 850363929 10 bytes measure round-trip time; reject old duplicates
    Payload (bytes 66-76, 11 bytes): the application's data
    Ethernet 14 + IPv4 20 + TCP 32 + payload 11 = 77 bytes on the wire
packet 5: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0xc929 (51497)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x7398 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       43472                          2 bytes  the receiving socket's port
      Sequence number        1288968343                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  742715093                      4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 64                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 850363930 TSecr 3642017481 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
packet 6: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x9910 (39184)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3b1 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715093                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1288968343                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x11 (FIN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 63                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 3642017481 TSecr 850363930 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
packet 7: 77 bytes captured of 77
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           63 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0xc92a (51498)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x738c (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       43472                          2 bytes  the receiving socket's port
      Sequence number        1288968343                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  742715094                      4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x18 (PSH,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 64                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe33 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 850363930 TSecr 3642017481 10 bytes measure round-trip time; reject old duplicates
    Payload (bytes 66-76, 11 bytes): the application's data
    Ethernet 14 + IPv4 20 + TCP 32 + payload 11 = 77 bytes on the wire
packet 8: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x9911 (39185)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3b0 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715094                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1288968354                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 63                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 3642017481 TSecr 850363930 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
packet 9: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0xc92b (51499)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x7396 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            12000                          2 bytes  the sending socket's port
      Destination port       43472                          2 bytes  the receiving socket's port
      Sequence number        1288968354                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  742715094                      4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x11 (FIN,ACK)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 64                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 850363930 TSecr 3642017481 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
packet 10: 66 bytes captured of 66
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        00:00:00:00:00:00              6 bytes  the adapter this frame is for
      Source MAC             00:00:00:00:00:00              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           52 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x9912 (39186)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0xa3af (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-65, 32 bytes)
      Source port            43472                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        742715094                      4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  1288968355                     4 bytes  next byte expected from the other end
      Data offset            8 (32 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x10 (ACK)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 63                             2 bytes  bytes this end can still receive (before scaling)
      Checksum               0xfe28 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      No-operation           1                              1 byte   padding to align the next option
      No-operation           1                              1 byte   padding to align the next option
      Timestamps             TSval 3642017481 TSecr 850363930 10 bytes measure round-trip time; reject old duplicates
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 32 + payload 0 = 66 bytes on the wire
