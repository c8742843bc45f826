# Stores the port in the address without htons() (as a program filling in
# sockaddr_in by hand with sin_port = 12000 does), so it listens on 57390
# (12000 with its two bytes swapped) when asked for 12000.
# program: TCPServer
# fails: tcpserver_reply tcpserver_close tcpserver_clients tcpserver_port
# reason: htons()
/^static int listen_socket(const struct addrinfo \*ai, const char \*\*call)$/{
n
a\
	in_port_t *port = &((struct sockaddr_in *)ai->ai_addr)->sin_port;  // sin6_port too\
	*port = ntohs(*port);
}
