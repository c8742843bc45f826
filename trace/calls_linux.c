// calls_linux.c: the tracer loop of the socket-call recorder (see
// calls.h): seize each child, let its seccomp filter stop it at socket
// calls, record their entries and returns, and merge them with the
// packets in time order. Arguments are decoded in calls_decode_linux.c.
#include "calls_int.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "escape.h"

#if defined(__x86_64__)
#define CALLS_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define CALLS_ARCH AUDIT_ARCH_AARCH64
#endif

#define TRACE_OPTIONS (PTRACE_O_TRACESECCOMP | PTRACE_O_TRACESYSGOOD | \
                       PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | \
                       PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)

static int child_sync_fd = -1;  // in the child, between fork and exec

struct calls *calls_open(char *err, size_t errlen)
{
#ifndef CALLS_ARCH
	snprintf(err, errlen, "recording calls is not built for this processor");
	return NULL;
#else
	struct calls *c = calloc(1, sizeof *c);
	if (c == NULL)
		snprintf(err, errlen, "out of memory");
	return c;
#endif
}

void calls_set_sink(struct calls *c, void (*sink)(void *, const struct call_rec *), void *arg)
{
	c->sink = sink;
	c->sink_arg = arg;
}

const char *calls_refusal(const struct calls *c)
{
	return c == NULL ? "" : c->why;
}

void calls_set_dispatch(struct calls *c, void (*dispatch)(void *), void *arg)
{
	c->dispatch = dispatch;
	c->dispatch_arg = arg;
}

void calls_set_output(struct calls *c, void *(*entry)(void *, pid_t, int, struct timeval),
                      void (*done)(void *, void *), void *arg)
{
	c->out_entry = entry;
	c->out_done = done;
	c->out_arg = arg;
}

int calls_disabled(const struct calls *c)
{
	return c == NULL || c->disabled;
}

// The current time on the capture's clock.
static struct timeval now_tv(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (struct timeval){ .tv_sec = ts.tv_sec, .tv_usec = ts.tv_nsec / 1000 };
}

// The traced thread tid, or NULL.
static struct tracee *find_tracee(struct calls *c, pid_t tid)
{
	for (int i = 0; i < CALLS_TRACEES; i++)
		if (c->t[i].tid == tid)
			return &c->t[i];
	return NULL;
}

// Fill t->name with the basename of the program tid runs, escaped.
static void set_name(struct tracee *t)
{
	char path[64], exe[256];
	snprintf(path, sizeof path, "/proc/%d/exe", (int)t->tid);
	ssize_t n = readlink(path, exe, sizeof exe - 1);
	if (n <= 0) {
		snprintf(t->name, sizeof t->name, "pid %d", (int)t->tid);
		return;
	}
	exe[n] = '\0';
	const char *base = strrchr(exe, '/');
	base = base ? base + 1 : exe;
	char raw[24];
	snprintf(raw, sizeof raw, "%.23s", base);  // long names cut, as comm does
	escape_str(t->name, sizeof t->name, raw);
}

// A slot for a new tracee tid, or NULL when all are taken (said once).
static struct tracee *add_tracee(struct calls *c, pid_t tid)
{
	struct tracee *t = find_tracee(c, 0);
	if (t == NULL) {
		if (!c->warned_full)
			fprintf(stderr, "socktrace: run: more than %d programs and threads at once: "
			        "the calls of the others are not shown\n", CALLS_TRACEES);
		c->warned_full = 1;
		return NULL;
	}
	memset(t, 0, sizeof *t);
	t->tid = tid;
	set_name(t);
	return t;
}

// Say why tracing is refused, in one line with the fix where it is known.
static void refusal(char *err, size_t errlen, const char *what, int e)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "r");
	int scope = 0;
	if (f != NULL) {
		if (fscanf(f, "%d", &scope) != 1)
			scope = 0;
		fclose(f);
	}
	if (scope >= 2)
		snprintf(err, errlen, "%s: %s (kernel.yama.ptrace_scope is %d; fix: sudo sysctl "
		         "-w kernel.yama.ptrace_scope=1)", what, strerror(e), scope);
	else
		snprintf(err, errlen, "%s: %s (in a container: run it with --cap-add=SYS_PTRACE "
		         "or a seccomp profile that allows ptrace)", what, strerror(e));
}

