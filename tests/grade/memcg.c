// memcg.c: a memory cgroup per test for the student programs (memcg.h).
#include "memcg.h"
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CGROOT "/sys/fs/cgroup"
#define MAX_OPEN 8  // cgroups open at once in one process (one in practice)

static int version = -1;  // 2, 1, or 0 (none); -1 before memcg_available
static pid_t owner;       // the grader (its workers' cgroups are named after it)
static char base[512];    // where the grader's children go
static struct { int fd; char path[600]; } open_cg[MAX_OPEN];

// Write s to path. 0 or -1.
static int put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

// Does the file at path hold word (space-separated words)? 1 or 0.
static int holds_word(const char *path, const char *word)
{
	char buf[512], *save = NULL;
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (char *w = strtok_r(buf, " \n", &save); w; w = strtok_r(NULL, " \n", &save))
		if (strcmp(w, word) == 0)
			return 1;
	return 0;
}

// The grader's own cgroup path in the hierarchy whose /proc/self/cgroup
// line starts with "0::" (v2) or names the memory controller (v1), into
// path. 0 or -1.
static int own_cgroup(int v2, char *path, size_t size)
{
	char line[1024];
	int found = -1;
	FILE *f = fopen("/proc/self/cgroup", "re");
	if (f == NULL)
		return -1;
	while (found < 0 && fgets(line, sizeof line, f) != NULL) {
		char *ctl = strchr(line, ':'), *p = ctl ? strchr(ctl + 1, ':') : NULL;
		if (p == NULL)
			continue;
		*p++ = '\0', ctl++;
		p[strcspn(p, "\n")] = '\0';
		int match = v2 ? strcmp(line, "0") == 0 && ctl[0] == '\0'
		               : strstr(ctl, "memory") != NULL;  // "memory" or a list
		if (match && strstr(p, "..") == NULL && strlen(p) < size)
			found = snprintf(path, size, "%s", strcmp(p, "/") ? p : "") < 0 ? -1 : 0;
	}
	fclose(f);
	return found;
}

// v2: let base's children have the memory controller; if base holds
// processes (ours), move the grader to a leaf first (the "no internal
// processes" rule; one leaf shared by the graders run there, left for the
// next: a process cannot remove its own cgroup), and back if that does
// not do. 0 or -1.
static int v2_delegate(void)
{
	char path[700], leaf[600];
	snprintf(path, sizeof path, "%s/cgroup.subtree_control", base);
	if (holds_word(path, "memory") || put(path, "+memory") == 0)
		return 0;
	snprintf(leaf, sizeof leaf, "%s/socklab-grader", base);
	if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
		return -1;
	char procs[700], back[700];
	snprintf(procs, sizeof procs, "%s/cgroup.procs", leaf);
	snprintf(back, sizeof back, "%s/cgroup.procs", base);
	if (put(procs, "0") == 0 && put(path, "+memory") == 0)
		return 0;
	put(back, "0");  // others share base with us: leave it as it was
	rmdir(leaf);
	return -1;
}

// Find base and the cgroup version usable there (version).
static void find_base(void)
{
	char own[400], path[600];
	struct stat st;
	version = 0;
	owner = getpid();
	if (stat(CGROOT "/cgroup.controllers", &st) == 0 && own_cgroup(1, own, sizeof own) == 0) {
		snprintf(base, sizeof base, CGROOT "%s", own);
		snprintf(path, sizeof path, "%s/cgroup.controllers", base);
		if (holds_word(path, "memory") && v2_delegate() == 0)
			version = 2;
		return;
	}
	if (own_cgroup(0, own, sizeof own) == 0) {
		snprintf(base, sizeof base, CGROOT "/memory%s", own);
		version = 1;
	}
}

int memcg_available(void)
{
	if (version < 0) {
		find_base();
		int fd = version ? memcg_open() : -1;  // a trial one: can we?
		if (fd < 0 || memcg_close(fd) < 0)
			version = 0;
	}
	return version > 0;
}

