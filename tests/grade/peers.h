// peers.h: the grader's reference peers, run inside a test's namespace.
// Each student program is tested against one of these (never against
// another student program), so one broken program fails only its tests.
#ifndef GRADE_PEERS_H
#define GRADE_PEERS_H

#include <stddef.h>
#include <stdint.h>
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

// The reply letters of the token peers below: the i-th byte of a reply
// of the peer started with seed (random upper-case letters, so that a
// client can print them only by receiving them).
char peer_token(uint32_t seed, size_t i);

// The first len bytes of that token into out (size > len), NUL-terminated.
void peer_token_text(uint32_t seed, size_t len, char *out);

// Start a UDP server on PEER_PORT that answers each datagram of n bytes
// with the n bytes of the token of seed. Returns its pid, or -1.
pid_t peer_udp_token_server(uint32_t seed);

// Where the TCP token peer cuts the start of each reply, and how long it
// waits at each cut (so the reply arrives in three segments).
#define PEER_CUT1 5
#define PEER_CUT2 12
#define PEER_CUT_MS 30

// Start a TCP server on PEER_PORT that, for each client, answers bytes as
// they arrive: for each byte received it sends one byte of the token of
// seed (to the first client, PEER_CUT1 and PEER_CUT2 bytes in, it waits
// until the client has read what came, then PEER_CUT_MS), and it closes
// the connection on the client's FIN (or after 3 s of silence). As each
// connection ends it writes the number of bytes it got (a size_t) to a
// pipe whose reading end it puts in *counts.
// Returns its pid, or -1.
pid_t peer_tcp_token_server(uint32_t seed, int *counts);

// The count of the last connection the token server has ended, waiting
// up to timeout_ms for one if none is there yet (0 if none came).
size_t peer_token_count(int counts, int timeout_ms);

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

// One piece of a paced sentence: its bytes, and how long to wait after
// sending it (once the server has read it) for the server's answer before
// sending the next.
struct piece {
	const char *data;
	size_t len;
	int wait_ms;
};

// Like peer_tcp_ask, but send the sentence piece by piece (TCP_NODELAY,
// one send() each); after a piece with a wait, wait until the server has
// read it (its socket's receive queue is empty: however slow the server,
// one recv() cannot get it with the next piece), then up to wait_ms for
// the server's answer, kept in a (so a streaming server has answered a
// piece before the next leaves, and one that answers only at the end is
// given the pauses). Then shut down the sending side and read.
void peer_tcp_ask_paced(const struct piece *p, int n, size_t want, int timeout_ms,
                        struct tcp_answer *a);

// 127.0.0.1:PEER_PORT, where the programs under test and the peers meet.
struct sockaddr_in peer_address(void);

#endif
