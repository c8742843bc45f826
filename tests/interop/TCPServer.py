# TCPServer.py: the TCP server of Kurose & Ross §2.7.2, corrected for Python 3.
#
# Usage: python3 TCPServer.py [port]    (12000 by default; 0 lets the OS choose)
#
# Corrections to the book's listing: bind() takes one (host, port) tuple,
# not two arguments; the port comes from the command line; the ready line
# names the port really bound (as the C servers' does) and is flushed at
# once. Left as in the book: one recv(1024) taken as the whole sentence,
# which holds for a short sentence on one machine (the C TCPClient sends it
# in one send() and then half-closes). The kit's tests run it against the
# C TCPClient.
import sys
from socket import *

serverPort = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.bind(('', serverPort))
serverSocket.listen(1)
print('The server is ready to receive on port', serverSocket.getsockname()[1], flush=True)
while True:
    connectionSocket, addr = serverSocket.accept()
    sentence = connectionSocket.recv(1024).decode()
    capitalizedSentence = sentence.upper()
    connectionSocket.send(capitalizedSentence.encode())
    connectionSocket.close()
