packet 1: 62 bytes captured of 62
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-45, 32 bytes)
      Version                4                              4 bits   which IP this is
      Header length          8 (32 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           48 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x3001 (12289)                 2 bytes  groups the fragments of one datagram
      Flags                  0x0 (none)                     3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0x27af (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
      Options                NOP, record route              12 bytes rarely used extras (route recording, alerts)
    UDP (bytes 46-53, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 16 bytes (8 header + 8 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x442a (correct)               2 bytes  detects damage to header and data
    Payload (bytes 54-61, 8 bytes): the application's data
    Ethernet 14 + IPv4 32 + UDP 8 + payload 8 = 62 bytes on the wire
packet 2: 52 bytes captured of 52
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-37, 24 bytes)
      Version                4                              4 bits   which IP this is
      Header length          6 (24 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           38 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x3002 (12290)                 2 bytes  groups the fragments of one datagram
      Flags                  0x0 (none)                     3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xa1be (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
      Options                router alert                   4 bytes  rarely used extras (route recording, alerts)
    UDP (bytes 38-45, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xcf97 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 46-51, 6 bytes): the application's data
    Ethernet 14 + IPv4 24 + UDP 8 + payload 6 = 52 bytes on the wire
packet 3: 48 bytes captured of 48
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
      Identification         0x3003 (12291)                 2 bytes  groups the fragments of one datagram
      Flags                  0x6 (reserved bit set, DF, don't fragment) 3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0x76c5 (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    UDP (bytes 34-41, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 14 bytes (8 header + 6 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xcfa2 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 42-47, 6 bytes): the application's data
    Ethernet 14 + IPv4 20 + UDP 8 + payload 6 = 48 bytes on the wire
