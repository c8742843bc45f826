// shellenv.c: the shell of `socktrace shell`: its PATH and what is left
// of it at the end (see shellenv.h).
#include "shellenv.h"

#include <ctype.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

// Is an executable named name on $PATH?
static int on_path(const char *name)
{
	const char *path = getenv("PATH");
	char dir[4096];
	while (path && *path) {
		size_t n = strcspn(path, ":");
		snprintf(dir, sizeof dir, "%.*s/%s", (int)n, n ? path : ".", name);
		if (access(dir, X_OK) == 0)
			return 1;
		path += n + (path[n] == ':');
	}
	return 0;
}

// Put the kit's programs on PATH for the shell, unless they are on it
// already (make watch puts the LAB's there): the folder beside socktrace's
// own holding them, build/solutions first, else build/labs (the students'
// kit). Returns that folder (static), or NULL when PATH was left alone.
const char *programs_on_path(void)
{
	static char dir[4096];
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (on_path("UDPServer") || n <= 0)
		return NULL;
	self[n] = '\0';
	*(strrchr(self, '/') ? strrchr(self, '/') : self) = '\0';
	static const char *const sub[] = { "solutions", "labs" };
	for (size_t i = 0; i < 2; i++) {
		char prog[4200];
		if ((size_t)snprintf(dir, sizeof dir, "%.4000s/%s", self, sub[i]) >= sizeof dir)
			return NULL;
		snprintf(prog, sizeof prog, "%s/UDPServer", dir);
		if (access(prog, X_OK) != 0)
			continue;
		const char *old = getenv("PATH");
		char *path = malloc(strlen(dir) + (old ? strlen(old) : 0) + 2);
		if (path == NULL)
			return NULL;
		sprintf(path, "%s%s%s", dir, old ? ":" : "", old ? old : "");
		setenv("PATH", path, 1);
		free(path);
		return dir;
	}
	return NULL;
}

// Make every process started in the shell, once orphaned, our child
// (Linux's child subreaper) instead of init's, so that end_leftovers can
// find it. 0, or -1 where it is not possible.
int adopt_orphans(void)
{
#ifdef PR_SET_CHILD_SUBREAPER
	return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
	return -1;
#endif
}

// Signal every child we have (the orphans of the shell adopted by us) with
// sig, naming each in names (at most size bytes) the first time. Returns
// how many there were. Children are found in /proc, by their parent pid.
static int signal_children(int sig, char *names, size_t size)
{
	DIR *d = opendir("/proc");
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d)) != NULL; ) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		char path[300], stat[512];
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		FILE *f = fopen(path, "r");
		size_t len = f ? fread(stat, 1, sizeof stat - 1, f) : 0;
		if (f)
			fclose(f);
		stat[len] = '\0';
		char *close_paren = strrchr(stat, ')'), *open_paren = strchr(stat, '(');
		int ppid = 0;
		if (!close_paren || !open_paren || sscanf(close_paren + 1, " %*c %d", &ppid) != 1 ||
		    ppid != getpid())
			continue;
		kill((pid_t)atoi(e->d_name), sig);
		size_t used = strlen(names);
		if (sig == SIGTERM && used + 40 < size)
			snprintf(names + used, size - used, "%s%.*s", used ? ", " : "",
			         (int)(close_paren - open_paren - 1), open_paren + 1);
		n++;
	}
	if (d)
		closedir(d);
	return n;
}

// Reap every child that has exited, without waiting.
static void reap_all(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

// After the shell: end what was started in it and is still running (a
// server left in the background), SIGTERM then, after 1 s, SIGKILL, and
// say what it was. Nothing started in the shell outlives it.
void end_leftovers(void)
{
	char names[256] = "";
	reap_all();
	int n = signal_children(SIGTERM, names, sizeof names);
	if (n == 0)
		return;
	fprintf(stderr, "socktrace: shell: ending what was still running in it: %s\n", names);
	for (int i = 0; i < 100 && signal_children(0, names, sizeof names) > 0; i++) {
		struct timespec tick = { 0, 10 * 1000 * 1000 };
		nanosleep(&tick, NULL);  // a grace period, not synchronisation
		reap_all();
	}
	while (signal_children(SIGKILL, names, sizeof names) > 0)
		while (waitpid(-1, NULL, 0) > 0)
			;
}

