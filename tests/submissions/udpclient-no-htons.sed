# Stores the server's port without htons() (as a program filling in
# sockaddr_in by hand does): its datagram goes to 57390, 12000 with its
# two bytes swapped.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram
# reason: htons()
/^\tint err = getaddrinfo(serverName, serverPort, &hints, \&list);$/a\
	for (struct addrinfo *ai = err == 0 ? list : NULL; ai; ai = ai->ai_next) {\
		in_port_t *port = &((struct sockaddr_in *)ai->ai_addr)->sin_port;  // sin6_port too\
		*port = ntohs(*port);\
	}
