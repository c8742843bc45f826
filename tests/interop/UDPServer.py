# UDPServer.py: the UDP server of Kurose & Ross §2.7.1, corrected for Python 3.
#
# Usage: python3 UDPServer.py [port]    (12000 by default; 0 lets the OS choose)
#
# Corrections to the book's listing: bind() takes one (host, port) tuple,
# not two arguments; the port comes from the command line; the ready line
# names the port really bound (as the C servers' does) and is flushed at
# once, so a program reading it through a pipe sees it. The kit's tests run
# it against the C UDPClient.
import sys
from socket import *

serverPort = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
serverSocket = socket(AF_INET, SOCK_DGRAM)
serverSocket.bind(('', serverPort))
print('The server is ready to receive on port', serverSocket.getsockname()[1], flush=True)
while True:
    message, clientAddress = serverSocket.recvfrom(2048)
    modifiedMessage = message.decode().upper()
    serverSocket.sendto(modifiedMessage.encode(), clientAddress)
