# The book's client: one recv() of the reply, printed as if it were all.
# program: TCPClient
# fails: tcpclient_reply
# reason: One recv() is not the whole reply
# traced: TCPClient called recv() once; it returned
s/^\t\tgot += (size_t)n;$/&\n\t\tbreak;/
