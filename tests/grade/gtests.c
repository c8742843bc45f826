// gtests.c: the grading tests (see gtests.h and the table in tests.tab).
#include "gtests.h"
#include "peers.h"
#include "sandbox.h"

#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// What the client said in a wire test, added to the reason it failed.
static char client_note[sizeof ((struct tcase *)0)->msg];

// What a student program may use: generous for these programs, small
// enough that a runaway one cannot hurt the machine or the other tests.
static const struct box_limits run_limits = {
	.cpu_s = 2, .as_mb = 256, .nproc = 8, .fsize_mb = 2,
};

void say(struct tcase *t, const char *fmt, ...)
{
	size_t len = strlen(t->msg);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg + len, sizeof t->msg - len, fmt, ap);
	va_end(ap);
}

size_t utf8_printable(const unsigned char *s, size_t len)
{
	if (len >= 2 && s[0] >= 0xc2 && s[0] <= 0xdf && (s[1] & 0xc0) == 0x80)
		return s[0] > 0xc2 || s[1] >= 0xa0 ? 2 : 0;
	if (len >= 3 && s[0] >= 0xe1 && s[0] <= 0xef && s[0] != 0xed &&
	    (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80)
		return 3;
	return 0;
}

char *escape(const char *s, size_t len, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len; ) {
		unsigned char c = (unsigned char)s[i];
		size_t u = utf8_printable((const unsigned char *)s + i, len - i);
		char tmp[8];
		if (u > 0)
			snprintf(tmp, sizeof tmp, "%.*s", (int)u, s + i);
		else if (c == '\n')
			strcpy(tmp, "\\n");
		else if (c == '\\')
			strcpy(tmp, "\\\\");
		else if (c < 0x20 || c >= 0x7f)
			snprintf(tmp, sizeof tmp, "\\x%02x", c);
		else
			tmp[0] = (char)c, tmp[1] = '\0';
		i += u > 0 ? u : 1;
		if (o + strlen(tmp) + 4 > size) {
			strcpy(out + o, "...");
			return out;
		}
		strcpy(out + o, tmp);
		o += strlen(tmp);
	}
	out[o] = '\0';
	return out;
}

// The bytes of b to quote: all but a last newline, which ends the
// program's last line rather than being part of what it said.
static size_t quoted_len(const struct capbuf *b)
{
	return b->len > 0 && b->data[b->len - 1] == '\n' ? b->len - 1 : b->len;
}

void describe(struct tcase *t, const char *prog, const struct jail *j)
{
	char buf[600];
	say(t, "\n  %s %s", prog, jail_how(j));
	if (j->e.len > 0)
		say(t, "\n  its stderr: %s", escape(j->e.data, quoted_len(&j->e), buf, 400));
	if (j->o.len > 0)
		say(t, "\n  its stdout: %s", escape(j->o.data, quoted_len(&j->o), buf, 400));
}

void say_server(struct tcase *t, const char *prog, struct jail *j)
{
	char buf[600];
	if (jail_pump(j, 100) == 0)  // one that is on its way out too
		describe(t, prog, j);
	else if (j->e.len > 0)
		say(t, "\n  %s's stderr so far: %s", prog, escape(j->e.data, j->e.len, buf, 400));
}

// port with its two bytes swapped: where a port stored without htons()
// (or printed without ntohs()) ends up on a little-endian machine.
static int swap16(int port)
{
	return (port & 0xff) << 8 | (port >> 8 & 0xff);
}

// The socket type of program prog: its name starts with UDP or TCP.
static int type_of(const char *prog)
{
	return strncmp(prog, "UDP", 3) == 0 ? SOCK_DGRAM : SOCK_STREAM;
}

// Has a socket of type (SOCK_DGRAM, or SOCK_STREAM listening) port as its
// local port, in this network namespace (/proc/net)?
static int port_bound(int type, int port)
{
	static const char *const files[2][2] = {
		{ "/proc/net/udp", "/proc/net/udp6" }, { "/proc/net/tcp", "/proc/net/tcp6" },
	};
	int tcp = type == SOCK_STREAM, found = 0;
	for (int i = 0; i < 2 && !found; i++) {
		FILE *f = fopen(files[tcp][i], "r");
		char line[512];
		unsigned lport, state;
		while (f != NULL && !found && fgets(line, sizeof line, f) != NULL)
			if (sscanf(line, " %*u: %*[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:%*x %x", &lport,
			           &state) == 2)
				found = (int)lport == port && (!tcp || state == 0x0a);  // 0A: LISTEN
		if (f != NULL)
			fclose(f);
	}
	return found;
}

// Check that server prog, which said it is ready, has a socket of its type
// on port (it may print first and bind just after: allow 200 ms). 0, or
// -1 with the reason said: nothing there, or the port's bytes swapped.
static int check_bound(struct tcase *t, const char *prog, int port)
{
	int type = type_of(prog);
	const char *what = type == SOCK_DGRAM ? "no UDP socket is bound to" :
	                   "no TCP socket is listening on";
	for (long long end = now_ms() + 200; !port_bound(type, port); poll(NULL, 0, 10)) {
		if (now_ms() < end)
			continue;
		if (port_bound(type, swap16(port)))
			say(t, "%s said it is ready, but it %s port %d, not %d: %d is %d with its two "
			    "bytes swapped, so the port went into the address without htons() "
			    "(sin_port holds it in network byte order)", prog,
			    type == SOCK_DGRAM ? "is bound to" : "listens on", swap16(port), port,
			    swap16(port), port);
		else
			say(t, "%s said it is ready, but %s port %d%s", prog, what, port,
			    type == SOCK_DGRAM ? ": bind() it" : ": bind() it, then listen()");
		return -1;
	}
	return 0;
}

