// envcheck.c: why namespaces are refused here (socktrace's diagnosis,
// trace/nsdiag.h) with the grader's fix, and whether container mode can
// work instead (see sandbox.h: box_diagnose, box_container_available).
#include "sandbox.h"
#include "wire.h"
#include "nsdiag.h"

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

// The grader's fix for what d found: in a container, root grades in
// container mode; elsewhere the machine's fix, or grading as root.
static void grader_fix(const struct nsdiag *d, char *out, size_t outlen)
{
	if (d->container && d->root)
		snprintf(out, outlen, "namespaces are refused here: %s; container mode grades "
		         "here instead, no fix needed", d->why);
	else if (d->container)
		snprintf(out, outlen, "namespaces are refused here: %s: run the grader as root in "
		         "the container (container mode), or start the container with --cap-add "
		         "SYS_ADMIN --security-opt seccomp=unconfined", d->why);
	else if (d->fix)
		snprintf(out, outlen, "%s: %s%s", d->why, d->fix,
		         d->root ? "" : ", or grade with sudo (container mode)");
	else
		snprintf(out, outlen, "%s%s", d->why, d->root ? "" : ": grade with sudo (container mode)");
}

void box_diagnose(char *err, size_t errlen)
{
	char what[400];
	struct nsdiag d;
	nsdiag_probe(&d);
	grader_fix(&d, what, sizeof what);
	snprintf(err, errlen, "grader: cannot make the sandbox's namespaces: %s", what);
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
