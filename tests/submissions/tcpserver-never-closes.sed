# Never closes the connection socket: no FIN, the client waits.
# program: TCPServer
# fails: tcpserver_close
s/close(connectionSocket);  \/\/ our FIN.*//