int start_server_with(struct tcase *t, const char *prog, const struct box_limits *lim,
                      struct jail *j)
{
	char dir[4200], exe[64], line[256];
	snprintf(dir, sizeof dir, "%s/%s", t->bindir, prog);
	snprintf(exe, sizeof exe, "/sandbox/%s", prog);
	char *argv[] = { exe, (char *)peer_port_text(), NULL };
	if (jail_start(j, dir, argv, lim) < 0) {
		say(t, "grader: cannot start %s", prog);
		return -1;
	}
	if (jail_wait_line(j, READY, line, sizeof line, 2000) < 0) {
		say(t, "%s did not print \"" READY " %d\" within 2 s", prog, PEER_PORT);
		jail_kill(j);
		describe(t, prog, j);
		return -1;
	}
	if (check_bound(t, prog, PEER_PORT) < 0) {
		say_server(t, prog, j);
		return -1;
	}
	return 0;
}

int start_server(struct tcase *t, const char *prog, struct jail *j)
{
	return start_server_with(t, prog, &run_limits, j);
}

// Start the student's client prog against 127.0.0.1:PEER_PORT with input
// on stdin. 0, or -1 with the reason said.
static int start_client(struct tcase *t, const char *prog, struct jail *j, const char *input)
{
	char dir[4200], exe[64];
	snprintf(dir, sizeof dir, "%s/%s", t->bindir, prog);
	snprintf(exe, sizeof exe, "/sandbox/%s", prog);
	char *argv[] = { exe, (char *)peer_host_text(), (char *)peer_port_text(), NULL };
	if (jail_start_traced(j, dir, argv, &run_limits) < 0) {
		say(t, "grader: cannot start %s", prog);
		return -1;
	}
	jail_input(j, input);
	return 0;
}

int run_client(struct tcase *t, const char *prog, struct jail *j, const char *input,
               int timeout_ms)
{
	if (start_client(t, prog, j, input) < 0)
		return -1;
	if (jail_finish(j, timeout_ms) < 0) {
		say(t, "%s did not finish within %g s", prog, timeout_ms / 1000.0);
		describe(t, prog, j);
		return -1;
	}
	return 0;
}

// A seed for the token peers that no program can guess.
static uint32_t new_seed(void)
{
	uint32_t seed;
	if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed)
		seed = (uint32_t)time(NULL) ^ (uint32_t)getpid() << 16;
	return seed;
}

int has_line(const struct capbuf *b, const char *want)
{
	char *copy = strdup(b->data), *save = NULL;
	int found = 0;
	for (char *p; copy != NULL && (p = strstr(copy, PROMPT)) != NULL; )
		memset(p, '\n', strlen(PROMPT));
	for (char *l = strtok_r(copy, "\n", &save); l && !found; l = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(l);
		while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\r'))
			l[--n] = '\0';
		while (*l == ' ')
			l++;
		found = strcmp(l, want) == 0;
	}
	free(copy);
	return found;
}

// ---- UDPClient, against the reference UDP server -------------------------

size_t count_udp(const struct wire *w, int port, int from, const struct wpkt **first)
{
	size_t n = 0;
	*first = NULL;
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (p->proto == W_UDP && (from ? p->sport : p->dport) == port) {
			if (n++ == 0)
				*first = p;
		}
	}
	return n;
}

// Say where the client's first datagram or SYN (proto W_UDP or W_TCP)
// went if it was not to the server's port; a port with its two bytes
// swapped means htons() is missing. 1 if one went elsewhere.
static int say_misdirected_proto(struct tcase *t, const struct wire *w, int proto)
{
	const char *what = proto == W_UDP ? "a datagram" : "a SYN";
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (p->proto != proto || p->dport == PEER_PORT || p->sport == PEER_PORT ||
		    (proto == W_TCP && (p->flags & (W_SYN | W_ACK)) != W_SYN))
			continue;
		if (p->dport == swap16(PEER_PORT))
			say(t, "\n  %s went to port %d instead: %d is %d with its two bytes "
			    "swapped, so the port was stored without htons()", what, p->dport,
			    p->dport, PEER_PORT);
		else
			say(t, "\n  %s went to port %d instead: use the port given on the command "
			    "line (in network byte order, htons)", what, p->dport);
		return 1;
	}
	return 0;
}

// Say where UDPClient's datagrams went if none reached the server's port.
static void say_misdirected(struct tcase *t, const struct wire *w)
{
	if (!say_misdirected_proto(t, w, W_UDP))
		say(t, "\n  no datagram was sent at all");
}

#define UDP_SENTENCE "socket programming with udp, 2.7.1"
#define UDP_REPLY    "SOCKET PROGRAMMING WITH UDP, 2.7.1"