// Write one byte to fd (retrying on EINTR). 0 or -1.
static int put_byte(int fd, char b)
{
	ssize_t n;
	while ((n = write(fd, &b, 1)) < 0 && errno == EINTR)
		;
	return n == 1 ? 0 : -1;
}

// Read one byte from fd (retrying on EINTR). The byte, or -1.
static int get_byte(int fd)
{
	unsigned char b;
	ssize_t n;
	while ((n = read(fd, &b, 1)) < 0 && errno == EINTR)
		;
	return n == 1 ? b : -1;
}

// Say once, on stderr, that calls are not recorded and why.
static void say_refused(struct calls *c, const char *why)
{
	if (!c->disabled) {
		fprintf(stderr, "socktrace: run: the programs' calls are not recorded: %s; "
		        "the notes say what the packets imply instead\n", why);
		snprintf(c->why, sizeof c->why, "%s", why);
	}
	c->disabled = 1;
}

int calls_attach(struct calls *c, pid_t pid, int sync_fd, char *err, size_t errlen)
{
	if (c->disabled || ptrace(PTRACE_SEIZE, pid, 0, (void *)(long)TRACE_OPTIONS) < 0) {
		if (c->disabled)
			snprintf(err, errlen, "tracing was refused");
		else
			refusal(err, errlen, "ptrace", errno);
		say_refused(c, err);
		put_byte(sync_fd, 'n');
		return -1;
	}
	struct tracee *t = add_tracee(c, pid);
	if (put_byte(sync_fd, 'y') < 0)
		return 0;  // the child died: its exit is reaped as usual
	// Its answer is read later (check_syncs), never waited for here: the
	// child may stop at a traced call before it can give it.
	int fd = c->nsyncs < CALLS_SYNCS ? fcntl(sync_fd, F_DUPFD_CLOEXEC, 3) : -1;
	if (fd >= 0 && fcntl(fd, F_SETFL, O_NONBLOCK) == 0)
		c->syncs[c->nsyncs++] = fd;
	else if (fd >= 0)
		close(fd);
	if (t != NULL)
		set_name(t);  // still socktrace's name until exec: named again then
	return 0;
}

// Read the children's answers: end of file when filtered, or 'e' and the
// errno when seccomp refused them (said once; later children are not
// traced).
static void check_syncs(struct calls *c)
{
	for (int i = 0; i < c->nsyncs; i++) {
		unsigned char b[2];
		ssize_t n = read(c->syncs[i], b, sizeof b);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			continue;
		if (n > 0 && b[0] == 'e') {
			char err[256];
			refusal(err, sizeof err, "seccomp", n == 2 && b[1] ? b[1] : EPERM);
			say_refused(c, err);
		}
		close(c->syncs[i]);
		c->syncs[i--] = c->syncs[--c->nsyncs];
	}
}

int calls_child_read(int sync_fd, int *install)
{
	int b = get_byte(sync_fd);
	*install = b == 'y';
	child_sync_fd = *install ? sync_fd : -1;
	return b < 0 ? -1 : 0;
}

int calls_child_fd(void)
{
	return child_sync_fd;
}

// The BPF program: SECCOMP_RET_TRACE for the traced syscalls, ALLOW for
// every other one (and for another architecture's calls: none are made),
// and for the close() of sync_fd, with which the child says it is ready.
static int build_filter(struct sock_filter *f, int cap, int sync_fd)
{
	int n = 0, nk = 0;
	while (call_kinds[nk].nr >= 0)
		nk++;
	if (nk + 10 > cap)
		return -1;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	                                      offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, CALLS_ARCH, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	                                      offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_close, 0, 3);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,  // low word (LE)
	                                      offsetof(struct seccomp_data, args[0]));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)sync_fd, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	                                      offsetof(struct seccomp_data, nr));
	for (int i = 0; i < nk; i++)  // jump to TRACE (after ALLOW) on a match
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		                                      (unsigned)call_kinds[i].nr,
		                                      (unsigned char)(nk - i), 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	return n;
}

// LeakSanitizer stops the program with ptrace at exit, which a traced
// program cannot do (it then fails with status 1): turn it off in
// programs built with ASan (others ignore the variable).
static void no_leak_check(void)
{
	const char *old = getenv("ASAN_OPTIONS");
	char opts[1024];
	snprintf(opts, sizeof opts, "%s%sdetect_leaks=0", old ? old : "", old && *old ? ":" : "");
	setenv("ASAN_OPTIONS", opts, 1);
}

