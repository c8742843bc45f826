// harness.h: run the kit's programs from cmocka tests.
//
// Every call that waits takes a timeout in milliseconds, so a program
// that hangs fails its test instead of stalling the suite. Each child
// runs in its own process group; harness_cleanup() kills any left over.
#ifndef SOCKLAB_HARNESS_H
#define SOCKLAB_HARNESS_H

#include <stddef.h>
#include <sys/socket.h>
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

// Why the namespaces of a private network (a user and a network
// namespace, or a network one as root) cannot be made here, e.g. in a
// container whose seccomp filter refuses them; NULL if they can.
const char *harness_no_namespaces(void);

// Kill every child started through this harness and not yet reaped.
void harness_cleanup(void);

// Remove path and everything below it (a test's scratch folder), without
// following links; best effort.
void harness_rmtree(const char *path);

// Make a fresh scratch folder /tmp/PREFIX-XXXXXX (mode 0700) and store its
// path in dir (size bytes). Returns 0, or -1 with errno set (ENAMETOOLONG
// if the path does not fit).
int harness_scratch(char *dir, size_t size, const char *prefix);

// End a test program's scratch folder dir: kill every child left
// (harness_cleanup), then remove dir and all below it. Returns 0, so a
// cmocka teardown can return it.
int harness_scratch_end(const char *dir);

// ---- Added for the programs' end-to-end tests ----

// What a program run to completion by proc_run did.
struct run {
	int status;     // its wait status, or -1 if it did not finish in time
	char *out;      // its stdout, NUL-terminated (malloc'd: see run_free)
	size_t outlen;  // stdout's length in bytes (it may hold NULs)
	char *err;      // its stderr, NUL-terminated
	size_t errlen;
	long ms;        // how long it ran, in milliseconds
};

// Start argv, write input (len bytes; input may be NULL) to its stdin and
// close it, collect stdout and stderr until both end, and wait for it.
// A program that has not finished within timeout_ms is killed. Returns
// 0 (then free r with run_free), or -1 if it could not be started.
// An input larger than a pipe holds (64 KiB) must be read by the program.
int proc_run(struct run *r, char *const argv[], const void *input, size_t len,
             int timeout_ms);
void run_free(struct run *r);

// Run argv with no input to its end, at most timeout_ms (proc_run): its
// stdout into out and its stderr into err, each NUL-terminated and cut
// at outsize-1 / errsize-1 bytes; a NULL buffer drops that stream.
// Returns its wait status, or -1 if it could not be started or did not
// end in time (it is then killed; out and err hold what it wrote).
int harness_run_output(char *const argv[], char *out, size_t outsize, char *err,
                       size_t errsize, int timeout_ms);

// Wait until the child is asleep in a blocking call (on Linux, where
// /proc tells; elsewhere return at once). Returns 0, or -1 on timeout.
// Lets a test send a signal while the program blocks, not just before.
int proc_wait_asleep(struct proc *p, int timeout_ms);

// Fill *ss and *len with the numeric address host ("127.0.0.1", "::1")
// and port. Returns 0 or -1.
int net_addr(const char *host, int port, struct sockaddr_storage *ss, socklen_t *len);

// A UDP socket bound to host and port (0: any free port), whose receives
// give up after timeout_ms. Returns the socket or -1.
int net_udp(const char *host, int port, int timeout_ms);

// A TCP socket connected to host and port, whose sends and receives give
// up after timeout_ms. Returns the socket or -1.
int net_connect(const char *host, int port, int timeout_ms);

// A listening TCP socket on host, on a free port stored in *port.
// Returns the socket or -1.
int net_listen(const char *host, int *port);

// The local port of socket fd, or -1.
int net_port(int fd);

// Send all of buf on socket fd. Returns 0 or -1.
int net_send_all(int fd, const void *buf, size_t len);

// Receive from socket fd until end of file, at most size bytes (not
// NUL-terminated). Returns the byte count, or -1 on error, on timeout or
// if more than size bytes came.
ssize_t net_recv_all(int fd, void *buf, size_t size, int timeout_ms);

#endif
