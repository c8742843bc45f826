# E2: makes a new socket for each sentence (so a new port each time).
# program: UDPClientLoop
# fails: e2_port
# reason: make the socket once, before the loop
/^\t\/\/ sendto attaches the destination address/i\
\tclientSocket = socket(server->ai_family, server->ai_socktype, server->ai_protocol);\
\tif (clientSocket < 0 || set_reply_timeout(clientSocket) < 0)\
\t\treturn -1;
