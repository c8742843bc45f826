// test_run.c: `socktrace run` on real runs of the solutions, checked
// through the events of its --json output: one datagram each way for UDP,
// the TCP handshake, data and teardown, the ICMP-unreachable and RST
// scenarios, IPv6, two clients, two hosts, as root and as a plain user,
// the refusal message with its fallback, and the root privilege drop.
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <sched.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <linux/capability.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <pcap/pcap.h>

#include "harness.h"
#include "privdrop.h"

#define NOBODY 65534
#define MAX_EVENTS 64

// One packet of socktrace's --json output, the fields the tests read.
struct event {
	char event[32];
	char proto[16];
	char payload[128];
	char flags[32];
	int sport, dport, ip_version;
	double ts;
};

// What one `socktrace run` printed.
struct result {
	int status;
	char out[65536];
	char err[16384];
	struct event ev[MAX_EVENTS];
	int nev;
};

// Copy the JSON string value of key from line into buf (escapes kept
// as written, which is enough for the plain sentences used here).
// Returns 1, or 0 if the key is absent or not a string.
static int json_str(const char *line, const char *key, char *buf, size_t size)
{
	char pat[48];
	snprintf(pat, sizeof pat, "\"%s\":\"", key);
	const char *p = strstr(line, pat);
	buf[0] = '\0';
	if (p == NULL)
		return 0;
	p += strlen(pat);
	size_t n = 0;
	while (*p && *p != '"' && n + 1 < size) {
		if (*p == '\\' && p[1])
			buf[n++] = *p++;
		buf[n++] = *p++;
	}
	buf[n] = '\0';
	return 1;
}

// The JSON number value of key in line, or -1.
static int json_int(const char *line, const char *key)
{
	char pat[48];
	snprintf(pat, sizeof pat, "\"%s\":", key);
	const char *p = strstr(line, pat);
	return p ? atoi(p + strlen(pat)) : -1;
}

// Split r->out into events.
static void parse_events(struct result *r)
{
	char *save, *line;
	char copy[sizeof r->out];
	memcpy(copy, r->out, sizeof copy);
	r->nev = 0;
	for (line = strtok_r(copy, "\n", &save); line && r->nev < MAX_EVENTS;
	     line = strtok_r(NULL, "\n", &save)) {
		if (line[0] != '{' || strstr(line, "{\"event\":\"call\"") == line)
			continue;  // the programs' calls (test_calls.c checks them)
		struct event *e = &r->ev[r->nev++];
		json_str(line, "event", e->event, sizeof e->event);
		json_str(line, "proto", e->proto, sizeof e->proto);
		json_str(line, "payload", e->payload, sizeof e->payload);
		json_str(line, "flags", e->flags, sizeof e->flags);
		e->sport = json_int(line, "sport");
		e->dport = json_int(line, "dport");
		e->ip_version = json_int(line, "ip_version");
		const char *ts = strstr(line, "\"ts\":");
		e->ts = ts ? strtod(ts + 5, NULL) : -1;
	}
}

// Read both pipes of p to their end (at most timeout_ms) into r.
static void collect(struct proc *p, struct result *r, int timeout_ms)
{
	size_t lens[2] = { 0, 0 };
	char *bufs[2] = { r->out, r->err };
	size_t caps[2] = { sizeof r->out, sizeof r->err };
	int fds[2] = { p->out, p->err };
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (fds[0] >= 0 || fds[1] >= 0) {
		struct timespec t;
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
			ssize_t n = read(fds[i], room ? bufs[i] + lens[i] : scratch,
			                 room ? room : sizeof scratch);
			if (n <= 0)
				fds[i] = -1;
			else if (room)
				lens[i] += (size_t)n;
		}
	}
	r->out[lens[0]] = '\0';
	r->err[lens[1]] = '\0';
}

