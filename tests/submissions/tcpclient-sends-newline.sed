# Sends the newline that ended the line: len + 1 bytes.
# program: TCPClient
# fails: tcpclient_sentence
s/exchange(clientSocket, sentence, len) == 0/exchange(clientSocket, sentence, len + 1) == 0/
