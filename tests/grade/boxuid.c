// boxuid.c: a test's sandbox where namespaces are refused (see boxuid.h).
#include "boxuid.h"
#include "sandbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ROUNDS 2000   // kill rounds before giving up on a uid
#define MAX_DEPTH  24     // folder depth searched for a uid's files

// Reap every child that has ended (orphans come to us: the subreaper).
static void reap_all(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

// In a child: take uid and signal every process it may: all of uid's but
// this one (kill(-1) does not say whether there were any). Exits 0, or 2
// if uid cannot be taken.
static void killer(uid_t uid)
{
	if (setgroups(0, NULL) < 0 || setresgid(uid, uid, uid) < 0 ||
	    setresuid(uid, uid, uid) < 0)
		_exit(2);
	kill(-1, SIGKILL);
	_exit(0);
}

int uidbox_kill_uid(uid_t uid)
{
	for (int round = 0; round < MAX_ROUNDS; round++) {
		int st;
		reap_all();  // a killed process is a zombie until reaped
		if (proc_count("Uid:", (long)uid, 1) <= 0)  // none left (or no /proc to tell)
			return 0;
		pid_t pid = fork();
		if (pid < 0)
			return -1;
		if (pid == 0)
			killer(uid);
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return -1;
	}
	return -1;
}

// The pids of the processes whose parent is us, into pids (at most max).
static int our_children(pid_t *pids, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	pid_t me = getpid();
	while (d != NULL && n < max && (e = readdir(d)) != NULL) {
		char path[300], buf[512];
		int pid = atoi(e->d_name), ppid;
		if (pid <= 0 || pid == me)
			continue;
		snprintf(path, sizeof path, "/proc/%d/stat", pid);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t k = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
		if (fd >= 0)
			close(fd);
		if (k <= 0)
			continue;
		buf[k] = '\0';
		char *p = strrchr(buf, ')');  // the name may hold anything
		if (p != NULL && sscanf(p + 1, " %*c %d", &ppid) == 1 && ppid == me)
			pids[n++] = pid;
	}
	if (d != NULL)
		closedir(d);
	return n;
}

// Kill every descendant (all of them are ours or our children's: we are
// their subreaper) until none is left.
static void kill_descendants(void)
{
	pid_t pids[512];
	for (int round = 0; round < MAX_ROUNDS; round++) {
		int n = our_children(pids, 512);
		if (n == 0)
			return;
		for (int i = 0; i < n; i++)
			kill(pids[i], SIGKILL);
		for (int i = 0; i < n; i++)
			waitpid(pids[i], NULL, 0);
		reap_all();
	}
}

// Remove the entry name of folder dfd, a folder's content first.
static void remove_at(int dfd, const char *name, int depth)
{
	if (unlinkat(dfd, name, 0) == 0 || errno != EISDIR || depth > MAX_DEPTH)
		return;
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_at(fd, e->d_name, depth + 1);
	if (d != NULL)
		closedir(d);
	else if (fd >= 0)
		close(fd);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

// In folder fd: remove what uid owns, and look into the folders it may
// write (anyone may), where it could have made more.
static void clean_folder(int fd, uid_t uid, int depth)
{
	DIR *d = fdopendir(fd);
	struct dirent *e;
	if (d == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (st.st_uid == uid)
			remove_at(fd, e->d_name, 0);
		else if (S_ISDIR(st.st_mode) && (st.st_mode & S_IWOTH) && depth < MAX_DEPTH) {
			int sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sub >= 0)
				clean_folder(sub, uid, depth + 1);
		}
	}
	closedir(d);
}

// Remove the SysV IPC objects of uid listed in /proc/sysvipc/what.
static void clean_ipc(const char *what, uid_t uid)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/sysvipc/%s", what);
	FILE *f = fopen(path, "r");
	int uidcol = -1, cuidcol = -1, col = 0;
	if (f == NULL || fgets(line, sizeof line, f) == NULL) {
		if (f != NULL)
			fclose(f);
		return;
	}
	for (char *s = strtok(line, " \t\n"); s; s = strtok(NULL, " \t\n"), col++) {
		if (strcmp(s, "uid") == 0)
			uidcol = col;
		if (strcmp(s, "cuid") == 0)
			cuidcol = col;
	}
	while (uidcol >= 0 && fgets(line, sizeof line, f) != NULL) {
		long v[16] = { 0 };
		col = 0;
		for (char *s = strtok(line, " \t\n"); s && col < 16; s = strtok(NULL, " \t\n"))
			v[col++] = atol(s);
		if (v[uidcol] != (long)uid && (cuidcol < 0 || v[cuidcol] != (long)uid))
			continue;
		int id = (int)v[1];
		if (strcmp(what, "shm") == 0)
			shmctl(id, IPC_RMID, NULL);
		else if (strcmp(what, "msg") == 0)
			msgctl(id, IPC_RMID, NULL);
		else
			semctl(id, 0, IPC_RMID);
	}
	fclose(f);
}