// Run socktrace with the NULL-terminated arguments after argv0 ("run"),
// as uid (or as ourselves if uid < 0), and parse its output into r.
static void socktrace(struct result *r, int uid, ...)
{
	char *argv[48];
	int n = 0;
	if (uid >= 0) {
		static char reuid[32], regid[32];
		snprintf(reuid, sizeof reuid, "--reuid=%d", uid);
		snprintf(regid, sizeof regid, "--regid=%d", uid);
		argv[n++] = "/usr/bin/setpriv";
		argv[n++] = reuid;
		argv[n++] = regid;
		argv[n++] = "--clear-groups";
	}
	static char path[4096];
	snprintf(path, sizeof path, "%s", harness_path("socktrace"));
	argv[n++] = path;
	va_list ap;
	va_start(ap, uid);
	char *a;
	while ((a = va_arg(ap, char *)) != NULL && n < 47)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	collect(&p, r, 20000);
	r->status = proc_wait(&p, 5000);
	proc_kill(&p);
	parse_events(r);
	if (r->status != 0)
		print_message("socktrace exited with %d; stderr:\n%s\n", r->status, r->err);
}

// Index of the first event named name from index from on, or -1.
static int find(const struct result *r, const char *name, int from)
{
	for (int i = from < 0 ? 0 : from; i < r->nev; i++)
		if (!strcmp(r->ev[i].event, name))
			return i;
	return -1;
}

// How many events of protocol proto r holds.
static int count_proto(const struct result *r, const char *proto)
{
	int n = 0;
	for (int i = 0; i < r->nev; i++)
		n += !strcmp(r->ev[i].proto, proto);
	return n;
}

// Program paths, resolved once (harness_path returns a static buffer).
static char udps[1024], udpc[1024], tcps[1024], tcpc[1024];

static void paths(void)
{
	snprintf(udps, sizeof udps, "%s", harness_path("solutions/UDPServer"));
	snprintf(udpc, sizeof udpc, "%s", harness_path("solutions/UDPClient"));
	snprintf(tcps, sizeof tcps, "%s", harness_path("solutions/TCPServer"));
	snprintf(tcpc, sizeof tcpc, "%s", harness_path("solutions/TCPClient"));
}

// Can uid run programs from the build tree? (A checkout under /root
// cannot be read by nobody.) Checked in a child that becomes uid.
static int usable_by(int uid)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setgid((gid_t)uid) < 0 || setuid((uid_t)uid) < 0)
			_exit(1);
		_exit(access(harness_path("socktrace"), X_OK) == 0 &&
		      access(udps, X_OK) == 0 ? 0 : 1);
	}
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

// The user to test as: ourselves when not root; nobody when root and the
// tree is usable by it; else skip (returns -2).
static int plain_user(void)
{
	if (geteuid() != 0)
		return -1;
	if (access("/usr/bin/setpriv", X_OK) != 0) {
		print_message("skipped: setpriv is not installed, cannot test as a plain user\n");
		return -2;
	}
	if (!usable_by(NOBODY)) {
		print_message("skipped: uid %d cannot run programs from this build tree\n", NOBODY);
		return -2;
	}
	return NOBODY;
}

// UDP: exactly one datagram each way, the sentence its exact payload.
static void check_udp(const struct result *r, const char *sentence, const char *upper)
{
	assert_int_equal(r->status, 0);
	assert_int_equal(count_proto(r, "udp"), 2);
	int q = find(r, "udp-request", 0), a = find(r, "udp-reply", 0);
	assert_true(q >= 0 && a > q);
	assert_string_equal(r->ev[q].payload, sentence);
	assert_string_equal(r->ev[a].payload, upper);
	assert_int_equal(r->ev[a].sport, r->ev[q].dport);
	assert_int_equal(r->ev[a].dport, r->ev[q].sport);
	assert_non_null(strstr(r->err, upper));  // the client printed the reply
}

