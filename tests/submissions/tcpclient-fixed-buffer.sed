# Receives into a fixed 4096-byte buffer and stops when it is full.
# program: TCPClient
# fails: tcpclient_reply
# reason: A line may be of any length
s/size_t cap = 4096;/size_t cap = 4096; int fixed = 1;/
s/^\t\tif (\*len == cap) {$/\t\tif (*len == cap \&\& fixed) return 0;\n\t\tif (*len == cap) {/
