# Prints the port in network byte order (no ntohs).
# program: UDPServer
# fails: udpserver_port
# reason: print ntohs() of it
s/? ntohs(((struct sockaddr_in6 \*)&serverAddress)->sin6_port)/? (((struct sockaddr_in6 *)\&serverAddress)->sin6_port)/
