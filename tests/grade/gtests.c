// gtests.c: the grading tests (see gtests.h and the table in tests.tab).
#include "gtests.h"
#include "peers.h"
#include "sandbox.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

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

void describe(struct tcase *t, const char *prog, const struct jail *j)
{
	char buf[600];
	say(t, "\n  %s %s", prog, jail_how(j));
	if (j->e.len > 0)
		say(t, "\n  its stderr: %s", escape(j->e.data, j->e.len, buf, 400));
	if (j->o.len > 0)
		say(t, "\n  its stdout: %s", escape(j->o.data, j->o.len, buf, 400));
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
	return 0;
}

int start_server(struct tcase *t, const char *prog, struct jail *j)
{
	return start_server_with(t, prog, &run_limits, j);
}

int run_client(struct tcase *t, const char *prog, struct jail *j, const char *input,
               int timeout_ms)
{
	char dir[4200], exe[64];
	snprintf(dir, sizeof dir, "%s/%s", t->bindir, prog);
	snprintf(exe, sizeof exe, "/sandbox/%s", prog);
	char *argv[] = { exe, (char *)peer_host_text(), (char *)peer_port_text(), NULL };
	if (jail_start(j, dir, argv, &run_limits) < 0) {
		say(t, "grader: cannot start %s", prog);
		return -1;
	}
	jail_input(j, input);
	if (jail_finish(j, timeout_ms) < 0) {
		say(t, "%s did not finish within %d s", prog, timeout_ms / 1000);
		describe(t, prog, j);
		return -1;
	}
	return 0;
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

// The client's output test: exit status 0 and the expected line.
static void client_output(struct tcase *t, const char *prog, const char *input,
                          const char *want)
{
	struct jail j;
	if (run_client(t, prog, &j, input, 4000) < 0)
		return;
	if (!has_line(&j.o, want)) {
		say(t, "%s's output has no line \"%s\"", prog, want);
		describe(t, prog, &j);
		return;
	}
	if (!WIFEXITED(j.status) || WEXITSTATUS(j.status) != 0) {
		say(t, "%s printed the reply but then", prog);
		describe(t, prog, &j);
		return;
	}
	t->pass = 1;
}

// ---- UDPClient, against the reference UDP server -------------------------

#define UDP_SENTENCE "socket programming with udp, 2.7.1"
#define UDP_REPLY    "SOCKET PROGRAMMING WITH UDP, 2.7.1"

// Run UDPClient once against the reference server (for the wire tests).
static int udpclient_once(struct tcase *t)
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
	return 0;
}

static void udpclient_reply(struct tcase *t)
{
	if (peer_udp_server() < 0) {
		say(t, "grader: cannot start the reference UDP server");
		return;
	}
	client_output(t, "UDPClient", UDP_SENTENCE "\n", UDP_REPLY);
}

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

// Say where the datagrams went if none reached the server's port.
static void say_misdirected(struct tcase *t, const struct wire *w)
{
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (p->proto == W_UDP && p->dport != PEER_PORT) {
			say(t, "\n  a datagram went to port %d instead: is the port in network "
			    "byte order (htons)?", p->dport);
			return;
		}
	}
	say(t, "\n  no datagram was sent at all");
}

static void udpclient_datagram(struct tcase *t)
{
	const struct wpkt *p;
	char buf[400];
	if (udpclient_once(t) < 0)
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
	const struct wpkt *p = NULL;
	int lo, hi;
	if (udpclient_once(t) < 0)
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
		jail_kill(&j);
		describe(t, "UDPServer", &j);
		return;
	}
	(void)n;  // the wire is judged, wherever the reply went
	if (p->len != strlen(UDPS_REPLY) || memcmp(p->payload, UDPS_REPLY, p->len) != 0) {
		say(t, "the reply was \"%s\" (%zu bytes); expected \"" UDPS_REPLY "\" (%zu bytes)",
		    escape((char *)p->payload, p->len, buf, sizeof buf), p->len,
		    strlen(UDPS_REPLY));
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
		if (n < 0 || strcmp(got, want[i]) != 0) {
			say(t, "client %d (\"%s\") got %s%s%s", i + 1, ask[i],
			    n < 0 ? "no reply within 2 s" : "\"",
			    n < 0 ? "" : escape(got, (size_t)n, buf, sizeof buf), n < 0 ? "" : "\"");
			if (jail_pump(&j, 0) == 0)
				describe(t, "UDPServer", &j);
			return;
		}
	}
	t->pass = 1;
}

// ---- TCPClient, against the reference TCP server -------------------------

#define TCP_SENTENCE "socket programming with tcp, 2.7.2"
#define TCP_REPLY    "From Server: SOCKET PROGRAMMING WITH TCP, 2.7.2"

static void tcpclient_reply(struct tcase *t)
{
	if (peer_tcp_server() < 0) {
		say(t, "grader: cannot start the reference TCP server");
		return;
	}
	client_output(t, "TCPClient", TCP_SENTENCE "\n", TCP_REPLY);
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
		say(t, "three-way handshake incomplete: %s", what[step]);
		if (step == 0)
			say_misdirected(t, w);
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

static void tcpserver_reply(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	if (start_server(t, "TCPServer", &j) < 0)
		return;
	peer_tcp_ask(TCPS_SENTENCE, strlen(TCPS_REPLY), 0, 2000, &a);
	if (strcmp(a.data, TCPS_REPLY) != 0 || a.len != strlen(TCPS_REPLY)) {
		say(t, "expected \"" TCPS_REPLY "\": ");
		say_answer(t, TCPS_SENTENCE, &a);
		if (jail_pump(&j, 0) == 0)
			describe(t, "TCPServer", &j);
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

static void tcpserver_close(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	if (start_server(t, "TCPServer", &j) < 0)
		return;
	for (int i = 0; i < 2; i++) {
		peer_tcp_ask(TCPS_SENTENCE, 0, 1, 1500, &a);
		wire_collect(t->wire);
		if (i > 0 && (!a.connected || a.len == 0))
			break;  // no second client served: tcpserver_clients says so
		if (!a.connected) {
			say_answer(t, TCPS_SENTENCE, &a);
			return;
		}
		if (!server_fin(t->wire, i) || !a.eof) {
			say(t, "client %d: after its reply the server did not close the connection "
			    "within 1.5 s (no FIN from port %d): close() each connection socket",
			    i + 1, PEER_PORT);
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
			if (jail_pump(&j, 0) == 0)
				describe(t, "TCPServer", &j);
			return;
		}
	}
	t->pass = 1;
}

void server_port(struct tcase *t, const char *prog)
{
	struct jail j;
	char line[256];
	int port = -1;
	if (start_server(t, prog, &j) < 0)
		return;
	if (jail_wait_line(&j, READY, line, sizeof line, 100) == 0)
		sscanf(line, READY " %d", &port);
	if (port != PEER_PORT) {
		say(t, "asked for port %d, %s said \"%s\": print the port the socket "
		    "has, in host byte order (ntohs)", PEER_PORT, prog, line);
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
		say(t, "\n  %s", client_note);
}
