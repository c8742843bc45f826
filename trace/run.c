// run.c: `socktrace run` and `socktrace shell` (see run.h): run programs
// in a private network namespace, capture everything they send on its
// loopback (or on a veth link to a second host), and annotate it live.
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "calls.h"
#include "capture.h"
#include "netns.h"
#include "runloop.h"
#include "shellenv.h"
#include "tracer.h"

#define MAX_CMDS  RUNLOOP_MAX_CHILDREN
#define MAX_INPUT 4096

static const char usage_text[] =
"usage: socktrace run [options] -- SERVER-CMD... [-- CLIENT-CMD...]...\n"
"       socktrace run [options] -- CLIENT-CMD...\n"
"       socktrace shell [options] [-- CMD...]\n"
"\n"
"run: start the programs in a private network namespace of their own (its\n"
"loopback up, no other traffic, every port free; no root needed), capture\n"
"everything they send and annotate each packet as it happens.\n"
"  With two or more commands the first is the server: socktrace waits for\n"
"  its line \"The server is ready to receive on port N\", then runs the\n"
"  clients one after the other. In the clients' arguments {port} becomes N\n"
"  and {host} the server's address (127.0.0.1, or 10.0.0.2 with --two-hosts).\n"
"  With one command there is no server: see what a client alone gets.\n"
"  The programs' own output is shown in order, each line marked [name]\n"
"  (on stderr with --json, so that stdout stays JSON Lines), in time order\n"
"  among the packets. Where socktrace may size their buffers (root with\n"
"  CAP_NET_ADMIN), the programs' stdout and stderr are sockets whose every\n"
"  write() carries its time, and there a single write() of more than 4 MB\n"
"  fails (ENOBUFS). Elsewhere, and with --pipes, they are pipes: each\n"
"  write() is placed at its start, seen as the calls are recorded (with\n"
"  --no-calls: by the time socktrace reads it).\n"
"shell: open CMD (default $SHELL) in such a namespace; start UDPServer and\n"
"  UDPClient there by hand and watch socktrace annotate their packets on\n"
"  the same terminal (or in a second tmux pane with --tmux) until you exit.\n"
"\n"
"options:\n"
"  --json, -q, --ladder, --mermaid, -S, -v, -x   output, as for socktrace -r\n"
"  -w FILE          also save the capture as a pcap file (Wireshark opens it)\n"
"  --filter EXPR    show only packets matching the BPF filter EXPR\n"
"  --input TEXT     give each client the line TEXT on its standard input\n"
"                   (repeat it for one line per client; default: our stdin)\n"
"  --two-hosts      run the server on a second host: a second namespace joined\n"
"                   by a veth link, 10.0.0.1 (client) to 10.0.0.2 (server), so\n"
"                   the trace shows ARP/NDP; nothing is routed beyond the pair\n"
"  --netem ARGS     (with --two-hosts) delay or lose what the server sends,\n"
"                   e.g. --netem 'delay 100ms' or --netem 'loss 30%': runs\n"
"                   tc qdisc add dev veth1 root netem ARGS (needs iproute2's\n"
"                   tc and the kernel's sch_netem)\n"
"  --timeout SEC    stop a program still running after SEC seconds (10)\n"
"  --mtu N          the private loopback's MTU (1500, as on Ethernet, so TCP\n"
"                   shows MSS 1460; Linux's own loopback has 65536)\n"
"  --fallback FILE  where namespaces are forbidden, annotate this recorded\n"
"                   capture instead of failing\n"
"  --tmux           (shell) trace in a tmux pane beside the shell\n"
"  --pipes          the programs' output through pipes, not timed sockets\n"
"  --no-calls       do not record the programs' socket calls (by default\n"
"                   they are traced with ptrace and listed with the packets\n"
"                   they send: connect(), sendto(), recv(), close()...;\n"
"                   -q lists the packets only, --ladder draws the calls)\n"
"exit status: 0 the run was traced (whatever the programs' own statuses,\n"
"which are reported), 1 an error, 2 bad usage, 3 namespaces unavailable.\n";

struct run_cfg {
	struct trace_opts opts;
	const char *write_file;
	const char *filter;
	const char *fallback;
	const char *inputs[MAX_CMDS];
	int ninputs;
	int two_hosts;
	const char *netem;  // --netem ARGS, on the server's end of the link
	int tmux;
	int pipes;          // --pipes: plain pipes for the programs' output
	int shell;
	int timeout_ms;
	int mtu;            // of the namespace's loopback
	int no_calls;       // --no-calls
	char **cmds[MAX_CMDS];  // NULL-terminated slices of argv
	int ncmds;
};