int calls_child_filter(void)
{
	struct sock_filter f[64];
	int fd = child_sync_fd;
	int n = build_filter(f, 64, fd);
	struct sock_fprog prog = { .len = (unsigned short)n, .filter = f };
	child_sync_fd = -1;
	if (n < 0)
		errno = E2BIG;
	if (n < 0 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
		int e = errno;
		char msg[2] = { 'e', (char)e };  // one write: read whole (not filtered)
		if (write(fd, msg, 2) < 0) {
			// socktrace is gone; nothing to tell
		}
		close(fd);
		errno = e;
		return -1;
	}
	no_leak_check();
	return close(fd);  // let through by the filter: the parent reads EOF
}

// Let stopped tracee tid go on (req PTRACE_CONT, _SYSCALL or _LISTEN),
// delivering signal sig. ESRCH means it was killed meanwhile: its exit is
// reaped next. Anything else would leave it stopped: said, once.
static void resume(enum __ptrace_request req, pid_t tid, int sig)
{
	static int said;
	if (ptrace(req, tid, 0, (void *)(long)sig) < 0 && errno != ESRCH && !said) {
		fprintf(stderr, "socktrace: run: ptrace: resuming %d: %s\n", (int)tid, strerror(errno));
		said = 1;
	}
}

// Queue event r (printed later in time order); a full queue prints its
// oldest first.
static void queue(struct calls *c, const struct call_rec *r)
{
	if (r->hidden)
		return;
	if (c->nq == CALLS_QUEUE) {
		struct timeval ts = c->q[0].rec.ts;
		calls_before(c, &ts);  // prints q[0] at least
	}
	c->q[c->nq++].rec = *r;
}

// Forget the active call id (printed as entered, not returned).
static void forget_active(struct calls *c, unsigned long id)
{
	for (int i = 0; i < c->nactive; i++)
		if (c->active[i].id == id) {
			c->active[i] = c->active[--c->nactive];
			return;
		}
}

// getaddrinfo's probe (calls.h), being closed: forget its queued calls,
// and those of the same ids (its socket()'s entry knew no socket yet).
static void drop_probe(struct calls *c, unsigned long ino)
{
	unsigned long ids[CALLS_QUEUE];
	int nids = 0, n = 0;
	for (int i = 0; i < c->nq; i++)
		if (c->q[i].rec.sock.ino == ino)
			ids[nids++] = c->q[i].rec.id;
	for (int i = 0; i < c->nq; i++) {
		int keep = 1;
		for (int j = 0; j < nids; j++)
			keep &= c->q[i].rec.id != ids[j];
		if (keep)
			c->q[n++] = c->q[i];
	}
	c->nq = n;
	for (int j = 0; j < nids; j++)
		forget_active(c, ids[j]);
}

// A traced thread stopped at the entry of a syscall its filter traps.
static void on_entry(struct calls *c, struct tracee *t)
{
	struct __ptrace_syscall_info info;
	memset(&info, 0, sizeof info);  // filled by the kernel (unknown to valgrind)
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof info, &info);
	if (n < 0 && errno == EIO)  // before Linux 5.3: the call cannot be read
		say_refused(c, "ptrace: PTRACE_GET_SYSCALL_INFO needs Linux 5.3 or later");
	int k = -1;
	for (int i = 0; n > 0 && info.op == PTRACE_SYSCALL_INFO_SECCOMP && call_kinds[i].nr >= 0; i++)
		if ((uint64_t)call_kinds[i].nr == info.seccomp.nr)
			k = i;
	struct call_rec *r = &t->rec;
	memset(r, 0, sizeof *r);
	if (k < 0 || !decode_entry(c, t->tid, call_kinds[k].kind, info.seccomp.args, r)) {
		t->output = k >= 0 && call_kinds[k].kind == K_WRITE && c->out_entry
		            ? c->out_entry(c->out_arg, t->tid, (int)info.seccomp.args[0], now_tv())
		            : NULL;
		resume(t->output ? PTRACE_SYSCALL : PTRACE_CONT, t->tid, 0);
		return;
	}
	r->name = call_kinds[k].name;
	r->id = ++c->next_id;
	r->pid = t->tid;
	snprintf(r->program, sizeof r->program, "%s", t->name);
	r->state = CALL_ENTERED;
	r->ts_enter = r->ts = now_tv();
	t->in_call = 1;
	t->kind = call_kinds[k].kind;
	memcpy(t->args, info.seccomp.args, sizeof t->args);
	queue(c, r);
	if (r->hidden && call_kinds[k].kind == K_CLOSE)
		drop_probe(c, r->sock.ino);
	resume(PTRACE_SYSCALL, t->tid, 0);  // stop again at its return
}

