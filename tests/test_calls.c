// test_calls.c: the socket calls `socktrace run` records (calls.h) on real
// runs of the solutions, checked through its --json output and its text,
// ladder and Mermaid forms: each call's return value and data, its tie
// to the packets it sent, the order of calls and packets in time, the
// notes that state what the calls show (bind(), send() split or joined,
// the call that sent each FIN, the roles where the ports do not tell),
// getaddrinfo's probe sockets left out, a
// forking server, a multi-threaded program, programs that end mid-call,
// escapes, and the one-line fallback where ptrace is refused.
// Times are the machine's, so the checks are on order, not on values.
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

#define MAX_LINES 256

// One line of --json output: a packet or a call record.
struct rec {
	int is_call;
	char event[32], program[40], call[24], payload[128], bytes[128], flags[32];
	char unfinished[80], errno_name[32];
	long id, pid, ret, cause_id;  // cause_id: the packet's "call" id, or -1
	char cause_prog[40], cause_call[24];
	int cause_in_progress;
	int sport, dport, has_ret;
	double ts, ts_enter;
};

struct result {
	int status;
	char out[1 << 17];
	char err[16384];
	struct rec r[MAX_LINES];
	int n;
};

static struct result res;

// Copy the JSON string value of key (first found after from) into buf;
// escapes are kept as written. 1, or 0 if absent or not a string.
static int json_str(const char *from, const char *key, char *buf, size_t size)
{
	char pat[48];
	snprintf(pat, sizeof pat, "\"%s\":\"", key);
	const char *p = strstr(from, pat);
	size_t n = 0;
	buf[0] = '\0';
	if (p == NULL)
		return 0;
	for (p += strlen(pat); *p && *p != '"' && n + 2 < size; ) {
		if (*p == '\\' && p[1])
			buf[n++] = *p++;
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	return 1;
}

// The JSON number of key in line, or def when absent or null.
static double json_num(const char *line, const char *key, double def)
{
	char pat[48];
	snprintf(pat, sizeof pat, "\"%s\":", key);
	const char *p = strstr(line, pat);
	if (p == NULL || !strncmp(p + strlen(pat), "null", 4))
		return def;
	return strtod(p + strlen(pat), NULL);
}

// Fill one record from a JSON line.
static void parse_line(const char *line, struct rec *e)
{
	memset(e, 0, sizeof *e);
	e->is_call = strncmp(line, "{\"event\":\"call\"", 15) == 0;
	json_str(line, "event", e->event, sizeof e->event);
	e->ts = json_num(line, "ts", -1);
	if (e->is_call) {
		json_str(line, "program", e->program, sizeof e->program);
		json_str(line, "call", e->call, sizeof e->call);
		json_str(line, "bytes", e->bytes, sizeof e->bytes);
		json_str(line, "unfinished", e->unfinished, sizeof e->unfinished);
		json_str(line, "errno", e->errno_name, sizeof e->errno_name);
		e->id = (long)json_num(line, "id", -1);
		e->pid = (long)json_num(line, "pid", -1);
		e->has_ret = json_num(line, "ret", -99999) != -99999;
		e->ret = (long)json_num(line, "ret", -1);
		e->ts_enter = json_num(line, "ts_enter", -1);
		return;
	}
	json_str(line, "payload", e->payload, sizeof e->payload);
	json_str(line, "flags", e->flags, sizeof e->flags);
	e->sport = (int)json_num(line, "sport", -1);
	e->dport = (int)json_num(line, "dport", -1);
	const char *c = strstr(line, "\"call\":{");
	e->cause_id = c ? (long)json_num(c, "id", -1) : -1;
	if (c) {
		json_str(c, "program", e->cause_prog, sizeof e->cause_prog);
		json_str(c + 8, "call", e->cause_call, sizeof e->cause_call);
		e->cause_in_progress = strstr(c, "\"in_progress\":true") != NULL;
	}
}

// Split r->out into records.
static void parse(struct result *r)
{
	char *save, *line;
	static char copy[sizeof r->out];
	memcpy(copy, r->out, sizeof copy);
	r->n = 0;
	for (line = strtok_r(copy, "\n", &save); line && r->n < MAX_LINES;
	     line = strtok_r(NULL, "\n", &save))
		if (line[0] == '{')
			parse_line(line, &r->r[r->n++]);
}

// Read both pipes of p to their end (at most timeout_ms) into r.
static void collect(struct proc *p, struct result *r, int timeout_ms)
{
	size_t lens[2] = { 0, 0 };
	char *bufs[2] = { r->out, r->err };
	size_t caps[2] = { sizeof r->out, sizeof r->err };
	int fds[2] = { p->out, p->err };
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (fds[0] >= 0 || fds[1] >= 0) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		long left = timeout_ms - ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
		struct pollfd pfd[2] = { { fds[0], POLLIN, 0 }, { fds[1], POLLIN, 0 } };
		if (left <= 0 || poll(pfd, 2, (int)left) <= 0)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i] < 0 || !pfd[i].revents)
				continue;
			char scratch[4096];
			size_t room = caps[i] - 1 - lens[i];
			ssize_t n = read(fds[i], room ? bufs[i] + lens[i] : scratch, room ? room : sizeof scratch);
			if (n <= 0)
				fds[i] = -1;
			else if (room)
				lens[i] += (size_t)n;
		}
	}
	r->out[lens[0]] = '\0';
	r->err[lens[1]] = '\0';
}

