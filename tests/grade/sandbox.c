// sandbox.c: namespaces, limits and capped pipes for untrusted programs.
#include "sandbox.h"
#include "boxuid.h"
#include "memcg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// Inside the namespaces student code runs as uid/gid 1000; outside it is
// the caller's uid, or this dedicated unused uid when the grader is root
// (so RLIMIT_NPROC applies to it and it owns no file on the machine).
#define INSIDE_ID   1000
#define ROOT_SANDBOX_ID 1600000000u

long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// field's number in the /proc status file of the process named by pid
// (a folder of /proc), or -1.
static long status_number(const char *pid, const char *field)
{
	char path[300], line[256];
	long v = -1;
	snprintf(path, sizeof path, "/proc/%s/status", pid);
	FILE *f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, strlen(field)) == 0) {
			v = strtol(line + strlen(field), NULL, 10);
			break;
		}
	if (f != NULL)
		fclose(f);
	return v;
}

int proc_count(const char *field, long value, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	if (d == NULL)
		return -1;
	while (n < max && (e = readdir(d)) != NULL)
		if (atoi(e->d_name) > 0 && status_number(e->d_name, field) == value)
			n++;
	closedir(d);
	return n;
}

static unsigned root_sandbox_id = ROOT_SANDBOX_ID;
static enum box_mode mode = BOX_NAMESPACES;
static int box_memcg = -1;  // the running box's memory cgroup (memcg.h), or -1

void box_set_mode(enum box_mode m)
{
	mode = m;
}

enum box_mode box_get_mode(void)
{
	return mode;
}

const char *box_mode_name(enum box_mode m)
{
	return m == BOX_CONTAINER ? "container" : m == BOX_PLAIN ? "plain" : "namespaces";
}

const char *box_isolation(enum box_mode m)
{
	if (m == BOX_CONTAINER)
		return "each test's programs ran as a uid of their own (killed by uid at the "
		       "end, its files and IPC removed), rlimits, their own process group; "
		       "the container's network and filesystem shared (read-only to them but "
		       "for /tmp), capture of the test's own ports";
	if (m == BOX_PLAIN)
		return "rlimits and a process group only, as the grader's own uid (every "
		       "descendant killed at the end), so the submission could reach the "
		       "grader's files: grade others' code only with namespaces or as root; "
		       "no capture: wire checks not graded";
	return "private user, network, mount, pid and IPC namespaces per test, a "
	       "minimal root with a 16 MiB /tmp, an unprivileged uid, rlimits";
}

void box_set_student_uid(unsigned id)
{
	root_sandbox_id = id;
}

uid_t box_student_uid(void)
{
	return geteuid() == 0 && mode != BOX_PLAIN ? root_sandbox_id : geteuid();
}

static gid_t student_gid(void)
{
	return geteuid() == 0 && mode != BOX_PLAIN ? root_sandbox_id : getegid();
}

// Write s to the file at path. 0 or -1.
static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

// From outside: map the runner's inside uid/gid 1000 to the student ids.
static int write_maps(pid_t pid, char *err, size_t errlen)
{
	char path[64], map[64];
	snprintf(path, sizeof path, "/proc/%d/setgroups", (int)pid);
	write_file(path, "deny");  // absent on old kernels; harmless
	snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
	snprintf(map, sizeof map, "%d %u 1\n", INSIDE_ID, (unsigned)box_student_uid());
	if (write_file(path, map) < 0)
		goto fail;
	snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
	snprintf(map, sizeof map, "%d %u 1\n", INSIDE_ID, (unsigned)student_gid());
	if (write_file(path, map) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "grader: write %s: %s", path, strerror(errno));
	return -1;
}

// Set lo up in the current network namespace. 0 or -1.
static int loopback_up(void)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -1;
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	int rc = ioctl(s, SIOCGIFFLAGS, &ifr);
	if (rc == 0) {
		ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
		rc = ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
	return rc;
}

// pid 1 of the new pid namespace: lo up, then the test. Never returns.
static void box_init(int (*fn)(void *, int), void *arg, int resfd)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGPIPE, SIG_IGN);
	if (loopback_up() < 0) {
		dprintf(resfd, "grader: cannot set lo up: %s\n", strerror(errno));
		_exit(111);
	}
	int rc = fn(arg, resfd);
	kill(-1, SIGKILL);  // every process left in the namespace
	_exit(rc < 0 ? 111 : rc);
}

