// harness.c: run the kit's programs from cmocka tests (see harness.h).
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netdb.h>
#include <sched.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
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

// Close both ends of the three pipes (an end of -1 is skipped), keeping errno.
static void close_pipes(int in[2], int out[2], int err[2])
{
	int saved = errno;
	int *ends[] = { in, out, err };
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 2; j++)
			if (ends[i][j] >= 0)
				close(ends[i][j]);
	errno = saved;
}

int proc_start(struct proc *p, char *const argv[])
{
	int in[2], out[2] = { -1, -1 }, err[2] = { -1, -1 };
	if (pipe(in) < 0)
		return -1;
	if (pipe(out) < 0 || pipe(err) < 0) {
		close_pipes(in, out, err);
		return -1;
	}
	// The test writes to children that may have exited: never die of it.
	signal(SIGPIPE, SIG_IGN);
	pid_t pid = fork();
	if (pid < 0) {
		close_pipes(in, out, err);
		return -1;
	}
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

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

void harness_rmtree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
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

int harness_scratch(char *dir, size_t size, const char *prefix)
{
	int n = snprintf(dir, size, "/tmp/%s-XXXXXX", prefix);
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return mkdtemp(dir) == NULL ? -1 : 0;
}

int harness_scratch_end(const char *dir)
{
	harness_cleanup();
	harness_rmtree(dir);
	return 0;
}

// ---- Added for the programs' end-to-end tests ----

// Append what fd has to *buf (growing it); at end of file close fd and
// set it to -1. Returns 0, or -1 if memory ran out.
static int drain(int *fd, char **buf, size_t *len, size_t *cap)
{
	if (*cap - *len < 4097) {
		size_t want = *cap ? *cap * 2 : 8192;
		char *bigger = realloc(*buf, want);
		if (bigger == NULL)
			return -1;
		*buf = bigger;
		*cap = want;
	}
	ssize_t n = read(*fd, *buf + *len, *cap - *len - 1);
	if (n < 0 && errno == EINTR)
		return 0;
	if (n <= 0) {
		close(*fd);
		*fd = -1;
	} else {
		*len += (size_t)n;
	}
	(*buf)[*len] = '\0';
	return 0;
}

int proc_run(struct run *r, char *const argv[], const void *input, size_t len,
             int timeout_ms)
{
	struct proc p;
	long long start = now_ms(), deadline = start + timeout_ms;
	size_t outcap = 0, errcap = 0;
	*r = (struct run){ .status = -1 };
	if (proc_start(&p, argv) < 0)
		return -1;
	if (input != NULL)
		proc_write(&p, input, len);  // fails harmlessly if it exited early
	proc_close_stdin(&p);
	while ((p.out >= 0 || p.err >= 0) && now_ms() < deadline) {
		struct pollfd pfd[2] = { { .fd = p.out, .events = POLLIN },
		                         { .fd = p.err, .events = POLLIN } };
		int n = poll(pfd, 2, (int)(deadline - now_ms()));
		if (n < 0 && errno != EINTR)
			break;
		if (n > 0 && pfd[0].revents && drain(&p.out, &r->out, &r->outlen, &outcap) < 0)
			break;
		if (n > 0 && pfd[1].revents && drain(&p.err, &r->err, &r->errlen, &errcap) < 0)
			break;
	}
	long long left = deadline - now_ms();
	r->status = proc_wait(&p, left > 0 ? (int)left : 0);
	proc_kill(&p);  // closes what is still open
	r->ms = (long)(now_ms() - start);
	if (r->out == NULL)
		r->out = calloc(1, 1);
	if (r->err == NULL)
		r->err = calloc(1, 1);
	return 0;
}

void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

// Copy len bytes of src into buf (size bytes; nothing if buf is NULL),
// cut at size-1 and NUL-terminated.
static void keep(char *buf, size_t size, const char *src, size_t len)
{
	if (buf == NULL || size == 0)
		return;
	if (len > size - 1)
		len = size - 1;
	memcpy(buf, src, len);
	buf[len] = '\0';
}

int harness_run_output(char *const argv[], char *out, size_t outsize, char *err,
                       size_t errsize, int timeout_ms)
{
	struct run r;
	keep(out, outsize, "", 0);
	keep(err, errsize, "", 0);
	if (proc_run(&r, argv, NULL, 0, timeout_ms) < 0)
		return -1;
	keep(out, outsize, r.out ? r.out : "", r.out ? r.outlen : 0);
	keep(err, errsize, r.err ? r.err : "", r.err ? r.errlen : 0);
	int status = r.status;
	run_free(&r);
	return status;
}

// The state letter of process pid from /proc/pid/stat ('R', 'S', ...),
// or 0 if it cannot be read.
static char proc_state(pid_t pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	char *paren = strrchr(buf, ')');  // the name in parentheses may hold spaces
	return paren && paren[1] == ' ' ? paren[2] : 0;
}

int proc_wait_asleep(struct proc *p, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		char state = proc_state(p->pid);
		if (state == 0 || state == 'S')
			return 0;
		if (now_ms() >= deadline)
			return -1;
		struct timespec tick = { 0, 1000 * 1000 };  // look again in 1 ms
		nanosleep(&tick, NULL);
	}
}

