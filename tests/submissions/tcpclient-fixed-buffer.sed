# Receives into a fixed 4096-byte buffer and stops when it is full.
# program: TCPClient
# fails: tcpclient_reply
# reason: A line may be of any length
s/size_t cap = 4096, got = 0;/size_t cap = 4096, got = 0; int fixed = 1;/
s/^\t\tif (got == cap) {$/\t\tif (got == cap \&\& fixed)\n\t\t\tbreak;\n\t\tif (got == cap) {/