// The runner: enter the namespaces, wait for the maps, start pid 1 and
// wait for it at most timeout_ms. Never returns.
static void box_runner(int (*fn)(void *, int), void *arg, int timeout_ms,
                       int syncfd, int gofd, int resfd)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (geteuid() == 0)
		setgroups(0, NULL);  // no supplementary groups of root's
	char c = 'U';
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWPID |
	            CLONE_NEWIPC) < 0)
		c = 'E';
	if (write(syncfd, &c, 1) != 1 || c == 'E')
		_exit(112);
	if (read(gofd, &c, 1) != 1 || c != 'G')
		_exit(112);
	if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0)
		_exit(113);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid_t init = fork();
	if (init < 0)
		_exit(114);
	if (init == 0) {
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		box_init(fn, arg, resfd);
	}
	long long deadline = now_ms() + timeout_ms;
	int status;
	while (waitpid(init, &status, WNOHANG) == 0) {
		long long left = deadline - now_ms();
		if (left <= 0) {
			kill(init, SIGKILL);  // takes the whole pid namespace with it
			waitpid(init, &status, 0);
			_exit(115);
		}
		struct timespec ts = { left / 1000, (left % 1000) * 1000000 };
		sigtimedwait(&set, NULL, &ts);
	}
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 116);
}

int box_read_ready(int fd, char *res, size_t reslen, size_t *len)
{
	while (*len + 1 < reslen) {
		ssize_t n = read(fd, res + *len, reslen - 1 - *len);
		if (n == 0 || (n < 0 && errno != EINTR))
			return n < 0 && errno == EAGAIN;
		if (n > 0)
			*len += (size_t)n, res[*len] = '\0';
	}
	return 0;
}

// From outside: give the runner its id maps once it has unshared, and
// tell it to go on. Returns 0, or -1 with err filled.
static int release_runner(pid_t runner, int syncfd, int gofd, char *err, size_t errlen)
{
	char c = 0;
	if (read(syncfd, &c, 1) != 1 || c != 'U') {
		// The runner could not unshare and has exited: nobody to tell.
		box_diagnose(err, errlen);
		return -1;
	}
	int ok = write_maps(runner, err, errlen) == 0;
	c = ok ? 'G' : 'X';
	if (write(gofd, &c, 1) != 1)
		ok = 0;
	return ok ? 0 : -1;
}

// Collect what pid 1 writes to resfd until the runner exits; returns the
// runner's exit code.
static int collect(pid_t runner, int resfd, char *res, size_t reslen)
{
	size_t len = 0;
	int open = fcntl(resfd, F_SETFL, O_NONBLOCK) == 0, status = 0;
	for (;;) {
		struct pollfd p = { .fd = resfd, .events = POLLIN };
		if (open && poll(&p, 1, 20) > 0)
			open = box_read_ready(resfd, res, reslen, &len);
		pid_t r = waitpid(runner, &status, open ? WNOHANG : 0);
		if (r == runner || (r < 0 && errno != EINTR))
			break;
	}
	if (open)  // what came after the last poll
		box_read_ready(resfd, res, reslen, &len);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 116;
}

// box_run in namespace mode.
static int ns_run(int (*fn)(void *arg, int resfd), void *arg, int timeout_ms,
                  char *res, size_t reslen, char *err, size_t errlen)
{
	int syncp[2], gop[2], resp[2];
	res[0] = '\0';
	if (pipe2(syncp, O_CLOEXEC) < 0 || pipe2(gop, O_CLOEXEC) < 0 ||
	    pipe2(resp, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "grader: pipe: %s", strerror(errno));
		return -1;
	}
	pid_t runner = fork();
	if (runner < 0) {
		snprintf(err, errlen, "grader: fork: %s", strerror(errno));
		return -1;
	}
	if (runner == 0) {
		close(syncp[0]), close(gop[1]), close(resp[0]);
		box_runner(fn, arg, timeout_ms, syncp[1], gop[0], resp[1]);
	}
	close(syncp[1]), close(gop[0]), close(resp[1]);
	int ok = release_runner(runner, syncp[0], gop[1], err, errlen) == 0;
	close(syncp[0]), close(gop[1]);
	int code = collect(runner, resp[0], res, reslen);
	close(resp[0]);
	if (!ok)
		return -1;
	return box_result(code, timeout_ms, err, errlen);
}

