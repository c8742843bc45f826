// boxuid.h: the sandbox outside namespaces (container and plain modes of
// sandbox.h): a test as a process group of its own, and what is left
// behind by a uid removed at its end. Used by sandbox.c only.
#ifndef GRADE_BOXUID_H
#define GRADE_BOXUID_H

#include <stddef.h>
#include <sys/types.h>

// Run fn(arg, resfd) in a child process (its own process group, this
// process its subreaper) for at most timeout_ms; collect what it writes
// to resfd into res. At the end kill the group, every process of uid
// (uid 0: every descendant instead) and remove uid's files and IPC
// objects. Returns fn's value or -1 (err says why).
int uidbox_run(int (*fn)(void *arg, int resfd), void *arg, int timeout_ms, uid_t uid,
               char *res, size_t reslen, char *err, size_t errlen);

// Kill every process of uid (from a child that takes that uid), reaping
// what becomes ours, until none is left. 0, or -1 if some survived.
int uidbox_kill_uid(uid_t uid);

// Remove what uid owns in the folders anyone may write (/tmp, /var/tmp,
// /dev/shm, /dev/mqueue) and its SysV IPC objects.
void uidbox_clean(uid_t uid);

#endif
