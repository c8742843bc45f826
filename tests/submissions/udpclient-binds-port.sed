# Binds its socket to a fixed port instead of letting the OS choose one.
# program: UDPClient
# fails: udpclient_port
# reason: the datagram came from port 5005
# traced: UDPClient called bind() on 0.0.0.0 port 5005 (traced)
/int clientSocket = socket(ai->ai_family/a\
		struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(5005) };\
		bind(clientSocket, (struct sockaddr *)&me, sizeof me);