int box_result(int code, int timeout_ms, char *err, size_t errlen)
{
	if (code == 115) {
		snprintf(err, errlen, "the test ran out of time (%d s)", timeout_ms / 1000);
		return -1;
	}
	if (code >= 111 && code <= 116) {
		snprintf(err, errlen, "grader: the sandbox failed (code %d)", code);
		return -1;
	}
	return code;
}

// The box runs with a memory cgroup of its own where one can be had
// (memcg.h); its programs join it before they exec, and whatever is left
// in it at the end is killed with it.
int box_run(int (*fn)(void *arg, int resfd), void *arg, int timeout_ms,
            char *res, size_t reslen, char *err, size_t errlen)
{
	int rc;
	if (memcg_available() && (box_memcg = memcg_open()) < 0) {
		snprintf(err, errlen, "grader: cannot make a memory cgroup: %s", strerror(errno));
		return -1;
	}
	if (mode != BOX_NAMESPACES)
		rc = uidbox_run(fn, arg, timeout_ms, mode == BOX_CONTAINER ? box_student_uid() : 0,
		                res, reslen, err, errlen);
	else
		rc = ns_run(fn, arg, timeout_ms, res, reslen, err, errlen);
	if (box_memcg >= 0 && memcg_close(box_memcg) < 0 && rc >= 0) {
		snprintf(err, errlen, "grader: the test's memory cgroup could not be emptied");
		rc = -1;
	}
	box_memcg = -1;
	return rc;
}

// Check namespaces with a test that does nothing.
static int nothing(void *arg, int resfd)
{
	(void)arg;
	(void)resfd;
	return 0;
}

int box_available(char *err, size_t errlen)
{
	char res[16];
	int rc = box_run(nothing, NULL, 5000, res, sizeof res, err, errlen);
	if (rc > 0)
		snprintf(err, errlen, "grader: the sandbox's self-check ended with status %d", rc);
	return rc == 0 ? 0 : -1;
}

// Make path in the new root mirror the host's: a symlink stays a symlink,
// a folder is bind-mounted. Missing on the host: nothing. 0 or -1.
static int mirror(const char *root, const char *path)
{
	char dst[512], link[256];
	struct stat st;
	snprintf(dst, sizeof dst, "%s%s", root, path);
	if (lstat(path, &st) < 0)
		return 0;
	if (S_ISLNK(st.st_mode)) {
		ssize_t n = readlink(path, link, sizeof link - 1);
		if (n < 0)
			return -1;
		link[n] = '\0';
		return symlink(link, dst);
	}
	if (S_ISDIR(st.st_mode)) {
		if (mkdir(dst, 0755) < 0)
			return -1;
	} else {
		int fd = open(dst, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
		if (fd < 0)
			return -1;
		close(fd);
	}
	return mount(path, dst, "none", MS_BIND | MS_REC, NULL);
}

// In the child: a private mount namespace whose root holds only the
// system folders, /dev/null, an empty /tmp and dir as /sandbox, entered
// as the student uid (dir is opened before, so its parents may be closed
// to that uid); /sandbox is read-only unless writable, and the root's
// tmpfs (/tmp) caps what the program may write in all (issue 12: no
// persistent, unbounded folder). With proc, the root also has a /proc of
// the box's own pid namespace for the call watcher, showing each uid only
// its own processes (hidepid=2: not the watcher, which is not dumpable).
// 0 or -1.
static int enter_root(const char *dir, int writable, int proc)
{
	static const char *const sys[] = {
		"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
		"/etc", "/dev/null",
	};
	const char *root = "/tmp";  // any existing folder: it is covered
	char path[512], from[64];
	if (unshare(CLONE_NEWNS) < 0)
		return -1;
	int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);  // dir may be under root
	if (dfd < 0)
		return -1;
	snprintf(from, sizeof from, "/proc/self/fd/%d", dfd);
	// The files made below must belong to a uid of the namespace; going
	// from one non-root uid to another keeps the capabilities the mounts
	// need.
	if (setresgid(INSIDE_ID, INSIDE_ID, INSIDE_ID) < 0 ||
	    setresuid(INSIDE_ID, INSIDE_ID, INSIDE_ID) < 0)
		return -1;
	if (mount("socklab-root", root, "tmpfs", MS_NOSUID | MS_NODEV,
	          writable ? "size=64m,mode=755" : "size=16m,mode=755") < 0)
		return -1;
	snprintf(path, sizeof path, "%s/dev", root);
	if (mkdir(path, 0755) < 0)
		return -1;
	for (size_t i = 0; i < sizeof sys / sizeof sys[0]; i++)
		if (mirror(root, sys[i]) < 0)
			return -1;
	snprintf(path, sizeof path, "%s/tmp", root);
	if (mkdir(path, 01777) < 0 || chmod(path, 01777) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/proc", root);
	if (proc && (mkdir(path, 0555) < 0 || mount("proc", path, "proc", MS_NOSUID | MS_NODEV |
	                                            MS_NOEXEC, "hidepid=2") < 0))
		return -1;
	snprintf(path, sizeof path, "%s/sandbox", root);
	if (mkdir(path, 0755) < 0 || mount(from, path, "none", MS_BIND, NULL) < 0)
		return -1;
	if (!writable && mount("none", path, "none", MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID |
	                       MS_NODEV, NULL) < 0)
		return -1;
	close(dfd);
	if (chdir(root) < 0 || syscall(SYS_pivot_root, ".", ".") < 0 ||
	    umount2(".", MNT_DETACH) < 0 || chdir("/sandbox") < 0)
		return -1;
	return 0;
}

// In the child: no capability in the bounding set (needs CAP_SETPCAP;
// without it, as after a change of uid, nothing changes).
static void drop_bounding_set(void)
{
	for (int cap = 0; cap < 64; cap++)
		prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);  // stops at the last valid one
}