// Run socktrace with the NULL-terminated argv (argv[0] is replaced by its
// path) and parse its output into r.
static void run_argv(struct result *r, char **argv)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s", harness_path("socktrace"));
	if (strcmp(argv[0], "socktrace") == 0)
		argv[0] = path;
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	collect(&p, r, 30000);
	r->status = proc_wait(&p, 5000);
	proc_kill(&p);
	parse(r);
	if (r->status != 0)
		print_message("socktrace exited with %d; stderr:\n%s\n", r->status, r->err);
}

// run_argv with the arguments given in a list ending with NULL.
static void socktrace(struct result *r, ...)
{
	char *argv[40] = { "socktrace" };
	int n = 1;
	va_list ap;
	va_start(ap, r);
	char *a;
	while ((a = va_arg(ap, char *)) != NULL && n < 39)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	run_argv(r, argv);
}

// The first call record of program's call name from index from on, or -1.
static int find_call(const struct result *r, const char *program, const char *name, int from)
{
	for (int i = from < 0 ? 0 : from; i < r->n; i++)
		if (r->r[i].is_call && !strcmp(r->r[i].program, program) && !strcmp(r->r[i].call, name))
			return i;
	return -1;
}

// The first packet of event ev from index from on, or -1.
static int find_packet(const struct result *r, const char *ev, int from)
{
	for (int i = from < 0 ? 0 : from; i < r->n; i++)
		if (!r->r[i].is_call && !strcmp(r->r[i].event, ev))
			return i;
	return -1;
}

static char udps[1024], udpc[1024], tcps[1024], tcpc[1024], e4[1024], threads[1024], bindc[1024];

static void paths(void)
{
	snprintf(udps, sizeof udps, "%s", harness_path("solutions/UDPServer"));
	snprintf(udpc, sizeof udpc, "%s", harness_path("solutions/UDPClient"));
	snprintf(tcps, sizeof tcps, "%s", harness_path("solutions/TCPServer"));
	snprintf(tcpc, sizeof tcpc, "%s", harness_path("solutions/TCPClient"));
	snprintf(e4, sizeof e4, "%s", harness_path("solutions/extensions/TCPServerConcurrent"));
	snprintf(threads, sizeof threads, "%s", harness_path("tests/calls_threads"));
	snprintf(bindc, sizeof bindc, "%s", harness_path("tests/calls_bind"));
}

// UDP: the client's sendto() returns the sentence's length and sent the
// request while in progress; the server's recvfrom() returned it, its
// sendto() sent the reply.
static void test_udp_calls(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--input", "calls udp", "--", udps, "0", "--",
	          udpc, "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int q = find_packet(&res, "udp-request", 0), a = find_packet(&res, "udp-reply", 0);
	int cs = find_call(&res, "UDPClient", "sendto", 0);
	int sr = find_call(&res, "UDPServer", "recvfrom", 0);
	int ss = find_call(&res, "UDPServer", "sendto", 0);
	int cr = find_call(&res, "UDPClient", "recvfrom", 0);
	assert_true(q >= 0 && a > q && cs >= 0 && sr >= 0 && ss >= 0 && cr >= 0);
	const struct rec *R = res.r;
	assert_int_equal(R[cs].ret, 9);
	assert_string_equal(R[cs].bytes, "calls udp");
	assert_int_equal(R[q].cause_id, R[cs].id);
	assert_true(R[q].cause_in_progress);
	assert_string_equal(R[q].cause_prog, "UDPClient");
	assert_true(R[cs].ts_enter <= R[q].ts && R[q].ts <= R[cs].ts);
	assert_int_equal(R[sr].ret, 9);
	assert_string_equal(R[sr].bytes, "calls udp");
	assert_true(R[sr].ts >= R[q].ts);
	assert_int_equal(R[ss].ret, 9);
	assert_int_equal(R[a].cause_id, R[ss].id);
	assert_string_equal(R[a].cause_call, "sendto");
	assert_int_equal(R[cr].ret, 9);
	assert_string_equal(R[cr].bytes, "CALLS UDP");
	assert_true(R[cr].ts >= R[a].ts);
	for (int i = 1; i < res.n; i++)  // one timeline, in order
		assert_true(R[i].ts >= R[i - 1].ts);
	// The notes state what the calls show, not what the port suggests.
	char fact[160];
	snprintf(fact, sizeof fact, "the client never called bind() (traced): the OS picked "
	         "port %d at its first sendto()", R[q].sport);
	assert_non_null(strstr(res.out, fact));
	assert_non_null(strstr(res.out, "the whole of one sendto() of 9 bytes (traced)"));
	assert_null(strstr(res.out, "most likely the client never called bind()"));
}

