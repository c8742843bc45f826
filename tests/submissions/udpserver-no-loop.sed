# No loop: serves one datagram, then exits.
# program: UDPServer
# fails: udpserver_clients
/^static void serve(/,/^}/s/^\tfor (;;) {/\tfor (int once = 1; once-- > 0; ) {/
