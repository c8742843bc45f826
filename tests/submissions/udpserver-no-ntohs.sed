# Prints the port in network byte order (no ntohs).
# program: UDPServer
# fails: udpserver_port
s/? ntohs(((struct sockaddr_in6 \*)&serverAddress)->sin6_port)/? (((struct sockaddr_in6 *)\&serverAddress)->sin6_port)/
