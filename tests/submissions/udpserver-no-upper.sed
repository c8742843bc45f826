# Forgets to upper-case: echoes the sentence as it came.
# program: UDPServer
# fails: udpserver_reply udpserver_clients
s/^\t\tupper_ascii(modifiedMessage, (size_t)n);//
