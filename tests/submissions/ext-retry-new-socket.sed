# E3: sends each try from a new socket (so from a new port).
# program: UDPClientRetry
# fails: e3_same_port
# reason: send again from the same socket
/^\t\t\/\/ The same bytes from the same socket: the server sees the same/i\
\t\tif (attempt > 1 && ((clientSocket = socket(server->ai_family, server->ai_socktype,\
\t\t                                           server->ai_protocol)) < 0 ||\
\t\t                    set_reply_timeout(clientSocket) < 0))\
\t\t\treturn -1;
