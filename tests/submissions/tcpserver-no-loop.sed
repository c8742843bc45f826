# No loop around accept(): serves one client, then exits.
# program: TCPServer
# fails: tcpserver_clients
/^static void serve(/,/^}/s/^\tfor (;;) {/\tfor (int once = 1; once-- > 0; ) {/