// TCP: handshake 1/3, 2/3, 3/3, then the data both ways, then teardown.
static void check_tcp(const struct result *r, const char *sentence, const char *upper)
{
	assert_int_equal(r->status, 0);
	int h1 = find(r, "handshake-1", 0);
	int h2 = find(r, "handshake-2", h1);
	int h3 = find(r, "handshake-3", h2);
	assert_true(h1 == 0 && h2 == 1 && h3 == 2);
	int d1 = find(r, "data", h3), d2 = find(r, "data", d1 + 1);
	assert_true(d1 > h3 && d2 > d1);
	assert_string_equal(r->ev[d1].payload, sentence);
	assert_string_equal(r->ev[d2].payload, upper);
	assert_int_equal(r->ev[d2].sport, r->ev[d1].dport);
	int f1 = find(r, "fin", h3), f2 = find(r, "fin", f1 + 1);
	assert_true(f1 > d1 && f2 > f1);
	assert_int_not_equal(r->ev[f1].sport, r->ev[f2].sport);  // one FIN from each end
	assert_int_equal(find(r, "rst", 0), -1);
	assert_string_equal(r->ev[r->nev - 1].event, "ack");     // the last ACK
	assert_int_equal(r->ev[r->nev - 1].dport, r->ev[f2].sport);
}

static struct result res;

// Packets in the pcap file path, or -1 if it cannot be read as one.
static int pcap_count(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	if (p == NULL)
		return -1;
	struct pcap_pkthdr *h;
	const u_char *data;
	int n = 0;
	while (pcap_next_ex(p, &h, &data) == 1)
		n++;
	pcap_close(p);
	return n;
}

// Skip a test that needs a private network namespace where none can be
// made (a container), saying why.
static void need_namespaces(void)
{
	const char *why = harness_no_namespaces();
	if (why != NULL) {
		print_message("skipped: %s\n", why);
		skip();
	}
}

static void test_udp_exchange(void **state)
{
	(void)state;
	char pcap[] = "/tmp/socklab-test-run-XXXXXX";
	int fd = mkstemp(pcap);
	assert_true(fd >= 0);
	close(fd);
	socktrace(&res, -1, "run", "--json", "-w", pcap, "--input", "hello udp world", "--",
	          udps, "0", "--", udpc, "127.0.0.1", "{port}", NULL);
	int saved = pcap_count(pcap);
	unlink(pcap);
	check_udp(&res, "hello udp world", "HELLO UDP WORLD");
	assert_int_equal(res.ev[0].ip_version, 4);
	assert_int_equal(saved, res.nev);  // -w saved what was traced
	// The programs' own output is passed through, marked with their names.
	assert_non_null(strstr(res.err, "[UDPServer] The server is ready to receive on port"));
}

static void test_tcp_exchange(void **state)
{
	(void)state;
	need_namespaces();
	socktrace(&res, -1, "run", "--json", "--input", "hello tcp", "--", tcps, "0",
	          "--", tcpc, "127.0.0.1", "{port}", NULL);
	check_tcp(&res, "hello tcp", "HELLO TCP");
	// The private loopback has Ethernet's MTU: 1500 - 40 bytes of headers.
	assert_non_null(strstr(res.out, "MSS 1460"));
	socktrace(&res, -1, "run", "--json", "--mtu", "65536", "--input", "hello tcp", "--", tcps,
	          "0", "--", tcpc, "127.0.0.1", "{port}", NULL);
	check_tcp(&res, "hello tcp", "HELLO TCP");
	assert_non_null(strstr(res.out, "MSS 65495"));
}

static void test_udp_as_plain_user(void **state)
{
	(void)state;
	need_namespaces();
	int uid = plain_user();
	if (uid == -2)
		skip();
	socktrace(&res, uid, "run", "--json", "--input", "as nobody", "--", udps, "0",
	          "--", udpc, "{host}", "{port}", NULL);
	check_udp(&res, "as nobody", "AS NOBODY");
}

static void test_tcp_as_plain_user(void **state)
{
	(void)state;
	need_namespaces();
	int uid = plain_user();
	if (uid == -2)
		skip();
	socktrace(&res, uid, "run", "--json", "--input", "as nobody", "--", tcps, "0",
	          "--", tcpc, "{host}", "{port}", NULL);
	check_tcp(&res, "as nobody", "AS NOBODY");
}

// A UDP client with no server: the datagram is answered by an ICMP port
// unreachable, and the client gives up after its timeout.
static void test_udp_no_server(void **state)
{
	(void)state;
	need_namespaces();
	socktrace(&res, -1, "run", "--json", "--input", "anyone there", "--", udpc,
	          "127.0.0.1", "12000", NULL);
	assert_int_equal(res.status, 0);
	int q = find(&res, "udp-request", 0), u = find(&res, "icmp-unreachable", 0);
	assert_true(q >= 0 && u > q);
	assert_string_equal(res.ev[q].payload, "anyone there");
	assert_string_equal(res.ev[u].proto, "icmp");
	assert_int_equal(count_proto(&res, "udp"), 1);  // no reply ever came
	assert_non_null(strstr(res.err, "UDPClient exited with status 1"));
}

