// gtests_ext.c: the grading tests of the extension exercises
// (handouts/extensions.md; points and hints in extensions.tab): E1
// UDPCountServer, E2 UDPClientLoop, E3 UDPClientRetry, E4
// TCPServerConcurrent. Like gtests.c, each test runs one student program
// against the grader's own peers (peers.h) and judges what it prints and
// what it puts on the wire.
#include "gtests.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

// ---- E1: UDPCountServer, against the grader's client ---------------------

// A request of e1_count (len bytes of msg) and the reply it must get.
struct count_case {
	const char *msg;
	size_t len;
	const char *want;
};

static const struct count_case count_cases[] = {
	{ "Mississippi", 11, "4" },
	{ "socket Sessions", 15, "5" },
	{ "UDP", 3, "0" },
	{ "", 0, "0" },                 // an empty datagram
	{ "s\0S\xffs\n", 6, "3" },      // NUL, a byte above 127, a newline
	{ "ssssssssssss", 12, "12" },   // two digits
};

// Say what reply got (n bytes, n < 0: none) was, and what it looks like.
static void say_count_reply(struct tcase *t, const char *got, ssize_t n, const char *want)
{
	char buf[400];
	int count = atoi(want);
	uint32_t net = htonl((uint32_t)count);
	if (n < 0) {
		say(t, "no reply within 2 s");
		return;
	}
	say(t, "\"%s\" (%zd bytes)", escape(got, (size_t)n, buf, sizeof buf), n);
	if (n == 4 && (memcmp(got, &count, 4) == 0 || memcmp(got, &net, 4) == 0))
		say(t, ": the count as a binary int; send it as decimal text (\"%s\")", want);
}

static void e1_count(struct tcase *t)
{
	struct jail j;
	char got[2048], req[200];
	if (start_server(t, "UDPCountServer", &j) < 0)
		return;
	for (size_t i = 0; i < sizeof count_cases / sizeof count_cases[0]; i++) {
		const struct count_case *c = &count_cases[i];
		ssize_t n = peer_udp_ask_len(c->msg, c->len, got, sizeof got, 2000);
		if (n == (ssize_t)strlen(c->want) && memcmp(got, c->want, (size_t)n) == 0)
			continue;
		say(t, "sent \"%s\" (%zu bytes), expected the reply \"%s\", got ",
		    escape(c->msg, c->len, req, sizeof req), c->len, c->want);
		say_count_reply(t, got, n, c->want);
		say_server(t, "UDPCountServer", &j);
		return;
	}
	t->pass = 1;
}

static void e1_address(struct tcase *t)
{
	server_replies_to_sender(t, "UDPCountServer", "Mississippi");
}

static void e1_clients(struct tcase *t)
{
	static const char *const ask[] = { "first client", "second client", "third client" };
	struct jail j;
	char got[2048];
	if (start_server(t, "UDPCountServer", &j) < 0)
		return;
	for (int i = 0; i < 3; i++) {
		if (peer_udp_ask(ask[i], got, sizeof got, 2000) < 0) {
			say(t, "client %d (\"%s\") got no reply within 2 s", i + 1, ask[i]);
			say_server(t, "UDPCountServer", &j);
			return;
		}
	}
	t->pass = 1;
}

static void e1_port(struct tcase *t) { server_port(t, "UDPCountServer"); }

// ---- E2: UDPClientLoop, against the reference UDP server -----------------

#define LOOP_INPUT  "one\ntwo\nthree\n"
#define LOOP_OUTPUT PROMPT "\nONE\n" PROMPT "\nTWO\n" PROMPT "\nTHREE\n" PROMPT "\n"
#define EMPTY_INPUT  "a\n\nb\n"
#define EMPTY_OUTPUT PROMPT "\nA\n" PROMPT "\n\n" PROMPT "\nB\n" PROMPT "\n"

// Run UDPClientLoop on input against the reference server, which waits
// delay_ms before each reply. 0, or -1 with the reason said.
static int run_loop(struct tcase *t, const char *input, int delay_ms, struct jail *j)
{
	if (peer_udp_server_with(0, delay_ms) < 0) {
		say(t, "grader: cannot start the reference UDP server");
		return -1;
	}
	return run_client(t, "UDPClientLoop", j, input, 4000);
}

