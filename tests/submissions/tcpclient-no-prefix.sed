# Prints the reply without the "From Server: " prefix.
# program: TCPClient
# fails: tcpclient_reply
s/printf("From Server: ");//