// In the child: the rlimits of lim, and the bounding set dropped. 0 or -1.
static int set_limits(const struct box_limits *lim)
{
	struct { int res; rlim_t v; } l[] = {
		{ RLIMIT_CPU, (rlim_t)lim->cpu_s },
		{ RLIMIT_AS, (rlim_t)lim->as_mb << 20 },
		{ RLIMIT_NPROC, (rlim_t)lim->nproc },
		{ RLIMIT_FSIZE, (rlim_t)lim->fsize_mb << 20 },
		{ RLIMIT_CORE, 0 },
		// Few descriptors: each memfd holds up to RLIMIT_FSIZE of memory
		// outside RLIMIT_AS (issue 12), so this bounds that too.
		{ RLIMIT_NOFILE, JAIL_NOFILE },
	};
	for (size_t i = 0; i < sizeof l / sizeof l[0]; i++) {
		// CPU: SIGXCPU at the limit (a clear reason), SIGKILL a second later.
		struct rlimit r = { l[i].v, l[i].v + (l[i].res == RLIMIT_CPU) };
		// (valgrind refuses RLIMIT_NOFILE: a limit of comfort only)
		if (setrlimit(l[i].res, &r) < 0 && l[i].res != RLIMIT_NOFILE)
			return -1;
	}
	drop_bounding_set();
	return 0;
}

// In the child, outside namespaces: run from dir (opened as root, so its
// parents may be closed to the student uid) and, in container mode, take
// the student uid, which clears every capability. 0 or -1.
static int enter_folder(const char *dir)
{
	uid_t id = box_student_uid();
	if (chdir(dir) < 0)
		return -1;
	if (mode == BOX_PLAIN)
		return 0;
	if (setgroups(0, NULL) < 0 || setresgid(id, id, id) < 0 || setresuid(id, id, id) < 0)
		return -1;
	return 0;
}

// "/sandbox/X" arguments as "./X", for a program run from its folder.
static char *const *relative_args(char *const argv[])
{
	static char *out[32], bufs[32][256];
	size_t n = 0;
	for (; argv[n] != NULL && n < 31; n++) {
		out[n] = argv[n];
		if (strncmp(argv[n], "/sandbox/", 9) == 0) {
			snprintf(bufs[n], sizeof bufs[n], "./%s", argv[n] + 9);
			out[n] = bufs[n];
		}
	}
	out[n] = NULL;
	return out;
}

