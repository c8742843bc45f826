// grader.c: grade one submission: a folder holding the programs the test
// table names (tests.tab: UDPClient.c, UDPServer.c, TCPClient.c and
// TCPServer.c; extensions.tab: the four extension exercises).
//
//   grader -w WORKDIR [-t TABLE] [-j JOBS] [-o FORMAT:FILE]... [-T TEST]... [-x]
//          [-u UID] [-s SOCKTRACE] [-m auto|namespaces|container|plain] [-n NOTE]
//          SUBMISSION
//
// Each program the table names is compiled, then each test of the table
// runs in its own sandbox (sandbox.h), several at a time; the tests of a
// program that is missing or does not build fail without running. The
// results are written by this process only, after every sandbox has
// ended, to each FILE ("-": stdout) in FORMAT (text, tap, junit,
// gradescope, csv). -T keeps only the tests named; -n adds a line to
// the report's top (which files were graded). -m picks the
// sandbox's mode (sandbox.h); auto (the default) takes namespaces where
// they can be made, else container mode as root, else plain mode, where
// the wire checks are not graded. Exit 0 when the grading ran (whatever
// the score; with -x only if every test passed), 1 for -x with a failed
// test, 2 when the grading could not run, 3 when some tests could not be
// graded here (plain mode).
#include "gtests.h"
#include "report.h"
#include "memcg.h"
#include "sandbox.h"
#include "wire.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_SOURCE (1 << 20)   // a bigger .c file is not graded
#define MAX_BINARY (64 << 20)  // nor a bigger program
#define MAX_OUTPUTS 8
#define UID_BASE 1600000000u   // the first uid of student code (when root)

// How students' code is compiled: the one rule of labs/module.mk, which
// builds the grader with it (and `make` the programs of labs/): these
// warnings are shown, never fatal.
#ifndef STUDENT_CFLAGS
#define STUDENT_CFLAGS "-std=c11 -O2 -Wall -Wextra"
#endif

static const struct box_limits compile_limits = {
	.cpu_s = 20, .as_mb = 2048, .nproc = 32, .fsize_mb = 64, .writable = 1,
};

static unsigned uid_base = UID_BASE;  // -u

static const char *workdir;
static const char *socktrace;  // -s: annotate failed tests' captures with it

// Print an error naming the grader and exit 2 (what escaped: it may
// hold the submission's name).
static void die(const char *what)
{
	char shown[4400];
	const char *why = strerror(errno);
	fprintf(stderr, "grader: %s: %s\n", report_name(shown, sizeof shown, what), why);
	exit(2);
}

// Path under the work folder, in a static buffer of 8 (rotating).
static const char *wpath(const char *fmt, const char *a, const char *b)
{
	static char bufs[8][4300];
	static int next;
	char *p = bufs[next++ % 8];
	char rel[256];
	snprintf(rel, sizeof rel, fmt, a, b);
	snprintf(p, sizeof bufs[0], "%s/%s", workdir, rel);
	return p;
}

// mkdir that accepts an existing folder.
static void make_dir(const char *path, mode_t mode)
{
	if (mkdir(path, mode) < 0 && errno != EEXIST)
		die(path);
}

// mkdir -p path.
static void make_parents(const char *path)
{
	char p[4096];
	snprintf(p, sizeof p, "%s", path);
	for (char *s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			make_dir(p, 0755);
			*s = '/';
		}
	make_dir(p, 0755);
}

// Is name a program name fit for a path: letters, digits, '_'?
static int plain_name(const char *name)
{
	size_t n = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
	return n > 0 && n < sizeof ((struct grading *)0)->programs[0] && name[n] == '\0';
}

// Add program to g's programs unless it is there. 0, or -1 if full.
static int add_program(struct grading *g, const char *program)
{
	for (int p = 0; p < g->nprograms; p++)
		if (strcmp(g->programs[p], program) == 0)
			return 0;
	if (g->nprograms == MAX_PROGRAMS)
		return -1;
	snprintf(g->programs[g->nprograms++], sizeof g->programs[0], "%s", program);
	return 0;
}