// A client that bound its port before it sent (tests/calls_bind.c): the
// note says so, as a fact, where a capture alone suggests the opposite.
static void test_bound_client(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--", udps, "0", "--", bindc, "udp", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int q = find_packet(&res, "udp-request", 0);
	assert_true(q >= 0);
	char fact[160];
	snprintf(fact, sizeof fact, "the client called bind(4, 127.0.0.1:%d) before it sent "
	         "(traced): its source port %d is the one it asked for", res.r[q].sport,
	         res.r[q].sport);
	assert_non_null(strstr(res.out, fact));
	assert_null(strstr(res.out, "never called bind()"));
}

// The same over TCP, with one send() of 100000 bytes: the SYN's note
// names the bind(); each data segment is part of that one call's bytes.
static void test_bound_tcp_split(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--", tcps, "0", "--", bindc, "tcp", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int h1 = find_packet(&res, "handshake-1", 0), d = find_packet(&res, "data", 0);
	assert_true(h1 >= 0 && d > h1);
	char fact[160];
	snprintf(fact, sizeof fact, "the client called bind(4, 127.0.0.1:%d) before it "
	         "connected (traced)", res.r[h1].sport);
	assert_non_null(strstr(res.out, fact));
	assert_null(strstr(res.out, "never called bind()"));
	assert_string_equal(res.r[d].cause_call, "sendto");
	assert_true(res.r[d].cause_in_progress);
	assert_non_null(strstr(res.out, "part of its sendto() of 100000 bytes (traced, in progress): "
	                                "TCP split that one call's bytes"));
}

// As a plain user (nobody, when we are root): socktrace is then the
// parent and tracer inside its unprivileged user namespace.
static void test_plain_user(void **state)
{
	(void)state;
	if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0) {
		print_message("skipped: needs root and setpriv to become nobody\n");
		skip();
	}
	char *argv[] = { "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
	                 (char *)harness_path("socktrace"), "run", "--json", "--input", "plain",
	                 "--", udps, "0", "--", udpc, "127.0.0.1", "{port}", NULL };
	run_argv(&res, argv);
	if (res.status != 0 && strstr(res.err, "ermission denied")) {
		print_message("skipped: nobody cannot run programs from this build tree\n");
		skip();
	}
	assert_int_equal(res.status, 0);
	int cs = find_call(&res, "UDPClient", "sendto", 0), q = find_packet(&res, "udp-request", 0);
	assert_true(cs >= 0 && q >= 0);
	assert_int_equal(res.r[q].cause_id, res.r[cs].id);
}

// TCP: connect() entered before the SYN and returned after the SYN-ACK;
// accept() returned after the third segment; the client's shutdown()
// sent its FIN, the server's close() its FIN.
static void test_tcp_calls(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--input", "calls tcp", "--", tcps, "0", "--",
	          tcpc, "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	const struct rec *R = res.r;
	int h1 = find_packet(&res, "handshake-1", 0), h2 = find_packet(&res, "handshake-2", 0);
	int h3 = find_packet(&res, "handshake-3", 0);
	int co = find_call(&res, "TCPClient", "connect", 0), ac = find_call(&res, "TCPServer", "accept", 0);
	if (ac < 0)
		ac = find_call(&res, "TCPServer", "accept4", 0);
	assert_true(h1 >= 0 && h2 > h1 && h3 > h2 && co >= 0 && ac >= 0);
	assert_int_equal(R[co].ret, 0);
	assert_true(R[co].ts_enter < R[h1].ts && R[co].ts > R[h2].ts);
	assert_int_equal(R[h1].cause_id, R[co].id);
	assert_true(R[ac].ret >= 0 && R[ac].ts > R[h3].ts && R[ac].ts_enter < R[h1].ts);
	char fact[160];
	snprintf(fact, sizeof fact, "the client never called bind() (traced): the OS picked "
	         "port %d at its connect()", R[h1].sport);
	assert_non_null(strstr(res.out, fact));
	int f1 = find_packet(&res, "fin", 0), f2 = find_packet(&res, "fin", f1 + 1);
	assert_true(f1 >= 0 && f2 > f1);
	assert_string_equal(R[f1].cause_prog, "TCPClient");
	assert_string_equal(R[f1].cause_call, "shutdown");
	assert_string_equal(R[f2].cause_prog, "TCPServer");
	assert_string_equal(R[f2].cause_call, "close");
	int d = find_packet(&res, "data", 0);
	assert_true(d >= 0);
	assert_string_equal(R[d].cause_call, "sendto");
}