// Run UDPClient once (in j) against the reference server (for the wire
// tests).
static int udpclient_once(struct tcase *t, struct jail *jp)
{
	struct jail j;
	if (peer_udp_server() < 0) {
		say(t, "grader: cannot start the reference UDP server");
		return -1;
	}
	if (run_client(t, "UDPClient", &j, UDP_SENTENCE "\n", 4000) == 0 &&
	    !(WIFEXITED(j.status) && WEXITSTATUS(j.status) == 0))
		describe(t, "UDPClient", &j);
	snprintf(client_note, sizeof client_note, "%s", t->msg);
	t->msg[0] = '\0';  // only the wire is judged here
	wire_collect(t->wire);
	if (jp != NULL)
		*jp = j;
	return 0;
}

// Say why UDPClient's output (in j) lacks want, the reply the token
// server sent (NULL: no datagram reached it).
static void say_no_udp_reply(struct tcase *t, const struct jail *j, const char *want)
{
	if (want == NULL) {
		say(t, "UDPClient did not print the server's reply: it sent no datagram to the "
		    "server's port %d", PEER_PORT);
		say_misdirected_proto(t, t->wire, W_UDP);
	} else if (has_line(&j->o, UDP_REPLY)) {
		say(t, "UDPClient printed \"" UDP_REPLY "\", its own sentence upper-cased, but "
		    "the grader's server replied \"%s\" (random letters, so that only a client "
		    "that prints what it receives passes): print the bytes recvfrom() returned",
		    want);
	} else {
		say(t, "UDPClient's output has no line \"%s\", the reply the grader's server "
		    "sent (random letters, as many as the sentence has)", want);
	}
	hint_udp_recvfrom(t, "UDPClient", j);
	describe(t, "UDPClient", j);
}

static void udpclient_reply(struct tcase *t)
{
	static char want[65536];
	const struct wpkt *p;
	struct jail j;
	uint32_t seed = new_seed();
	if (peer_udp_token_server(seed) < 0) {
		say(t, "grader: cannot start the grader's UDP server");
		return;
	}
	if (run_client(t, "UDPClient", &j, UDP_SENTENCE "\n", 4000) < 0)
		return;
	// The server answers as many letters as the datagram had bytes (the
	// sentence, unless udpclient_datagram finds otherwise). With no capture
	// (plain mode) a correct client's length is taken: the letters are
	// still random, so only a client that printed the reply passes.
	size_t sent = strlen(UDP_SENTENCE);
	p = NULL;
	if (t->wire->pcap != NULL) {
		wire_collect(t->wire);
		sent = count_udp(t->wire, PEER_PORT, 0, &p) > 0 ? p->len : sizeof want;
	}
	int got = sent < sizeof want;
	if (got)
		peer_token_text(seed, sent, want);
	if (!got || !has_line(&j.o, want)) {
		say_no_udp_reply(t, &j, got ? want : NULL);
		return;
	}
	if (!WIFEXITED(j.status) || WEXITSTATUS(j.status) != 0) {
		say(t, "UDPClient printed the reply but then");
		describe(t, "UDPClient", &j);
		return;
	}
	t->pass = 1;
}

static void udpclient_datagram(struct tcase *t)
{
	const struct wpkt *p;
	char buf[400];
	if (udpclient_once(t, NULL) < 0)
		return;
	size_t n = count_udp(t->wire, PEER_PORT, 0, &p);
	if (n == 0) {
		say(t, "no datagram reached the server's port %d", PEER_PORT);
		say_misdirected(t, t->wire);
		return;
	}
	if (n != 1) {
		say(t, "UDPClient sent %zu datagrams to the server; one sendto() sends one "
		    "datagram, and one is expected", n);
		return;
	}
	if (p->len != strlen(UDP_SENTENCE) || memcmp(p->payload, UDP_SENTENCE, p->len) != 0) {
		say(t, "the datagram carried \"%s\" (%zu bytes); expected exactly the %zu "
		    "bytes of the sentence \"" UDP_SENTENCE "\" (no newline, no NUL)",
		    escape((char *)p->payload, p->len, buf, sizeof buf), p->len,
		    strlen(UDP_SENTENCE));
		return;
	}
	t->pass = 1;
}

// The kernel's ephemeral port range in this namespace.
static void ephemeral_range(int *lo, int *hi)
{
	FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r");
	*lo = 32768, *hi = 60999;
	if (f != NULL) {
		if (fscanf(f, "%d %d", lo, hi) != 2)
			*lo = 32768, *hi = 60999;
		fclose(f);
	}
}

static void udpclient_port(struct tcase *t)
{
	static struct jail j;
	const struct wpkt *p = NULL;
	int lo, hi;
	if (udpclient_once(t, &j) < 0)
		return;
	ephemeral_range(&lo, &hi);
	for (size_t i = 0; i < t->wire->n && p == NULL; i++)
		if (t->wire->pkts[i].proto == W_UDP)
			p = &t->wire->pkts[i];
	if (p == NULL) {
		say(t, "UDPClient sent no datagram");
		return;
	}
	if (p->sport < lo || p->sport > hi) {
		say(t, "the datagram came from port %d, outside the ports the OS hands out "
		    "(%d-%d): a client should not bind() a port of its own", p->sport, lo, hi);
		hint_udp_bind(t, "UDPClient", &j);
		return;
	}
	t->pass = 1;
}

// ---- UDPServer, against the reference UDP client -------------------------

