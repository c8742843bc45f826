# Loops on recv() but receives each chunk at the start of its buffer, so
# each one overwrites the one before.
# program: TCPClient
# fails: tcpclient_reply
# reason: receive into buf + got
# traced: returned all 34 bytes the server sent (traced)
s/recv(clientSocket, modifiedSentence + got, cap - got, 0)/recv(clientSocket, modifiedSentence, cap - got, 0)/