// A TCP client with no server: the SYN is answered by a RST.
static void test_tcp_no_server(void **state)
{
	(void)state;
	need_namespaces();
	socktrace(&res, plain_user() == -2 ? -1 : plain_user(), "run", "--json", "--input",
	          "anyone there", "--", tcpc, "127.0.0.1", "12000", NULL);
	assert_int_equal(res.status, 0);
	assert_int_equal(res.nev, 2);
	assert_string_equal(res.ev[0].event, "handshake-1");
	assert_string_equal(res.ev[1].event, "rst");
	assert_non_null(strstr(res.ev[1].flags, "RST"));
	assert_non_null(strstr(res.err, "Connection refused"));
}

// Two clients in a row against one server: two conversations, each from
// its own ephemeral port, each with its own sentence.
static void test_two_clients(void **state)
{
	(void)state;
	socktrace(&res, -1, "run", "--json", "--input", "first", "--input", "second", "--",
	          udps, "0", "--", udpc, "127.0.0.1", "{port}", "--", udpc, "127.0.0.1",
	          "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_int_equal(count_proto(&res, "udp"), 4);
	int q1 = find(&res, "udp-request", 0), q2 = find(&res, "udp-request", q1 + 1);
	assert_true(q1 >= 0 && q2 > q1);
	assert_string_equal(res.ev[q1].payload, "first");
	assert_string_equal(res.ev[q2].payload, "second");
	assert_int_not_equal(res.ev[q1].sport, res.ev[q2].sport);
}

// IPv6: the client reaches the server at ::1.
static void test_ipv6(void **state)
{
	(void)state;
	socktrace(&res, -1, "run", "--json", "--input", "over six", "--", tcps, "0",
	          "--", tcpc, "::1", "{port}", NULL);
	check_tcp(&res, "over six", "OVER SIX");
	for (int i = 0; i < res.nev; i++)
		assert_int_equal(res.ev[i].ip_version, 6);
}

// Two hosts on a veth link: the client must resolve the server's address
// with ARP before its first datagram can leave.
static void test_two_hosts(void **state)
{
	(void)state;
	need_namespaces();
	socktrace(&res, plain_user() == -2 ? -1 : plain_user(), "run", "--json", "--two-hosts",
	          "--input", "far away", "--", udps, "0", "--", udpc, "{host}", "{port}", NULL);
	if (res.status != 0 && strstr(res.err, "two hosts:")) {
		print_message("skipped: this machine cannot make a veth pair: %s\n", res.err);
		skip();
	}
	check_udp(&res, "far away", "FAR AWAY");
	int q = find(&res, "udp-request", 0);
	int arp = -1;
	for (int i = 0; i < q; i++)
		if (!strcmp(res.ev[i].proto, "arp"))
			arp = i;
	assert_true(arp >= 0);  // ARP came before the first datagram
	assert_non_null(strstr(res.out, "\"src\":\"10.0.0.1\""));
	assert_non_null(strstr(res.out, "\"dst\":\"10.0.0.2\""));
}

// The same over IPv6: neighbor solicitation and advertisement (NDP, the
// IPv6 ARP) before the first datagram.
static void test_two_hosts_ipv6(void **state)
{
	(void)state;
	need_namespaces();
	socktrace(&res, plain_user() == -2 ? -1 : plain_user(), "run", "--json", "--two-hosts",
	          "--input", "far six", "--", udps, "0", "--", udpc, "fd00::2", "{port}", NULL);
	if (res.status != 0 && strstr(res.err, "two hosts:")) {
		print_message("skipped: this machine cannot make a veth pair: %s\n", res.err);
		skip();
	}
	check_udp(&res, "far six", "FAR SIX");
	int q = find(&res, "udp-request", 0);
	int ns = find(&res, "ndp", 0), na = find(&res, "ndp", ns + 1);
	assert_true(ns >= 0 && na > ns && na < q);
	assert_non_null(strstr(res.out, "neighbor solicitation: who has fd00::2?"));
	assert_int_equal(res.ev[q].ip_version, 6);
}

// Delay and loss on the server's end of the link (tc netem), where the
// kernel has sch_netem: the delay shows in the timestamps; with every
// reply lost, UDP's client hears nothing and gives up, while TCP's
// client retransmits its SYN.
static void test_netem(void **state)
{
	(void)state;
	need_namespaces();
	int uid = plain_user() == -2 ? -1 : plain_user();
	socktrace(&res, uid, "run", "--json", "--two-hosts", "--netem", "delay 50ms", "--input",
	          "slow", "--", udps, "0", "--", udpc, "{host}", "{port}", NULL);
	if (res.status != 0 && (strstr(res.err, "--netem") || strstr(res.err, "two hosts:"))) {
		print_message("skipped: no tc netem here: %s\n", res.err);
		skip();
	}
	check_udp(&res, "slow", "SLOW");
	int q = find(&res, "udp-request", 0), a = find(&res, "udp-reply", 0);
	assert_true(res.ev[a].ts - res.ev[q].ts >= 0.050);

	socktrace(&res, uid, "run", "--json", "--two-hosts", "--netem", "loss 100%", "--input",
	          "lost", "--", udps, "0", "--", udpc, "{host}", "{port}", NULL);
	assert_int_equal(res.status, 0);
	assert_int_equal(count_proto(&res, "udp"), 1);
	assert_int_equal(find(&res, "udp-reply", 0), -1);
	assert_non_null(strstr(res.err, "UDPClient exited with status 1"));

	socktrace(&res, uid, "run", "--json", "--two-hosts", "--netem", "loss 100%", "--timeout",
	          "4", "--input", "lost", "--", tcps, "0", "--", tcpc, "{host}", "{port}", NULL);
	assert_int_equal(res.status, 0);
	int syns = 0;
	for (int i = 0; i < res.nev; i++)
		syns += !strcmp(res.ev[i].flags, "SYN") && !strcmp(res.ev[i].proto, "tcp");
	assert_true(syns >= 2);  // the SYN, then its retransmission
	assert_int_equal(find(&res, "handshake-3", 0), -1);
}

// socktrace shell: the programs started by hand inside it (here by a
// script standing in for the student) are traced as they run.
static void test_shell(void **state)
{
	(void)state;
	need_namespaces();
	char dir[] = "/tmp/socklab-test-shell-XXXXXX";
	assert_non_null(mkdtemp(dir));
	chmod(dir, 0777);
	// The server's ready line comes through a FIFO: the client starts
	// only once the server is listening (no sleeps).
	static const char script[] =
		"mkfifo \"$1/ready\" || exit 1; \"$2\" 12000 >\"$1/ready\" & pid=$!; "
		"read line <\"$1/ready\"; echo \"by hand\" | \"$3\" 127.0.0.1 12000; "
		"kill $pid; wait $pid; exit 0";
	int uid = plain_user() == -2 ? -1 : plain_user();
	socktrace(&res, uid, "shell", "--json", "--", "/bin/sh", "-c", script, "sh", dir, udps,
	          udpc, NULL);
	char fifo[64];
	snprintf(fifo, sizeof fifo, "%s/ready", dir);
	unlink(fifo);
	rmdir(dir);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.err, "private network namespace"));
	assert_int_equal(count_proto(&res, "udp"), 2);
	assert_string_equal(res.ev[find(&res, "udp-request", 0)].payload, "by hand");
	assert_string_equal(res.ev[find(&res, "udp-reply", 0)].payload, "BY HAND");
	assert_int_equal(res.ev[find(&res, "udp-request", 0)].dport, 12000);
}