#define UDPS_SENTENCE "hello from the grader, 2.7.1"
#define UDPS_REPLY    "HELLO FROM THE GRADER, 2.7.1"

// The first datagram the server sent (source port PEER_PORT), or NULL.
static const struct wpkt *server_reply(const struct wire *w)
{
	const struct wpkt *p;
	count_udp(w, PEER_PORT, 1, &p);
	return p;
}

static void udpserver_reply(struct tcase *t)
{
	struct jail j;
	char buf[400], got[2048];
	if (start_server(t, "UDPServer", &j) < 0)
		return;
	ssize_t n = peer_udp_ask(UDPS_SENTENCE, got, sizeof got, 2000);
	wire_collect(t->wire);
	const struct wpkt *p = server_reply(t->wire);
	if (p == NULL) {
		say(t, "no reply came from port %d within 2 s (sent \"" UDPS_SENTENCE "\")",
		    PEER_PORT);
		say_server(t, "UDPServer", &j);
		return;
	}
	(void)n;  // the wire is judged, wherever the reply went
	if (p->len != strlen(UDPS_REPLY) || memcmp(p->payload, UDPS_REPLY, p->len) != 0) {
		say(t, "the reply was \"%s\" (%zu bytes); expected \"" UDPS_REPLY "\" (%zu bytes)",
		    escape((char *)p->payload, p->len, buf, sizeof buf), p->len,
		    strlen(UDPS_REPLY));
		say_server(t, "UDPServer", &j);
		return;
	}
	t->pass = 1;
}

void server_replies_to_sender(struct tcase *t, const char *prog, const char *sentence)
{
	struct jail j;
	char got[2048];
	if (start_server(t, prog, &j) < 0)
		return;
	peer_udp_ask(sentence, got, sizeof got, 2000);
	wire_collect(t->wire);
	const struct wpkt *q, *p = server_reply(t->wire);
	count_udp(t->wire, PEER_PORT, 0, &q);
	if (q == NULL || p == NULL) {
		say(t, "%s%s", q == NULL ? "grader: its datagram was not seen" : prog,
		    q == NULL ? "" : " sent no reply at all");
		return;
	}
	if (strcmp(p->dst, q->src) != 0 || p->dport != q->sport) {
		say(t, "the request came from %s port %d but the reply went to %s port %d: "
		    "reply to the address recvfrom() filled in", q->src, q->sport, p->dst, p->dport);
		return;
	}
	t->pass = 1;
}

static void udpserver_address(struct tcase *t)
{
	server_replies_to_sender(t, "UDPServer", UDPS_SENTENCE);
}

static void udpserver_clients(struct tcase *t)
{
	static const char *const ask[] = { "first client", "second client", "third client" };
	static const char *const want[] = { "FIRST CLIENT", "SECOND CLIENT", "THIRD CLIENT" };
	struct jail j;
	char got[2048], buf[400];
	if (start_server(t, "UDPServer", &j) < 0)
		return;
	for (int i = 0; i < 3; i++) {
		ssize_t n = peer_udp_ask(ask[i], got, sizeof got, 2000);
		size_t len = strlen(ask[i]);
		if (n < 0)
			say(t, "client %d (\"%s\") got no reply within 2 s", i + 1, ask[i]);
		else if ((size_t)n != len)
			say(t, "client %d sent \"%s\" (%zu bytes) and got \"%s\" (%zd bytes): a reply "
			    "has as many bytes as its request: sendto() the n bytes recvfrom() "
			    "returned (not strlen(): the buffer is no string, and may still hold "
			    "the end of a longer datagram before)", i + 1, ask[i], len,
			    escape(got, (size_t)n, buf, sizeof buf), n);
		else if (memcmp(got, want[i], len) != 0)
			say(t, "client %d (\"%s\") got \"%s\"", i + 1, ask[i],
			    escape(got, (size_t)n, buf, sizeof buf));
		else
			continue;
		say_server(t, "UDPServer", &j);
		return;
	}
	t->pass = 1;
}

// ---- TCPClient, against the reference TCP server -------------------------

#define TCP_SENTENCE "socket programming with tcp, 2.7.2"
#define TCP_LONG     30000  // bytes of the long sentence: more than any fixed buffer
#define TCP_DEADLINE 1500   // ms: well under the 3 s after which TCPServer gives up
#define FROM_SERVER  "From Server: "

// If TCPClient sent UDP datagrams to the server's port (the capture in t),
// say what that means. 1 if it did.
static int say_datagram_socket(struct tcase *t)
{
	const struct wpkt *p;
	wire_collect(t->wire);
	if (count_udp(t->wire, PEER_PORT, 0, &p) == 0)
		return 0;
	say(t, "%sTCPClient sent a UDP datagram to port %d instead of opening a TCP "
	    "connection (no SYN, no handshake): its socket is a datagram socket (SOCK_DGRAM); "
	    "TCP needs a stream socket, SOCK_STREAM", t->msg[0] ? "\n  " : "", PEER_PORT);
	return 1;
}

