packet 1: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    decoding stopped in ipv4: bad version
    Ethernet 14 + not decoded 60 = 74 bytes on the wire
packet 2: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          3 (12 bytes)                   4 bits   where the header ends, in 32-bit words
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
      Destination address    127.0.0.1                      4 bytes  the receiving host
    decoding stopped in ipv4: bad header length
    Ethernet 14 + IPv4 20 + not decoded 40 = 74 bytes on the wire
packet 3: 74 bytes captured of 74
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           16 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x2000 (8192)                  2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               6 (TCP)                        1 byte   which transport protocol it carries
      Header checksum        0x1cba (incorrect)             2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    decoding stopped in ipv4: bad total length
    Ethernet 14 + IPv4 20 + not decoded 40 = 74 bytes on the wire
packet 4: 74 bytes captured of 74
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
    TCP (bytes 34-53, 20 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            3 (12 bytes)                   4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x68b4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
    decoding stopped in tcp: bad header length
    Ethernet 14 + IPv4 20 + TCP 20 + not decoded 20 = 74 bytes on the wire
packet 5: 74 bytes captured of 74
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
    TCP (bytes 34-93, 60 bytes, 40 captured)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            15 (60 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x68b4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   65495 bytes                    4 bytes  the largest segment this end will receive
      SACK permitted         yes                            2 bytes  this end understands selective acknowledgments
      Timestamps             TSval 100 TSecr 0              10 bytes measure round-trip time; reject old duplicates
      No-operation           1                              1 byte   padding to align the next option
      Window scale           7 (x128)                       3 bytes  later windows are multiplied by 2 to this power
    decoding stopped in tcp: bad header length
    Ethernet 14 + IPv4 20 + TCP 60 = 94 bytes by the headers, but 74 on the wire
packet 6: 74 bytes captured of 74
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
    TCP (bytes 34-73, 40 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x68b4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Maximum segment size   65495 bytes                    4 bytes  the largest segment this end will receive
      Malformed option       kind 4, length 0               16 bytes an option whose length is impossible
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 40 + payload 0 = 74 bytes on the wire
packet 7: 74 bytes captured of 74
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
    TCP (bytes 34-73, 40 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Sequence number        1000000000                     4 bytes  number of this segment's first byte (absolute)
      Acknowledgment number  0 (ignored: ACK not set)       4 bytes  next byte expected from the other end
      Data offset            10 (40 bytes)                  4 bits   where the data starts, in 32-bit words
      Reserved               0                              4 bits   unused, zero
      Flags                  0x02 (SYN)                     1 byte   what this segment does (SYN opens, FIN closes)
      Window                 65495                          2 bytes  bytes this end can still receive (before scaling)
      Checksum               0x68b4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
      Urgent pointer         0                              2 bytes  end of urgent data (if URG)
      Malformed option       kind 2, length 60              20 bytes an option whose length is impossible
    Payload (0 bytes)
    Ethernet 14 + IPv4 20 + TCP 40 + payload 0 = 74 bytes on the wire
packet 8: 48 bytes captured of 48
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
      Length                 4 bytes (8 header + -4 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdca4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
    decoding stopped in udp: bad length
    Ethernet 14 + IPv4 20 + UDP 8 + not decoded 6 = 48 bytes on the wire
packet 9: 48 bytes captured of 48
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
      Length                 4110 bytes (8 header + 4102 data) 2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xdca4 (unverified: loopback checksum offload) 2 bytes  detects damage to header and data
    Payload (bytes 42-47, 6 bytes): the application's data
    Ethernet 14 + IPv4 20 + UDP 8 + payload 6 = 48 bytes on the wire
packet 10: 54 bytes captured of 54
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x86dd (IPv6)                  2 bytes  which protocol the frame carries
    decoding stopped in ipv6: bad version
    Ethernet 14 + not decoded 40 = 54 bytes on the wire