// E4's forking server: each client's recv(), send() and close() are made
// by a child process, and the child's close() sends the server's FIN.
static void test_forking_server(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--input", "one", "--input", "two", "--", e4, "0", "--",
	          tcpc, "127.0.0.1", "{port}", "--", tcpc, "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	const struct rec *R = res.r;
	int ac = find_call(&res, "TCPServerConcurrent", "accept", 0);
	if (ac < 0)
		ac = find_call(&res, "TCPServerConcurrent", "accept4", 0);
	assert_true(ac >= 0);
	long parent = R[ac].pid;
	int children = 0, child_fins = 0;
	for (int i = 0; i < res.n; i++) {
		if (R[i].is_call && !strcmp(R[i].program, "TCPServerConcurrent") &&
		    !strcmp(R[i].call, "sendto") && R[i].pid != parent)
			children++;
		if (!R[i].is_call && !strcmp(R[i].event, "fin") &&
		    !strcmp(R[i].cause_prog, "TCPServerConcurrent")) {
			for (int j = 0; j < res.n; j++)
				if (R[j].is_call && R[j].id == R[i].cause_id && R[j].pid != parent &&
				    !strcmp(R[j].call, "close"))
					child_fins++;
		}
	}
	assert_int_equal(children, 2);
	assert_int_equal(child_fins, 2);
}

// Two threads send a datagram each; each packet names its thread's
// sendto(); a third thread's recv() never returns: the program exits.
static void test_threads(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--", threads, "9", NULL);
	assert_int_equal(res.status, 0);
	const struct rec *R = res.r;
	int s1 = find_call(&res, "calls_threads", "sendto", 0);
	int s2 = find_call(&res, "calls_threads", "sendto", s1 + 1);
	assert_true(s1 >= 0 && s2 > s1);
	assert_int_not_equal(R[s1].pid, R[s2].pid);
	int matched = 0;
	for (int i = 0; i < res.n; i++)
		if (!R[i].is_call && !strcmp(R[i].event, "udp-request")) {
			int s = !strcmp(R[i].payload, R[s1].bytes) ? s1 : s2;
			assert_string_equal(R[i].payload, R[s].bytes);
			assert_int_equal(R[i].cause_id, R[s].id);
			matched++;
		}
	assert_int_equal(matched, 2);
	int w = find_call(&res, "calls_threads", "recvfrom", 0);
	assert_true(w >= 0);
	assert_false(R[w].has_ret);
	assert_string_equal(R[w].unfinished, "the program exited with status 0");
}

// A UDP client with no server, stopped by --timeout while in recvfrom():
// the call is recorded as unfinished, with the signal that ended it.
static void test_killed_mid_call(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--timeout", "1", "--input", "anyone", "--", udpc,
	          "127.0.0.1", "12000", NULL);
	assert_int_equal(res.status, 0);
	int w = find_call(&res, "UDPClient", "recvfrom", 0);
	assert_true(w >= 0);
	assert_false(res.r[w].has_ret);
	assert_non_null(strstr(res.r[w].unfinished, "killed by signal 15"));
}

// The text listing: the call's entry, the packet it sent with the note
// naming it, then its return; the ladder and Mermaid draw the call on the
// client's side before the request.
static void test_text_ladder_mermaid(void **state)
{
	(void)state;
	socktrace(&res, "run", "--ladder", "--input", "text", "--", udps, "0", "--", udpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	char *enter = strstr(res.out, "] sendto(3, \"text\", 4, 0, 127.0.0.1:");
	assert_non_null(enter);
	assert_non_null(strstr(enter, "[UDPClient "));  // (a later line) ...
	char *req = strstr(enter, "udp-request");
	char *note = strstr(enter, "    sent by UDPClient's sendto(3, \"text\"");
	char *ret = strstr(enter, "... sendto(3) = 4");
	assert_true(req && note && ret && req < note && note < ret);
	char *row = strstr(res.out, "| sendto(3, \"text\", 4, 0, 127.0.0.1:");
	char *arrow = strstr(res.out, "|-- request \"text\" (4 B)");
	assert_true(row && arrow && row < arrow);
	socktrace(&res, "run", "--mermaid", "--input", "text", "--", udps, "0", "--", udpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	char *mnote = strstr(res.out, "Note over P1: sendto(3, #34;text#34;");
	char *marrow = strstr(res.out, "P1->>P2: request");
	assert_true(mnote && marrow && mnote < marrow);
}

// The FINs' notes name the call that sent each, as the calls show it:
// TCPClient's shutdown(3, SHUT_WR) (a half-close: it still receives), the
// server's close(4) after it; the book's Python client closes first with
// close(3) (not a half-close). Nothing is left to "close() or shutdown()".
static void test_fin_notes_name_the_call(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--input", "fin", "--", tcps, "0", "--", tcpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.out, "FIN from the client, which closes first: its "
	                       "shutdown(3, SHUT_WR) (traced) says it will send no more data"));
	assert_non_null(strstr(res.out, "the server can still send, and the client still "
	                       "receives: shutdown(SHUT_WR) is a half-close"));
	assert_non_null(strstr(res.out, "FIN from the server: its close(4) (traced) closes its "
	                       "side too, after the client's FIN"));
	assert_null(strstr(res.out, "its close() or shutdown(SHUT_WR) says"));
	assert_null(strstr(res.out, "typically close()"));
	if (access("/usr/bin/python3", X_OK) != 0) {
		print_message("skipped the Python client: no /usr/bin/python3\n");
		return;
	}
	socktrace(&res, "run", "--json", "--input", "fin", "--", tcps, "0", "--", "/usr/bin/python3",
	          "tests/interop/TCPClient.py", "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.out, "FIN from the client, which closes first: its close(3) "
	                       "(traced) says it will send no more data"));
	assert_non_null(strstr(res.out, "but the client closed its socket (not a half-close): it "
	                       "cannot receive, and its kernel answers further data with RST"));
}

