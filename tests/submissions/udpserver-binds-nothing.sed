# Prints the ready line but binds no socket at all.
# program: UDPServer
# fails: udpserver_reply udpserver_address udpserver_clients udpserver_port
# reason: no UDP socket is bound to port
/^\tint serverSocket = open_server_socket(serverPort);$/i\
	printf("The server is ready to receive on port %s\\n", serverPort);\
	fflush(stdout);\
	for (;;)\
		pause();