// socktrace shell --tmux, on a pseudo-terminal made by script(1): tmux
// starts inside the namespace, the shell ($SHELL, here a script standing
// in for the student) in one pane, and its packets are traced.
static void test_shell_tmux(void **state)
{
	(void)state;
	need_namespaces();
	if (access("/usr/bin/tmux", X_OK) != 0 || access("/usr/bin/script", X_OK) != 0) {
		print_message("skipped: needs tmux and script(1)\n");
		skip();
	}
	char dir[] = "/tmp/socklab-test-tmux-XXXXXX";
	assert_non_null(mkdtemp(dir));
	chmod(dir, 0777);
	char sh[128], cmd[4096];
	snprintf(sh, sizeof sh, "%s/student.sh", dir);
	FILE *f = fopen(sh, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\nmkfifo '%s/ready' || exit 1\n'%s' 12000 >'%s/ready' & pid=$!\n"
	        "read line <'%s/ready'\necho 'in tmux' | '%s' 127.0.0.1 12000\n"
	        "kill $pid; wait $pid\n", dir, udps, dir, dir, udpc);
	assert_int_equal(fclose(f), 0);
	chmod(sh, 0755);
	int uid = plain_user();
	snprintf(cmd, sizeof cmd, "stty rows 40 cols 120; SHELL='%s' %s '%s' shell -q --tmux", sh,
	         uid >= 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "",
	         harness_path("socktrace"));
	char *argv[] = { "/usr/bin/script", "-qec", cmd, "/dev/null", NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	collect(&p, &res, 20000);
	int st = proc_wait(&p, 5000);
	proc_kill(&p);
	char fifo[128];
	snprintf(fifo, sizeof fifo, "%s/ready", dir);
	unlink(fifo);
	unlink(sh);
	rmdir(dir);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_msg("socktrace shell --tmux under script(1): status %#x\nstdout:\n%s\nstderr:\n%s",
		         st, res.out, res.err);
	assert_non_null(strstr(res.out, "(lower pane)"));
	assert_non_null(strstr(res.out, "socktrace: tmux exited with status 0"));
	assert_non_null(strstr(res.out, "socktrace: 2 packets traced"));
}

// In the child of run_forbidden, inside its user namespace: forbid new
// user namespaces, then become nobody, or (as_root) stay root but in a
// network namespace of our own, up, and without CAP_SYS_ADMIN, so that
// socktrace cannot make one either. Exits on failure.
static void forbid(int as_root)
{
	FILE *f = fopen("/proc/sys/user/max_user_namespaces", "w");
	if (f == NULL || fputs("0\n", f) < 0 || fclose(f) != 0)
		_exit(124);
	if (!as_root) {
		if (setgroups(0, NULL) < 0 || setgid(NOBODY) < 0 || setuid(NOBODY) < 0)
			_exit(123);
		return;
	}
	struct ifreq ifr = { .ifr_name = "lo" };
	if (unshare(CLONE_NEWNET) < 0)
		_exit(122);
	int s = socket(AF_INET, SOCK_DGRAM, 0);  // a socket of the new namespace
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		_exit(122);
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		_exit(121);
	if (prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0) < 0)
		_exit(120);
	close(s);
}

