# Wrong socket type: asks for a TCP (stream) socket, so sendto() fails.
# program: UDPClient
# fails: udpclient_reply udpclient_datagram udpclient_port
s/hints.ai_socktype = SOCK_DGRAM;/hints.ai_socktype = SOCK_STREAM;/