// Parse text, the argument of option opt, as a whole number from lo to
// hi into *out. 0, or -1 after printing why.
static int parse_number(const char *cmd, const char *opt, const char *text, long lo, long hi,
                        int *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "socktrace: %s: bad %s %s (%ld to %ld)\n", cmd, opt, text, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

// Parse one option at argv[*i] (advancing *i past its argument).
// 0, or -1 after printing why.
static int parse_option(struct run_cfg *c, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
	int takes = !strcmp(a, "-w") || !strcmp(a, "--filter") || !strcmp(a, "--input") ||
	            !strcmp(a, "--timeout") || !strcmp(a, "--fallback") || !strcmp(a, "--netem") ||
	            !strcmp(a, "--mtu");
	if (takes && next == NULL) {
		fprintf(stderr, "socktrace: %s: %s needs an argument\n", argv[0], a);
		return -1;
	}
	if (!strcmp(a, "--json"))
		c->opts.format = FORMAT_JSON;
	else if (!strcmp(a, "-q"))
		c->opts.format = FORMAT_TERSE;
	else if (!strcmp(a, "--ladder"))
		c->opts.ladder = 1;
	else if (!strcmp(a, "--mermaid"))
		c->opts.mermaid = 1;
	else if (!strcmp(a, "-S"))
		c->opts.absolute_seq = 1;
	else if (!strcmp(a, "-v"))
		c->opts.verbose = 1;
	else if (!strcmp(a, "-x"))
		c->opts.hex = 1;
	else if (!strcmp(a, "--two-hosts"))
		c->two_hosts = 1;
	else if (!strcmp(a, "--tmux"))
		c->tmux = 1;
	else if (!strcmp(a, "--pipes"))
		c->pipes = 1;
	else if (!strcmp(a, "--no-calls"))
		c->no_calls = 1;
	else if (!strcmp(a, "-w"))
		c->write_file = next;
	else if (!strcmp(a, "--filter"))
		c->filter = next;
	else if (!strcmp(a, "--fallback"))
		c->fallback = next;
	else if (!strcmp(a, "--netem"))
		c->netem = next;
	else if (!strcmp(a, "--input")) {
		if (c->ninputs == MAX_CMDS || strlen(next) >= MAX_INPUT) {
			fprintf(stderr, "socktrace: %s: too many or too long --input\n", argv[0]);
			return -1;
		}
		c->inputs[c->ninputs++] = next;
	} else if (!strcmp(a, "--timeout")) {
		if (parse_number(argv[0], a, next, 1, 3600, &c->timeout_ms) < 0)
			return -1;
		c->timeout_ms *= 1000;
	} else if (!strcmp(a, "--mtu")) {
		if (parse_number(argv[0], a, next, 1280, 65536, &c->mtu) < 0)
			return -1;
	} else {
		fprintf(stderr, "socktrace: %s: unknown option %s (try socktrace run --help)\n", argv[0], a);
		return -1;
	}
	*i += takes;
	return 0;
}

// Parse argv into c: options, then commands separated by "--" (each "--"
// is overwritten with NULL to end the command before it). 0, 1 for
// --help, or -1 after printing why.
static int parse_args(struct run_cfg *c, int argc, char **argv)
{
	memset(c, 0, sizeof *c);
	c->opts.out = stdout;
	c->opts.color = isatty(1) && getenv("NO_COLOR") == NULL;
	c->timeout_ms = 10000;
	c->mtu = 1500;
	c->shell = !strcmp(argv[0], "shell");
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return 1;
		if (!strcmp(argv[i], "--shell"))
			c->shell = 1;
		else if (parse_option(c, argc, argv, &i) < 0)
			return -1;
	}
	while (i < argc) {  // argv[i] is "--"
		argv[i++] = NULL;
		if (i == argc || !strcmp(argv[i], "--"))
			continue;  // an empty command: ignored
		if (c->ncmds == MAX_CMDS) {
			fprintf(stderr, "socktrace: %s: at most %d commands\n", argv[0], MAX_CMDS);
			return -1;
		}
		c->cmds[c->ncmds++] = &argv[i];
		while (i < argc && strcmp(argv[i], "--"))
			i++;
	}
	if (c->shell && c->two_hosts) {
		fprintf(stderr, "socktrace: shell: --two-hosts is for socktrace run only\n");
		return -1;
	}
	if (c->opts.format == FORMAT_JSON && (c->opts.ladder || c->opts.mermaid)) {
		fprintf(stderr, "socktrace: %s: --json keeps stdout to JSON Lines: no --ladder or --mermaid with it\n",
		        argv[0]);
		return -1;
	}
	if (c->netem && !c->two_hosts) {
		fprintf(stderr, "socktrace: run: --netem needs --two-hosts (it shapes the link)\n");
		return -1;
	}
	if (c->ncmds == 0 && !c->shell) {
		fprintf(stderr, "socktrace: run: no command to run (try socktrace run --help)\n");
		return -1;
	}
	return 0;
}