// Run argv in a user namespace where no further user namespace may be
// made (user.max_user_namespaces = 0 there), as on a machine that forbids
// them: as nobody, or as_root (see forbid). Needs root. Fills r.
static void run_forbidden(struct result *r, char *const argv[], int as_root)
{
	int go[2], ready[2];
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(ready), 0);
	struct proc p;
	int out[2], err[2];
	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(err), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char c;
		close(go[1]);
		close(ready[0]);
		// Unshared, tell the parent to write our maps, wait till done.
		if (unshare(CLONE_NEWUSER) < 0 || write(ready[1], "r", 1) != 1 ||
		    read(go[0], &c, 1) != 1)
			_exit(125);
		forbid(as_root);
		dup2(out[1], 1);
		dup2(err[1], 2);
		execv(argv[0], argv);
		_exit(127);
	}
	close(go[0]);
	close(ready[1]);
	close(out[1]);
	close(err[1]);
	char c;
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("0 0 1\n65534 65534 1\n", f);
	assert_int_equal(fclose(f), 0);
	snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("0 0 1\n65534 65534 1\n", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(write(go[1], "g", 1), 1);
	close(go[1]);
	p = (struct proc){ .pid = pid, .in = -1, .out = out[0], .err = err[0] };
	collect(&p, r, 20000);
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	close(out[0]);
	close(err[0]);
	r->status = st;
	parse_events(r);
}