// Read the test table into g, and the programs it tests. Exits on a
// malformed line.
static void load_table(const char *path, struct grading *g)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	if (f == NULL)
		die(path);
	while (fgets(line, sizeof line, f) != NULL) {
		char *field[5], *save = NULL;
		int n = 0;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (char *s = strtok_r(line, "\t", &save); s && n < 5; s = strtok_r(NULL, "\t", &save))
			field[n++] = s;
		if (n != 5 || g->ntests == MAX_TESTS || !gtest_exists(field[0]) ||
		    !plain_name(field[1]) || add_program(g, field[1]) < 0) {
			fprintf(stderr, "grader: %s: bad line for \"%s\"\n", path, n ? field[0] : "");
			exit(2);
		}
		struct result *r = &g->tests[g->ntests++];
		snprintf(r->name, sizeof r->name, "%s", field[0]);
		snprintf(r->program, sizeof r->program, "%s", field[1]);
		r->points = atoi(field[2]);
		snprintf(r->title, sizeof r->title, "%s", field[3]);
		snprintf(r->hint, sizeof r->hint, "%s", field[4]);
	}
	fclose(f);
}

// What kind of file mode m is, for a message.
static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a folder" : S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" :
	       S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a plain file";
}

// Copy the regular file src (never through a symlink, at most max bytes)
// to dst with mode; messages call it name. src is opened non-blocking and
// checked with fstat before a byte is read, so a FIFO, socket or device
// in the submission is refused at once, never waited on. Returns 0, or -1
// with the reason in msg.
static int copy_file(const char *src, const char *name, const char *dst, mode_t mode,
                     size_t max, char *msg, size_t len)
{
	struct stat st;
	int in = open(src, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (in < 0 || fstat(in, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (in < 0)
			snprintf(msg, len, "%s: %s", name, strerror(errno));
		else
			snprintf(msg, len, "%s is %s, not a regular file: it was not read",
			         name, file_kind(st.st_mode));
		if (in >= 0)
			close(in);
		return -1;
	}
	if ((size_t)st.st_size > max) {
		snprintf(msg, len, "%s: larger than %zu MiB", name, max >> 20);
		close(in);
		return -1;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	ssize_t n = buf ? read(in, buf, (size_t)st.st_size + 1) : -1;
	close(in);
	if (n < 0 || n > st.st_size) {
		snprintf(msg, len, "%s: %s", name, n < 0 ? strerror(errno) : "changed while read");
		free(buf);
		return -1;
	}
	unlink(dst);
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	int ok = out >= 0 && write(out, buf, (size_t)n) == n;
	if (!ok)
		snprintf(msg, len, "grader: %s: %s", dst, strerror(errno));
	if (out >= 0)
		close(out);
	free(buf);
	return ok ? 0 : -1;
}

// Inside a sandbox: compile /sandbox/PROG.c into /sandbox/PROG.
static int compile_in_box(void *arg, int resfd)
{
	const char *prog = arg;
	char src[64], exe[64], flags[] = STUDENT_CFLAGS, *argv[32], *save = NULL;
	struct jail j;
	int n = 0;
	snprintf(src, sizeof src, "/sandbox/%s.c", prog);
	snprintf(exe, sizeof exe, "/sandbox/%s", prog);
	argv[n++] = "/usr/bin/cc";
	for (char *f = strtok_r(flags, " ", &save); f && n < 28; f = strtok_r(NULL, " ", &save))
		argv[n++] = f;
	argv[n++] = "-o", argv[n++] = exe, argv[n++] = src, argv[n] = NULL;
	if (jail_start(&j, wpath("src/%s", prog, ""), argv, &compile_limits) < 0)
		return 1;
	int done = jail_finish(&j, 30000) == 0;
	dprintf(resfd, "%s", j.e.data);
	if (!done)
		dprintf(resfd, "\nthe compiler %s", jail_how(&j));
	return done && WIFEXITED(j.status) && WEXITSTATUS(j.status) == 0 ? 0 : 1;
}

// Replace each "/sandbox/PROG.c" in msg (size bytes) by the student's own
// path to the file, so compiler messages name labs/PROG.c (say).
static void name_source(char *msg, size_t size, const char *prog, const char *path)
{
	char from[64], *out = malloc(size), *p = msg;
	size_t o = 0;
	snprintf(from, sizeof from, "/sandbox/%s.c", prog);
	if (out == NULL)
		return;
	for (char *hit; (hit = strstr(p, from)) != NULL; p = hit + strlen(from))
		o += (size_t)snprintf(out + o, o < size ? size - o : 0, "%.*s%s", (int)(hit - p), p,
		                      path);
	if (o < size) {
		snprintf(out + o, size - o, "%s", p);
		snprintf(msg, size, "%s", out);
	}
	free(out);
}

// In a worker: build program p of submission sub (called shown in
// messages); write "ok\n", "no\n" or "missing\n" and the messages to the
// result file.
static void build_one(const char *sub, const char *shown, const char *prog)
{
	char msg[4096] = "", src[4300], err[256] = "", name[40];
	int ok = 0, missing = 0;
	snprintf(src, sizeof src, "%s/%s.c", sub, prog);
	snprintf(name, sizeof name, "%s.c", prog);
	const char *dir = wpath("src/%s", prog, "");
	make_dir(dir, 0755);
	if (access(src, F_OK) < 0 && errno == ENOENT) {
		snprintf(msg, sizeof msg, "%s.c is missing from %s", prog, shown);
		missing = 1;
	} else if (copy_file(src, name, wpath("src/%s/%s.c", prog, prog), 0644, MAX_SOURCE,
	                     msg, sizeof msg) == 0) {
		if (chown(dir, box_student_uid(), (gid_t)-1) < 0 && geteuid() == 0)
			die(dir);
		int rc = box_run(compile_in_box, (void *)prog, 40000, msg, sizeof msg, err, sizeof err);
		if (rc < 0)
			snprintf(msg + strlen(msg), sizeof msg - strlen(msg), "%s", err);
		name_source(msg, sizeof msg, prog, src);
		const char *exe = wpath("src/%s/%s", prog, prog);
		make_dir(wpath("run/%s", prog, ""), 0755);
		char ignored[256];
		ok = rc == 0 && copy_file(exe, prog, wpath("run/%s/%s", prog, prog), 0755,
		                          MAX_BINARY, ignored, sizeof ignored) == 0;
		if (!ok && rc == 0)
			snprintf(msg + strlen(msg), sizeof msg - strlen(msg), "no program was built");
	}
	FILE *f = fopen(wpath("res/%s.build", prog, ""), "w");
	if (f == NULL)
		die("result file");
	fprintf(f, "%s\n%s", ok ? "ok" : missing ? "missing" : "no", msg);
	fclose(f);
}

// Inside a sandbox: run one test with the capture on; a test whose
// programs flooded the network fails, and says so first. (In plain mode
// there is no capture: a test that looks at the wire is not graded here,
// "N".)
static int test_in_box(void *arg, int resfd)
{
	struct tcase *t = arg;
	struct wire w;
	char err[256];
	memset(&w, 0, sizeof w);
	if (box_get_mode() != BOX_PLAIN &&
	    wire_open(&w, wpath("traces/%s.pcap", t->name, ""), err, sizeof err) < 0) {
		dprintf(resfd, "F\n%s", err);
		return 0;
	}
	t->wire = &w;
	gtest_run(t);
	if (w.uncaptured) {
		dprintf(resfd, "N\nnot graded here: a wire check, and no capture is possible "
		        "here (neither namespaces nor root)");
		return 0;
	}
	wire_collect(&w);
	char flood[300];
	if (wire_flood_note(&w, flood, sizeof flood))  // fails the test, whatever it saw
		dprintf(resfd, "F\n%s%s%s", flood, t->msg[0] ? "\n" : "", t->msg);
	else
		dprintf(resfd, "%c\n%s", t->pass ? 'P' : 'F', t->msg);
	wire_close(&w);
	return 0;
}

// Outside a private network namespace: the test's own port and address
// (peers.h), and a capture of them only (and of the port's byte-swapped
// twin, where a port sent without htons goes). 0 or -1.
static int own_port(char *filter, size_t size)
{
	if (box_get_mode() == BOX_NAMESPACES)
		return 0;
	if (peer_pick_port() < 0)
		return -1;
	int swapped = (peer_port & 0xff) << 8 | peer_port >> 8;
	snprintf(filter, size, "host %s or port %d or port %d", peer_host_text(), peer_port,
	         swapped);
	wire_set_filter(filter);
	return 0;
}

// Run argv (a trusted program) and keep the first size-1 bytes of its
// stdout in buf; it is killed after timeout_ms. Returns the bytes kept.
static size_t run_capture(char *const argv[], char *buf, size_t size, int timeout_ms)
{
	int p[2];
	size_t len = 0;
	buf[0] = '\0';
	if (pipe(p) < 0)
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 2);
		close(p[0]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	long long deadline = now_ms() + timeout_ms;
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	while (pid > 0 && len + 1 < size && now_ms() < deadline &&
	       poll(&pfd, 1, (int)(deadline - now_ms())) > 0) {
		ssize_t n = read(p[0], buf + len, size - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	close(p[0]);
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return len;
}

// Append to res what socktrace says of the test's capture (its first
// packets, one line each), so a failed test shows the wire.
static void add_trace(const char *name, char *res, size_t size)
{
	char out[16384], *save = NULL;
	char *argv[] = { (char *)socktrace, "--color=never", "-r",
	                 (char *)wpath("traces/%s.pcap", name, ""), NULL };
	if (run_capture(argv, out, sizeof out, 5000) == 0)
		return;
	snprintf(res + strlen(res), size - strlen(res), "\n  on the wire (socktrace):");
	int lines = 0;
	for (char *l = strtok_r(out, "\n", &save); l && lines < 10; l = strtok_r(NULL, "\n", &save)) {
		if (l[0] == ' ')
			continue;  // a packet's notes: `socktrace -r` shows them
		snprintf(res + strlen(res), size - strlen(res), "\n    %s", l);
		lines++;
	}
	if (lines == 10)
		snprintf(res + strlen(res), size - strlen(res), "\n    ...");
}

// In a worker: run test r; write "P"/"F", the seconds and the message.
static void test_one(const struct result *r)
{
	static struct tcase t;
	static char filter[64];
	char res[4096], err[256];
	long long start = now_ms();
	t = (struct tcase){ .name = r->name, .bindir = wpath("run", "", "") };
	int rc = -1;
	if (own_port(filter, sizeof filter) < 0)
		snprintf(err, sizeof err, "grader: no free port: %s", strerror(errno));
	else
		rc = box_run(test_in_box, &t, 20000, res, sizeof res, err, sizeof err);
	if (rc < 0)
		snprintf(res, sizeof res, "F\n%s", err);
	else if (res[0] == '\0')  // a bug of ours: never a silent failure
		snprintf(res, sizeof res, "F\ngrader: the test ended (code %d) without a result", rc);
	if (res[0] == 'F' && socktrace != NULL)
		add_trace(r->name, res, sizeof res);
	FILE *f = fopen(wpath("res/%s.test", r->name, ""), "w");
	if (f == NULL)
		die("result file");
	fprintf(f, "%c %.3f\n%s", res[0] == 'P' || res[0] == 'N' ? res[0] : 'F',
	        (double)(now_ms() - start) / 1000, res[0] ? res + 2 : "");
	fclose(f);
}

// Run job(i) for i < n in worker processes, at most jobs at a time.
static void run_pool(int n, int jobs, void (*job)(int i))
{
	int running = 0;
	for (int i = 0; i < n || running > 0; ) {
		if (i < n && running < jobs) {
			pid_t pid = fork();
			if (pid < 0)
				die("fork");
			if (pid == 0) {
				job(i);
				_exit(0);
			}
			running++, i++;
			continue;
		}
		if (wait(NULL) > 0)
			running--;
	}
}

static const char *submission;
static struct grading g;

// The build of the program test r is for (load_table listed them all).
static const struct build *build_of(const struct result *r)
{
	for (int p = 0; p < g.nprograms; p++)
		if (strcmp(g.programs[p], r->program) == 0)
			return &g.builds[p];
	return NULL;
}

// In container mode each build and each test runs as a uid of its own:
// its processes are then exactly that uid's (to count, limit and kill).
// Graders at once (grade-all) get blocks of their own (claim_uids).
static void own_uid(unsigned k)
{
	if (box_get_mode() == BOX_CONTAINER)
		box_set_student_uid(uid_base + k);
}

static void build_job(int i)
{
	own_uid(MAX_TESTS + (unsigned)i);
	build_one(submission, g.submission, g.programs[i]);
}

// Only the tests of programs that were built run (skip_unbuilt says why
// the others failed).
static void test_job(int i)
{
	own_uid((unsigned)i);
	if (build_of(&g.tests[i])->ok)
		test_one(&g.tests[i]);
}

// Outside a private network namespace the tests share the network: two
// runs of one program at once would both get a port it hard-codes (a
// client that binds one), and one test's flood of lo would slow another
// past its deadline (a correct TCPServer failed beside a flooding
// UDPClient). There the tests run one after the other, so that the
// grades never depend on what ran beside them (one worker, for run_pool).
static void tests_in_turn(int unused)
{
	(void)unused;
	for (int i = 0; i < g.ntests; i++)
		test_job(i);
}

// Read a worker's result file into buf (at most size-1 bytes). 0 or -1.
static int read_result(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	size_t n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return 0;
}

// Collect what the build workers wrote.
static void collect_builds(void)
{
	char buf[sizeof g.builds[0].msg + 8];
	for (int p = 0; p < g.nprograms; p++) {
		struct build *b = &g.builds[p];
		if (read_result(wpath("res/%s.build", g.programs[p], ""), buf, sizeof buf) < 0) {
			snprintf(b->msg, sizeof b->msg, "grader: the build of %s left no result",
			         g.programs[p]);
			continue;
		}
		b->ok = strncmp(buf, "ok\n", 3) == 0;
		b->missing = strncmp(buf, "missing\n", 8) == 0;
		snprintf(b->msg, sizeof b->msg, "%s", buf + strcspn(buf, "\n") + (buf[0] != '\0'));
		for (size_t k = strlen(b->msg); k > 0 && b->msg[k - 1] == '\n'; k--)
			b->msg[k - 1] = '\0';
	}
}

// Collect what the test workers wrote.
static void collect_tests(void)
{
	char buf[sizeof g.tests[0].msg + 16];
	for (int i = 0; i < g.ntests; i++) {
		struct result *r = &g.tests[i];
		char *nl;
		if (!build_of(r)->ok)
			continue;  // not run: skip_unbuilt
		if (read_result(wpath("res/%s.test", r->name, ""), buf, sizeof buf) < 0 ||
		    (nl = strchr(buf, '\n')) == NULL) {
			snprintf(r->msg, sizeof r->msg, "grader: the test left no result");
			continue;
		}
		r->pass = buf[0] == 'P';
		r->ungraded = buf[0] == 'N';
		r->seconds = atof(buf + 2);
		snprintf(r->msg, sizeof r->msg, "%.*s", (int)sizeof r->msg - 1, nl + 1);
	}
}

// Tests of programs that are missing or did not build fail, and say why.
static void skip_unbuilt(void)
{
	for (int i = 0; i < g.ntests; i++) {
		struct result *r = &g.tests[i];
		const struct build *b = build_of(r);
		char prog[sizeof r->program];
		memcpy(prog, r->program, sizeof prog);
		if (!b->ok)
			r->pass = 0;
		if (b->missing)
			snprintf(r->msg, sizeof r->msg, "not submitted: %s.c is missing from %s",
			         prog, g.submission);
		else if (!b->ok)
			snprintf(r->msg, sizeof r->msg,
			         "%s.c did not build (see its compiler messages above)", prog);
	}
}

// Write the report in format to path ("-": stdout). A regular file (or a
// new one) is written through a temporary file renamed into place, so a
// reader never sees half a report; anything else (/dev/null, a pipe) is
// written as it is, never replaced.
static int write_output(const char *spec)
{
	char format[32], tmp[4200];
	struct stat st;
	const char *path = strchr(spec, ':');
	if (path == NULL || path - spec >= (long)sizeof format) {
		fprintf(stderr, "grader: -o wants FORMAT:FILE, not %s\n", spec);
		return -1;
	}
	snprintf(format, sizeof format, "%.*s", (int)(path - spec), spec);
	path++;
	if (strcmp(path, "-") == 0)
		return report_write(&g, format, stdout);
	int special = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
	snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
	FILE *f = fopen(special ? path : tmp, "w");
	if (f == NULL)
		die(special ? path : tmp);
	int rc = report_write(&g, format, f);
	if (fclose(f) != 0 || rc < 0 || (!special && rename(tmp, path) < 0)) {
		fprintf(stderr, "grader: cannot write %s report %s\n", format, path);
		if (!special)
			unlink(tmp);
		return -1;
	}
	return 0;
}

// Keep only the tests named in only[]; exit if one names no test.
static void keep_only(const char *const only[], int nonly)
{
	int n = 0;
	for (int k = 0; k < nonly; k++) {
		int found = 0;
		for (int i = 0; i < g.ntests; i++)
			found |= strcmp(g.tests[i].name, only[k]) == 0;
		if (!found) {
			fprintf(stderr, "grader: no test called %s\n", only[k]);
			exit(2);
		}
	}
	for (int i = 0; i < g.ntests; i++)
		for (int k = 0; k < nonly; k++)
			if (strcmp(g.tests[i].name, only[k]) == 0) {
				if (n != i)
					g.tests[n] = g.tests[i];
				n++;
				break;
			}
	g.ntests = n;
}

static void usage(void)
{
	fprintf(stderr, "usage: grader -w WORKDIR [-t TABLE] [-j JOBS] "
	        "[-o FORMAT:FILE]... [-T TEST]... [-x] [-u UID] [-s SOCKTRACE] "
	        "[-m auto|namespaces|container|plain] [-n NOTE] SUBMISSION\n");
	exit(2);
}

// The command line, once parsed.
struct options {
	const char *table, *outputs[MAX_OUTPUTS], *only[MAX_TESTS], *mode;
	int nout, nonly, strict, jobs;
};

// Parse the command line into o (and the globals it names); exits on a
// mistake.
static void parse_args(int argc, char **argv, struct options *o)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int c;
	*o = (struct options){ .table = "tests/grade/tests.tab", .mode = "auto" };
	// Most tests wait (for a reply, a timeout) more than they compute.
	o->jobs = 2 * cpus > 4 ? (int)(2 * cpus) : 4;
	while ((c = getopt(argc, argv, "w:t:j:o:T:xu:s:m:n:")) != -1) {
		if (c == 'w')
			workdir = optarg;
		else if (c == 't')
			o->table = optarg;
		else if (c == 'j' && atoi(optarg) > 0)
			o->jobs = atoi(optarg);
		else if (c == 'o' && o->nout < MAX_OUTPUTS)
			o->outputs[o->nout++] = optarg;
		else if (c == 'T' && o->nonly < MAX_TESTS)
			o->only[o->nonly++] = optarg;
		else if (c == 'x')
			o->strict = 1;
		else if (c == 's')
			socktrace = access(optarg, X_OK) == 0 ? optarg : NULL;
		else if (c == 'u' && atol(optarg) >= 1000 && atol(optarg) < 4000000000L)
			box_set_student_uid(uid_base = (unsigned)atol(optarg));
		else if (c == 'm')
			o->mode = optarg;
		else if (c == 'n')
			g.files = optarg;  // it names submitted files (the report quotes it)
		else
			usage();
	}
	if (workdir == NULL || optind != argc - 1)
		usage();
	if (o->nout == 0)
		o->outputs[o->nout++] = "text:-";
}

// Make the work folder, and remove what an earlier grading left in it
// that could pass for this one's (programs, results).
static void prepare_workdir(void)
{
	make_parents(workdir);
	make_dir(wpath("src", "", ""), 0755);
	make_dir(wpath("run", "", ""), 0755);
	make_dir(wpath("traces", "", ""), 0755);
	make_dir(wpath("res", "", ""), 0700);
	for (int p = 0; p < g.nprograms; p++) {
		unlink(wpath("run/%s/%s", g.programs[p], g.programs[p]));
		unlink(wpath("res/%s.build", g.programs[p], ""));
	}
	for (int i = 0; i < g.ntests; i++)
		unlink(wpath("res/%s.test", g.tests[i].name, ""));
}

// Without a sandbox nothing runs: every test says why, and there is no
// score at all (never a 0 for work not graded).
static void not_graded(const char *err)
{
	static char why[1024];
	snprintf(why, sizeof why, "%s", err);
	fprintf(stderr, "%s\n", why);
	g.not_graded = why;
	for (int i = 0; i < g.ntests; i++) {
		g.tests[i].ungraded = 1;
		snprintf(g.tests[i].msg, sizeof g.tests[i].msg, "not graded here: %.2000s", err);
	}
}

// Container mode: claim a block of 128 uids that no other grader running
// here uses (two graders sharing a uid would kill each other's programs):
// the first of 64 blocks from uid_base whose lock file (in a folder only
// root may write) this process can lock; the lock lasts as long as the
// grader. 0, or -1 with err filled.
static int claim_uids(char *err, size_t errlen)
{
	const char *dir = "/tmp/.socklab-uids";
	char path[128];
	struct stat st;
	if ((mkdir(dir, 0700) < 0 && errno != EEXIST) || lstat(dir, &st) < 0 ||
	    !S_ISDIR(st.st_mode) || st.st_uid != 0 || (st.st_mode & 022)) {
		snprintf(err, errlen, "grader: %s: not a folder of root's only", dir);
		return -1;
	}
	for (unsigned k = 0; k < 64; k++) {
		snprintf(path, sizeof path, "%s/%u", dir, uid_base + k * 128);
		int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0) {
			uid_base += k * 128;  // fd stays open: the lock is ours
			return 0;
		}
		if (fd >= 0)
			close(fd);
	}
	snprintf(err, errlen, "grader: 64 graders at once already use the uids from %u", uid_base);
	return -1;
}

// Pick the sandbox's mode as -m asks (auto: the best that works here) and
// note why in g. 0, or -1 with the reason nothing can run in err.
static int choose_mode(const char *want, char *err, size_t errlen)
{
	static char why[512], cwhy[256];
	int ns = strcmp(want, "auto") == 0 || strcmp(want, "namespaces") == 0;
	if (ns && box_available(why, sizeof why) == 0) {
		box_set_mode(BOX_NAMESPACES);
	} else if (strcmp(want, "namespaces") == 0) {
		snprintf(err, errlen, "%s", why);
		return -1;
	} else if (strcmp(want, "plain") == 0) {
		box_set_mode(BOX_PLAIN);
	} else if (strcmp(want, "auto") == 0 || strcmp(want, "container") == 0) {
		if (box_container_available(cwhy, sizeof cwhy) == 0) {
			box_set_mode(BOX_CONTAINER);
		} else if (strcmp(want, "container") == 0) {
			snprintf(err, errlen, "grader: %s", cwhy);
			return -1;
		} else {
			box_set_mode(BOX_PLAIN);
			snprintf(why + strlen(why), sizeof why - strlen(why), "; %s", cwhy);
		}
	} else {
		snprintf(err, errlen, "grader: -m %s: not a mode (auto, namespaces, container, plain)",
		         want);
		return -1;
	}
	if (box_get_mode() == BOX_CONTAINER && claim_uids(err, errlen) < 0)
		return -1;
	g.mode = box_mode_name(box_get_mode());
	static char iso[600];
	snprintf(iso, sizeof iso, "%s; %s", box_isolation(box_get_mode()), memcg_bound());
	g.isolation = iso;
	g.note = why[0] ? why : NULL;
	return 0;
}

// Is there at least one test not graded here?
static int some_ungraded(void)
{
	for (int i = 0; i < g.ntests; i++)
		if (g.tests[i].ungraded)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[1024];
	// A pipe or socket whose far end is gone (a submission that exited,
	// a runner that gave up) must be an error code here, not our death.
	signal(SIGPIPE, SIG_IGN);
	parse_args(argc, argv, &o);
	// The reports and messages show the submission's path escaped.
	static char shown[4096];
	submission = argv[optind];
	g.submission = report_name(shown, sizeof shown, submission);
	struct stat st;
	int found = stat(submission, &st) == 0;
	if (!found || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "grader: %s: %s\n", g.submission, found ? "not a folder" : strerror(errno));
		return 2;
	}
	g.tracedir = strdup(wpath("traces", "", ""));
	load_table(o.table, &g);
	if (o.nonly > 0)
		keep_only(o.only, o.nonly);
	prepare_workdir();
	int graded = choose_mode(o.mode, err, sizeof err) == 0;
	if (graded) {
		run_pool(g.nprograms, o.jobs, build_job);
		collect_builds();
		if (box_get_mode() == BOX_NAMESPACES)
			run_pool(g.ntests, o.jobs, test_job);
		else
			run_pool(1, 1, tests_in_turn);
		collect_tests();
		skip_unbuilt();
	} else {
		not_graded(err);
	}
	int rc = !graded ? 2 : some_ungraded() ? 3 : o.strict && grading_score(&g) < grading_max(&g);
	for (int i = 0; i < o.nout; i++)
		if (write_output(o.outputs[i]) < 0)
			rc = 2;
	return rc;
}
