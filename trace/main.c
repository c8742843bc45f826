// main.c: socktrace's command line: parse the options, open the capture
// (a file or a live interface), run it through the tracer, and decide the
// exit code. `socktrace run ...` is handed to run_main() (run.c).
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "privdrop.h"
#include "run.h"
#include "tracer.h"

// Exit codes (documented in --help and the README).
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

// The filter used live when none is given: the lab programs' port, ICMP,
// and IP fragments (a later fragment has no port to match: IPv4 with a
// non-zero offset, IPv6 with a fragment header).
#define LAB_FILTER "port 12000 or icmp or icmp6 or (ip[6:2] & 0x1fff != 0) " \
                   "or ip6[6] == 44"

static const char usage_text[] =
"usage: socktrace -r FILE [options] [filter expression]\n"
"       socktrace -i IFACE [options] [filter expression]\n"
"       socktrace run ...      (run programs in a private network; see\n"
"                               `socktrace run --help`)\n"
"\n"
"Decode and annotate the packets of a capture: which end is the client,\n"
"what each datagram or TCP segment means, and the socket call behind it.\n"
"\n"
"  -r FILE         read a pcap or pcapng file ('-' for standard input)\n"
"  -i IFACE        capture live on IFACE (needs CAP_NET_RAW); without a\n"
"                  filter, only '" LAB_FILTER "' is shown\n"
"  -w FILE         also save the packets read (after filtering) as pcap\n"
"  -q              terse: one line per packet, no notes\n"
"  --json          JSON Lines: one object per packet (schema in README)\n"
"  --ladder        after the packets, a ladder diagram per conversation\n"
"  --mermaid       instead of the packets, a Mermaid sequenceDiagram\n"
"  -S              absolute TCP sequence numbers (default: relative)\n"
"  -v              under each packet, every header field, layer by layer\n"
"                  (with --json: a \"layers\" array in each object)\n"
"  -x              as -v, with each layer's bytes in hex\n"
"  --step          one packet at a time, with its place on the ladder:\n"
"                  Enter or space for the next, q to quit (one key, on a\n"
"                  terminal)\n"
"  --color=WHEN    colour: auto (a terminal and NO_COLOR unset), always,\n"
"                  never\n"
"  -h, --help      this help\n"
"\n"
"The filter is a BPF expression as in tcpdump, e.g. 'udp port 12000';\n"
"the remaining arguments are joined with spaces.\n"
"\n"
"Exit status: 0 success (also when a live capture is stopped with\n"
"Ctrl-C); 1 the capture could not be opened or read, or output failed;\n"
"2 usage error (bad option or arguments, bad filter).\n";

struct args {
	const char *read_file;
	const char *iface;
	const char *write_file;
	char *filter;           // joined from the remaining arguments
	int color;              // -1 auto, 0 never, 1 always
	struct trace_opts opts;
};

// Print a one-line usage error and return EXIT_USAGE.
static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "socktrace: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	fprintf(stderr, "Try 'socktrace --help' for more information.\n");
	return EXIT_USAGE;
}

