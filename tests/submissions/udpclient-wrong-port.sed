# Sends to a port of its own instead of the one it was given.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram
s/getaddrinfo(serverName, serverPort, &hints, &list)/getaddrinfo(serverName, "12001", \&hints, \&list)/