// A program's partial line (a prompt with no newline) is ended before a
// call is printed: the call never lands at the end of the prompt's line.
// (The pause is the program's, between its prompt and its call: what a
// client blocked on a long input does.)
static void test_prompt_line_ends_before_calls(void **state)
{
	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	socktrace(&res, "run", "--", "/usr/bin/python3", "-c",
	          "import socket, sys, time\n"
	          "sys.stdout.write('Input lowercase sentence:'); sys.stdout.flush()\n"
	          "time.sleep(0.3)\n"
	          "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 9))\n",
	          NULL);
	assert_int_equal(res.status, 0);
	const char *p = strstr(res.out, "] Input lowercase sentence:");
	assert_non_null(p);
	p += strlen("] Input lowercase sentence:");
	if (*p != '\n')
		fail_msg("the prompt's line goes on: %.120s", p);
}

// Through pipes (--pipes, and wherever the timed sockets cannot be made:
// in a user namespace), each write() of a program's output is placed at
// its entry, as the recorder sees it: a line written before a datagram is
// shown before it, however the loop's reads fall. 300 lines and datagrams
// in a row: placed by the time socktrace read them, tens came late.
static void test_pipe_output_timed_by_write(void **state)
{
	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	socktrace(&res, "run", "-q", "--pipes", "--", "/usr/bin/python3", "-c",
	          "import socket, sys\n"
	          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
	          "for i in range(300):\n"
	          "    sys.stderr.write('line %d\\n' % i); sys.stderr.flush()\n"
	          "    s.sendto(b'x', ('127.0.0.1', 9))\n",
	          NULL);
	assert_int_equal(res.status, 0);
	int sent = 0, lines = 0;
	char *save = NULL;
	for (char *l = strtok_r(res.out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		const char *text = strstr(l, " stderr] line ");
		if (text != NULL && atoi(text + strlen(" stderr] line ")) != sent)
			fail_msg("\"%s\" came after %d datagrams", l, sent);
		lines += text != NULL;
		sent += text == NULL && strstr(l, "udp-request") != NULL;
	}
	assert_int_equal(lines, 300);
	assert_int_equal(sent, 300);
}

// Where the ports do not tell the roles (both ephemeral: each server on
// port 0), the recorded calls do: the UDP client is the end whose port
// the OS picked, the server the end that called bind(); over TCP, with
// the handshake filtered out, the end that called listen() is the server.
static void test_roles_from_calls(void **state)
{
	(void)state;
	char want[200];
	socktrace(&res, "run", "--json", "--input", "roles", "--", udps, "0", "--", udpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int q = find_packet(&res, "udp-request", 0);
	assert_true(q >= 0 && res.r[q].sport >= 32768 && res.r[q].dport >= 32768);
	assert_string_equal(res.r[q].cause_prog, "UDPClient");
	snprintf(want, sizeof want, "client 127.0.0.1:%d (traced: the OS picked its port, the "
	         "other end called bind() for its own), server 127.0.0.1:%d", res.r[q].sport,
	         res.r[q].dport);
	assert_non_null(strstr(res.out, want));
	assert_null(strstr(res.out, "this is a guess"));
	socktrace(&res, "run", "--json", "--filter", "tcp[13] & 2 == 0", "--input", "roles", "--",
	          tcps, "0", "--", tcpc, "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_true(res.n > 0);
	int first = 0;
	while (first < res.n && res.r[first].is_call)
		first++;
	assert_true(first < res.n);
	assert_string_equal(res.r[first].cause_prog, "TCPClient");  // its connect()'s last ACK
	snprintf(want, sizeof want, "client 127.0.0.1:%d (traced: the other end called listen(), "
	         "or its socket came from accept())", res.r[first].sport);
	assert_non_null(strstr(res.out, want));
	assert_non_null(strstr(res.out, "the recorded calls tell which end is the client"));
	assert_null(strstr(res.out, "this is a guess"));
}

// How many calls named name program made in r.
static int count_calls(const struct result *r, const char *program, const char *name)
{
	int n = 0;
	for (int i = find_call(r, program, name, 0); i >= 0; i = find_call(r, program, name, i + 1))
		n++;
	return n;
}

// getaddrinfo()'s probes (glibc sorts the servers' two addresses, RFC
// 6724, with a UDP socket that only connect()s and getsockname()s, then
// is closed, sending nothing) are left out: each server lists the one
// socket it serves on. A UDP socket that connect()s and then sends is
// listed whole, in time order.
static void test_getaddrinfo_probe_hidden(void **state)
{
	(void)state;
	socktrace(&res, "run", "--json", "--input", "probe", "--", udps, "0", "--", udpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_int_equal(count_calls(&res, "UDPServer", "socket"), 1);
	assert_int_equal(count_calls(&res, "UDPServer", "connect"), 0);
	assert_int_equal(count_calls(&res, "UDPServer", "close"), 0);
	assert_int_equal(count_calls(&res, "UDPServer", "bind"), 1);
	assert_null(strstr(res.out, "address family 0"));
	socktrace(&res, "run", "--json", "--input", "probe", "--", tcps, "0", "--", tcpc,
	          "127.0.0.1", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_int_equal(count_calls(&res, "TCPServer", "socket"), 1);
	assert_int_equal(count_calls(&res, "TCPServer", "connect"), 0);
	assert_int_equal(count_calls(&res, "TCPServer", "listen"), 1);
	if (access("/usr/bin/python3", X_OK) != 0) {
		print_message("skipped the connected UDP client: no /usr/bin/python3\n");
		return;
	}
	socktrace(&res, "run", "--json", "--", udps, "0", "--", "/usr/bin/python3", "-c",
	          "import socket, sys\n"
	          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
	          "s.connect(('127.0.0.1', int(sys.argv[1])))\n"
	          "s.send(b'connected')\n"
	          "s.recv(100)\n", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int so = find_call(&res, "python3", "socket", 0);
	if (so < 0)  // the interpreter names itself python3.N
		for (int i = 0; i < res.n && so < 0; i++)
			if (res.r[i].is_call && !strncmp(res.r[i].program, "python3", 7) &&
			    !strcmp(res.r[i].call, "socket"))
				so = i;
	assert_true(so >= 0);
	int co = find_call(&res, res.r[so].program, "connect", so);
	int q = find_packet(&res, "udp-request", 0);
	assert_true(co > so && q > co);
	assert_string_equal(res.r[q].cause_prog, res.r[so].program);
	for (int i = 1; i < res.n; i++)  // one timeline, in order
		assert_true(res.r[i].ts >= res.r[i - 1].ts);
}

// poll() and select() on a socket are recorded (python3's select module
// makes them: pselect6 or select, and poll).
static void test_poll_select(void **state)
{
	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0) {
		print_message("skipped: no /usr/bin/python3 to make the calls\n");
		skip();
	}
	socktrace(&res, "run", "--json", "--", "/usr/bin/python3", "-c",
	          "import socket, select\n"
	          "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
	          "select.select([s], [], [], 0.05)\n"
	          "p = select.poll(); p.register(s, select.POLLIN); p.poll(50)\n", NULL);
	assert_int_equal(res.status, 0);
	int sel = -1, pol = -1;
	for (int i = 0; i < res.n; i++) {
		const struct rec *e = &res.r[i];
		if (e->is_call && (!strcmp(e->call, "select") || !strcmp(e->call, "pselect6")))
			sel = i;
		if (e->is_call && (!strcmp(e->call, "poll") || !strcmp(e->call, "ppoll")))
			pol = i;
	}
	assert_true(sel >= 0 && pol > sel);
	assert_int_equal(res.r[sel].ret, 0);  // timed out: nothing came
	assert_int_equal(res.r[pol].ret, 0);
	assert_non_null(strstr(res.out, "\"fd\":null,\"args\":\"[{3, POLLIN}], 1, 50\""));
}

// Two send()s held back by TCP_CORK leave as one segment when the cork
// is pulled: the segment names the second send(), which had returned.
static void test_sent_after_return(void **state)
{
	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0) {
		print_message("skipped: no /usr/bin/python3 for the corked client\n");
		skip();
	}
	socktrace(&res, "run", "--json", "--", tcps, "0", "--", "/usr/bin/python3", "-c",
	          "import socket, sys\n"
	          "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n"
	          "s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)\n"
	          "s.send(b'hel'); s.send(b'lo')\n"
	          "s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)\n"
	          "s.shutdown(socket.SHUT_WR); s.recv(100)\n", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int d = find_packet(&res, "data", 0), s2 = -1;
	for (int i = 0; i < res.n; i++)
		if (res.r[i].is_call && !strcmp(res.r[i].call, "sendto") && !strcmp(res.r[i].bytes, "lo"))
			s2 = i;
	assert_true(d >= 0 && s2 >= 0);
	assert_string_equal(res.r[d].payload, "hello");  // two send()s, one segment
	assert_int_equal(res.r[d].cause_id, res.r[s2].id);
	assert_false(res.r[d].cause_in_progress);
	assert_true(res.r[s2].ts < res.r[d].ts);
	int r = find_call(&res, "TCPServer", "recvfrom", 0);
	assert_true(r >= 0);
	assert_int_equal(res.r[r].ret, 5);  // and one recv() has both
	assert_string_equal(res.r[r].bytes, "hello");
	// The note says what the calls show: more than the last send() gave.
	assert_non_null(strstr(res.out, "5 bytes, relative seq 1 to 5: more than its last "
	                                "sendto() gave (2 bytes, traced, returned before it left)"));
}

// Data from the program is escaped: an ESC in the sentence reaches
// neither the listing nor the JSON raw.
static void test_escapes(void **state)
{
	(void)state;
	socktrace(&res, "run", "--input", "a\033[2Jb", "--", udps, "0", "--", udpc, "127.0.0.1",
	          "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_null(strchr(res.out, '\033'));
	assert_non_null(strstr(res.out, "sendto(3, \"a\\x1b[2Jb\""));
}

// The top-level keys of JSON object line, comma-separated, into out.
static void json_keys(const char *line, char *out, size_t size)
{
	int depth = 0, in_str = 0, key_start = -1;
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; line[i]; i++) {
		char ch = line[i];
		if (in_str) {
			if (ch == '\\' && line[i + 1])
				i++;
			else if (ch == '"') {
				in_str = 0;
				if (depth == 1 && key_start >= 0 && line[i + 1] == ':')
					n += (size_t)snprintf(out + n, size - n, "%s%.*s", n ? "," : "",
					                      i - key_start, line + key_start);
			}
			continue;
		}
		if (ch == '"') {
			in_str = 1;
			key_start = i + 1;
		} else if (ch == '{' || ch == '[') {
			depth++;
		} else if (ch == '}' || ch == ']') {
			depth--;
		}
	}
}

// The JSON schema (README): every key of call records and packets, in
// order, on a run whose events are all one program's (so their order is
// fixed): socket(), the SYN connect() sent, the RST, connect()'s return
// with ECONNREFUSED, close().
static void test_json_schema(void **state)
{
	(void)state;
	static const char call_keys[] = "event,id,program,pid,call,fd,args,ret,errno,ts_enter,"
	                                "ts,addr,bytes,unfinished";
	static const char packet_keys[] = "n,ts,link,caplen,wirelen,ip_version,src,sport,dst,"
	        "dport,proto,ip_proto,length,flags,seq,ack,rel_seq,rel_ack,window,window_scaled,"
	        "icmp_type,icmp_code,payload,event,conv,from,client,server,note,notes,summary,"
	        "stopped,call";
	socktrace(&res, "run", "--json", "--input", "x", "--", tcpc, "127.0.0.1", "12000", NULL);
	assert_int_equal(res.status, 0);
	char *save, *line, keys[1024];
	static char copy[sizeof res.out];
	memcpy(copy, res.out, sizeof copy);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_keys(line, keys, sizeof keys);
		assert_string_equal(keys, strncmp(line, "{\"event\":\"call\"", 15) ? packet_keys : call_keys);
	}
	static const char *const want[] = { "call socket", "handshake-1 connect", "rst -",
	                                    "call connect", "call close" };
	assert_int_equal(res.n, 5);
	for (int i = 0; i < 5; i++) {
		char got[64];
		const struct rec *e = &res.r[i];
		snprintf(got, sizeof got, "%s %s", e->event, e->is_call ? e->call :
		         e->cause_id < 0 ? "-" : e->cause_call);
		assert_string_equal(got, want[i]);
	}
	assert_int_equal(res.r[0].ret, 3);
	assert_int_equal(res.r[3].ret, -1);
	assert_string_equal(res.r[3].errno_name, "ECONNREFUSED");
	assert_true(res.r[3].ts_enter < res.r[1].ts && res.r[3].ts > res.r[2].ts);
	assert_non_null(strstr(res.out, "\"args\":\"3, 127.0.0.1:12000\""));
}

// In the child: forbid ptrace (or, with no_filters, installing seccomp
// filters: prctl(PR_SET_SECCOMP)) with EPERM through a seccomp filter, as
// a sandbox's profile does, then exec argv.
static void exec_forbidding(char **argv, int no_filters)
{
	struct sock_filter ptrace_f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_filter seccomp_f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_prctl, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = no_filters ? 6 : 4, .filter = no_filters ? seccomp_f : ptrace_f };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)
		_exit(125);
	execv(argv[0], argv);
	_exit(127);
}

// Run socktrace on the UDP pair with ptrace (or seccomp filters)
// forbidden, into res.
static void run_forbidding(int no_filters)
{
	int out[2], err[2];
	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(err), 0);
	char *argv[] = { (char *)harness_path("socktrace"), "run", "--json", "--input", "refused",
	                 "--", udps, "0", "--", udpc, "127.0.0.1", "{port}", NULL };
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(0);
		setenv("ASAN_OPTIONS", "detect_leaks=0", 1);  // LSan needs ptrace
		exec_forbidding(argv, no_filters);
	}
	close(out[1]);
	close(err[1]);
	struct proc p = { .pid = pid, .in = -1, .out = out[0], .err = err[0] };
	collect(&p, &res, 30000);
	res.status = proc_wait(&p, 5000);
	proc_kill(&p);
	parse(&res);
}

