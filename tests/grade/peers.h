// peers.h: the grader's reference peers, run inside a test's namespace.
// Each student program is tested against one of these (never against
// another student program), so one broken program fails only its tests.
#ifndef GRADE_PEERS_H
#define GRADE_PEERS_H

#include <stddef.h>
#include <netinet/in.h>
#include <sys/types.h>

// Where the programs under test and the peers meet: the textbook's 12000
// in a private network namespace; outside one (container mode) a port the
// OS handed out for this test (peer_pick_port).
extern int peer_port;
#define PEER_PORT peer_port

// Choose a port free for both UDP and TCP (one the OS hands out) as
// peer_port. 0 or -1.
int peer_pick_port(void);

// peer_port as text, for a command line.
const char *peer_port_text(void);

// The address student clients are given (peer_host_text: 127.0.0.1 in a
// private namespace; outside one, an address of 127/8 of this test's own,
// set by peer_pick_port, so that what they send anywhere is captured).
// The peers listen on every address.
const char *peer_host_text(void);

// Start a UDP server on PEER_PORT that upper-cases every datagram back
// to its sender. Returns its pid, or -1.
pid_t peer_udp_server(void);

// The same server, but it ignores the first drop datagrams (as if they
// were lost) and waits delay_ms before each reply.
pid_t peer_udp_server_with(int drop, int delay_ms);

// Start a TCP server on PEER_PORT: for each client, read until end of
// file, a newline or 300 ms of silence, send it back upper-cased, close.
pid_t peer_tcp_server(void);

// Send msg as one datagram to 127.0.0.1:PEER_PORT from a fresh socket and
// wait up to timeout_ms for one reply into buf. Returns the reply's length,
// -1 if none came, -2 if the socket could not be made.
ssize_t peer_udp_ask(const char *msg, char *buf, size_t size, int timeout_ms);

// The same for the len bytes of msg (any bytes, none at all too).
ssize_t peer_udp_ask_len(const char *msg, size_t len, char *buf, size_t size,
                         int timeout_ms);

struct tcp_answer {
	int connected;   // connect() succeeded
	size_t len;      // bytes received (kept in data, NUL-terminated)
	char data[8192];
	int eof;         // the server closed its side
};

// A TCP socket connected to 127.0.0.1:PEER_PORT, or -1.
int peer_tcp_connect(void);

// Read from the connected socket s into a (which holds what came before)
// until end of file or timeout_ms; stop early once a holds want bytes
// unless wait_eof is set.
void peer_tcp_read(int s, size_t want, int wait_eof, int timeout_ms, struct tcp_answer *a);

// Connect to 127.0.0.1:PEER_PORT, send msg, shut down the sending side,
// read until end of file or timeout_ms; stop early once want bytes have
// come unless wait_eof is set. Fills a.
void peer_tcp_ask(const char *msg, size_t want, int wait_eof, int timeout_ms,
                  struct tcp_answer *a);

// 127.0.0.1:PEER_PORT, where the programs under test and the peers meet.
struct sockaddr_in peer_address(void);

#endif
