// callwatch.c: record a jailed program's socket calls and sum them up for
// the hints (see callwatch.h). The recorder is socktrace's own
// (trace/calls_linux.c); here its events are only counted.
#include "callwatch.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "calls.h"

// The kind of each recorded call by name (accept4 is accept, and so on).
static const struct { const char *name; enum cw_kind kind; } kinds[] = {
	{ "socket", CW_SOCKET }, { "bind", CW_BIND }, { "connect", CW_CONNECT },
	{ "listen", CW_LISTEN }, { "accept", CW_ACCEPT }, { "accept4", CW_ACCEPT },
	{ "sendto", CW_SEND }, { "sendmsg", CW_SEND }, { "write", CW_SEND },
	{ "recvfrom", CW_RECV }, { "recvmsg", CW_RECV }, { "read", CW_RECV },
	{ "shutdown", CW_SHUTDOWN }, { "close", CW_CLOSE },
};

// The kind of call name, or -1 for the others (poll, setsockopt, ...).
static int kind_of(const char *name)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return (int)kinds[i].kind;
	return -1;
}

// What a returned call r of kind k adds to the sum s.
static void add_returned(struct callsum *s, int k, const struct call_rec *r)
{
	s->n[k]++;
	if (r->err != 0) {
		if (s->failed[k]++ == 0)
			s->first_errno[k] = r->err;
		return;
	}
	if (k == CW_RECV && r->sock.proto == 6) {
		s->tcp_recvs++;
		s->tcp_recv_bytes += r->ret;
		s->tcp_recv_eof |= r->ret == 0;
	}
	if (k == CW_SEND && r->sock.proto == 17)
		s->udp_sends++;
	if (k == CW_CONNECT && r->sock.proto == 6)
		s->tcp_connects++;
	if (k == CW_BIND && s->bind_port < 0) {
		s->bind_port = r->sock.lport;
		s->bind_ip = r->sock.local;
	}
}

// The recorder's sink: add call event r to the sum at arg.
static void add_call(void *arg, const struct call_rec *r)
{
	struct callsum *s = arg;
	int k = kind_of(r->name);
	if (k < 0 || r->state == CALL_ENTERED)
		return;
	if (r->state == CALL_UNFINISHED)
		s->recv_unfinished |= k == CW_RECV;
	else
		add_returned(s, k, r);
}

struct ending {
	pid_t pid;   // the program
	int status;  // its wait status, once done
	int done;
};

// The recorder's exit callback: note the program's own end.
static void on_exit_of(void *arg, pid_t pid, int status)
{
	struct ending *e = arg;
	if (pid == e->pid)
		e->status = status, e->done = 1;
}

// Follow the program's stops until it ends (SIGCHLD is blocked: each one
// wakes the wait; a 50 ms tick covers a stop that sends none). Its wait
// status.
static int follow(struct calls *c, pid_t pid)
{
	struct ending e = { pid, 0, 0 };
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (;;) {
		calls_wait(c, on_exit_of, &e);
		if (e.done)
			return e.status;
		struct timespec tick = { 0, 50 * 1000 * 1000 };
		sigtimedwait(&set, NULL, &tick);
	}
}

// End as the program did: the same exit code, or the same signal (with
// no core file).
static void exit_as(int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		struct rlimit none = { 0, 0 };
		sigset_t set;
		setrlimit(RLIMIT_CORE, &none);
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
	}
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 126);
}

// Point descriptors 0-2 at /dev/null: the program's pipes are its own
// (the grader sees their end when it ends) and the recorder's lines go
// nowhere (its refusal is in the sum).
static void quiet(void)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	for (int i = 0; fd >= 0 && i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

// The watcher: record pid's calls, write their sum on report_fd, end as
// pid did. Never returns.
static void watch(pid_t pid, int sync_fd, int report_fd)
{
	static struct callsum s;
	char err[256] = "";
	int status = 0;
	s.bind_port = -1;
	quiet();
	struct calls *c = calls_open(err, sizeof err);
	if (c != NULL) {
		calls_set_sink(c, add_call, &s);
		calls_attach(c, pid, sync_fd, err, sizeof err);  // refused: runs untraced
		status = follow(c, pid);
	} else {
		if (write(sync_fd, "n", 1) < 0) {
			// the program died: its end is reaped below
		}
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	s.traced = !calls_disabled(c);
	if (!s.traced)
		snprintf(s.why, sizeof s.why, "%s", c && calls_refusal(c)[0] ? calls_refusal(c) : err);
	calls_close(c);  // its last events summed; what the program left is killed
	if (write(report_fd, &s, sizeof s) < 0) {
		// the grader is gone: nothing to tell
	}
	exit_as(status);
}

int callwatch_fork(int report_fd, int *sync_fd)
{
	int sv[2];
	sigset_t set, old;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	// The change to the student uid made this process undumpable, and a
	// child of an undumpable one cannot be traced: dumpable again, for the
	// fork. Until the seize (microseconds; then a tracer is taken) only
	// the uid's own processes could attach to the child, and those are
	// the same test's programs, which none of the traced runs has.
	prctl(PR_SET_DUMPABLE, 1);
	pid_t pid = fork();
	if (pid < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		close(sv[0]), close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		close(sv[0]), close(report_fd);
		*sync_fd = sv[1];
		return 0;
	}
	// Undumpable before the program may run (it waits for our word): it
	// can then neither trace us nor open our descriptors. The seize only
	// needs the program dumpable.
	prctl(PR_SET_DUMPABLE, 0);
	close(sv[1]);
	watch(pid, sv[0], report_fd);
	return -1;  // not reached
}

int callwatch_child(int sync_fd)
{
	int install;
	if (calls_child_read(sync_fd, &install) < 0)
		return -1;  // the watcher is gone
	if (!install)
		return close(sync_fd);
	// Refused (seccomp): the watcher learns it from the sync socket; the
	// program runs on untraced.
	return calls_child_filter();
}

int callwatch_read(int fd, struct callsum *s)
{
	ssize_t n;
	while ((n = read(fd, s, sizeof *s)) < 0 && errno == EINTR)
		;
	if (n != (ssize_t)sizeof *s) {
		memset(s, 0, sizeof *s);
		s->bind_port = -1;
		return -1;
	}
	s->why[sizeof s->why - 1] = '\0';
	return 0;
}
