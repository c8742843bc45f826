# Closes the welcoming socket instead of the connection socket.
# program: TCPServer
# fails: tcpserver_clients
s/close(connectionSocket);  \/\/ our FIN/close(serverSocket);  \/\/ our FIN/