// Where ptrace is refused: one line says the calls are not recorded and
// why, and the run goes on with the packets (their "call" null).
static void test_ptrace_refused(void **state)
{
	(void)state;
	run_forbidding(0);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 0);
	const char *line = strstr(res.err, "the programs' calls are not recorded: ptrace: Operation not permitted");
	assert_non_null(line);
	assert_null(strstr(line + 30, "calls are not recorded"));  // said once
	int packets = 0;
	for (int i = 0; i < res.n; i++) {
		assert_false(res.r[i].is_call);
		assert_int_equal(res.r[i].cause_id, -1);
		packets += !strcmp(res.r[i].event, "udp-request") || !strcmp(res.r[i].event, "udp-reply");
	}
	assert_int_equal(packets, 2);
	assert_non_null(strstr(res.out, "\"call\":null"));
	// No calls: the notes infer, as from a capture file.
	assert_non_null(strstr(res.out, "most likely the client never called bind()"));
	assert_null(strstr(res.out, "(traced)"));
}

// Where the children may not install a seccomp filter: said once; the
// server (refused first) and the client are run untraced, the packets
// shown with their "call" null.
static void test_seccomp_refused(void **state)
{
	(void)state;
	run_forbidding(1);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 0);
	const char *line = strstr(res.err, "the programs' calls are not recorded: seccomp: Operation not permitted");
	assert_non_null(line);
	assert_null(strstr(line + 30, "calls are not recorded"));
	int packets = 0;
	for (int i = 0; i < res.n; i++) {
		assert_false(res.r[i].is_call);
		packets += !strcmp(res.r[i].event, "udp-request") || !strcmp(res.r[i].event, "udp-reply");
	}
	assert_int_equal(packets, 2);
}

