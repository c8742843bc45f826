packet 1: 53 bytes captured of 53
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x8100 (802.1Q VLAN tag)       2 bytes  which protocol the frame carries
    802.1Q VLAN tag (bytes 14-17, 4 bytes)
      Priority               0                              3 bits   priority class for switches
      Drop eligible          0                              1 bit    may be dropped first under congestion
      VLAN ID                100                            12 bits  which virtual LAN the frame belongs to
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol follows the tag
    IPv4 (bytes 18-37, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           35 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x8001 (32769)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xa6c6 (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    UDP (bytes 38-45, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 15 bytes (8 header + 7 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xbf51 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 46-52, 7 bytes): the application's data
    Ethernet 14 + 802.1Q 4 + IPv4 20 + UDP 8 + payload 7 = 53 bytes on the wire
packet 2: 57 bytes captured of 57
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x88a8 (802.1ad QinQ tag)      2 bytes  which protocol the frame carries
    802.1ad service tag (QinQ outer) (bytes 14-17, 4 bytes)
      Priority               0                              3 bits   priority class for switches
      Drop eligible          0                              1 bit    may be dropped first under congestion
      VLAN ID                100                            12 bits  which virtual LAN the frame belongs to
      EtherType              0x8100 (802.1Q VLAN tag)       2 bytes  which protocol follows the tag
    802.1Q VLAN tag (bytes 18-21, 4 bytes)
      Priority               0                              3 bits   priority class for switches
      Drop eligible          0                              1 bit    may be dropped first under congestion
      VLAN ID                200                            12 bits  which virtual LAN the frame belongs to
      EtherType              0x0800 (IPv4)                  2 bytes  which protocol follows the tag
    IPv4 (bytes 22-41, 20 bytes)
      Version                4                              4 bits   which IP this is
      Header length          5 (20 bytes)                   4 bits   where the header ends, in 32-bit words
      DSCP                   0                              6 bits   differentiated services: priority class
      ECN                    0                              2 bits   explicit congestion notification
      Total length           35 bytes                       2 bytes  bytes in the datagram, header included
      Identification         0x8001 (32769)                 2 bytes  groups the fragments of one datagram
      Flags                  0x2 (DF, don't fragment)       3 bits   reserved, don't fragment, more fragments
      Fragment offset        0 (byte 0)                     13 bits  where this fragment's data goes, in 8-byte units
      Time to live           64                             1 byte   hops left before a router discards it
      Protocol               17 (UDP)                       1 byte   which transport protocol it carries
      Header checksum        0xa6c6 (correct)               2 bytes  detects damage to the header
      Source address         10.0.0.1                       4 bytes  the sending host
      Destination address    10.0.0.2                       4 bytes  the receiving host
    UDP (bytes 42-49, 8 bytes)
      Source port            45678                          2 bytes  the sending socket's port
      Destination port       12000                          2 bytes  the receiving socket's port
      Length                 15 bytes (8 header + 7 data)   2 bytes  bytes in the datagram: this 8-byte header plus the data
      Checksum               0xbf51 (correct)               2 bytes  detects damage to header and data
    Payload (bytes 50-56, 7 bytes): the application's data
    Ethernet 14 + 802.1ad 4 + 802.1Q 4 + IPv4 20 + UDP 8 + payload 7 = 57 bytes on the wire
