# Closes the welcoming socket instead of the connection socket.
# Its FIN comes from the process exiting (accept() fails on the closed
# socket), which does not count for tcpserver_close.
# program: TCPServer
# fails: tcpserver_close tcpserver_clients
# reason: accept: Bad file descriptor
s/close(connectionSocket);  \/\/ our FIN/close(serverSocket);  \/\/ our FIN/
