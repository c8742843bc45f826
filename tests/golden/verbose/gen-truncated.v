packet 1: 10 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes, 10 captured)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             (not captured)                 6 bytes  the adapter that sent it
      EtherType              (not captured)                 2 bytes  which protocol the frame carries
    decoding stopped in ethernet: truncated
    Ethernet 14 + not decoded 60 = 74 bytes on the wire (10 captured)
packet 2: 30 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes, 16 captured)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           60 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x2000 (8192)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x1cba (not checked: partial data) 2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    (not captured)                 4 bytes  the receiving host
    decoding stopped in ipv4: truncated
    Ethernet 14 + IPv4 20 + not decoded 40 = 74 bytes on the wire (30 captured)
packet 3: 44 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           60 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x2000 (8192)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x1cba (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-53, 20 bytes, 10 captured)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  (not captured)                 4 bytes  next byte expected from the other end
      Data offset            (not captured)                 4 bits   where the data starts, in 32-bit words
      Reserved               (not captured)                 4 bits   unused, zero
      Flags                  (not captured)                 1 byte   what this segment does (SYN opens, FIN closes)
      Window                 (not captured)                 2 bytes  bytes this end can still receive (before scaling)
      Checksum               (not captured) (not checked: partial data) 2 bytes  detects damage to header and data
      Urgent pointer         (not captured)                 2 bytes  end of urgent data (if URG)
    decoding stopped in tcp: truncated
    Ethernet 14 + IPv4 20 + TCP 20 + not decoded 20 = 74 bytes on the wire (44 captured)
packet 4: 60 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           60 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x2000 (8192)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x1cba (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    TCP (bytes 34-73, 40 bytes, 26 captured)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x68b4 (not checked: partial data) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   65495 bytes                    4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
    decoding stopped in tcp: truncated
    Ethernet 14 + IPv4 20 + TCP 40 = 74 bytes on the wire (60 captured)
packet 5: 38 bytes captured of 48
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
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
    UDP (bytes 34-41, 8 bytes, 4 captured)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 (not captured)                 2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               (not captured) (none: the sender computed no checksum) 2 bytes  detects damage to header and data
    decoding stopped in udp: truncated
    Ethernet 14 + IPv4 20 + UDP 8 + not decoded 6 = 48 bytes on the wire (38 captured)
packet 6: 45 bytes captured of 48
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
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
    UDP (bytes 34-41, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdca4 (not checked: partial data) 2 bytes  detects damage to header and data
    Payload (bytes 42-47, 6 bytes, 3 captured): the application's data
    Ethernet 14 + IPv4 20 + UDP 8 + payload 6 = 48 bytes on the wire (45 captured)
packet 7: 64 bytes captured of 76
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           62 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x6001 (24577)                 2 bytes  groups the fragments of one datagram
      Flags                  0x0 (none)                     3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               1 (ICMP)                       1 byte   which transport protocol it carries
      Header checksum        0x1cbc (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    ICMP (bytes 34-41, 8 bytes)
      Type                   3 (destination unreachable)    1 byte   what kind of message this is
      Code                   3 (port unreachable)           1 byte   the detail (for errors: what went wrong)
      Checksum               0xfb1e (not checked: partial data) 2 bytes  detects damage to the message
      Rest of header         0x00000000                     4 bytes  unused by this message type
      quoted IPv4 (bytes 42-61, 20 bytes)
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
    Payload (bytes 42-75, 34 bytes, 22 captured): the datagram that caused the error
    Ethernet 14 + IPv4 20 + ICMP 8 + payload 34 = 76 bytes on the wire (64 captured)
packet 8: 58 bytes captured of 70
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    IPv6 (bytes 14-53, 40 bytes)
      Version                6                              4 bits   which IP this is
      Traffic class          0x00                           8 bits   priority class and congestion bits
      Flow label             0x00000                        20 bits  lets routers keep one flow together
      Payload length         16 bytes                       2 bytes  bytes after this 40-byte header
      Next header            0 (IPv6 hop-by-hop options)    1 byte   which header follows
      Hop limit              64                             1 byte   hops left before a router discards it
      Source address         2001:db8::1                    16 bytes the sending host
      Destination address    2001:db8::2                    16 bytes the receiving host
    decoding stopped in ipv6: truncated
    Ethernet 14 + IPv6 40 + not decoded 16 = 70 bytes on the wire (58 captured)
