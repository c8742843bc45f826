# Reads the reply until the server closes, but never half-closes: the
# server waits for its FIN, it waits for the server's (a deadlock, broken
# only when the kit's TCPServer drops it after 3 s).
# program: TCPClient
# fails: tcpclient_reply
# reason: deadlock
/^\t\/\/ Half-close: our FIN says/,/^\t\/\/ receive on the socket\.$/d
/^\tif (shutdown(clientSocket, SHUT_WR) < 0) {$/,/^\t}$/d
