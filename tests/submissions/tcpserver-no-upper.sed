# Forgets to upper-case: echoes the sentence as it came.
# program: TCPServer
# fails: tcpserver_reply tcpserver_clients
s/^\t\tupper_ascii(capitalizedSentence, (size_t)n);//