// A traced thread stopped at the return of a call it entered.
static void on_exit_stop(struct calls *c, struct tracee *t)
{
	struct __ptrace_syscall_info info;
	memset(&info, 0, sizeof info);  // filled by the kernel (unknown to valgrind)
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof info, &info);
	if (t->output) {  // a write() to an output pipe: what it wrote is there now
		void *s = t->output;
		t->output = NULL;
		c->out_done(c->out_arg, s);
	}
	if (t->in_call && n > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT) {
		struct call_rec *r = &t->rec;
		r->ts = now_tv();
		r->state = CALL_RETURNED;
		decode_exit(c, t->tid, t->kind, t->args, info.exit.rval, info.exit.is_error, r);
		// Interrupted by a signal: shown when we know whether it killed.
		t->interrupted = r->err == EINTR || (r->err >= 512 && r->err <= 516);
		if (!t->interrupted)
			queue(c, r);
		t->in_call = t->interrupted;
	}
	resume(PTRACE_CONT, t->tid, 0);
}

// A traced thread ended: its call in progress is unfinished. No socket is
// held back as a probe any more (one it left open is then shown).
static void on_end(struct calls *c, struct tracee *t, int status)
{
	if (t->in_call) {
		struct call_rec *r = &t->rec;
		if (!t->interrupted)
			r->ts = now_tv();
		r->state = CALL_UNFINISHED;
		if (WIFSIGNALED(status))
			snprintf(r->why, sizeof r->why, "killed by signal %d (%s)", WTERMSIG(status),
			         sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status)) : "?");
		else
			snprintf(r->why, sizeof r->why, "the program exited with status %d",
			         WEXITSTATUS(status));
		queue(c, r);
	}
	t->tid = 0;
	for (int i = 0; i < c->nsocks; i++)
		c->socks[i].probe = 0;  // a probe it left open is shown, not held
}

// A ptrace event stop (fork, clone, exec) or a group-stop.
static void on_event(struct calls *c, struct tracee *t, int status)
{
	int ev = status >> 16, sig = WSTOPSIG(status);
	unsigned long msg = 0;
	if (ev == PTRACE_EVENT_FORK || ev == PTRACE_EVENT_VFORK || ev == PTRACE_EVENT_CLONE) {
		if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg) == 0 && find_tracee(c, (pid_t)msg) == NULL) {
			struct tracee *k = add_tracee(c, (pid_t)msg);
			if (k != NULL)
				snprintf(k->name, sizeof k->name, "%s", t->name);
		}
	} else if (ev == PTRACE_EVENT_EXEC) {
		set_name(t);
	} else if (ev == PTRACE_EVENT_STOP &&
	           (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)) {
		resume(PTRACE_LISTEN, t->tid, 0);  // stopped (Ctrl-Z): stay so
		return;
	}
	resume(PTRACE_CONT, t->tid, 0);
}

// Handle one wait status of tid.
static void on_status(struct calls *c, pid_t tid, int status,
                      void (*exited)(void *, pid_t, int), void *arg)
{
	struct tracee *t = find_tracee(c, tid);
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (t != NULL)
			on_end(c, t, status);
		exited(arg, tid, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	int delivery = (status >> 16) == 0 && WSTOPSIG(status) != (SIGTRAP | 0x80);
	if (t != NULL && t->interrupted && !delivery) {  // the signal did not kill it
		queue(c, &t->rec);
		t->in_call = t->interrupted = 0;
	}
	if (t == NULL && (t = add_tracee(c, tid)) == NULL) {
		int sig = WSTOPSIG(status);  // untracked: only let it run on
		resume(PTRACE_CONT, tid, status >> 16 || sig == (SIGTRAP | 0x80) ? 0 : sig);
		return;
	}
	if (status >> 16 == PTRACE_EVENT_SECCOMP)
		on_entry(c, t);
	else if (WSTOPSIG(status) == (SIGTRAP | 0x80))
		on_exit_stop(c, t);
	else if (status >> 16)
		on_event(c, t, status);
	else  // a signal for it: deliver it
		resume(PTRACE_CONT, tid, WSTOPSIG(status));
}

void calls_wait(struct calls *c, void (*exited)(void *, pid_t, int), void *arg)
{
	check_syncs(c);
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG | __WALL);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid <= 0)
			break;
		on_status(c, pid, status, exited, arg);
	}
	if (c->nq == 0 || c->printing)
		return;
	if (c->dispatch)
		c->dispatch(c->dispatch_arg);  // earlier packets first
	calls_before(c, NULL);
}