// Did prog print exactly want and exit 0? Says why not.
static int printed_exactly(struct tcase *t, const char *prog, const struct jail *j,
                           const char *want)
{
	char buf[400];
	if (strcmp(j->o.data, want) != 0) {
		say(t, "%s's output should be exactly \"%s\"", prog,
		    escape(want, strlen(want), buf, sizeof buf));
		describe(t, prog, j);
		return 0;
	}
	if (!WIFEXITED(j->status) || WEXITSTATUS(j->status) != 0) {
		say(t, "%s printed the replies but then", prog);
		describe(t, prog, j);
		return 0;
	}
	return 1;
}

static void e2_output(struct tcase *t)
{
	struct jail j;
	if (run_loop(t, LOOP_INPUT, 0, &j) == 0 &&
	    printed_exactly(t, "UDPClientLoop", &j, LOOP_OUTPUT))
		t->pass = 1;
}

static void e2_empty(struct tcase *t)
{
	struct jail j;
	if (run_loop(t, EMPTY_INPUT, 0, &j) == 0 &&
	    printed_exactly(t, "UDPClientLoop", &j, EMPTY_OUTPUT))
		t->pass = 1;
}

// Check the wire of three sentences: three requests from one port, each
// sent after the reply to the one before. 1, or 0 with the reason said.
static int one_port_in_turn(struct tcase *t, const struct wire *w)
{
	int n = 0, port = -1, replies = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct wpkt *p = &w->pkts[i];
		if (p->proto == W_UDP && p->sport == PEER_PORT) {
			replies++;
			continue;
		}
		if (p->proto != W_UDP || p->dport != PEER_PORT)
			continue;
		if (++n > 1 && p->sport != port) {
			say(t, "sentence %d came from port %d, sentence 1 from port %d: make the "
			    "socket once, before the loop, and send every sentence from it",
			    n, p->sport, port);
			return 0;
		}
		if (n > 1 && replies < n - 1) {
			say(t, "sentence %d was sent before the reply to sentence %d came: wait for "
			    "each reply (and print it) before reading the next line", n, n - 1);
			return 0;
		}
		port = p->sport;
	}
	if (n != 3)
		say(t, "UDPClientLoop sent %d datagrams to the server for the three lines "
		    "\"one\", \"two\", \"three\"; one each is expected", n);
	return n == 3;
}

static void e2_port(struct tcase *t)
{
	struct jail j;
	if (run_loop(t, LOOP_INPUT, 100, &j) < 0)
		return;
	wire_collect(t->wire);
	if (one_port_in_turn(t, t->wire))
		t->pass = 1;
}

// ---- E3: UDPClientRetry, against a server that loses a datagram or none --

#define RETRY_SENTENCE "say it again"
#define RETRY_REPLY    "SAY IT AGAIN"
#define RETRY_LINE(n)  "UDPClientRetry: no reply within 1 s, sending again (try " #n " of 3)"
#define GIVE_UP_LINE   "UDPClientRetry: no reply after 3 tries"

// Run UDPClientRetry against a server that ignores its first datagram.
// 0, or -1 with the reason said.
static int run_retry(struct tcase *t, struct jail *j)
{
	if (peer_udp_server_with(1, 0) < 0) {
		say(t, "grader: cannot start the reference UDP server");
		return -1;
	}
	return run_client(t, "UDPClientRetry", j, RETRY_SENTENCE "\n", 4000);
}

static void e3_retry(struct tcase *t)
{
	struct jail j;
	if (run_retry(t, &j) < 0)
		return;
	if (!has_line(&j.o, RETRY_REPLY) || !WIFEXITED(j.status) || WEXITSTATUS(j.status) != 0) {
		say(t, "the server ignored the first datagram and answered the second: "
		    "UDPClientRetry should print \"" RETRY_REPLY "\" and exit 0");
		describe(t, "UDPClientRetry", &j);
		return;
	}
	if (strstr(j.e.data, RETRY_LINE(2)) == NULL) {
		say(t, "its stderr should say \"" RETRY_LINE(2) "\"");
		describe(t, "UDPClientRetry", &j);
		return;
	}
	t->pass = 1;
}

// The first (at most max) datagrams to the server's port in w, into p;
// returns how many there are, up to max.
static size_t tries(const struct wire *w, const struct wpkt *p[], size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < w->n && n < max; i++)
		if (w->pkts[i].proto == W_UDP && w->pkts[i].dport == PEER_PORT)
			p[n++] = &w->pkts[i];
	return n;
}