// Where namespaces are forbidden: one line with the fix, exit 3; with
// --fallback, the recorded capture is annotated instead.
static void test_forbidden_fallback(void **state)
{
	(void)state;
	need_namespaces();
	if (geteuid() != 0) {
		print_message("skipped: making a namespace that forbids namespaces needs root\n");
		skip();
	}
	if (plain_user() == -2)
		skip();
	// First record a real run with -w, to fall back on.
	char pcap[] = "/tmp/socklab-test-run-XXXXXX";
	int fd = mkstemp(pcap);
	assert_true(fd >= 0);
	close(fd);
	chmod(pcap, 0644);
	socktrace(&res, -1, "run", "--json", "-w", pcap, "--input", "recorded", "--", udps,
	          "0", "--", udpc, "127.0.0.1", "{port}", NULL);
	check_udp(&res, "recorded", "RECORDED");
	char *argv[] = { (char *)harness_path("socktrace"), "run", "--json", "--input", "x",
	                 "--", udpc, NULL };
	run_forbidden(&res, argv, 0);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 3);
	assert_non_null(strstr(res.err, "no private network namespace here: user namespaces are "
	                       "off (user.max_user_namespaces=0); fix: sudo sysctl -w "
	                       "user.max_user_namespaces=15000, or run socktrace with sudo\n"));
	assert_int_equal(res.nev, 0);
	char *argv2[] = { argv[0], "run", "--json", "--fallback", pcap, "--", udpc, NULL };
	run_forbidden(&res, argv2, 0);
	unlink(pcap);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 0);
	assert_non_null(strstr(res.err, "showing the recorded capture"));
	assert_int_equal(count_proto(&res, "udp"), 2);
	assert_string_equal(res.ev[find(&res, "udp-request", 0)].payload, "recorded");
}

// Root where namespaces cannot be made: socktrace says so, then traces the
// programs on the host's own loopback (here a throwaway namespace).
static void test_forbidden_root(void **state)
{
	(void)state;
	need_namespaces();
	if (geteuid() != 0) {
		print_message("skipped: making a namespace that forbids namespaces needs root\n");
		skip();
	}
	char *argv[] = { (char *)harness_path("socktrace"), "run", "--json", "--input", "as root",
	                 "--", udps, "0", "--", udpc, "127.0.0.1", "{port}", NULL };
	run_forbidden(&res, argv, 1);
	if (!WIFEXITED(res.status) || WEXITSTATUS(res.status) != 0)
		print_message("status %d, stderr:\n%s\n", res.status, res.err);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 0);
	// One line: why, what it does instead, and the fix (not a container's).
	assert_non_null(strstr(res.err, "no private network namespace here: user namespaces are "
	                       "off (user.max_user_namespaces=0); tracing this host's own "
	                       "loopback instead, other traffic on it will show; for a private "
	                       "one: sudo sysctl -w user.max_user_namespaces=15000\n"));
	check_udp(&res, "as root", "AS ROOT");
}

// As root, privdrop becomes nobody (or sudo's caller) for good.
static void test_privdrop(void **state)
{
	(void)state;
	char who[64], err[256];
	if (geteuid() != 0) {
		assert_int_equal(privdrop(who, sizeof who, err, sizeof err), 0);
		return;
	}
	const char *sudo[][2] = { { NULL, NULL }, { "4321", "4322" } };
	for (int k = 0; k < 2; k++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			unsetenv("SUDO_UID");
			unsetenv("SUDO_GID");
			if (sudo[k][0]) {
				setenv("SUDO_UID", sudo[k][0], 1);
				setenv("SUDO_GID", sudo[k][1], 1);
			}
			uid_t want = sudo[k][0] ? 4321 : getpwnam("nobody")->pw_uid;
			int r = privdrop(who, sizeof who, err, sizeof err);
			gid_t groups[4];
			int ng = getgroups(4, groups);
			_exit(r == 1 && getuid() == want && geteuid() == want && setuid(0) < 0 &&
			      getgid() != 0 && ng == 1 && groups[0] == getgid() ? 0 : 1);
		}
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_true(WIFEXITED(st));
		assert_int_equal(WEXITSTATUS(st), 0);
	}
}

