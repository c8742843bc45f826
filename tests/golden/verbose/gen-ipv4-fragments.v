packet 1: 1514 bytes captured of 1514
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           1500 bytes                     2 bytes  bytes in the datagram, header included
      Identification         0x4242 (16962)                 2 bytes  groups the fragments of one datagram
      Flags                  0x1 (MF, more fragments)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xfecc (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    UDP (bytes 34-41, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 3008 bytes (8 header + 3000 data) 2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xe83b (not checked: partial data) 2 bytes  detects damage to header and data
    Payload (bytes 42-1513, 1472 bytes): the application's data
    Ethernet 14 + IPv4 20 + UDP 8 + payload 1472 = 1514 bytes on the wire
packet 2: 1514 bytes captured of 1514
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           1500 bytes                     2 bytes  bytes in the datagram, header included
      Identification         0x4242 (16962)                 2 bytes  groups the fragments of one datagram
      Flags                  0x1 (MF, more fragments)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        185 (byte 1480)                13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xfe13 (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    Payload (bytes 34-1513, 1480 bytes): a piece of a fragmented datagram
    Ethernet 14 + IPv4 20 + payload 1480 = 1514 bytes on the wire
packet 3: 82 bytes captured of 82
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           68 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x4242 (16962)                 2 bytes  groups the fragments of one datagram
      Flags                  0x0 (none)                     3 bits   reserved, don't fragment, more fragments
      Fragment offset        370 (byte 2960)                13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0x22f3 (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    Payload (bytes 34-81, 48 bytes): a piece of a fragmented datagram
    Ethernet 14 + IPv4 20 + payload 48 = 82 bytes on the wire
