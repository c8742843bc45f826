// harness.c: run the kit's programs from cmocka tests (see harness.h).
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CHILDREN 64

static pid_t children[MAX_CHILDREN];

// Milliseconds on a clock that never jumps.
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// Wait until fd is readable or the deadline passes. Returns 1 or 0.
static int wait_readable(int fd, long long deadline)
{
	for (;;) {
		long long left = deadline - now_ms();
		if (left <= 0)
			return 0;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int n = poll(&pfd, 1, (int)left);
		if (n > 0)
			return 1;
		if (n < 0 && errno != EINTR)
			return 0;
	}
}

static void remember(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == 0) {
			children[i] = pid;
			return;
		}
}

static void forget(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == pid)
			children[i] = 0;
}

const char *harness_path(const char *rel)
{
	static char path[4096];
	const char *build = getenv("SOCKLAB_BUILD");
	snprintf(path, sizeof path, "%s/%s", build ? build : "build", rel);
	return path;
}

// In the child: wire the pipes to fds 0-2 and run argv. Never returns.
static void exec_child(int in[2], int out[2], int err[2], char *const argv[])
{
	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
	if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0)
		_exit(126);
	for (int fd = 3; fd < 1024; fd++)
		close(fd);
	execv(argv[0], argv);
	dprintf(2, "harness: exec %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int proc_start(struct proc *p, char *const argv[])
{
	int in[2], out[2], err[2];
	if (pipe(in) < 0)
		return -1;
	if (pipe(out) < 0 || pipe(err) < 0)
		return -1;
	// The test writes to children that may have exited: never die of it.
	signal(SIGPIPE, SIG_IGN);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		exec_child(in, out, err, argv);
	setpgid(pid, pid);  // also here, so the group exists before we signal it
	close(in[0]);
	close(out[1]);
	close(err[1]);
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	fcntl(err[0], F_SETFD, FD_CLOEXEC);
	*p = (struct proc){ .pid = pid, .in = in[1], .out = out[0], .err = err[0] };
	remember(pid);
	return 0;
}

int proc_write(struct proc *p, const void *buf, size_t len)
{
	const char *b = buf;
	while (len > 0) {
		ssize_t n = write(p->in, b, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		b += n;
		len -= (size_t)n;
	}
	return 0;
}

void proc_close_stdin(struct proc *p)
{
	if (p->in >= 0)
		close(p->in);
	p->in = -1;
}

ssize_t read_line(int fd, char *buf, size_t size, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	size_t len = 0;
	while (len + 1 < size) {
		if (!wait_readable(fd, deadline))
			return -1;
		char c;
		ssize_t n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		if (c == '\n')
			break;
		buf[len++] = c;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

ssize_t read_all(int fd, char *buf, size_t size, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	size_t len = 0;
	for (;;) {
		if (!wait_readable(fd, deadline))
			return -1;
		char scratch[4096];
		size_t room = size - 1 - len;
		char *dst = room > 0 ? buf + len : scratch;  // past size: drain, keep nothing
		ssize_t n = read(fd, dst, room > 0 ? room : sizeof scratch);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (room > 0)
			len += (size_t)n;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

int proc_wait(struct proc *p, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	int status;
	for (;;) {
		pid_t r = waitpid(p->pid, &status, WNOHANG);
		if (r == p->pid) {
			forget(p->pid);
			return status;
		}
		if (r < 0 || now_ms() >= deadline)
			break;
		struct timespec tick = { 0, 5 * 1000 * 1000 };  // poll the child's state every 5 ms
		nanosleep(&tick, NULL);
	}
	proc_kill(p);
	return -1;
}

void proc_kill(struct proc *p)
{
	if (p->pid > 0) {
		kill(-p->pid, SIGKILL);
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		forget(p->pid);
		p->pid = -1;
	}
	proc_close_stdin(p);
	if (p->out >= 0)
		close(p->out);
	if (p->err >= 0)
		close(p->err);
	p->out = p->err = -1;
}

int server_start(struct proc *p, char *const argv[], int timeout_ms)
{
	if (proc_start(p, argv) < 0)
		return -1;
	char line[256];
	int port;
	if (read_line(p->out, line, sizeof line, timeout_ms) < 0 ||
	    sscanf(line, "The server is ready to receive on port %d", &port) != 1)
		return -1;
	return port;
}

void harness_cleanup(void)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0) {
			kill(-children[i], SIGKILL);
			waitpid(children[i], NULL, 0);
			children[i] = 0;
		}
}