// As root under Docker's default profile (tests/dockersim: no namespaces
// for socktrace, ptrace allowed): socktrace traces the container's own
// loopback, and the calls are recorded there too.
static void test_docker_root(void **state)
{
	(void)state;
	static char sim[4096], st[4096];
	snprintf(sim, sizeof sim, "%s", harness_path("tests/dockersim"));
	snprintf(st, sizeof st, "%s", harness_path("socktrace"));
	if (geteuid() != 0 || access(sim, X_OK) != 0) {
		print_message("skipped: dockersim needs root and %s\n", sim);
		skip();
	}
	// LeakSanitizer cannot work in a traced program (as run_forbidding).
	const char *asan = getenv("ASAN_OPTIONS");
	char saved[512];
	snprintf(saved, sizeof saved, "%s", asan ? asan : "");
	setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
	char *argv[] = { sim, st, "run", "--json", "--input", "docker", "--", udps, "0", "--",
	                 udpc, "127.0.0.1", "{port}", NULL };
	run_argv(&res, argv);
	if (asan)
		setenv("ASAN_OPTIONS", saved, 1);
	else
		unsetenv("ASAN_OPTIONS");
	if (!WIFEXITED(res.status) || WEXITSTATUS(res.status) != 0)
		print_message("status %d, stderr:\n%s\n", res.status, res.err);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 0);
	assert_non_null(strstr(res.err, "this is a container (a seccomp filter refuses unshare()); "
	                       "tracing the container's own loopback instead"));
	assert_null(strstr(res.err, "calls are not recorded"));
	int cs = find_call(&res, "UDPClient", "sendto", 0), q = find_packet(&res, "udp-request", 0);
	assert_true(cs >= 0 && q >= 0);
	assert_int_equal(res.r[q].cause_id, res.r[cs].id);
	assert_string_equal(res.r[cs].bytes, "docker");
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	return 0;
}

