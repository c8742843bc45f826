// harness.h: run the kit's programs from cmocka tests.
//
// Every call that waits takes a timeout in milliseconds, so a program
// that hangs fails its test instead of stalling the suite. Each child
// runs in its own process group; harness_cleanup() kills any left over.
#ifndef SOCKLAB_HARNESS_H
#define SOCKLAB_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

struct proc {
	pid_t pid;
	int in;   // write end of the child's stdin (-1 once closed)
	int out;  // read end of the child's stdout
	int err;  // read end of the child's stderr
};

// Path of a built program, e.g. harness_path("solutions/UDPServer"),
// under $SOCKLAB_BUILD (default "build"). Returns a static buffer.
const char *harness_path(const char *rel);

// Start argv[0] with piped stdin/stdout/stderr in a new process group.
// Returns 0, or -1 with errno set.
int proc_start(struct proc *p, char *const argv[]);

// Write all of buf to the child's stdin. Returns 0 or -1.
int proc_write(struct proc *p, const void *buf, size_t len);

// Close the child's stdin (it then reads end of file).
void proc_close_stdin(struct proc *p);

// Read one line (without its newline) from fd into buf, NUL-terminated.
// Returns the line's length, or -1 on timeout, end of file or error.
// Reads a byte at a time, so nothing after the newline is consumed.
ssize_t read_line(int fd, char *buf, size_t size, int timeout_ms);

// Read from fd until end of file, at most size-1 bytes, NUL-terminated.
// Returns the byte count, or -1 if the timeout passed first.
ssize_t read_all(int fd, char *buf, size_t size, int timeout_ms);

// Wait for the child to exit. Returns its wait status, or -1 if it was
// still running after timeout_ms (it is then killed and reaped).
int proc_wait(struct proc *p, int timeout_ms);

// Kill the child's process group, reap it and close its pipes.
void proc_kill(struct proc *p);

// Start a server (argv[0] relative to the build folder is resolved by the
// caller) and wait for its line "The server is ready to receive on port N".
// Returns N, or -1 if the line did not come within timeout_ms.
int server_start(struct proc *p, char *const argv[], int timeout_ms);

// Kill every child started through this harness and not yet reaped.
void harness_cleanup(void);

#endif