// Remove uid's SysV IPC objects from a child that takes uid: their owner
// may, where root may not (a container's root has no CAP_SYS_ADMIN nor
// CAP_IPC_OWNER).
static void clean_ipc_as(uid_t uid)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setgroups(0, NULL) < 0 || setresgid(uid, uid, uid) < 0 ||
		    setresuid(uid, uid, uid) < 0)
			_exit(1);
		clean_ipc("shm", uid);
		clean_ipc("msg", uid);
		clean_ipc("sem", uid);
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

void uidbox_clean(uid_t uid)
{
	static const char *const shared[] = { "/tmp", "/var/tmp", "/dev/shm", "/dev/mqueue" };
	for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++) {
		int fd = open(shared[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0)
			clean_folder(fd, uid, 0);
	}
	clean_ipc_as(uid);
}

// The test process: its own group, then fn. Never returns.
static void box_child(int (*fn)(void *, int), void *arg, int resfd)
{
	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGPIPE, SIG_IGN);
	int rc = fn(arg, resfd);
	_exit(rc < 0 ? 111 : rc);
}

// Read what the test writes to fd into res until it exits or deadline
// (it is left unreaped). Returns its exit code, 115 if time ran out
// (then it is killed).
static int collect_until(pid_t box, int fd, char *res, size_t reslen, long long deadline)
{
	size_t len = 0;
	int open = 1;
	if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)
		return 116;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (open && poll(&p, 1, 20) > 0)
			open = box_read_ready(fd, res, reslen, &len);
		else if (!open)
			poll(NULL, 0, 5);
		// Not reaped yet (WNOWAIT): its number stays its group's until the
		// caller has killed that group.
		siginfo_t si = { .si_pid = 0 };
		int r = waitid(P_PID, (id_t)box, &si, WEXITED | WNOHANG | WNOWAIT);
		if (r == 0 && si.si_pid == box) {
			// What it wrote just before it exited, after the last poll.
			if (open)
				box_read_ready(fd, res, reslen, &len);
			return si.si_code == CLD_EXITED ? si.si_status : 116;
		}
		if (r < 0 && errno != EINTR)
			return 116;
		if (now_ms() > deadline) {
			kill(-box, SIGKILL);
			kill(box, SIGKILL);
			return 115;
		}
	}
}

int uidbox_run(int (*fn)(void *arg, int resfd), void *arg, int timeout_ms, uid_t uid,
               char *res, size_t reslen, char *err, size_t errlen)
{
	int resp[2];
	res[0] = '\0';
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (pipe2(resp, O_CLOEXEC) < 0) {
		snprintf(err, errlen, "grader: pipe: %s", strerror(errno));
		return -1;
	}
	pid_t box = fork();
	if (box < 0) {
		snprintf(err, errlen, "grader: fork: %s", strerror(errno));
		return -1;
	}
	if (box == 0) {
		close(resp[0]);
		box_child(fn, arg, resp[1]);
	}
	setpgid(box, box);
	close(resp[1]);
	int code = collect_until(box, resp[0], res, reslen, now_ms() + timeout_ms);
	close(resp[0]);
	kill(-box, SIGKILL);  // the peers it started
	waitpid(box, NULL, 0);
	int left = uid != 0 ? uidbox_kill_uid(uid) : 0;
	kill_descendants();
	if (uid != 0)
		uidbox_clean(uid);
	if (left < 0) {
		snprintf(err, errlen, "grader: processes of uid %u could not be killed", (unsigned)uid);
		return -1;
	}
	return box_result(code, timeout_ms, err, errlen);
}
