# Reads one byte with a single recv() and answers that.
# program: TCPServer
# (closing with unread bytes sends an RST, not a FIN: it fails tcpserver_close too)
# fails: tcpserver_reply tcpserver_close tcpserver_clients
s/recv(connectionSocket, sentence, sizeof sentence, 0)/recv(connectionSocket, sentence, 1, 0)/
s/if (memchr(sentence, '\\n', (size_t)n) != NULL)/if (n > 0)/
