# E4: serves one recv() of each client, then closes the connection.
# program: TCPServerConcurrent
# fails: e4_slow
# reason: expected "HALF A SENTENCE"
s/^\t\tif (memchr(sentence, '\\n', (size_t)n) != NULL)$/\t\tif (n > 0)/
