// nsdiag_linux.c: why user and network namespaces are refused here (see
// nsdiag.h), for socktrace and the grader alike.
#include "nsdiag.h"

#include <errno.h>
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

// The cause, from what the probes saw (the order of nsdiag.h).
static enum nsdiag_cause pick(const struct nsdiag *d, int seccomp, int admin)
{
	if (seccomp && d->unshare_errno == EPERM)
		return NSDIAG_SECCOMP;
	if (read_number("/proc/sys/user/max_user_namespaces") == 0)
		return NSDIAG_MAXNS;
	if (!d->root && read_number("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1)
		return NSDIAG_APPARMOR;
	if (!d->root && read_number("/proc/sys/kernel/unprivileged_userns_clone") == 0)
		return NSDIAG_CLONE;
	if (d->root && !admin)
		return NSDIAG_NOADMIN;
	return NSDIAG_OTHER;
}

void nsdiag_probe(struct nsdiag *d)
{
	static const char *const why[NSDIAG_OTHER + 1] = {
		[NSDIAG_SECCOMP] = "this is a container (a seccomp filter refuses unshare())",
		[NSDIAG_MAXNS] = "user namespaces are off (user.max_user_namespaces=0)",
		[NSDIAG_APPARMOR] = "AppArmor (Ubuntu 24.04) refuses unprivileged user namespaces "
		                    "to programs without a profile",
		[NSDIAG_CLONE] = "unprivileged user namespaces are off "
		                 "(kernel.unprivileged_userns_clone=0, Debian)",
		[NSDIAG_NOADMIN] = "this is a container (no CAP_SYS_ADMIN)",
	};
	static const char *const fix[NSDIAG_OTHER + 1] = {
		[NSDIAG_MAXNS] = "sudo sysctl -w user.max_user_namespaces=15000",
		[NSDIAG_APPARMOR] = "make install-apparmor (installs one for the grader and "
		                    "socktrace, with sudo)",
		[NSDIAG_CLONE] = "sudo sysctl -w kernel.unprivileged_userns_clone=1",
	};
	long long caps = status_field("CapEff:", 16);
	d->root = geteuid() == 0;
	d->unshare_errno = probe_unshare();
	d->cause = pick(d, status_field("Seccomp:", 10) == 2,
	                caps >= 0 && (caps >> CAP_SYS_ADMIN_BIT & 1));
	d->container = d->cause == NSDIAG_SECCOMP || d->cause == NSDIAG_NOADMIN;
	d->fix = fix[d->cause];
	if (d->cause == NSDIAG_OTHER)
		snprintf(d->why, sizeof d->why, "unshare: %s",
		         strerror(d->unshare_errno ? d->unshare_errno : EPERM));
	else
		snprintf(d->why, sizeof d->why, "%s", why[d->cause]);
}
