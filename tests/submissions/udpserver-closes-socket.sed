# Closes its own socket after the first reply: the next recvfrom() fails
# and the server exits, saying why on stderr.
# program: UDPServer
# fails: udpserver_clients
# reason: UDPServer: recvfrom: Bad file descriptor
/^\t\tupper_ascii(modifiedMessage, (size_t)n);$/a\
		sendto(serverSocket, modifiedMessage, (size_t)n, 0,\
		       (struct sockaddr *)&clientAddress, clientAddressLen);\
		close(serverSocket);\
		continue;
