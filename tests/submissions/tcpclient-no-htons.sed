# Stores the server's port without htons() (as a program filling in
# sockaddr_in by hand does): its SYN goes to 57390, 12000 with its two
# bytes swapped, and is refused.
# program: TCPClient
# fails: tcpclient_reply tcpclient_handshake tcpclient_sentence
# reason: htons()
/^\tint err = getaddrinfo(serverName, serverPort, &hints, &res);$/a\
	for (struct addrinfo *ai = err == 0 ? res : NULL; ai; ai = ai->ai_next) {\
		in_port_t *port = &((struct sockaddr_in *)ai->ai_addr)->sin_port;  // sin6_port too\
		*port = ntohs(*port);\
	}