// Remember r as the last data call returned on its socket (the oldest
// socket is forgotten when all places are taken).
static void remember_sent(struct calls *c, const struct call_rec *r)
{
	int i = 0;
	while (i < c->nsent && c->sent[i].sock.ino != r->sock.ino)
		i++;
	if (i == CALLS_SENT) {
		memmove(c->sent, c->sent + 1, sizeof c->sent[0] * (CALLS_SENT - 1));
		i = CALLS_SENT - 1;
	} else if (i == c->nsent) {
		c->nsent++;
	}
	c->sent[i] = *r;
}

// Keep the active list (calls printed as entered, not yet returned).
static void track_active(struct calls *c, const struct call_rec *r)
{
	forget_active(c, r->id);
	if (r->state == CALL_ENTERED && c->nactive < CALLS_TRACEES)
		c->active[c->nactive++] = *r;
	if (r->state == CALL_RETURNED && (r->may_send & SENDS_DATA) && r->ret > 0)
		remember_sent(c, r);
}

// What the packets printed before r, a call that sends, taught of its
// socket's ends (a refused connect()'s port, known only from its SYN).
// A call that cannot send keeps the ends its socket had when it was made:
// a port learnt later, at a sendto() that had not happened yet, is not
// its (and would tie it to the conversation only when printed late).
static void learn_ends(struct calls *c, struct call_rec *r)
{
	if (!r->may_send || r->sock.lport != 0)
		return;
	const struct call_sock *s = sock_known(c, r->sock.ino);
	if (s != NULL)
		r->sock = *s;
}

// Whether to hold call r back for now (calls_before with no time ts): its
// socket may be getaddrinfo's probe, all of whose calls are hidden at its
// close(). Else note that a call on its socket is shown.
static int probe_wait(struct calls *c, const struct call_rec *r, const struct timeval *ts)
{
	struct call_sock *s = sock_known(c, r->sock.ino);
	if (s == NULL)
		return 0;
	if (s->probe && !s->shown && ts == NULL && !c->closing)
		return 1;
	s->shown = 1;
	return 0;
}

void calls_before(struct calls *c, const struct timeval *ts)
{
	int i = 0;
	c->printing = 1;
	for (; i < c->nq; i++) {
		struct call_rec *r = &c->q[i].rec;
		if (ts && timercmp(&r->ts, ts, >))
			break;
		if (probe_wait(c, r, ts))
			break;
		learn_ends(c, r);
		track_active(c, r);
		if (c->sink)
			c->sink(c->sink_arg, r);
	}
	memmove(c->q, c->q + i, sizeof c->q[0] * (size_t)(c->nq - i));
	c->nq -= i;
	c->printing = 0;
}

void calls_close(struct calls *c)
{
	if (c == NULL)
		return;
	check_syncs(c);
	for (int i = 0; i < c->nsyncs; i++)
		close(c->syncs[i]);
	c->closing = 1;
	calls_before(c, NULL);
	for (int i = 0; i < CALLS_TRACEES; i++)
		if (c->t[i].tid > 0)
			kill(c->t[i].tid, SIGKILL);
	free(c);
}

// Is a the address b, or the wildcard (all zero)?
static int ip_match(const struct ipaddr *a, const struct ipaddr *b)
{
	static const uint8_t zero[16];
	if (memcmp(a->a, zero, 16) == 0)
		return 1;
	size_t n = a->family == 4 ? 4 : 16;
	return a->family == b->family && memcmp(a->a, b->a, n) == 0;
}