int main(void)
{
	paths();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_udp_calls, teardown),
		cmocka_unit_test_teardown(test_tcp_calls, teardown),
		cmocka_unit_test_teardown(test_bound_client, teardown),
		cmocka_unit_test_teardown(test_bound_tcp_split, teardown),
		cmocka_unit_test_teardown(test_plain_user, teardown),
		cmocka_unit_test_teardown(test_forking_server, teardown),
		cmocka_unit_test_teardown(test_threads, teardown),
		cmocka_unit_test_teardown(test_killed_mid_call, teardown),
		cmocka_unit_test_teardown(test_text_ladder_mermaid, teardown),
		cmocka_unit_test_teardown(test_escapes, teardown),
		cmocka_unit_test_teardown(test_poll_select, teardown),
		cmocka_unit_test_teardown(test_fin_notes_name_the_call, teardown),
		cmocka_unit_test_teardown(test_prompt_line_ends_before_calls, teardown),
		cmocka_unit_test_teardown(test_pipe_output_timed_by_write, teardown),
		cmocka_unit_test_teardown(test_roles_from_calls, teardown),
		cmocka_unit_test_teardown(test_getaddrinfo_probe_hidden, teardown),
		cmocka_unit_test_teardown(test_sent_after_return, teardown),
		cmocka_unit_test_teardown(test_json_schema, teardown),
		cmocka_unit_test_teardown(test_ptrace_refused, teardown),
		cmocka_unit_test_teardown(test_seccomp_refused, teardown),
		cmocka_unit_test_teardown(test_docker_root, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
