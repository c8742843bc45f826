# Replies to a port of its own choosing, not the one the datagram came from.
# program: UDPServer
# fails: udpserver_address udpserver_clients
s/^\t\tupper_ascii(modifiedMessage, (size_t)n);/&\n\t\t((struct sockaddr_in *)\&clientAddress)->sin_port = htons(9);/
