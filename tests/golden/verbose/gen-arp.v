packet 1: 60 bytes captured of 60
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0806 (ARP)                   2 bytes  which protocol the frame carries
    ARP (bytes 14-41, 28 bytes)
      Hardware type          1                              2 bytes  the kind of link (1: Ethernet)
      Protocol type          0x0800 (IPv4)                  2 bytes  the kind of address asked about
      Hardware size          6                              1 byte   bytes in a hardware address
      Protocol size          4                              1 byte   bytes in a protocol address
      Operation              1 (request)                    2 bytes  request or reply
      Sender MAC             02:00:00:00:00:01              6 bytes  the sender's hardware address
      Sender IP              10.0.0.1                       4 bytes  the sender's IP address
      Target MAC             00:00:00:00:00:00              6 bytes  the target's hardware address (zero in a request: unknown)
      Target IP              10.0.0.2                       4 bytes  the target's IP address
    Ethernet 14 + ARP 28 + padding 18 = 60 bytes on the wire
packet 2: 60 bytes captured of 60
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0806 (ARP)                   2 bytes  which protocol the frame carries
    ARP (bytes 14-41, 28 bytes)
      Hardware type          1                              2 bytes  the kind of link (1: Ethernet)
      Protocol type          0x0800 (IPv4)                  2 bytes  the kind of address asked about
      Hardware size          6                              1 byte   bytes in a hardware address
      Protocol size          4                              1 byte   bytes in a protocol address
      Operation              2 (reply)                      2 bytes  request or reply
      Sender MAC             02:00:00:00:00:02              6 bytes  the sender's hardware address
      Sender IP              10.0.0.2                       4 bytes  the sender's IP address
      Target MAC             02:00:00:00:00:01              6 bytes  the target's hardware address (zero in a request: unknown)
      Target IP              10.0.0.1                       4 bytes  the target's IP address
    Ethernet 14 + ARP 28 + padding 18 = 60 bytes on the wire
packet 3: 60 bytes captured of 60
    Ethernet II (bytes 0-13, 14 bytes)
      Destination MAC        02:00:00:00:00:02              6 bytes  the adapter this frame is for
      Source MAC             02:00:00:00:00:01              6 bytes  the adapter that sent it
      EtherType              0x0806 (ARP)                   2 bytes  which protocol the frame carries
    ARP (bytes 14-41, 28 bytes)
      Hardware type          1                              2 bytes  the kind of link (1: Ethernet)
      Protocol type          0x0800 (IPv4)                  2 bytes  the kind of address asked about
      Hardware size          6                              1 byte   bytes in a hardware address
      Protocol size          4                              1 byte   bytes in a protocol address
      Operation              1 (request)                    2 bytes  request or reply
      Sender MAC             02:00:00:00:00:01              6 bytes  the sender's hardware address
      Sender IP              10.0.0.1                       4 bytes  the sender's IP address
      Target MAC             00:00:00:00:00:00              6 bytes  the target's hardware address (zero in a request: unknown)
      Target IP              10.0.0.1                       4 bytes  the target's IP address
    Ethernet 14 + ARP 28 + padding 18 = 60 bytes on the wire