// Join argv[from..argc) with spaces into a new string (NULL if none).
static char *join_args(int argc, char **argv, int from)
{
	size_t len = 1;
	char *s;

	if (from >= argc)
		return NULL;
	for (int i = from; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = from; i < argc; i++) {
		if (i > from)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

// Parse --color's argument. 0 on success.
static int parse_color(const char *v, int *color)
{
	if (!v || strcmp(v, "always") == 0)
		*color = 1;
	else if (strcmp(v, "never") == 0)
		*color = 0;
	else if (strcmp(v, "auto") == 0)
		*color = -1;
	else
		return -1;
	return 0;
}

// Parse the command line into a. Returns -1 to go on, or an exit code
// (0 after --help).
static int parse_args(int argc, char **argv, struct args *a)
{
	enum { OPT_JSON = 256, OPT_LADDER, OPT_MERMAID, OPT_COLOR, OPT_STEP };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "ladder", no_argument, NULL, OPT_LADDER },
		{ "mermaid", no_argument, NULL, OPT_MERMAID },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "step", no_argument, NULL, OPT_STEP },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:i:w:qSvxh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': a->read_file = optarg; break;
		case 'i': a->iface = optarg; break;
		case 'w': a->write_file = optarg; break;
		case 'q': a->opts.format = FORMAT_TERSE; break;
		case 'S': a->opts.absolute_seq = 1; break;
		case 'v': a->opts.verbose = 1; break;
		case 'x': a->opts.verbose = a->opts.hex = 1; break;
		case OPT_JSON: a->opts.format = FORMAT_JSON; break;
		case OPT_LADDER: a->opts.ladder = 1; break;
		case OPT_MERMAID: a->opts.mermaid = 1; break;
		case OPT_STEP: a->opts.step = 1; break;
		case OPT_COLOR:
			if (parse_color(optarg, &a->color) < 0)
				return usage_error("--color takes auto, always or never",
				                   optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		case ':':
			return usage_error("option needs an argument", argv[optind - 1]);
		default:
			return usage_error("unknown option", argv[optind - 1]);
		}
	}
	if (a->opts.format == FORMAT_JSON && (a->opts.ladder || a->opts.mermaid))
		return usage_error("--json keeps stdout to JSON Lines: no --ladder or --mermaid with it",
		                   NULL);
	if (!a->read_file == !a->iface)
		return usage_error(a->read_file ? "give -r FILE or -i IFACE, not both"
		                   : "give -r FILE or -i IFACE", NULL);
	a->filter = join_args(argc, argv, optind);
	if (optind < argc && !a->filter) {
		fprintf(stderr, "socktrace: out of memory\n");
		return EXIT_RUNTIME;
	}
	return -1;
}

// SIGINT/SIGTERM: stop the capture loop (async-signal-safe).
static void on_signal(int sig)
{
	(void)sig;
	capture_interrupt();
}

// Install on_signal without SA_RESTART, so a blocked read returns.
static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

// Choose colour and stdout buffering: line by line on a terminal or when
// capturing live; into a file or pipe, the tracer writes its lines in
// 64 KiB batches, and stdout keeps the system's small buffer (a big one
// only copied each batch before writing it: 4% of socktrace -q's time).
static void setup_output(struct args *a)
{
	int tty = isatty(STDOUT_FILENO);
	const char *nc = getenv("NO_COLOR");

	if (a->color < 0)
		a->opts.color = tty && !(nc && *nc);
	else
		a->opts.color = a->color;
	if (a->opts.format != FORMAT_TEXT)
		a->opts.color = 0;
	if (tty || a->iface)
		setvbuf(stdout, NULL, _IOLBF, 0);
	a->opts.batch = !tty && !a->iface;  // stdout is fully buffered
	a->opts.out = stdout;
}

// Open the capture named in a and set its filter. NULL after printing
// the error; *code is then the exit code.
static pcap_t *open_capture(struct args *a, int *code)
{
	char err[PCAP_ERRBUF_SIZE + 512];
	const char *filter = a->filter;
	pcap_t *p;

	p = a->iface ? capture_open_live(a->iface, err, sizeof err)
	             : capture_open_file(a->read_file, err, sizeof err);
	if (!p) {
		fprintf(stderr, "socktrace: %s\n", err);
		*code = EXIT_RUNTIME;
		return NULL;
	}
	if (a->iface && !filter)
		filter = LAB_FILTER;
	if (capture_set_filter(p, filter, err, sizeof err) < 0) {
		fprintf(stderr, "socktrace: %s\n", err);
		capture_close(p);
		*code = EXIT_USAGE;
		return NULL;
	}
	if (a->iface && !a->filter)
		fprintf(stderr, "socktrace: listening on %s, filter '%s'\n",
		        a->iface, filter);
	return p;
}

// After a live capture: print what the kernel received and dropped.
static void print_stats(pcap_t *p)
{
	struct pcap_stat st;

	if (pcap_stats(p, &st) < 0) {
		fprintf(stderr, "socktrace: pcap_stats: %s\n", pcap_geterr(p));
		return;
	}
	fprintf(stderr, "%u packets received, %u dropped\n", st.ps_recv,
	        st.ps_drop);
}