// Do two datagrams carry the same bytes?
static int same_bytes(const struct wpkt *a, const struct wpkt *b)
{
	return a->len == b->len && memcmp(a->payload, b->payload, a->len) == 0;
}

static void e3_same_port(struct tcase *t)
{
	struct jail j;
	const struct wpkt *p[2];
	char a[200], b[200];
	if (run_retry(t, &j) < 0)
		return;
	wire_collect(t->wire);
	if (tries(t->wire, p, 2) < 2) {
		say(t, "the server ignored the first datagram, and no second one came");
		describe(t, "UDPClientRetry", &j);
		return;
	}
	if (p[1]->sport != p[0]->sport) {
		say(t, "the first try came from port %d, the second from port %d: send "
		    "again from the same socket", p[0]->sport, p[1]->sport);
		return;
	}
	if (!same_bytes(p[0], p[1])) {
		say(t, "the first try carried \"%s\", the second \"%s\": send the same bytes",
		    escape((char *)p[0]->payload, p[0]->len, a, sizeof a),
		    escape((char *)p[1]->payload, p[1]->len, b, sizeof b));
		return;
	}
	t->pass = 1;
}

// The datagrams to the server's port in w: 1 if there are three with the
// same bytes, about 1 s apart, else 0 with the reason said.
static int three_tries(struct tcase *t, const struct wire *w)
{
	const struct wpkt *p[4];
	size_t n = tries(w, p, 4);
	if (n != 3) {
		say(t, "%zu datagram%s went to the server's port; exactly 3 tries are expected",
		    n, n == 1 ? "" : "s");
		return 0;
	}
	for (int i = 1; i < 3; i++) {
		long long gap = p[i]->ms - p[i - 1]->ms;
		if (!same_bytes(p[i], p[0])) {
			say(t, "try %d carried other bytes than try 1: send the same bytes", i + 1);
			return 0;
		}
		if (gap < 700 || gap > 2000) {
			say(t, "try %d came %lld ms after try %d; about 1 s (1000 ms) is expected: "
			    "wait 1 s for a reply before sending again", i + 1, gap, i);
			return 0;
		}
	}
	return 1;
}

static void e3_giveup(struct tcase *t)
{
	struct jail j;
	if (run_client(t, "UDPClientRetry", &j, RETRY_SENTENCE "\n", 6000) < 0)
		return;
	wire_collect(t->wire);
	if (!three_tries(t, t->wire))
		return;
	const char *a = strstr(j.e.data, RETRY_LINE(2));
	const char *b = a ? strstr(a, RETRY_LINE(3)) : NULL;
	if (b == NULL || strstr(b, GIVE_UP_LINE) == NULL || !WIFEXITED(j.status) ||
	    WEXITSTATUS(j.status) != 1) {
		say(t, "with no server, UDPClientRetry should say \"" RETRY_LINE(2) "\", then \""
		    RETRY_LINE(3) "\", then \"" GIVE_UP_LINE "\" on stderr, and exit with status 1");
		describe(t, "UDPClientRetry", &j);
		return;
	}
	t->pass = 1;
}

// ---- E4: TCPServerConcurrent, against the grader's clients ---------------

#define CONC_SENTENCE "hello from the grader, e4"
#define CONC_REPLY    "HELLO FROM THE GRADER, E4"
#define MANY 20

// A forking server needs a process per client.
static const struct box_limits fork_limits = {
	.cpu_s = 2, .as_mb = 256, .nproc = 64, .fsize_mb = 2,
};

static int start_concurrent(struct tcase *t, struct jail *j)
{
	return start_server_with(t, "TCPServerConcurrent", &fork_limits, j);
}

// Is a the whole reply want, the connection then closed?
static int answered(const struct tcp_answer *a, const char *want)
{
	return a->eof && a->len == strlen(want) && strcmp(a->data, want) == 0;
}

static void e4_reply(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	if (start_concurrent(t, &j) < 0)
		return;
	peer_tcp_ask(CONC_SENTENCE, 0, 1, 2000, &a);
	if (!answered(&a, CONC_REPLY)) {
		say(t, "expected \"" CONC_REPLY "\", then the connection closed: ");
		say_answer(t, CONC_SENTENCE, &a);
		if (a.len > 0 && !a.eof)
			say(t, " and the connection stayed open (close the connection socket "
			    "in every process that has it)");
		say_server(t, "TCPServerConcurrent", &j);
		return;
	}
	t->pass = 1;
}

