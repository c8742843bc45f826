# The book's server: one recv(), upper-case it, send it back, close; the
# rest of a sentence that comes in several segments is never read.
# program: TCPServer
# fails: tcpserver_reply
# reason: one recv() is not the whole sentence
s/^\t\tif (memchr(sentence, '\\n', (size_t)n) != NULL)$/\t\tif (n > 0)/
