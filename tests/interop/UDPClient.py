# UDPClient.py: the UDP client of Kurose & Ross §2.7.1, corrected for Python 3.
#
# Usage: python3 UDPClient.py [host [port]]    (localhost and 12000 by default)
#
# Corrections to the book's listing: input() instead of Python 2's
# raw_input(); host and port from the command line instead of the
# placeholder 'hostname'. The kit's tests run it against the C UDPServer.
import sys
from socket import *

serverName = sys.argv[1] if len(sys.argv) > 1 else 'localhost'
serverPort = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
clientSocket = socket(AF_INET, SOCK_DGRAM)
message = input('Input lowercase sentence:')
clientSocket.sendto(message.encode(), (serverName, serverPort))
modifiedMessage, serverAddress = clientSocket.recvfrom(2048)
print(modifiedMessage.decode())
clientSocket.close()
