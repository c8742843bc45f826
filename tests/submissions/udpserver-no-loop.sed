# No loop: serves one datagram, then exits.
# program: UDPServer
# fails: udpserver_clients
s/^\twhile (!stopping) {/\tfor (int once = 1; once-- > 0 \&\& !stopping; ) {/
