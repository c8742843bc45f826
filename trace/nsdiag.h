// nsdiag.h: why this machine refuses new user and network namespaces,
// told apart from what can be seen from inside (a container's seccomp
// filter, a root without CAP_SYS_ADMIN, the sysctls, AppArmor). One
// diagnosis for socktrace (netns_linux.c) and the grader (tests/grade/
// envcheck.c, which links nsdiag_linux.o); each adds the fix that applies
// to itself. Linux only.
#ifndef SOCKTRACE_NSDIAG_H
#define SOCKTRACE_NSDIAG_H

// What refuses, the first that applies in this order.
enum nsdiag_cause {
	NSDIAG_SECCOMP,   // a container: its seccomp filter refuses unshare()
	NSDIAG_MAXNS,     // user.max_user_namespaces is 0
	NSDIAG_APPARMOR,  // not root, kernel.apparmor_restrict_unprivileged_userns=1
	NSDIAG_CLONE,     // not root, kernel.unprivileged_userns_clone=0 (Debian)
	NSDIAG_NOADMIN,   // a container: root here has no CAP_SYS_ADMIN
	NSDIAG_OTHER,     // none of these
};

struct nsdiag {
	enum nsdiag_cause cause;
	int container;     // NSDIAG_SECCOMP or NSDIAG_NOADMIN
	int root;          // the effective uid is 0
	int unshare_errno; // of unshare(CLONE_NEWUSER|CLONE_NEWNET) tried in a child, or 0
	char why[160];     // what refuses, in words: "this is a container (...)"
	const char *fix;   // the machine's fix for MAXNS, APPARMOR, CLONE (a command), else NULL
};

// Find out why (forks once to try unshare). Fills d; never fails.
void nsdiag_probe(struct nsdiag *d);

#endif
