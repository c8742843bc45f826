packet 1: 56 bytes captured of 56
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           42 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x5001 (20481)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xecbf (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    UDP (bytes 34-41, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 22 bytes (8 header + 14 data)  2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0x9ce4 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 42-55, 14 bytes): the application's data
    Ethernet 14 + IPv4 20 + UDP 8 + payload 14 = 56 bytes on the wire
packet 2: 84 bytes captured of 84
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol the frame carries
    IPv4 (bytes 14-33, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           70 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x6001 (24577)                 2 bytes  groups the fragments of one datagram
      Flags                  0x0 (none)                     3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               1 (ICMP)                       1 byte   which transport protocol it carries
      Header checksum        0x1cb4 (correct)               2 bytes  detects damage to the header
      Source address         127.0.0.1                      4 bytes  the sending host
      Destination address    127.0.0.1                      4 bytes  the receiving host
    ICMP (bytes 34-41, 8 bytes)
      Type                   3 (destination unreachable)    1 byte   what kind of message this is
      Code                   3 (port unreachable)           1 byte   the detail (for errors: what went wrong)
      Checksum               0xfb26 (correct)               2 bytes  detects damage to the message
      Rest of header         0x00000000                     4 bytes  unused by this message type
      quoted IPv4 (bytes 42-61, 20 bytes)
        Version                4                              4 bits   which IP this is
        Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
        DSCP                   0                              6 bits   differentiated services: priority class
        ECN                    0                              2 bits   explicit congestion notification
        Total length           42 bytes                       2 bytes  bytes in the datagram, header included
        Identification         0x5001 (20481)                 2 bytes  groups the fragments of one datagram
        Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
        Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
        Time to live           64                             1 byte   hops left before a router discards it
        Protocol               17 (UDP)                       1 byte   which transport protocol it carries
        Header checksum        0xecbf (correct)               2 bytes  detects damage to the header
        Source address         127.0.0.1                      4 bytes  the sending host
        Destination address    127.0.0.1                      4 bytes  the receiving host
      quoted UDP (bytes 62-69, 8 bytes)
        Source port            45678                          2 bytes  the sending socket's port
        Destination port       12000                          2 bytes  the receiving socket's port
        Length                 22 bytes (8 header + 14 data)  2 bytes  bytes in the datagram: this 8-byte header plus the data
        Checksum               0x9ce4 (not checked: partial data) 2 bytes  detects damage to header and data
    Payload (bytes 42-83, 42 bytes): the datagram that caused the error
    Ethernet 14 + IPv4 20 + ICMP 8 + payload 42 = 84 bytes on the wire
