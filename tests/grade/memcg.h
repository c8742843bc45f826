// memcg.h: a memory cgroup of its own for each test's (and each build's)
// student programs, where one can be had (issue 12: memfds and forks hold
// memory that RLIMIT_AS does not count).
//
// cgroup v2: children of the grader's own cgroup ("0::/path" in
// /proc/self/cgroup) when it delegates the memory controller to them (the
// grader moves itself to a leaf of its own if it must, to keep the "no
// internal processes" rule); cgroup v1: children of its own memory
// cgroup ("N:memory:/path"), as root. Anywhere else (a read-only
// /sys/fs/cgroup, an unprivileged user on v1) there is none, silently:
// the rlimits (JAIL_NOFILE files of RLIMIT_FSIZE) are then the bound.
#ifndef GRADE_MEMCG_H
#define GRADE_MEMCG_H

#define MEMCG_MB 256  // memory of a test's programs in all, swap none

// Find where cgroups can be made (once; later calls return the first
// answer). 1 if each test gets one, 0 if not.
int memcg_available(void);

// The memory bound in force, for the report: "memory cgroup 256 MiB
// (cgroup v1), swap none" or "rlimits only: memfd bounded by 32 files x 2 MiB".
const char *memcg_bound(void);

// Make a new cgroup with the limit. Returns a descriptor of its
// cgroup.procs (the caller keeps it across fork for memcg_join), or -1
// if there is none (not available, or it could not be made).
int memcg_open(void);

// In a child, before it drops its privileges: move itself into the
// cgroup of fd (any namespace: the file's opener's rights apply). 0 or -1.
int memcg_join(int fd);

// How many of its processes the kernel killed for want of memory (the
// oom_kill count of memory.events or memory.oom_control; 0 if unknown).
int memcg_oom_kills(int fd);

// Kill every process left in the cgroup of fd, remove it, close fd.
// 0, or -1 if it could not be emptied or removed.
int memcg_close(int fd);

#endif
