# Hostile: a child floods the server it was given (its host and port
# arguments) with 60 KB datagrams without end; once it has sent 300
# (18 MB), the parent does the exchange as it should.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram udpclient_port
# reason: flooded the network
/^int main(int argc, char \*argv\[\])$/{
n
a\
	static char flood[60000];\
	struct addrinfo floodHints = { .ai_family = AF_INET, .ai_socktype = SOCK_DGRAM }, *to;\
	int started[2];\
	if (pipe(started) == 0 && fork() == 0 && getaddrinfo(argc > 2 ? argv[1] : "127.0.0.1", argc > 2 ? argv[2] : "12000", &floodHints, &to) == 0) {\
		int s = socket(AF_INET, SOCK_DGRAM, 0);\
		for (long i = 0;; i++)\
			if (sendto(s, flood, sizeof flood, 0, to->ai_addr, to->ai_addrlen) > 0 && i == 300)\
				(void)!write(started[1], "", 1);\
	}\
	(void)!read(started[0], flood, 1);
}