// Could call r, on socket s, have sent pk: the same ends (those known),
// and a packet of the kind the call makes?
static int sent_by(const struct call_rec *r, const struct call_sock *s, const struct packet *pk)
{
	int proto = pk->proto == PROTO_TCP ? 6 : pk->proto == PROTO_UDP ? 17 : 0;
	int need = proto == 17 ? SENDS_DATA : (pk->tcp_flags & (TCP_FIN | TCP_RST)) ? SENDS_FIN :
	           (pk->tcp_flags & TCP_SYN) ? SENDS_HANDSHAKE : pk->payload_len ? SENDS_DATA : 0;
	if (!proto || (s->proto && s->proto != proto))
		return 0;
	if (need ? !(r->may_send & need) : r->may_send != SENDS_HANDSHAKE)
		return 0;  // a bare ACK is a call's only while it connects
	if (proto == 17 && r->has_bytes && pk->payload) {  // a datagram is the call's data
		char text[CALL_BYTES * 4 + 8];
		uint32_t n = pk->payload_caplen < CALL_BYTES ? pk->payload_caplen : CALL_BYTES;
		escape_bytes(text, sizeof text, pk->payload, n);
		if (strncmp(text, r->bytes, strlen(text)) != 0)
			return 0;
	}
	int ends = 0;
	if (s->lport) {
		if (s->lport != pk->sport || !ip_match(&s->local, &pk->src))
			return 0;
		ends++;
	}
	if (s->rport) {
		if (s->rport != pk->dport || !ip_match(&s->remote, &pk->dst))
			return 0;
		ends++;
	} else if (r->to.family) {
		if (r->to_port != pk->dport || !ip_match(&r->to, &pk->dst))
			return 0;
		ends++;
	}
	return ends > 0;
}

// TCP data that left with no data call in progress on its socket: bytes
// buffered by the last one returned there (Nagle, the window), or NULL.
static const struct call_rec *sent_after(struct calls *c, const struct packet *pk)
{
	for (int i = 0; i < c->nsent; i++) {
		const struct call_rec *r = &c->sent[i];
		struct call_sock *s = sock_find(c, r->pid, r->sock.ino, -1);
		if (s->lport && s->rport && sent_by(r, s, pk))
			return r;
	}
	return NULL;
}

const struct call_rec *calls_cause(struct calls *c, const struct packet *pk)
{
	const struct call_rec *best = NULL;
	struct call_sock *best_sock = NULL;
	if (c == NULL || (pk->proto != PROTO_TCP && pk->proto != PROTO_UDP))
		return NULL;
	for (int i = 0; i < c->nactive; i++) {
		const struct call_rec *r = &c->active[i];
		if (!r->may_send)
			continue;
		// The port a connect() or first sendto() was given is known now.
		struct call_sock *s = sock_find(c, r->pid, r->sock.ino, 0);
		if (s && s->lport == 0)
			s = sock_find(c, r->pid, r->sock.ino, 1);
		if (s && sent_by(r, s, pk) && (best == NULL || r->id > best->id)) {
			best = r;
			best_sock = s;
		}
	}
	// A socket gone before /proc could show it (a refused connect()): its
	// ends are the packet's.
	if (best_sock && best_sock->lport == 0) {
		best_sock->local = pk->src;
		best_sock->lport = pk->sport;
		if (best_sock->rport == 0 && pk->proto == PROTO_TCP) {
			best_sock->remote = pk->dst;
			best_sock->rport = pk->dport;
		}
		best_sock->proto = pk->proto == PROTO_TCP ? 6 : 17;
	}
	if (best == NULL && pk->proto == PROTO_TCP && pk->payload_len)
		best = sent_after(c, pk);
	return best;
}

const struct call_sock *calls_sock_to(struct calls *c, const struct packet *pk)
{
	int proto = pk->proto == PROTO_TCP ? 6 : pk->proto == PROTO_UDP ? 17 : 0;
	const struct call_sock *unpeered = NULL;
	for (int i = c ? c->nsocks - 1 : -1; i >= 0; i--) {
		const struct call_sock *s = &c->socks[i];
		if (!proto || s->proto != proto || s->lport != pk->dport || !ip_match(&s->local, &pk->dst))
			continue;
		if (s->rport == pk->sport && ip_match(&s->remote, &pk->src))
			return s;
		if (s->rport == 0 && unpeered == NULL)
			unpeered = s;
	}
	return unpeered;
}
