// envcheck.c: why namespaces are refused here, and whether container mode
// can work instead (see sandbox.h: box_diagnose, box_container_available).
#include "sandbox.h"
#include "wire.h"

#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CAP_SYS_ADMIN_BIT 21

// The number in the file at path (a sysctl), or -1 if it cannot be read.
static long read_number(const char *path)
{
	FILE *f = fopen(path, "r");
	long v = -1;
	if (f != NULL) {
		if (fscanf(f, "%ld", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

// The value of field (e.g. "Seccomp:") of /proc/self/status as a number
// in base, or -1.
static long long status_field(const char *field, int base)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long long v = -1;
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, strlen(field)) == 0)
			v = strtoll(line + strlen(field), NULL, base);
	if (f != NULL)
		fclose(f);
	return v;
}

// errno of unshare(CLONE_NEWUSER | CLONE_NEWNET) tried in a child, or 0.
static int probe_unshare(void)
{
	int st;
	pid_t pid = fork();
	if (pid < 0)
		return errno;
	if (pid == 0)
		_exit(unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0 ? (errno & 0xff) : 0);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return EINVAL;
	return WEXITSTATUS(st);
}

// The container case: root or not, what refuses, and what to do.
static void diagnose_container(int seccomp, char *err, size_t errlen)
{
	const char *why = seccomp ? "a seccomp filter refuses unshare()"
	                          : "no CAP_SYS_ADMIN";
	if (geteuid() == 0)
		snprintf(err, errlen, "namespaces are refused here: this is a container (%s); "
		         "container mode grades here instead, no fix needed", why);
	else
		snprintf(err, errlen, "namespaces are refused here: this is a container (%s): "
		         "run the grader as root in the container (container mode), or start the "
		         "container with --cap-add SYS_ADMIN --security-opt seccomp=unconfined", why);
}

void box_diagnose(char *err, size_t errlen)
{
	char what[400];
	int e = probe_unshare();
	long long seccomp = status_field("Seccomp:", 10);
	long long caps = status_field("CapEff:", 16);
	int admin = caps >= 0 && (caps >> CAP_SYS_ADMIN_BIT & 1);
	int root = geteuid() == 0;
	long maxns = read_number("/proc/sys/user/max_user_namespaces");
	long apparmor = read_number("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
	long clone = read_number("/proc/sys/kernel/unprivileged_userns_clone");
	if (seccomp == 2 || (root && !admin)) {
		diagnose_container(seccomp == 2, what, sizeof what);
		snprintf(err, errlen, "grader: cannot make the sandbox's namespaces: %s", what);
		return;
	}
	if (maxns == 0)
		snprintf(err, errlen, "grader: cannot make the sandbox's namespaces: user namespaces "
		         "are off (user.max_user_namespaces=0): sudo sysctl -w "
		         "user.max_user_namespaces=15000%s", root ? "" : ", or grade as root");
	else if (!root && apparmor == 1)
		snprintf(err, errlen, "grader: cannot make the sandbox's namespaces: AppArmor (Ubuntu "
		         "24.04) refuses unprivileged user namespaces to programs without a profile: "
		         "make install-apparmor (installs one for the grader and socktrace, with "
		         "sudo), or grade with sudo (container mode)");
	else if (!root && clone == 0)
		snprintf(err, errlen, "grader: cannot make the sandbox's namespaces: unprivileged user "
		         "namespaces are off (kernel.unprivileged_userns_clone=0, Debian): sudo sysctl "
		         "-w kernel.unprivileged_userns_clone=1, or grade with sudo (container mode)");
	else
		snprintf(err, errlen, "grader: cannot make the sandbox's namespaces (unshare: %s)%s",
		         strerror(e ? e : EPERM), root ? "" : ": grade with sudo (container mode)");
}

// Can this process take uid (in a child)? 0 or an errno.
static int probe_setuid(uid_t uid)
{
	int st;
	pid_t pid = fork();
	if (pid < 0)
		return errno;
	if (pid == 0)
		_exit(setgroups(0, NULL) < 0 || setresgid(uid, uid, uid) < 0 ||
		      setresuid(uid, uid, uid) < 0 ? (errno & 0xff) : 0);
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return EINVAL;
	return WEXITSTATUS(st);
}

int box_container_available(char *err, size_t errlen)
{
	struct wire w;
	char why[200];
	int e;
	if (geteuid() != 0) {
		snprintf(err, errlen, "container mode needs root (it runs each test as a uid of "
		         "its own)");
		return -1;
	}
	if ((e = probe_setuid(box_student_uid())) != 0) {
		snprintf(err, errlen, "container mode cannot take uid %u: %s (no CAP_SETUID?)",
		         (unsigned)box_student_uid(), strerror(e));
		return -1;
	}
	if (wire_open(&w, NULL, why, sizeof why) < 0) {
		snprintf(err, errlen, "container mode cannot capture: %s (no CAP_NET_RAW? start "
		         "the container with --cap-add NET_RAW)", why);
		return -1;
	}
	wire_close(&w);
	return 0;
}
