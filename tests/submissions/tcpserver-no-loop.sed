# No loop around accept(): serves one client, then exits.
# program: TCPServer
# fails: tcpserver_clients
s/^\twhile (!stopping) {/\tfor (int once = 1; once-- > 0 \&\& !stopping; ) {/