static void e4_concurrent(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	if (start_concurrent(t, &j) < 0)
		return;
	int silent = peer_tcp_connect(), half = peer_tcp_connect();
	if (half >= 0)
		send(half, "half a sen", 10, MSG_NOSIGNAL);
	peer_tcp_ask(CONC_SENTENCE, strlen(CONC_REPLY), 0, 1000, &a);
	if (silent >= 0)
		close(silent);
	if (half >= 0)
		close(half);
	if (a.len != strlen(CONC_REPLY) || strcmp(a.data, CONC_REPLY) != 0) {
		say(t, "with one client connected and silent and another stopped in the middle "
		    "of its sentence, a third client waited more than 1 s: ");
		say_answer(t, CONC_SENTENCE, &a);
		return;
	}
	t->pass = 1;
}

static void e4_slow(struct tcase *t)
{
	struct jail j;
	struct tcp_answer slow = { .connected = 1 }, other = { .connected = 1 };
	if (start_concurrent(t, &j) < 0)
		return;
	int s = peer_tcp_connect(), o = peer_tcp_connect();
	if (s < 0 || o < 0) {
		say(t, "connecting to port %d failed", PEER_PORT);
		return;
	}
	send(s, "half a sen", 10, MSG_NOSIGNAL);
	send(o, "another client", 14, MSG_NOSIGNAL);
	shutdown(o, SHUT_WR);
	peer_tcp_read(s, 10, 0, 500, &slow);  // the echo of the first half, if it streams
	send(s, "tence", 5, MSG_NOSIGNAL);
	shutdown(s, SHUT_WR);
	peer_tcp_read(s, 0, 1, 2000, &slow);
	peer_tcp_read(o, 0, 1, 2000, &other);
	close(s);
	close(o);
	if (!answered(&slow, "HALF A SENTENCE")) {
		say(t, "a client sent \"half a sen\", waited, then \"tence\" and its FIN; expected "
		    "\"HALF A SENTENCE\": ");
		say_answer(t, "half a sen...tence", &slow);
		return;
	}
	if (!answered(&other, "ANOTHER CLIENT")) {
		say(t, "meanwhile another client: ");
		say_answer(t, "another client", &other);
		return;
	}
	t->pass = 1;
}

