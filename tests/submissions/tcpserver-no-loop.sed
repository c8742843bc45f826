# No loop around accept(): serves one client, then exits.
# Its one FIN is followed by no next client: tcpserver_close fails too.
# program: TCPServer
# fails: tcpserver_close tcpserver_clients
/^static void serve(/,/^}/s/^\tfor (;;) {/\tfor (int once = 1; once-- > 0; ) {/
