packet 1: 58 bytes captured of 58
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           44 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x7008 (28680)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               1 (ICMP)                       1 byte   which transport protocol it carries
      Header checksum        0xccc6 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    ICMP (bytes 34-41, 8 bytes)
      Type                   8 (echo request)               1 byte   what kind of message this is
      Code                   0                              1 byte   the detail (for errors: what went wrong)
      Checksum               0xc885 (correct)               2 bytes  detects damage to the message
      Identifier             66                             2 bytes  matches replies to the pinging process
      Sequence number        1                              2 bytes  matches a reply to its request
    Payload (bytes 42-57, 16 bytes): the application's data
    Ethernet 14 + IPv4 20 + ICMP 8 + payload 16 = 58 bytes on the wire
packet 2: 58 bytes captured of 58
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           44 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x7000 (28672)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               1 (ICMP)                       1 byte   which transport protocol it carries
      Header checksum        0xccce (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    ICMP (bytes 34-41, 8 bytes)
      Type                   0 (echo reply)                 1 byte   what kind of message this is
      Code                   0                              1 byte   the detail (for errors: what went wrong)
      Checksum               0xd085 (correct)               2 bytes  detects damage to the message
      Identifier             66                             2 bytes  matches replies to the pinging process
      Sequence number        1                              2 bytes  matches a reply to its request
    Payload (bytes 42-57, 16 bytes): the application's data
    Ethernet 14 + IPv4 20 + ICMP 8 + payload 16 = 58 bytes on the wire