const char *memcg_bound(void)
{
	static char s[96];
	if (memcg_available())
		snprintf(s, sizeof s, "memory cgroup %d MiB (cgroup v%d), swap none", MEMCG_MB,
		         version);
	else
		snprintf(s, sizeof s, "rlimits only: memfd bounded by %d files x 2 MiB", JAIL_NOFILE);
	return s;
}

// Set the limit of the new cgroup at dir: memory, and memory with swap
// where the kernel accounts it. 0 or -1.
static int set_limit(const char *dir)
{
	char path[700], n[32];
	snprintf(n, sizeof n, "%ld", (long)MEMCG_MB << 20);
	if (version == 2) {
		snprintf(path, sizeof path, "%s/memory.swap.max", dir);
		if (access(path, F_OK) == 0 && put(path, "0") < 0)
			return -1;
		snprintf(path, sizeof path, "%s/memory.max", dir);
		return put(path, n);
	}
	snprintf(path, sizeof path, "%s/memory.limit_in_bytes", dir);
	if (put(path, n) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/memory.memsw.limit_in_bytes", dir);
	return access(path, F_OK) == 0 ? put(path, n) : 0;
}

int memcg_open(void)
{
	static unsigned seq;
	char dir[600], path[700];
	int slot = 0;
	while (slot < MAX_OPEN && open_cg[slot].path[0])
		slot++;
	if (version <= 0 || slot == MAX_OPEN)
		return -1;
	snprintf(dir, sizeof dir, "%s/socklab-%d-%d-%u", base, (int)owner, (int)getpid(), seq++);
	if (mkdir(dir, 0755) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/cgroup.procs", dir);
	int fd = set_limit(dir) == 0 ? open(path, O_WRONLY | O_CLOEXEC) : -1;
	if (fd < 0) {
		rmdir(dir);
		return -1;
	}
	open_cg[slot].fd = fd;
	snprintf(open_cg[slot].path, sizeof open_cg[slot].path, "%s", dir);
	return fd;
}

int memcg_join(int fd)
{
	return write(fd, "0", 1) == 1 ? 0 : -1;
}

// SIGKILL every process listed in the cgroup.procs at path. Returns how
// many were listed, or -1 if it cannot be read.
static int kill_listed(const char *path)
{
	FILE *f = fopen(path, "re");
	int n = 0;
	long pid;
	if (f == NULL)
		return -1;
	while (fscanf(f, "%ld", &pid) == 1)
		if (pid > 0 && kill((pid_t)pid, SIGKILL) == 0)
			n++;
	fclose(f);
	return n;
}

// Empty the cgroup at dir (cgroup.kill where there is one) and remove it,
// trying for at most 2 s while the killed processes exit. 0 or -1.
static int empty_and_remove(const char *dir)
{
	char path[700];
	snprintf(path, sizeof path, "%s/cgroup.kill", dir);
	if (version == 2)
		put(path, "1");
	snprintf(path, sizeof path, "%s/cgroup.procs", dir);
	for (long long end = now_ms() + 2000; now_ms() < end; ) {
		if (rmdir(dir) == 0 || errno == ENOENT)
			return 0;
		if (errno != EBUSY || kill_listed(path) < 0)
			return -1;
		struct timespec ts = { 0, 5 * 1000000 };
		nanosleep(&ts, NULL);  // the killed ones to exit: nothing to wait on
	}
	return -1;
}

int memcg_close(int fd)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (open_cg[i].path[0] && open_cg[i].fd == fd) {
			close(fd);
			int rc = empty_and_remove(open_cg[i].path);
			open_cg[i].path[0] = '\0';
			return rc;
		}
	return -1;
}

int memcg_oom_kills(int fd)
{
	char path[700], line[128];
	int n = 0;
	for (int i = 0; i < MAX_OPEN; i++)
		if (open_cg[i].path[0] && open_cg[i].fd == fd) {
			snprintf(path, sizeof path, "%s/%s", open_cg[i].path,
			         version == 2 ? "memory.events" : "memory.oom_control");
			FILE *f = fopen(path, "re");
			while (f != NULL && fgets(line, sizeof line, f) != NULL)
				if (strncmp(line, "oom_kill ", 9) == 0)
					n = atoi(line + 9);
			if (f != NULL)
				fclose(f);
		}
	return n;
}
