# Never touches the network: prints the sentence upper-cased by itself.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram udpclient_port
/^\t\/\/ sendto attaches the destination address/i\
	for (size_t i = 0; i < len; i++)\
		putchar(message[i] >= 'a' && message[i] <= 'z' ? message[i] - 'a' + 'A' : message[i]);\
	putchar('\\n');\
	return 0;
