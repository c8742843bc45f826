// shellenv.h: what `socktrace shell` does for the shell it opens: the
// kit's programs on PATH, and nothing started in it left running after.
#ifndef SOCKTRACE_SHELLENV_H
#define SOCKTRACE_SHELLENV_H

// Put the kit's programs on PATH for the shell, unless they are on it
// already (make watch puts the LAB's there): the folder beside socktrace's
// own holding them, build/solutions first, else build/labs (the students'
// kit). Returns that folder (static), or NULL when PATH was left alone.
const char *programs_on_path(void);

// Make every process started in the shell, once orphaned, our child
// (Linux's child subreaper) instead of init's, so that end_leftovers can
// find it. 0, or -1 where it is not possible.
int adopt_orphans(void);

// After the shell: end what was started in it and is still running (a
// server left in the background), SIGTERM then, after 1 s, SIGKILL, and
// say what it was on stderr.
void end_leftovers(void);

#endif