// The payload bytes sent to (to_server) or from the server's port on the
// last connection of the capture (retransmissions aside), and how many ms
// after its SYN the client's FIN came (-1: none).
static size_t last_connection(const struct wire *w, int to_server, long long *fin_ms)
{
	int cport = -1;
	size_t n = 0;
	uint32_t next = 0;
	long long syn = 0;
	*fin_ms = -1;
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		int up = p->dport == PEER_PORT;
		if (p->proto == W_TCP && up && (p->flags & (W_SYN | W_ACK)) == W_SYN)
			cport = p->sport, n = 0, *fin_ms = -1, syn = p->ms, next = 0;
		if (p->proto != W_TCP || cport < 0 || (up ? p->sport : p->dport) != cport)
			continue;
		if (up && (p->flags & W_FIN) && *fin_ms < 0)
			*fin_ms = p->ms - syn;
		if (up != to_server || p->len == 0 || (n > 0 && p->seq != next))
			continue;
		n += p->len;
		next = p->seq + (uint32_t)p->len;
	}
	return n;
}

// TCPClient is still running after TCP_DEADLINE: is it waiting for an
// end of file it never asked for (it sent bytes, but neither a FIN nor
// the reply on its stdout)? Then say so and explain the deadlock.
static int deadlocked(struct tcase *t, const struct jail *j)
{
	long long fin = -1;
	wire_collect(t->wire);
	size_t sent = last_connection(t->wire, 1, &fin);
	size_t got = last_connection(t->wire, 0, &fin);
	if (fin >= 0 || sent == 0 || memmem(j->o.data, j->o.len, FROM_SERVER, strlen(FROM_SERVER)))
		return 0;  // slow, or stuck elsewhere: the longer wait judges it
	say(t, "TCPClient did not finish within %g s: a deadlock. It sent %zu bytes but no FIN, "
	    "and the server had answered %zu of them; the server waits for the client's FIN "
	    "to know the sentence is over, while TCPClient waits for the server to close first, "
	    "so each waits for the other (the kit's TCPServer drops such a client after 3 s). "
	    "Either half-close with shutdown(SHUT_WR) after sending and recv() until it returns "
	    "0, or recv() exactly as many bytes as you sent and then close()",
	    TCP_DEADLINE / 1000.0, sent, got);
	return 1;
}

// The reply TCPClient printed on its "From Server: " line of out (len
// bytes into *n), or NULL if there is no such line.
static const char *printed_reply(const struct capbuf *out, size_t *n)
{
	const char *p = memmem(out->data, out->len, FROM_SERVER, strlen(FROM_SERVER));
	if (p == NULL)
		return NULL;
	p += strlen(FROM_SERVER);
	const char *nl = memchr(p, '\n', (size_t)(out->data + out->len - p));
	*n = nl ? (size_t)(nl - p) : (size_t)(out->data + out->len - p);
	while (*n > 0 && p[*n - 1] == '\r')
		(*n)--;
	return p;
}

// Is got (n bytes) the sentence s (n bytes too) upper-cased?
static int is_upper_of(const char *got, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (got[i] != (s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i]))
			return 0;
	return 1;
}

// Does got (n bytes) start with the reply want (len bytes) from one of
// its cuts on, as when each recv() overwrote the one before?
static int ends_first(const char *got, size_t n, const char *want, size_t len)
{
	static const size_t cuts[] = { PEER_CUT1, PEER_CUT2 };
	for (int i = 0; i < 2; i++)
		if (len > cuts[i] && n >= len - cuts[i] &&
		    memcmp(got, want + cuts[i], len - cuts[i]) == 0)
			return 1;
	return 0;
}

// Say how the reply got (n bytes) TCPClient printed for the sentence s
// differs from want (len bytes), sent in segments cut at PEER_CUT1 and
// PEER_CUT2 (with pauses if paced).
static void say_wrong_reply(struct tcase *t, const char *got, size_t n, const char *s,
                            const char *want, size_t len, int paced)
{
	char a[400], b[400];
	size_t room = len > 100 ? 80 : sizeof a;  // a long one: its start is enough
	say(t, "TCPClient printed \"%s\" (%zu bytes) after \"" FROM_SERVER "\"; the server "
	    "sent \"%s\" (%zu bytes; random letters, one for each byte it got",
	    escape(got, n, a, room), n, escape(want, len, b, room), len);
	if (paced)
		say(t, ", in segments: %d bytes, a pause, %d more, a pause, the rest", PEER_CUT1,
		    PEER_CUT2 - PEER_CUT1);
	say(t, ")");
	if (n == len && is_upper_of(got, s, n))
		say(t, ": its own sentence upper-cased, not what came back. Print the bytes "
		    "recv() returned");
	else if (n < len && memcmp(got, want, n) == 0 && n <= PEER_CUT2)
		say(t, ": only the first segment(s). One recv() is not the whole reply: "
		    "recv() until it returns 0 (or until you have as many bytes as you sent)");
	else if (n < len && memcmp(got, want, n) == 0)
		say(t, ": the reply stops short. A line may be of any length: keep receiving "
		    "until recv() returns 0, growing the buffer as needed");
	else if (ends_first(got, n, want, len))
		say(t, ": it starts with a later segment. Each recv() wrote over the start of the "
		    "buffer: receive into buf + got, after what came before");
	else
		say(t, ": print exactly the bytes recv() returned, in order");
}