// In the child: everything above, then exec. Never returns.
static void jail_child(int in[2], int out[2], int err[2], int report, const char *dir,
                       char *const argv[], const struct box_limits *lim)
{
	int sync_fd = -1;
	static char *const env[] = { "PATH=/usr/bin:/bin", "HOME=/tmp",
	                             "LANG=C", "TMPDIR=/tmp", NULL };
	setpgid(0, 0);
	setpriority(PRIO_PROCESS, 0, 10);  // below the grader and its peers
	signal(SIGPIPE, SIG_DFL);
	if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0)
		_exit(126);
	if (box_memcg >= 0 && memcg_join(box_memcg) < 0) {
		dprintf(2, "grader: memory cgroup: %s\n", strerror(errno));
		_exit(126);
	}
	for (int fd = 3; fd < 1024; fd++)
		if (fd != report)
			close(fd);
	int inside = mode == BOX_NAMESPACES;
	if (inside && enter_root(dir, lim->writable, report >= 0) < 0) {
		dprintf(2, "grader: sandbox root: %s\n", strerror(errno));
		_exit(126);
	}
	if (!inside) {
		drop_bounding_set();  // while we may: before the uid changes
		argv = relative_args(argv);
		if (enter_folder(dir) < 0) {
			dprintf(2, "grader: sandbox uid: %s\n", strerror(errno));
			_exit(126);
		}
	}
	// Traced: the watcher stays here, in the jail, outside the limits.
	struct box_limits mine = *lim;
	if (report >= 0 && callwatch_fork(report, &sync_fd) == 0) {
		mine.nproc++;  // the watcher is one of the uid's processes
		callwatch_child(sync_fd);  // refused or not, the program runs
	}
	// The limits last, just before exec: under them even the grader's own
	// code may fail (an ASan build cannot map its memory).
	if (set_limits(&mine) < 0) {
		dprintf(2, "grader: sandbox limits: %s\n", strerror(errno));
		_exit(126);
	}
	// The uid is not root (inside the namespace or out), so exec clears
	// every capability; no setuid program can give any back.
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		_exit(126);
	execve(argv[0], argv, env);
	dprintf(2, "grader: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

// jail_start, traced or not.
static int start(struct jail *j, const char *dir, char *const argv[],
                 const struct box_limits *lim, int traced)
{
	int in[2], out[2], err[2], rep[2] = { -1, -1 };
	memset(j, 0, sizeof *j);
	j->pid = -1, j->in = j->out = j->err = j->calls_fd = -1, j->status = -1;
	j->calls.bind_port = -1;
	if (pipe2(in, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0)
		return -1;
	if (traced && pipe2(rep, O_CLOEXEC) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		jail_child(in, out, err, rep[1], dir, argv, lim);
	setpgid(pid, pid);
	close(in[0]), close(out[1]), close(err[1]);
	if (traced)
		close(rep[1]);
	j->pid = pid, j->in = in[1], j->out = out[0], j->err = err[0], j->calls_fd = rep[0];
	fcntl(j->out, F_SETFL, O_NONBLOCK);
	fcntl(j->err, F_SETFL, O_NONBLOCK);
	return 0;
}

int jail_start(struct jail *j, const char *dir, char *const argv[],
               const struct box_limits *lim)
{
	return start(j, dir, argv, lim, 0);
}

int jail_start_traced(struct jail *j, const char *dir, char *const argv[],
                      const struct box_limits *lim)
{
	return start(j, dir, argv, lim, 1);
}

void jail_input(struct jail *j, const char *s)
{
	size_t len = strlen(s);
	while (j->in >= 0 && len > 0) {
		ssize_t n = write(j->in, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		s += n, len -= (size_t)n;
	}
	if (j->in >= 0)
		close(j->in);
	j->in = -1;
}

// Read what one pipe has into its buffer; note end of file.
static void drain(int *fd, struct capbuf *b)
{
	char buf[65536];
	while (*fd >= 0) {
		ssize_t n = read(*fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return;  // EAGAIN: nothing more for now
		if (n == 0) {
			b->eof = 1;
			close(*fd);
			*fd = -1;
			return;
		}
		size_t room = JAIL_KEEP - b->len;
		size_t k = (size_t)n < room ? (size_t)n : room;
		memcpy(b->data + b->len, buf, k);
		b->len += k, b->total += (size_t)n;
		b->data[b->len] = '\0';
	}
}

// Once the program has ended: take the watcher's sum of its calls (it
// wrote it before it ended; none if it was killed).
static void take_calls(struct jail *j)
{
	if (j->calls_fd < 0)
		return;
	fcntl(j->calls_fd, F_SETFL, O_NONBLOCK);
	callwatch_read(j->calls_fd, &j->calls);
	close(j->calls_fd);
	j->calls_fd = -1;
}

// Reap the program if it has exited.
static void reap(struct jail *j)
{
	int st;
	if (j->pid > 0 && j->status < 0 && waitpid(j->pid, &st, WNOHANG) == j->pid) {
		j->status = st;
		take_calls(j);
	}
}

int jail_pump(struct jail *j, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		struct pollfd p[2] = { { .fd = j->out, .events = POLLIN },
		                       { .fd = j->err, .events = POLLIN } };
		long long left = deadline - now_ms();
		reap(j);
		if (j->status >= 0 && j->out < 0 && j->err < 0)
			return 0;
		if (left <= 0)
			break;
		// With pipes open, poll wakes on output; without, tick for the exit.
		int wait = (j->out < 0 && j->err < 0) || j->status >= 0 ? 5 : 50;
		poll(p, 2, (int)(left < wait ? left : wait));
		drain(&j->out, &j->o);
		drain(&j->err, &j->e);
		if (j->o.total + j->e.total > JAIL_FLOOD) {
			j->flooded = 1;
			jail_kill(j);
			return 0;
		}
		if (j->status >= 0 && (j->out >= 0 || j->err >= 0) && left < timeout_ms - 200)
			break;  // exited; a leftover child keeps the pipes open
	}
	reap(j);
	return j->status < 0;
}

// Find a complete stdout line starting with prefix.
static int find_line(const struct capbuf *b, const char *prefix, char *line, size_t size)
{
	const char *p = b->data;
	for (const char *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		size_t n = (size_t)(nl - p);
		if (n >= strlen(prefix) && strncmp(p, prefix, strlen(prefix)) == 0) {
			if (n >= size)
				n = size - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			return 0;
		}
	}
	return -1;
}

int jail_wait_line(struct jail *j, const char *prefix, char *line,
                   size_t size, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		if (find_line(&j->o, prefix, line, size) == 0)
			return 0;
		long long left = deadline - now_ms();
		if (left <= 0 || j->flooded || (j->status >= 0 && j->out < 0))
			return -1;
		jail_pump(j, (int)(left < 20 ? left : 20));
	}
}

int jail_finish(struct jail *j, int timeout_ms)
{
	int running = jail_pump(j, timeout_ms);
	if (running || j->flooded) {
		jail_kill(j);
		return -1;
	}
	drain(&j->out, &j->o);
	drain(&j->err, &j->e);
	return 0;
}

void jail_kill(struct jail *j)
{
	if (j->pid > 0) {
		reap(j);
		j->stopped = j->status < 0;
		// Once the leader is reaped its number may be another's: outside
		// a pid namespace of our own, the group is then left to the kill
		// by uid (or by descent) at the test's end.
		if (j->status < 0 || mode == BOX_NAMESPACES)
			kill(-j->pid, SIGKILL);
		kill(j->pid, SIGKILL);
		if (j->status < 0)
			waitpid(j->pid, &j->status, 0);
		j->pid = -1;
	}
	take_calls(j);
	drain(&j->out, &j->o);
	drain(&j->err, &j->e);
	for (int *fd = &j->in; fd <= &j->err; fd++)
		if (*fd >= 0) {
			close(*fd);
			*fd = -1;
		}
}

const char *jail_how(const struct jail *j)
{
	static char how[96];
	if (j->flooded)
		snprintf(how, sizeof how, "was stopped: it wrote more than %d MiB of output",
		         JAIL_FLOOD >> 20);
	else if (j->status < 0 || j->stopped)
		snprintf(how, sizeof how, "was still running (the grader stopped it)");
	else if (WIFEXITED(j->status))
		snprintf(how, sizeof how, "exited with status %d", WEXITSTATUS(j->status));
	else if (WTERMSIG(j->status) == SIGXCPU)
		snprintf(how, sizeof how, "was stopped: it used its %s", "CPU time limit");
	else if (WTERMSIG(j->status) == SIGKILL && box_memcg >= 0 && memcg_oom_kills(box_memcg) > 0)
		snprintf(how, sizeof how, "was killed for want of memory: the test's programs "
		         "may hold %d MiB in all", MEMCG_MB);
	else
		snprintf(how, sizeof how, "was killed by signal %d (%s)",
		         WTERMSIG(j->status), strsignal(WTERMSIG(j->status)));
	return how;
}