int net_addr(const char *host, int port, struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof *ss);
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*len = sizeof *a4;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*len = sizeof *a6;
		return 0;
	}
	return -1;
}

// Give socket fd send and receive timeouts of timeout_ms. Returns 0 or -1.
static int set_timeouts(int fd, int timeout_ms)
{
	struct timeval tv = { .tv_sec = timeout_ms / 1000,
	                      .tv_usec = (timeout_ms % 1000) * 1000 };
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0)
		return -1;
	return 0;
}

// A socket of type for host's family, bound to host and port. Returns it or -1.
static int bound_socket(const char *host, int port, int type)
{
	struct sockaddr_storage ss;
	socklen_t len;
	if (net_addr(host, port, &ss, &len) < 0)
		return -1;
	int fd = socket(ss.ss_family, type, 0);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&ss, len) < 0) {
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}

int net_udp(const char *host, int port, int timeout_ms)
{
	int fd = bound_socket(host, port, SOCK_DGRAM);
	if (fd >= 0 && set_timeouts(fd, timeout_ms) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int net_connect(const char *host, int port, int timeout_ms)
{
	struct sockaddr_storage ss;
	socklen_t len;
	if (net_addr(host, port, &ss, &len) < 0)
		return -1;
	int fd = socket(ss.ss_family, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (set_timeouts(fd, timeout_ms) < 0 || connect(fd, (struct sockaddr *)&ss, len) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int net_listen(const char *host, int *port)
{
	int fd = bound_socket(host, 0, SOCK_STREAM);
	if (fd < 0)
		return -1;
	if (listen(fd, 5) < 0 || (*port = net_port(fd)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int net_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

int net_send_all(int fd, const void *buf, size_t len)
{
	const char *b = buf;
	while (len > 0) {
		ssize_t n = send(fd, b, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		b += n;
		len -= (size_t)n;
	}
	return 0;
}

ssize_t net_recv_all(int fd, void *buf, size_t size, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	size_t len = 0;
	for (;;) {
		if (!wait_readable(fd, deadline))
			return -1;
		char extra;
		ssize_t n = len < size ? recv(fd, (char *)buf + len, size - len, 0)
		                       : recv(fd, &extra, 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return (ssize_t)len;
		if (len == size)
			return -1;  // more than size bytes
		len += (size_t)n;
	}
}

const char *harness_no_namespaces(void)
{
	static char why[160];
	int st;
	pid_t pid = fork();
	if (pid == 0)
		_exit(unshare(geteuid() == 0 ? CLONE_NEWNET : CLONE_NEWUSER | CLONE_NEWNET) < 0 ?
		      (errno & 0xff) : 0);
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return "cannot tell whether namespaces can be made here";
	if (WEXITSTATUS(st) == 0)
		return NULL;
	snprintf(why, sizeof why, "namespaces are refused here (unshare: %s: a container's "
	         "seccomp filter, no CAP_SYS_ADMIN, or a sysctl)", strerror(WEXITSTATUS(st)));
	return why;
}