// Run TCPClient on the sentence s (len bytes) against the token server of
// seed (started already, telling its counts on the pipe counts; paced: the
// server's first client, whose reply comes with pauses), for at most
// TCP_DEADLINE. 0 if it printed the
// whole reply after "From Server: " and exited 0; else -1 with the reason.
static int tcpclient_exchange(struct tcase *t, uint32_t seed, int counts, const char *s,
                              size_t len, int paced)
{
	struct jail j;
	size_t n;
	char *input = malloc(len + 2), *want = NULL;
	int rc = -1;
	if (input == NULL) {
		say(t, "grader: out of memory");
		goto out;
	}
	memcpy(input, s, len);
	memcpy(input + len, "\n", 2);
	if (start_client(t, "TCPClient", &j, input) < 0)
		goto out;
	if (jail_pump(&j, TCP_DEADLINE) && deadlocked(t, &j)) {
		jail_kill(&j);
		describe(t, "TCPClient", &j);
		goto out;
	}
	if (jail_finish(&j, 3000) < 0) {  // a slow machine: more time, not a verdict
		say(t, "TCPClient did not finish within %g s", TCP_DEADLINE / 1000.0 + 3);
		describe(t, "TCPClient", &j);
		goto out;
	}
	// The server answers one letter for each byte the client sent (the
	// sentence, unless tcpclient_sentence finds otherwise).
	len = peer_token_count(counts, 500);
	if ((want = malloc(len + 1)) == NULL) {
		say(t, "grader: out of memory");
		goto out;
	}
	peer_token_text(seed, len, want);
	const char *got = printed_reply(&j.o, &n);
	int wrong = got == NULL || n != len || memcmp(got, want, len) != 0;
	if (got == NULL)
		say(t, "TCPClient's output has no line starting \"" FROM_SERVER "\"");
	else if (wrong)
		say_wrong_reply(t, got, n, s, want, len, paced);
	if (wrong)
		hint_tcp_recvs(t, "TCPClient", &j, len);
	else if (!WIFEXITED(j.status) || WEXITSTATUS(j.status) != 0)
		say(t, "TCPClient printed the reply but then");
	else
		rc = 0;
	if (rc < 0)
		describe(t, "TCPClient", &j);
out:
	free(input);
	free(want);
	return rc;
}

static void tcpclient_reply(struct tcase *t)
{
	static char lots[TCP_LONG + 1];
	uint32_t seed = new_seed();
	int counts;
	if (peer_tcp_token_server(seed, &counts) < 0) {
		say(t, "grader: cannot start the grader's TCP server");
		return;
	}
	for (size_t i = 0; i < TCP_LONG; i++)
		lots[i] = TCP_SENTENCE[i % strlen(TCP_SENTENCE)];
	if (tcpclient_exchange(t, seed, counts, TCP_SENTENCE, strlen(TCP_SENTENCE), 1) < 0) {
		if (!say_datagram_socket(t))
			say_misdirected_proto(t, t->wire, W_TCP);
		return;
	}
	say(t, "with a sentence of %d bytes: ", TCP_LONG);
	if (tcpclient_exchange(t, seed, counts, lots, TCP_LONG, 0) < 0)
		return;
	t->msg[0] = '\0';
	t->pass = 1;
}

// Run TCPClient once against the reference server (for the wire tests).
static int tcpclient_once(struct tcase *t)
{
	struct jail j;
	if (peer_tcp_server() < 0) {
		say(t, "grader: cannot start the reference TCP server");
		return -1;
	}
	if (run_client(t, "TCPClient", &j, TCP_SENTENCE "\n", 4000) == 0 &&
	    !(WIFEXITED(j.status) && WEXITSTATUS(j.status) == 0))
		describe(t, "TCPClient", &j);
	snprintf(client_note, sizeof client_note, "%s", t->msg);
	t->msg[0] = '\0';  // only the wire is judged here
	wire_collect(t->wire);
	return 0;
}

static int is_to_server(const struct wpkt *p)
{
	return p->proto == W_TCP && p->dport == PEER_PORT;
}

static void tcpclient_handshake(struct tcase *t)
{
	const struct wire *w = t->wire;
	int step = 0, cport = -1;
	if (tcpclient_once(t) < 0)
		return;
	for (size_t i = 0; i < w->n && step < 3; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (p->proto != W_TCP)
			continue;
		if (step == 0 && is_to_server(p) && (p->flags & (W_SYN | W_ACK)) == W_SYN)
			step = 1, cport = p->sport;
		else if (step == 1 && p->sport == PEER_PORT && p->dport == cport &&
		         (p->flags & (W_SYN | W_ACK)) == (W_SYN | W_ACK))
			step = 2;
		else if (step >= 1 && is_to_server(p) && p->sport == cport && p->len > 0)
			break;  // data before the handshake completed
		else if (step == 2 && is_to_server(p) && p->sport == cport &&
		         (p->flags & (W_SYN | W_ACK)) == W_ACK)
			step = 3;
	}
	if (step < 3) {
		static const char *const what[] = {
			"no SYN reached the server's port: did TCPClient connect()?",
			"the SYN got no SYN-ACK",
			"the handshake's third step (the client's ACK) did not come before data",
		};
		if (step == 0 && say_datagram_socket(t))
			return;  // no handshake to speak of: it said why
		say(t, "three-way handshake incomplete: %s", what[step]);
		if (step == 0)
			say_misdirected_proto(t, w, W_TCP);
		return;
	}
	t->pass = 1;
}

