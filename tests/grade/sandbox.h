// sandbox.h: run untrusted student programs: private namespaces, limits,
// a minimal filesystem view, and output read through capped pipes.
//
// Three modes, one per kind of place the grader runs in (box_set_mode):
//  namespaces  a test runs as box_run(): fresh user, network, mount, pid
//              and IPC namespaces with lo up, the test function as pid 1
//              (every process it leaves dies with it). Inside, jail_start()
//              starts one program as an unprivileged uid, in its own
//              process group, with rlimits, in a root holding only /usr,
//              /etc, /dev/null, a small /tmp and /sandbox (its folder,
//              read-only unless it is the compiler's).
//  container   root where namespaces are refused (Docker's default
//              profile): the test function runs as root (for the capture)
//              in a process group of its own; programs run as a dedicated
//              unused uid per test, from their folder, with the same
//              rlimits; at the end every process of that uid is killed and
//              its files in the shared writable folders and its SysV IPC
//              objects are removed (boxuid.c).
//  plain       neither namespaces nor root: programs run as the grader's
//              own uid with the rlimits, and every process descended from
//              the test is killed at the end (the test is their subreaper);
//              there is no capture, so wire checks are not graded.
// Outside namespaces the network is shared: tests meet on ports the OS
// hands out (peer_port) and capture only those ports.
// In every mode, each box_run's programs share a memory cgroup of their
// own where one can be had (memcg.h), removed when it ends.
#ifndef GRADE_SANDBOX_H
#define GRADE_SANDBOX_H

#include <stddef.h>
#include <sys/types.h>

#include "callwatch.h"

struct box_limits {
	int cpu_s;      // RLIMIT_CPU, seconds
	long as_mb;     // RLIMIT_AS, MiB
	int nproc;      // RLIMIT_NPROC (counted inside the namespace)
	long fsize_mb;  // RLIMIT_FSIZE, MiB
	int writable;   // the program may write its folder (the compiler)
};

enum box_mode { BOX_NAMESPACES, BOX_CONTAINER, BOX_PLAIN };

// The mode box_run and jail_start work in (namespaces by default).
void box_set_mode(enum box_mode m);
enum box_mode box_get_mode(void);

// "namespaces", "container" or "plain", and one line saying what
// isolation that mode gives.
const char *box_mode_name(enum box_mode m);
const char *box_isolation(enum box_mode m);

// Why namespaces are refused here, with the fix that applies (or that
// none is needed because container mode takes over), in err.
void box_diagnose(char *err, size_t errlen);

// Check that container mode can work here (root, setuid to the student
// uid, a capture on lo). 0, or -1 with the reason in err.
int box_container_available(char *err, size_t errlen);

#define JAIL_KEEP   (64 * 1024)    // bytes of each stream kept for reports
#define JAIL_FLOOD  (1024 * 1024)  // bytes of output after which we kill
#define JAIL_NOFILE 32             // descriptors a program may hold

struct capbuf {
	char data[JAIL_KEEP + 1];  // first bytes, NUL-terminated
	size_t len;                // bytes kept
	size_t total;              // bytes seen
	int eof;
};

struct jail {
	pid_t pid;
	int in, out, err;          // pipes (-1 once closed)
	struct capbuf o, e;        // stdout, stderr
	int status;                // wait status once exited, else -1
	int flooded;               // killed for too much output
	int stopped;               // killed by us while still running
	int calls_fd;              // jail_start_traced: the watcher's sum, else -1
	struct callsum calls;      // its socket calls (calls.traced 0: not known)
};

// Check that namespaces can be made here. 0, or -1 with a one-line
// reason and fix in err.
int box_available(char *err, size_t errlen);

// What a box's runner exit code means: 115 the test ran out of time
// (timeout_ms), 111-116 the sandbox itself failed, both -1 with err
// filled; any other code is the test's own, returned as it is.
int box_result(int code, int timeout_ms, char *err, size_t errlen);

// Append to res (reslen bytes, kept NUL-terminated) what non-blocking fd
// holds now. 1 if more may come, 0 once fd is at its end (or res full).
int box_read_ready(int fd, char *res, size_t reslen, size_t *len);

// Run fn(arg, resfd) as pid 1 of new namespaces (see above) with lo up,
// for at most timeout_ms. What fn writes to resfd (at most reslen-1
// bytes) is returned in res. Returns fn's return value, or -1 if the
// namespaces could not be made or the time ran out (err says which).
int box_run(int (*fn)(void *arg, int resfd), void *arg, int timeout_ms,
            char *res, size_t reslen, char *err, size_t errlen);

// Inside box_run: start argv (argv[0] a path under /sandbox) with the
// host folder dir seen as /sandbox, under lim. Outside namespaces the
// program runs from dir and "/sandbox/X" arguments become "X". 0 or -1.
int jail_start(struct jail *j, const char *dir, char *const argv[],
               const struct box_limits *lim);

// jail_start, with the program's socket calls recorded by a watcher in
// the jail (callwatch.h) and summed up in j->calls once it has ended.
// Where tracing is refused the program runs all the same, and
// j->calls.traced is 0 with the reason in j->calls.why.
int jail_start_traced(struct jail *j, const char *dir, char *const argv[],
                      const struct box_limits *lim);

// The uid outside the namespaces that student code runs as (the caller's
// own uid unless the grader runs as root). Folders it must write to are
// given to it with chown by the caller.
uid_t box_student_uid(void);

// When the grader runs as root: use this unused uid for student code
// instead of the default 1600000000 (so that concurrent graders can tell
// their processes apart).
void box_set_student_uid(unsigned id);

// Write s to the program's stdin and close it.
void jail_input(struct jail *j, const char *s);

// Read output until stdout holds a complete line starting with prefix
// (returned through line, without its newline) or timeout_ms passes.
// Returns 0, or -1 (timeout, exit, flood).
int jail_wait_line(struct jail *j, const char *prefix, char *line,
                   size_t size, int timeout_ms);

// Read output until the program exits and its pipes close, or timeout_ms
// passes (then it is killed). Returns 0 if it exited in time, else -1.
int jail_finish(struct jail *j, int timeout_ms);

// Read output for timeout_ms (or until the program exits). Returns 1 if
// it is still running.
int jail_pump(struct jail *j, int timeout_ms);

// Kill the program's process group, reap it and close its pipes.
void jail_kill(struct jail *j);

// One line describing how the program ended: "exit 0", "killed by
// signal 11 (segmentation fault)", "still running", "flooded output",
// "killed for want of memory" (its memory cgroup's OOM killer).
const char *jail_how(const struct jail *j);

// How many processes, zombies too, have value in field ("Uid:", the real
// uid; "PPid:") of their /proc/PID/status; counting stops at max. -1 if
// /proc cannot be read.
int proc_count(const char *field, long value, int max);

// Milliseconds on the monotonic clock.
long long now_ms(void);

#endif