// Open the -w file for p, if one was asked for. It is opened before root
// is given up (as tcpdump does), so root can save where only root may
// write. 0 with *dumper set (NULL without -w), or -1 after saying why.
static int open_dump(struct args *a, pcap_t *p, pcap_dumper_t **dumper)
{
	*dumper = NULL;
	if (a->write_file && !(*dumper = pcap_dump_open(p, a->write_file))) {
		fprintf(stderr, "socktrace: pcap_dump_open: %s\n", pcap_geterr(p));
		return -1;
	}
	return 0;
}

// Read every packet of p through a tracer (saving them to dumper, if not
// NULL, which it closes).
static int trace_capture(struct args *a, pcap_t *p, pcap_dumper_t *dumper)
{
	char err[PCAP_ERRBUF_SIZE + 512];
	struct tracer *t;
	int code = EXIT_OK;

	a->opts.offload = a->iface != NULL;
	t = tracer_open(&a->opts, pcap_datalink(p), err, sizeof err);
	if (!t) {
		fprintf(stderr, "socktrace: %s\n", err);
		if (dumper)
			pcap_dump_close(dumper);
		return EXIT_RUNTIME;
	}
	if (capture_loop(p, t, dumper, err, sizeof err) < 0) {
		tracer_flush(t);
		fflush(stdout);
		fprintf(stderr, "socktrace: %s\n", err);
		code = EXIT_RUNTIME;
	}
	tracer_close(t);
	if (dumper && (pcap_dump_flush(dumper) < 0 || ferror(pcap_dump_file(dumper)))) {
		fprintf(stderr, "socktrace: %s: write error\n", a->write_file);
		code = EXIT_RUNTIME;
	}
	if (dumper)
		pcap_dump_close(dumper);
	return code;
}

// Whether this process is in the initial user namespace, where uid 0 is
// the real root (Linux: /proc/self/uid_map maps all 2^32 ids; elsewhere,
// or unreadable: yes). Root inside a user namespace of its own has
// nothing outside it to give up, and could not: setgroups is denied there
// and "nobody" is not mapped.
static int initial_userns(void)
{
	unsigned long inside, outside, count;
	FILE *f = fopen("/proc/self/uid_map", "r");
	int n;

	if (!f)
		return 1;
	n = fscanf(f, "%lu %lu %lu", &inside, &outside, &count);
	fclose(f);
	return n != 3 || count == 4294967295ul;
}

// Live capture as root: once the capture is open, give up root for good
// (privdrop.c). 0, or -1 after printing why, with *code the exit code.
static int drop_root(int *code)
{
	char who[64], err[256];
	int r;

	if (!initial_userns())
		return 0;
	r = privdrop(who, sizeof who, err, sizeof err);

	if (r < 0) {
		fprintf(stderr, "socktrace: %s\n", err);
		*code = EXIT_RUNTIME;
		return -1;
	}
	if (r > 0)
		fprintf(stderr, "socktrace: capture open; running as %s from now on\n", who);
	return 0;
}

int main(int argc, char **argv)
{
	struct args a;
	pcap_t *p;
	pcap_dumper_t *dumper = NULL;
	int code;

	if (argc > 1 && (strcmp(argv[1], "run") == 0 || strcmp(argv[1], "shell") == 0))
		return run_main(argc - 1, argv + 1);
	memset(&a, 0, sizeof a);
	a.color = -1;
	code = parse_args(argc, argv, &a);
	if (code >= 0)
		return code;
	setup_output(&a);
	catch_signals();  // before opening: an early Ctrl-C still gets stats
	p = open_capture(&a, &code);
	if (p && (open_dump(&a, p, &dumper) < 0 || (a.iface && drop_root(&code) < 0))) {
		if (dumper)
			pcap_dump_close(dumper);
		capture_close(p);
		p = NULL;
		code = EXIT_RUNTIME;
	}
	if (p) {
		code = trace_capture(&a, p, dumper);
		if (a.iface)
			print_stats(p);
		capture_close(p);
	}
	free(a.filter);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "socktrace: writing output: %s\n", strerror(errno));
		code = EXIT_RUNTIME;
	}
	return code;
}