static void tcpclient_sentence(struct tcase *t)
{
	const struct wire *w = t->wire;
	char data[4096], buf[400];
	size_t len = 0;
	uint32_t next = 0;
	int have_next = 0;
	if (tcpclient_once(t) < 0)
		return;
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (!is_to_server(p) || p->len == 0)
			continue;
		if (have_next && p->seq != next)
			continue;  // a retransmission
		size_t k = p->len < sizeof data - len ? p->len : sizeof data - len;
		memcpy(data + len, p->payload, k);
		len += k;
		next = p->seq + (uint32_t)p->len, have_next = 1;
	}
	if (len == 0) {
		say(t, "TCPClient sent no bytes to the server");
		if (!say_datagram_socket(t))
			say_misdirected_proto(t, w, W_TCP);
		return;
	}
	if (len != strlen(TCP_SENTENCE) || memcmp(data, TCP_SENTENCE, len) != 0) {
		say(t, "TCPClient sent \"%s\" (%zu bytes); expected exactly the %zu bytes of "
		    "\"" TCP_SENTENCE "\" (no newline, no NUL)",
		    escape(data, len, buf, sizeof buf), len, strlen(TCP_SENTENCE));
		return;
	}
	t->pass = 1;
}

// ---- TCPServer, against the reference TCP client -------------------------

#define TCPS_SENTENCE "hello from the grader, 2.7.2"
#define TCPS_REPLY    "HELLO FROM THE GRADER, 2.7.2"

void say_answer(struct tcase *t, const char *sent, const struct tcp_answer *a)
{
	char buf[400];
	if (!a->connected)
		say(t, "connecting to port %d failed: nothing was listening (listen()? "
		    "the welcoming socket still open?)", PEER_PORT);
	else if (a->len == 0)
		say(t, "sent \"%s\", got no reply%s", sent,
		    a->eof ? " (the server closed the connection)" : " within 2 s");
	else
		say(t, "sent \"%s\", got \"%s\" (%zu bytes)", sent,
		    escape(a->data, a->len, buf, sizeof buf), a->len);
}

// How tcpserver_reply sends its sentence: its first PACE_A bytes, a pause
// (up to PACE_MS, or until the server answers), then one byte at a time
// up to byte PACE_B (a short pause after each), then the rest and the FIN.
#define PACE_A  3
#define PACE_B  13
#define PACE_MS 40

static void tcpserver_reply(struct tcase *t)
{
	struct piece p[PACE_B - PACE_A + 2];
	struct jail j;
	struct tcp_answer a;
	int n = 0;
	static const char sentence[] = TCPS_SENTENCE;
	size_t len = strlen(sentence);
	if (start_server(t, "TCPServer", &j) < 0)
		return;
	p[n++] = (struct piece){ sentence, PACE_A, PACE_MS };
	for (size_t i = PACE_A; i < PACE_B; i++)
		p[n++] = (struct piece){ sentence + i, 1, 5 };
	p[n++] = (struct piece){ sentence + PACE_B, len - PACE_B, 0 };
	peer_tcp_ask_paced(p, n, strlen(TCPS_REPLY), 2000, &a);
	if (strcmp(a.data, TCPS_REPLY) != 0 || a.len != strlen(TCPS_REPLY)) {
		say(t, "expected \"" TCPS_REPLY "\": the sentence was sent in pieces, as a "
		    "stream may bring it (\"%.*s\", a pause, \"%.*s\" one byte at a time, then "
		    "\"%s\" and the FIN): ", PACE_A, sentence, PACE_B - PACE_A,
		    sentence + PACE_A, sentence + PACE_B);
		say_answer(t, TCPS_SENTENCE, &a);
		if (a.len < len && memcmp(a.data, TCPS_REPLY, a.len) == 0 && a.len > 0)
			say(t, ": one recv() is not the whole sentence: recv() until it returns 0 "
			    "(the client's FIN), upper-casing and sending back what each one returns");
		say_server(t, "TCPServer", &j);
		return;
	}
	t->pass = 1;
}

// Did the server send a FIN on the connection of the i-th client (in
// the order of their SYNs)?
static int server_fin(const struct wire *w, int i)
{
	int port = -1, n = 0;
	for (size_t k = 0; k < w->n && port < 0; k++) {
		const struct wpkt *p = &w->pkts[k];
		if (is_to_server(p) && (p->flags & (W_SYN | W_ACK)) == W_SYN && n++ == i)
			port = p->sport;
	}
	for (size_t k = 0; k < w->n && port >= 0; k++) {
		const struct wpkt *p = &w->pkts[k];
		if (p->proto == W_TCP && p->sport == PEER_PORT && p->dport == port &&
		    (p->flags & W_FIN))
			return 1;
	}
	return 0;
}

// A FIN counts only from a server that lives on: after client i's FIN
// (i from 1) the server must still run and serve the next client.
static void tcpserver_close(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	if (start_server(t, "TCPServer", &j) < 0)
		return;
	for (int i = 0; i < 3; i++) {
		peer_tcp_ask(TCPS_SENTENCE, 0, 1, 1500, &a);
		wire_collect(t->wire);
		if (i > 0 && (!a.connected || a.len == 0 || !jail_pump(&j, 0))) {
			say(t, "client %d's connection ended with a FIN, but then TCPServer served no "
			    "client %d: a FIN that comes from the process exiting does not count. "
			    "close(connectionSocket) after each reply and go on to accept() the next "
			    "client (the welcoming socket stays open)", i, i + 1);
			say_server(t, "TCPServer", &j);
			return;
		}
		if (i == 2)
			break;
		if (!a.connected) {
			say_answer(t, TCPS_SENTENCE, &a);
			say_server(t, "TCPServer", &j);
			return;
		}
		if (!server_fin(t->wire, i) || !a.eof) {
			say(t, "client %d: after its reply the server did not close the connection "
			    "within 1.5 s (no FIN from port %d): close() each connection socket",
			    i + 1, PEER_PORT);
			say_server(t, "TCPServer", &j);
			return;
		}
	}
	t->pass = 1;
}

