# Wrong socket type: a UDP (datagram) socket, so there is no handshake.
# program: TCPClient
# fails: tcpclient_reply tcpclient_handshake tcpclient_sentence
# reason: SOCK_STREAM
s/hints.ai_socktype = SOCK_STREAM;/hints.ai_socktype = SOCK_DGRAM;/