// Connect n sockets at once (non-blocking connects) to the server. Returns
// how many were connected within timeout_ms; s[i] is -1 for the others.
static int connect_all(int s[], int n, int timeout_ms)
{
	struct sockaddr_in addr = peer_address();
	struct pollfd p[MANY];
	int done = 0;
	for (int i = 0; i < n; i++) {
		s[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (s[i] >= 0 && connect(s[i], (struct sockaddr *)&addr, sizeof addr) < 0 &&
		    errno != EINPROGRESS)
			close(s[i]), s[i] = -1;
		p[i] = (struct pollfd){ .fd = s[i], .events = POLLOUT };
	}
	long long deadline = now_ms() + timeout_ms;
	while (done < n && now_ms() < deadline &&
	       poll(p, (nfds_t)n, (int)(deadline - now_ms())) > 0)
		for (int i = 0; i < n; i++) {
			int err = 0;
			socklen_t len = sizeof err;
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			getsockopt(s[i], SOL_SOCKET, SO_ERROR, &err, &len);
			done += err == 0;
			p[i].fd = -1;  // connected, or failed for good
		}
	for (int i = 0; i < n; i++)
		if (p[i].fd >= 0 && s[i] >= 0)
			close(s[i]), s[i] = -1;  // still not connected
	return done;
}

// Send "client N" from each s[i] and read every reply until the server
// closes or timeout_ms passes, into a[i].
static void ask_all(const int s[], int n, struct tcp_answer a[], int timeout_ms)
{
	struct pollfd p[MANY];
	for (int i = 0; i < n; i++) {
		char msg[32];
		int len = snprintf(msg, sizeof msg, "client %d", i + 1);
		memset(&a[i], 0, sizeof a[i]);
		a[i].connected = s[i] >= 0;
		if (s[i] >= 0 && send(s[i], msg, (size_t)len, MSG_NOSIGNAL) == len)
			shutdown(s[i], SHUT_WR);
		p[i] = (struct pollfd){ .fd = s[i], .events = POLLIN };
	}
	long long deadline = now_ms() + timeout_ms;
	while (now_ms() < deadline && poll(p, (nfds_t)n, (int)(deadline - now_ms())) > 0)
		for (int i = 0; i < n; i++) {
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			ssize_t k = recv(s[i], a[i].data + a[i].len, sizeof a[i].data - 1 - a[i].len, 0);
			if (k > 0)
				a[i].len += (size_t)k;
			else if (k == 0 || errno != EAGAIN)
				a[i].eof = k == 0, p[i].fd = -1;
			a[i].data[a[i].len] = '\0';
		}
}

static void e4_many(struct tcase *t)
{
	static struct tcp_answer a[MANY];
	struct jail j;
	int s[MANY];
	if (start_concurrent(t, &j) < 0)
		return;
	int connected = connect_all(s, MANY, 3500);
	if (connected == MANY)
		ask_all(s, MANY, a, 2000);
	for (int i = 0; i < MANY; i++)
		if (s[i] >= 0)
			close(s[i]);
	if (connected < MANY) {
		say(t, "%d clients connected at once; only %d of them were connected within "
		    "3.5 s (a small listen() backlog, or a server that does not accept?)",
		    MANY, connected);
		return;
	}
	for (int i = 0; i < MANY; i++) {
		char want[32], sent[32];
		snprintf(sent, sizeof sent, "client %d", i + 1);
		snprintf(want, sizeof want, "CLIENT %d", i + 1);
		if (!answered(&a[i], want)) {
			say(t, "%d clients connected at once, then each sent its sentence; client "
			    "%d: ", MANY, i + 1);
			say_answer(t, sent, &a[i]);
			return;
		}
	}
	t->pass = 1;
}

// The processes of this test's pid namespace other than the test (pid 1)
// and the server: a forking server's children, exited or not. Pids are
// handed out in turn from 2, so a child forked now has the highest.
static int other_processes(pid_t server)
{
	int n = 0;
	if (box_get_mode() != BOX_NAMESPACES)  // the server's children, from /proc
		return proc_count("PPid:", server, 1 << 30);
	pid_t last = fork();
	if (last == 0)
		_exit(0);
	if (last < 0)
		return -1;
	waitpid(last, NULL, 0);
	for (pid_t p = 2; p < last; p++)
		if (p != server && (kill(p, 0) == 0 || errno == EPERM))
			n++;
	return n;
}

static void e4_reap(struct tcase *t)
{
	struct jail j;
	struct tcp_answer a;
	int left = -1;
	if (start_concurrent(t, &j) < 0)
		return;
	for (int i = 0; i < 6; i++) {
		peer_tcp_ask(CONC_SENTENCE, 0, 1, 2000, &a);
		if (!answered(&a, CONC_REPLY)) {
			say(t, "client %d of 6, one after the other: ", i + 1);
			say_answer(t, CONC_SENTENCE, &a);
			return;
		}
	}
	// A waitpid() in the accept loop reaps a child at the next client: the
	// last child or two may be left. A child never reaped stays, a zombie.
	for (long long end = now_ms() + 1000; now_ms() < end; jail_pump(&j, 20))
		if ((left = other_processes(j.pid)) <= 2)
			break;
	if (left < 0) {
		say(t, "grader: cannot count the processes (fork failed)");
		return;
	}
	if (left > 2) {
		say(t, "after 6 clients, one after the other, %d processes besides the server "
		    "were still there 1 s later: reap each child that exits with waitpid() "
		    "(a child never reaped stays, a zombie)", left);
		return;
	}
	t->pass = 1;
}

static const struct {
	const char *name;
	test_fn fn;
} tests[] = {
	{ "e1_count", e1_count },
	{ "e1_address", e1_address },
	{ "e1_clients", e1_clients },
	{ "e1_port", e1_port },
	{ "e2_output", e2_output },
	{ "e2_port", e2_port },
	{ "e2_empty", e2_empty },
	{ "e3_retry", e3_retry },
	{ "e3_same_port", e3_same_port },
	{ "e3_giveup", e3_giveup },
	{ "e4_reply", e4_reply },
	{ "e4_concurrent", e4_concurrent },
	{ "e4_slow", e4_slow },
	{ "e4_many", e4_many },
	{ "e4_reap", e4_reap },
};

test_fn gtest_ext_find(const char *name)
{
	for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
		if (strcmp(tests[i].name, name) == 0)
			return tests[i].fn;
	return NULL;
}