static void tcpserver_clients(struct tcase *t)
{
	static const char *const ask[] = { "first client", "second client", "third client" };
	static const char *const want[] = { "FIRST CLIENT", "SECOND CLIENT", "THIRD CLIENT" };
	struct jail j;
	struct tcp_answer a;
	if (start_server(t, "TCPServer", &j) < 0)
		return;
	for (int i = 0; i < 3; i++) {
		peer_tcp_ask(ask[i], strlen(want[i]), 0, 2000, &a);
		if (a.len != strlen(want[i]) || strcmp(a.data, want[i]) != 0) {
			say(t, "client %d: ", i + 1);
			say_answer(t, ask[i], &a);
			say_server(t, "TCPServer", &j);
			return;
		}
	}
	t->pass = 1;
}

// Is a server on the wire at PEER_PORT: a TCP connection is accepted (the
// handshake seen), or a datagram gets a reply (or at least no ICMP port
// unreachable)? 1 if so; else the reason is said.
static int on_the_wire(struct tcase *t, const char *prog)
{
	const struct wpkt *p;
	char got[2048];
	if (type_of(prog) == SOCK_STREAM) {
		int s = peer_tcp_connect();
		if (s >= 0)
			close(s);
		else
			say(t, "connecting to port %d was refused: %s does not listen there",
			    PEER_PORT, prog);
		return s >= 0;
	}
	if (peer_udp_ask("port check", got, sizeof got, 300) >= 0)
		return 1;
	wire_collect(t->wire);
	for (size_t i = 0; i < t->wire->n; i++) {
		p = &t->wire->pkts[i];
		if (p->proto == W_ICMP && p->dport == PEER_PORT) {
			say(t, "a datagram to port %d got an ICMP port unreachable: no socket of %s "
			    "is bound there", PEER_PORT, prog);
			return 0;
		}
	}
	return 1;  // bound, silent: the reply tests judge that
}

void server_port(struct tcase *t, const char *prog)
{
	struct jail j;
	char line[256] = "";
	int port = -1;
	if (start_server(t, prog, &j) < 0)
		return;
	if (jail_wait_line(&j, READY, line, sizeof line, 100) == 0)
		sscanf(line, READY " %d", &port);
	if (port == swap16(PEER_PORT)) {
		say(t, "asked for port %d, %s said \"%s\", though its socket has port %d: %d is "
		    "%d with its two bytes swapped, so the port was printed as it is stored (in "
		    "network byte order): print ntohs() of it", PEER_PORT, prog, line, PEER_PORT,
		    port, PEER_PORT);
		return;
	}
	if (port != PEER_PORT) {
		say(t, "asked for port %d, %s said \"%s\": print the port the socket "
		    "has, in host byte order (ntohs)", PEER_PORT, prog, line);
		return;
	}
	if (!on_the_wire(t, prog)) {
		say_server(t, prog, &j);
		return;
	}
	t->pass = 1;
}

static void udpserver_port(struct tcase *t) { server_port(t, "UDPServer"); }
static void tcpserver_port(struct tcase *t) { server_port(t, "TCPServer"); }

static const struct {
	const char *name;
	test_fn fn;
} tests[] = {
	{ "udpclient_reply", udpclient_reply },
	{ "udpclient_datagram", udpclient_datagram },
	{ "udpclient_port", udpclient_port },
	{ "udpserver_reply", udpserver_reply },
	{ "udpserver_address", udpserver_address },
	{ "udpserver_clients", udpserver_clients },
	{ "udpserver_port", udpserver_port },
	{ "tcpclient_reply", tcpclient_reply },
	{ "tcpclient_handshake", tcpclient_handshake },
	{ "tcpclient_sentence", tcpclient_sentence },
	{ "tcpserver_reply", tcpserver_reply },
	{ "tcpserver_close", tcpserver_close },
	{ "tcpserver_clients", tcpserver_clients },
	{ "tcpserver_port", tcpserver_port },
};

// The function of the test called name (a lab test or an extension
// test), or NULL.
static test_fn find(const char *name)
{
	for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
		if (strcmp(tests[i].name, name) == 0)
			return tests[i].fn;
	return gtest_ext_find(name);
}

int gtest_exists(const char *name)
{
	return find(name) != NULL;
}

void gtest_run(struct tcase *t)
{
	test_fn fn = find(t->name);
	t->pass = 0;
	t->msg[0] = client_note[0] = '\0';
	if (fn == NULL) {
		say(t, "grader: no test called %s", t->name);
		return;
	}
	fn(t);
	if (!t->pass && client_note[0] != '\0')
		say(t, "%s%s", client_note[0] == '\n' ? "" : "\n  ", client_note);
}