// Live capture as root drops root once the capture is open (checked from
// outside in /proc), and SIGINT stops it with pcap's counts. Run in a
// throwaway network namespace so that it sees no other traffic.
static void test_live_capture_drops_root(void **state)
{
	(void)state;
	need_namespaces();
	if (geteuid() != 0 || access("/usr/bin/unshare", X_OK) != 0) {
		print_message("skipped: needs root and unshare(1)\n");
		skip();
	}
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "ip link set lo up && unset SUDO_UID SUDO_GID && exec '%s' -i lo",
	         harness_path("socktrace"));
	char *argv[] = { "/usr/bin/unshare", "-n", "/bin/sh", "-c", cmd, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	char line[512];
	int dropped = 0;
	while (!dropped && read_line(p.err, line, sizeof line, 5000) >= 0)
		dropped = strstr(line, "running as nobody") != NULL;
	assert_true(dropped);
	char path[64], status[4096];
	snprintf(path, sizeof path, "/proc/%d/status", (int)p.pid);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(status, 1, sizeof status - 1, f);
	fclose(f);
	status[n] = '\0';
	struct passwd *pw = getpwnam("nobody");
	assert_non_null(pw);
	char want[64];
	snprintf(want, sizeof want, "Uid:\t%u\t%u\t%u\t%u", pw->pw_uid, pw->pw_uid, pw->pw_uid, pw->pw_uid);
	assert_non_null(strstr(status, want));
	assert_int_equal(kill(p.pid, SIGINT), 0);
	assert_true(read_all(p.err, status, sizeof status, 5000) >= 0);
	assert_non_null(strstr(status, "packets received"));
	int st = proc_wait(&p, 5000);
	proc_kill(&p);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void test_usage(void **state)
{
	(void)state;
	socktrace(&res, -1, "run", "--bogus", "--", "true", NULL);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 2);
	assert_non_null(strstr(res.err, "unknown option --bogus"));
	socktrace(&res, -1, "run", NULL);
	assert_true(WIFEXITED(res.status) && WEXITSTATUS(res.status) == 2);
	assert_non_null(strstr(res.err, "no command to run"));
}

// The programs' output is passed through marked with their names, valid
// UTF-8 whole, but never a control byte: ESC and C1 controls escaped.
static void test_passthrough_escapes(void **state)
{
	(void)state;
	socktrace(&res, -1, "run", "--", "/usr/bin/printf",
	          "caf\303\251 \033[31mred \302\233 bad\377\n", NULL);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.out, "[printf] caf\303\251 \\x1b[31mred \\xc2\\x9b bad\\xff\n"));
	assert_null(strchr(res.out, '\033'));
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
		cmocka_unit_test_teardown(test_udp_exchange, teardown),
		cmocka_unit_test_teardown(test_tcp_exchange, teardown),
		cmocka_unit_test_teardown(test_udp_as_plain_user, teardown),
		cmocka_unit_test_teardown(test_tcp_as_plain_user, teardown),
		cmocka_unit_test_teardown(test_udp_no_server, teardown),
		cmocka_unit_test_teardown(test_tcp_no_server, teardown),
		cmocka_unit_test_teardown(test_two_clients, teardown),
		cmocka_unit_test_teardown(test_ipv6, teardown),
		cmocka_unit_test_teardown(test_two_hosts, teardown),
		cmocka_unit_test_teardown(test_two_hosts_ipv6, teardown),
		cmocka_unit_test_teardown(test_netem, teardown),
		cmocka_unit_test_teardown(test_shell, teardown),
		cmocka_unit_test_teardown(test_shell_tmux, teardown),
		cmocka_unit_test_teardown(test_forbidden_fallback, teardown),
		cmocka_unit_test_teardown(test_forbidden_root, teardown),
		cmocka_unit_test_teardown(test_privdrop, teardown),
		cmocka_unit_test_teardown(test_live_capture_drops_root, teardown),
		cmocka_unit_test_teardown(test_usage, teardown),
		cmocka_unit_test_teardown(test_passthrough_escapes, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
