# TCPClient.py: the TCP client of Kurose & Ross §2.7.2, corrected for Python 3.
#
# Usage: python3 TCPClient.py [host [port]]    (localhost and 12000 by default)
#
# Corrections to the book's listing: input() instead of Python 2's
# raw_input(); host and port from the command line instead of the
# placeholder 'servername'; print('From Server:', ...) without the
# trailing space that made print() show two. Left as in the book, on
# purpose: one send() with no newline and no half-close, and one
# recv(1024) taken as the whole reply. The C TCPServer serves it anyway:
# it echoes each chunk as it arrives, so the reply comes without waiting
# for an end of message this client never marks. The kit's tests run it
# against the C TCPServer.
import sys
from socket import *

serverName = sys.argv[1] if len(sys.argv) > 1 else 'localhost'
serverPort = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect((serverName, serverPort))
sentence = input('Input lowercase sentence:')
clientSocket.send(sentence.encode())
modifiedSentence = clientSocket.recv(1024)
print('From Server:', modifiedSentence.decode())
clientSocket.close()
