// privdrop.c: give up root once a live capture is open (see privdrop.h).
#include "privdrop.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Parse a decimal id from the environment variable name. Returns 1 and
// sets *id if it holds a non-zero id, else 0.
static int env_id(const char *name, unsigned long *id)
{
	const char *s = getenv(name);
	if (s == NULL || *s == '\0')
		return 0;
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v == 0 || v > 0x7fffffffUL)
		return 0;
	*id = v;
	return 1;
}

// Choose whom to become: sudo's caller, else nobody. 0, or -1 + err.
static int target(uid_t *uid, gid_t *gid, char *who, size_t wholen,
                  char *err, size_t errlen)
{
	unsigned long u, g;
	if (env_id("SUDO_UID", &u) && env_id("SUDO_GID", &g)) {
		*uid = (uid_t)u;
		*gid = (gid_t)g;
		snprintf(who, wholen, "uid %lu (SUDO_UID)", u);
		return 0;
	}
	struct passwd *pw = getpwnam("nobody");
	if (pw == NULL || pw->pw_uid == 0) {
		snprintf(err, errlen, "getpwnam: no user \"nobody\" to drop root to");
		return -1;
	}
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	snprintf(who, wholen, "nobody (uid %lu)", (unsigned long)pw->pw_uid);
	return 0;
}

int privdrop(char *who, size_t wholen, char *err, size_t errlen)
{
	char name[64];
	if (who == NULL) {
		who = name;
		wholen = sizeof name;
	}
	if (getuid() != 0 && geteuid() != 0)
		return 0;
	uid_t uid;
	gid_t gid;
	if (target(&uid, &gid, who, wholen, err, errlen) < 0)
		return -1;
	// Groups first: after setuid there is no right left to change them.
	if (setgroups(1, &gid) < 0) {
		snprintf(err, errlen, "setgroups: %s", strerror(errno));
		return -1;
	}
	if (setgid(gid) < 0 || getgid() != gid || getegid() != gid) {
		snprintf(err, errlen, "setgid(%lu): %s", (unsigned long)gid, strerror(errno));
		return -1;
	}
	if (setuid(uid) < 0 || getuid() != uid || geteuid() != uid) {
		snprintf(err, errlen, "setuid(%lu): %s", (unsigned long)uid, strerror(errno));
		return -1;
	}
	// The drop must be for good: getting root back has to fail.
	if (setuid(0) == 0 || seteuid(0) == 0) {
		snprintf(err, errlen, "privilege drop did not hold: setuid(0) succeeded");
		return -1;
	}
	return 1;
}
