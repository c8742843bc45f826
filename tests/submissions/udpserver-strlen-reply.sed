# Replies strlen() bytes of its buffer instead of the n recvfrom()
# returned: after a longer datagram, a shorter one's reply keeps its tail.
# program: UDPServer
# fails: udpserver_clients
# reason: a reply has as many bytes as its request
s/sendto(serverSocket, modifiedMessage, (size_t)n, 0,/sendto(serverSocket, modifiedMessage, strlen(modifiedMessage), 0,/