// Return a copy of s with every {port} and {host} replaced, or NULL.
static char *substitute(const char *s, int port, const char *host)
{
	size_t cap = strlen(s) * 8 + 64;  // each 6-char token grows to at most 39
	char *out = malloc(cap);
	if (out == NULL)
		return NULL;
	size_t n = 0;
	while (*s && n + 48 < cap) {
		if (!strncmp(s, "{port}", 6)) {
			n += (size_t)snprintf(out + n, cap - n, "%d", port);
			s += 6;
		} else if (!strncmp(s, "{host}", 6)) {
			n += (size_t)snprintf(out + n, cap - n, "%s", host);
			s += 6;
		} else {
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	return out;
}

// Build the argv of a client with its placeholders filled in; NULL on
// out of memory. Free with free_argv.
static char **client_argv(char **cmd, int port, const char *host)
{
	int n = 0;
	while (cmd[n])
		n++;
	char **v = calloc((size_t)n + 1, sizeof *v);
	for (int i = 0; v && i < n; i++)
		if ((v[i] = substitute(cmd[i], port, host)) == NULL) {
			for (int j = 0; j < i; j++)
				free(v[j]);
			free(v);
			return NULL;
		}
	return v;
}

static void free_argv(char **v)
{
	for (int i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

// A pipe holding text and a newline, for a client's stdin: returns its
// read end (the write end is closed), or -1 + err.
static int input_pipe(const char *text, char *err, size_t errlen)
{
	int p[2];
	if (pipe(p) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	size_t len = strlen(text);
	// Below MAX_INPUT + 1 bytes, far under any pipe's capacity: no block.
	if (write(p[1], text, len) != (ssize_t)len || write(p[1], "\n", 1) != 1) {
		snprintf(err, errlen, "write: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	close(p[1]);
	return p[0];
}

// Say on stderr how child c ended.
static void report_child(const struct child *c, int stopped)
{
	if (c->pid == 0)
		return;
	if (WIFEXITED(c->status))
		fprintf(stderr, "socktrace: %s exited with status %d%s\n", c->name,
		        WEXITSTATUS(c->status), stopped ? " when stopped" : "");
	else if (WIFSIGNALED(c->status))
		fprintf(stderr, "socktrace: %s was killed by signal %d%s\n", c->name,
		        WTERMSIG(c->status), stopped ? " (stopped by socktrace)" : "");
}

// Everything a run holds open.
struct session {
	struct run_cfg *cfg;
	pcap_t *pcap;
	pcap_dumper_t *dumper;
	struct tracer *tracer;
	struct netns_peer peer;
	int has_peer;
	int shared_lo;        // no private namespace: the loopback others use too
	struct runloop loop;
	struct calls *calls;  // the programs' socket calls, or NULL
	const char *host;
	char fifo_dir[64];  // shell --tmux: the FIFO to the trace pane
	char fifo[80];
};

// Open the live capture on iface, its filter, the -w file and the tracer.
// 0, or -1 + err.
static int open_capture(struct session *s, const char *iface, char *err, size_t errlen)
{
	s->pcap = capture_open_live(iface, err, errlen);
	if (s->pcap == NULL)
		return -1;
	if (s->cfg->filter && capture_set_filter(s->pcap, s->cfg->filter, err, errlen) < 0)
		return -1;
	if (s->cfg->write_file) {
		s->dumper = pcap_dump_open(s->pcap, s->cfg->write_file);
		if (s->dumper == NULL) {
			snprintf(err, errlen, "%s", pcap_geterr(s->pcap));
			return -1;
		}
	}
	s->cfg->opts.offload = 1;
	s->tracer = tracer_open(&s->cfg->opts, pcap_datalink(s->pcap), err, errlen);
	return s->tracer ? 0 : -1;
}

// Open the call recorder unless --no-calls; where it cannot work, say so
// in one line (the notes then say what the packets imply).
static void open_calls(struct session *s)
{
	char err[256];
	if (s->cfg->no_calls)
		return;
	s->calls = calls_open(err, sizeof err);
	if (s->calls == NULL)
		fprintf(stderr, "socktrace: %s: the programs' calls are not recorded: %s\n",
		        s->cfg->shell ? "shell" : "run", err);
	s->cfg->opts.calls = s->calls;
}

// Hand the recorder to the loop (which prints its calls through the
// tracer), once both are open.
static void start_calls(struct session *s)
{
	if (s->calls == NULL)
		return;
	loop_record_calls(&s->loop, s->calls);
}

// Print pcap's counts on stderr: what the capture saw and dropped. On a
// loopback every packet reaches the capture twice (sent, then received)
// and libpcap keeps one copy: say so, or "received" looks like a loss.
static void report_stats(struct session *s)
{
	struct pcap_stat st;
	if (s->pcap && pcap_stats(s->pcap, &st) == 0)
		fprintf(stderr, "socktrace: %lu packets traced (pcap_stats: %u received, "
		        "%u dropped%s)\n", s->loop.packets, st.ps_recv, st.ps_drop,
		        s->has_peer ? "" : "; on a loopback the kernel hands the capture every "
		        "packet twice, as sent and as received, and one copy is traced");
}

// Close what open_capture opened (the tracer prints its ladder here).
static void close_capture(struct session *s)
{
	if (s->tracer)
		tracer_close(s->tracer);
	if (s->dumper)
		pcap_dump_close(s->dumper);
	if (s->pcap)
		capture_close(s->pcap);
	if (s->has_peer)
		close(s->peer.fd);
}

// Run the clients one after the other. Returns 0, or -1 if interrupted.
static int run_clients(struct session *s, int first, int port, struct child *kids)
{
	struct run_cfg *c = s->cfg;
	for (int i = first; i < c->ncmds; i++) {
		char err[256];
		int k = i - first;
		char **argv = client_argv(c->cmds[i], port, s->host);
		int in = -2;
		if (argv && c->ninputs > 0)
			in = input_pipe(c->inputs[k < c->ninputs ? k : c->ninputs - 1], err, sizeof err);
		if (argv == NULL || in == -1 ||
		    child_start(&s->loop, &kids[i], argv, in, 0, NULL, err, sizeof err) < 0) {
			fprintf(stderr, "socktrace: run: %s: %s\n", c->cmds[i][0],
			        argv ? err : "out of memory");
			free_argv(argv);
			if (in >= 0)
				close(in);
			continue;
		}
		free_argv(argv);
		if (in >= 0)
			close(in);
		int r = loop_until(&s->loop, child_done, &kids[i], c->timeout_ms);
		if (r == 0)
			fprintf(stderr, "socktrace: run: %s still running after %d s: stopping it\n",
			        kids[i].name, c->timeout_ms / 1000);
		if (r != 1)
			child_stop(&s->loop, &kids[i], 1000);
		report_child(&kids[i], r != 1);
		if (r < 0)
			return -1;
	}
	return 0;
}

// Start the server (cmds[0]) and wait for its ready line. Returns its
// port, or -1 after saying why.
static int start_server(struct session *s, struct child *srv)
{
	char err[256];
	if (child_start(&s->loop, srv, s->cfg->cmds[0], -1, 0,
	                s->has_peer ? &s->peer : NULL, err, sizeof err) < 0) {
		fprintf(stderr, "socktrace: run: %s: %s\n", s->cfg->cmds[0][0], err);
		return -1;
	}
	int r = loop_until(&s->loop, child_ready, srv, 5000);
	if (r == 1 && srv->port >= 0)
		return srv->port;
	if (r == 1)
		fprintf(stderr, "socktrace: run: %s exited before it was ready\n", srv->name);
	else if (r == 0)
		fprintf(stderr, "socktrace: run: %s did not print \"The server is ready to "
		        "receive on port N\" within 5 s\n", srv->name);
	return -1;
}

// The run itself, with the capture open: server, clients, stop, drain.
// Returns the exit status.
static int run_programs(struct session *s)
{
	struct child kids[MAX_CMDS];
	memset(kids, 0, sizeof kids);
	int status = 0, port = 0, first = 0;
	if (s->cfg->ncmds >= 2) {
		first = 1;
		port = start_server(s, &kids[0]);
		if (port < 0)
			status = 1;
	}
	if (status == 0 && run_clients(s, first, port, kids) < 0)
		status = 1;
	if (first) {
		int was_running = kids[0].running;
		child_stop(&s->loop, &kids[0], 2000);
		report_child(&kids[0], was_running);
	}
	// Every packet the programs sent is in the capture by now (lo hands
	// frames to the capture as they are sent); wait only for stragglers
	// such as the last ACK.
	loop_drain(&s->loop, 100, 2000);
	if (s->loop.err[0])
		fprintf(stderr, "socktrace: run: %s\n", s->loop.err);
	if (s->loop.interrupted)
		fprintf(stderr, "socktrace: run: interrupted\n");
	return status || s->loop.err[0] ? 1 : 0;
}

// Make the FIFO that carries the trace to the tmux pane and point the
// tracer's output at it. 0, or -1 + err.
static int tmux_fifo(struct session *s, char *err, size_t errlen)
{
	snprintf(s->fifo_dir, sizeof s->fifo_dir, "/tmp/socktrace-XXXXXX");
	if (mkdtemp(s->fifo_dir) == NULL) {
		snprintf(err, errlen, "mkdtemp: %s", strerror(errno));
		s->fifo_dir[0] = '\0';
		return -1;
	}
	snprintf(s->fifo, sizeof s->fifo, "%s/trace", s->fifo_dir);
	// O_RDWR: opening does not wait for the pane's reader (Linux).
	int fd = mkfifo(s->fifo, 0600) == 0 ? open(s->fifo, O_RDWR | O_CLOEXEC) : -1;
	if (fd < 0 || (s->cfg->opts.out = fdopen(fd, "w")) == NULL) {
		snprintf(err, errlen, "fifo %s: %s", s->fifo, strerror(errno));
		if (fd >= 0)
			close(fd);
		s->cfg->opts.out = stdout;
		return -1;
	}
	return 0;
}

// Remove the FIFO and its folder.
static void tmux_cleanup(struct session *s)
{
	if (s->cfg->opts.out != stdout && s->cfg->opts.out != NULL)
		fclose(s->cfg->opts.out);
	if (s->fifo[0]) {
		char conf[96];
		snprintf(conf, sizeof conf, "%s/tmux.conf", s->fifo_dir);
		unlink(conf);
		unlink(s->fifo);
	}
	if (s->fifo_dir[0])
		rmdir(s->fifo_dir);
}

// Start tmux in the namespace: the shell in the top pane (its exit ends
// the session), the trace read from the FIFO in the bottom one.
static int start_tmux(struct session *s, struct child *c, const char *shell,
                      char *err, size_t errlen)
{
	char sock[64], top[512], bottom[512];
	snprintf(sock, sizeof sock, "socktrace-%ld", (long)getpid());
	snprintf(top, sizeof top, "'%s'; tmux kill-session", shell);
	snprintf(bottom, sizeof bottom, "cat '%s'", s->fifo);
	// A configuration of our own: pane commands run through /bin/sh, not
	// through $SHELL (which the top pane then starts), and nothing else.
	char conf[96];
	snprintf(conf, sizeof conf, "%s/tmux.conf", s->fifo_dir);
	FILE *f = fopen(conf, "w");
	if (f == NULL || fputs("set-option -g default-shell /bin/sh\n", f) < 0 || fclose(f) != 0) {
		snprintf(err, errlen, "%s: %s", conf, strerror(errno));
		return -1;
	}
	char *argv[] = { "tmux", "-L", sock, "-f", conf, "new-session", top, ";",
	                 "split-window", "-v", "-d", "-l", "40%", bottom, NULL };
	unsetenv("TMUX");  // a tmux of our own, even when started from one
	return child_start(&s->loop, c, argv, -2, 1, NULL, err, errlen);
}

// socktrace shell: CMD (default $SHELL) on the terminal, in the namespace,
// the trace printed as its packets come (or in a tmux pane). Returns the
// exit status.
static int run_shell(struct session *s)
{
	static char *default_cmd[2];
	char **cmd = s->cfg->ncmds ? s->cfg->cmds[0] : default_cmd;
	default_cmd[0] = getenv("SHELL") && *getenv("SHELL") ? getenv("SHELL") : "/bin/sh";
	const char *progs = programs_on_path();
	int adopted = adopt_orphans() == 0;
	fprintf(stderr, "%s", s->shared_lo ?
	        "socktrace: no private network namespace (see above): this is the loopback\n"
	        "(127.0.0.1, ::1) everything here uses, and its other traffic shows too.\n" :
	        "socktrace: you are in a private network namespace: only its loopback\n"
	        "(127.0.0.1, ::1) exists and nothing else uses it.\n");
	fprintf(stderr,
	        "Start a server here, then its client; socktrace annotates each packet\n"
	        "as it is sent%s. Type exit (or Ctrl-D) to leave%s.\n",
	        s->cfg->tmux ? " (lower pane)" : "",
	        adopted ? ": whatever is still running then is stopped" : "");
	if (progs)
		fprintf(stderr, "socktrace: the programs of %s are on PATH: type UDPServer &, "
		        "then UDPClient\n", progs);
	if (!s->shared_lo)
		setenv("SOCKLAB_NETNS", "1", 1);
	char err[256];
	struct child sh;
	int r = s->cfg->tmux ? start_tmux(s, &sh, cmd[0], err, sizeof err)
	                     : child_start(&s->loop, &sh, cmd, -2, 1, NULL, err, sizeof err);
	if (r < 0) {
		fprintf(stderr, "socktrace: shell: %s: %s\n", s->cfg->tmux ? "tmux" : cmd[0], err);
		return 1;
	}
	// The shell owns the keyboard: Ctrl-C is for the programs in it.
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	while (loop_until(&s->loop, child_done, &sh, -1) < 0 && !s->loop.err[0])
		s->loop.interrupted = 0;
	loop_drain(&s->loop, 100, 1000);
	report_child(&sh, 0);
	if (adopted)
		end_leftovers();
	return s->loop.err[0] || !WIFEXITED(sh.status) ? 1 : WEXITSTATUS(sh.status);
}

// Say what the fallback capture is: no run of the programs here, but a
// file shipped with the kit, recorded (rec-*) or crafted (gen-*).
static void say_shipped(const char *fallback)
{
	const char *base = strrchr(fallback, '/') ? strrchr(fallback, '/') + 1 : fallback;
	if (strncmp(base, "gen-", 4) == 0)
		fprintf(stderr, "socktrace: run: showing the shipped capture %s instead: the same "
		        "scenario crafted packet by packet by tests/pcapgen.c (see "
		        "tests/captures/README.md), not a run of these programs\n", fallback);
	else
		fprintf(stderr, "socktrace: run: showing the recorded capture %s instead: a "
		        "recording shipped with the kit, not a run of these programs\n", fallback);
}

// Where namespaces are forbidden: annotate the recorded capture instead.
static int replay(struct run_cfg *c)
{
	char err[256];
	say_shipped(c->fallback);
	pcap_t *p = capture_open_file(c->fallback, err, sizeof err);
	struct tracer *t = p ? tracer_open(&c->opts, pcap_datalink(p), err, sizeof err) : NULL;
	int rc = t && capture_loop(p, t, NULL, err, sizeof err) == 0 ? 0 : 1;
	if (rc)
		fprintf(stderr, "socktrace: run: %s\n", err);
	if (t)
		tracer_close(t);
	if (p)
		capture_close(p);
	return rc;
}

// --netem: `tc qdisc add dev veth1 root netem ARGS` run in the second host,
// so that what the server sends is delayed or lost on the way (what the
// client sends is captured as it leaves). 0, or -1 after saying why.
static int apply_netem(struct session *s)
{
	static const char *const tcs[] = { "/usr/sbin/tc", "/sbin/tc", "/usr/bin/tc" };
	char *argv[40] = { "tc", "qdisc", "add", "dev", s->peer.peer_if, "root", "netem" };
	int n = 7;
	for (size_t i = 0; i < sizeof tcs / sizeof tcs[0]; i++)
		if (access(tcs[i], X_OK) == 0) {
			argv[0] = (char *)tcs[i];
			break;
		}
	char args[256];
	snprintf(args, sizeof args, "%s", s->cfg->netem);
	char *save;
	for (char *w = strtok_r(args, " \t", &save); w && n < 39; w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	argv[n] = NULL;
	char err[256];
	pid_t pid = fork();
	if (pid == 0) {
		if (netns_join_peer(&s->peer, err, sizeof err) < 0 ||
		    netns_keep_admin(err, sizeof err) < 0) {
			fprintf(stderr, "socktrace: run: --netem: %s\n", err);
			_exit(126);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "socktrace: run: --netem '%s': tc failed (%s); it needs "
		        "iproute2's tc and the kernel's sch_netem (modprobe sch_netem)\n",
		        s->cfg->netem, pid < 0 ? strerror(errno) :
		        WIFEXITED(st) && WEXITSTATUS(st) == 127 ? "tc not found" : "see above");
		return -1;
	}
	return 0;
}

// Where no private namespace can be made: say so in one line, with what
// would allow one here, and do what can be done instead. As root (not two
// hosts), trace the loopback the programs share with everything else here
// (the container's own, in a container): -1 to go on. Else the recorded
// capture if there is one, or exit 3.
static int refused(struct session *s, enum netns_error e, const struct netns_refusal *r)
{
	const char *cmd = s->cfg->shell ? "shell" : "run";
	if (geteuid() == 0 && !s->cfg->two_hosts && e != NETNS_FAILED) {
		fprintf(stderr, "socktrace: %s: no private network namespace here: %s; tracing "
		        "%s own loopback instead, other traffic on it will show%s%s\n", cmd, r->why,
		        r->container ? "the container's" : "this host's",
		        r->fix[0] ? "; for a private one: " : "", r->fix);
		s->shared_lo = 1;
		return -1;
	}
	if (e == NETNS_FAILED)
		fprintf(stderr, "socktrace: %s: %s\n", cmd, r->why);
	else
		fprintf(stderr, "socktrace: %s: no private network namespace here: %s%s%s\n", cmd,
		        r->why, r->fix[0] ? "; fix: " : "", r->fix);
	if (s->cfg->fallback && !s->cfg->shell)
		return replay(s->cfg);
	return 3;
}

// Enter the namespace (and the second host's); on refusal, see refused().
// Returns -1 to go on, else an exit status.
static int enter(struct session *s)
{
	char err[512];
	struct netns_refusal r;
	enum netns_error e = netns_enter(&r);
	if (e != NETNS_OK)
		return refused(s, e, &r);
	if (netns_set_mtu(netns_loopback(), s->cfg->mtu, err, sizeof err) < 0) {
		fprintf(stderr, "socktrace: %s: %s\n", s->cfg->shell ? "shell" : "run", err);
		return 1;
	}
	if (s->cfg->two_hosts) {
		if (netns_make_peer(&s->peer, 3000, err, sizeof err) < 0) {
			fprintf(stderr, "socktrace: run: two hosts: %s\n", err);
			return 1;
		}
		s->has_peer = 1;
		if (s->cfg->netem && apply_netem(s) < 0)
			return s->cfg->fallback ? replay(s->cfg) : 1;
	}
	return -1;
}

int run_main(int argc, char **argv)
{
	struct run_cfg cfg;
	int p = parse_args(&cfg, argc, argv);
	if (p > 0)
		fputs(usage_text, stdout);
	if (p != 0)
		return p > 0 ? 0 : 2;
	struct session s = { .cfg = &cfg, .host = cfg.two_hosts ? NETNS_PEER_ADDR : "127.0.0.1" };
	int rc = enter(&s);
	if (rc >= 0)
		return rc;
	char err[512];
	FILE *progout = cfg.opts.format == FORMAT_JSON ? stderr : stdout;
	open_calls(&s);
	if ((cfg.shell && cfg.tmux && tmux_fifo(&s, err, sizeof err) < 0) ||
	    open_capture(&s, s.has_peer ? s.peer.local_if : netns_loopback(), err, sizeof err) < 0 ||
	    loop_init(&s.loop, s.pcap, s.tracer, s.dumper, progout, err, sizeof err) < 0) {
		fprintf(stderr, "socktrace: %s: %s\n", cfg.shell ? "shell" : "run", err);
		calls_close(s.calls);
		close_capture(&s);
		tmux_cleanup(&s);
		return 1;
	}
	s.loop.pipes = cfg.pipes;
	start_calls(&s);
	rc = cfg.shell ? run_shell(&s) : run_programs(&s);
	loop_end(&s.loop);
	calls_close(s.calls);  // its last calls printed before the ladder
	report_stats(&s);
	close_capture(&s);
	tmux_cleanup(&s);
	return rc;
}
