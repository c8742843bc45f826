// calls.h: the socket calls of the programs `socktrace run` and `shell`
// start, recorded with ptrace and put on the capture's timeline. Each
// child is seized before it runs; a seccomp filter it installs before
// exec stops it only at socket-related system calls (SECCOMP_RET_TRACE),
// and its children and threads are followed. Every call's entry and
// return are timed on the capture's clock (CLOCK_REALTIME) and merged
// with the packets in time order; each packet is tied to the call in
// progress on its socket that sent it. Where ptrace or seccomp is refused,
// calls_open says why in one line and the run goes on without calls.
#ifndef SOCKTRACE_CALLS_H
#define SOCKTRACE_CALLS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>
#include <sys/types.h>

#include "annotate.h"
#include "packet.h"

#define CALL_TEXT  320   // decoded arguments, escaped, NUL included
#define CALL_BYTES 64    // data bytes shown (sent or received)

// A socket as the kernel sees it: its ends (port 0 and family 0 when
// not known yet) and its protocol (6 TCP, 17 UDP, 0 not known).
struct call_sock {
	unsigned long ino;
	int family;              // AF_INET, AF_INET6, another, or 0: not known
	int proto;
	struct ipaddr local, remote;
	uint16_t lport, rport;
	int made;                // its socket() was recorded (so are its binds)
	int bound;               // a bind() on it returned 0
	int serves;              // listen() returned 0 on it, or accept() made it
	int connected;           // connect() was called on it
	int probe;               // a UDP socket that so far only connect()ed and
	                         // getsockname()d: maybe getaddrinfo's probe
	int shown;               // a call on it has been printed
	char bind_args[ENDPOINT_LEN + 16]; // that bind()'s arguments, escaped
	const char *port_by;     // not bound: the call during which its port
	                         // became known (the OS picked it), or NULL
};

enum call_state { CALL_ENTERED, CALL_RETURNED, CALL_UNFINISHED };

// One socket call: what it was given, what it returned, when.
struct call_rec {
	unsigned long id;        // from 1, in order of entry
	char program[32];        // the program's name, escaped
	pid_t pid;               // the thread that made it
	const char *name;        // "sendto", "connect", ...
	int fd;                  // the socket (-1 for socket(), poll, select)
	char args[CALL_TEXT];    // the arguments as text, escaped
	char result[CALL_TEXT];  // what a return adds ("from 1.2.3.4:5", data)
	char addr[ENDPOINT_LEN]; // the address given or returned, or ""
	char bytes[CALL_BYTES * 4 + 8];  // data sent or received, escaped
	int has_bytes;
	long len;                // data sent: the length given (one buffer), else -1
	enum call_state state;
	long ret;                // the return value (state CALL_RETURNED)
	int err;                 // errno when the call failed, else 0
	char why[64];            // CALL_UNFINISHED: how the program ended
	struct timeval ts_enter, ts;
	struct call_sock sock;   // the socket's ends (accept: the listener)
	struct ipaddr to;        // the address given (connect, sendto) or
	uint16_t to_port;        // returned (recvfrom, accept); family 0: none
	int may_send;            // a call that can make packets leave
	int quick;               // never blocks or sends: shown once, at return
	int hidden;              // not shown (socket() of a non-IP family, the
	                         // close() of getaddrinfo's probe)
};

struct calls;

// Make the recorder (or NULL, with the reason in err, where this system
// cannot trace calls). Each call event, in time order, goes to the sink
// set with calls_set_sink (socktrace prints it, the grader sums it up).
struct calls *calls_open(char *err, size_t errlen);
void calls_set_sink(struct calls *c, void (*sink)(void *, const struct call_rec *), void *arg);

// Why recording was refused ("" while it was not): the line said once.
const char *calls_refusal(const struct calls *c);

// In the parent, right after fork(): seize pid (its options follow
// children and threads) and tell it through sync_fd whether to install
// its filter. 0, or -1 + err: tracing was refused (said once on stderr;
// the child then runs untraced, and calls_disabled says so). A refusal of
// the child's filter (seccomp) comes later and is said by calls_wait.
int calls_attach(struct calls *c, pid_t pid, int sync_fd, char *err, size_t errlen);

// In the child, before exec: wait on sync_fd for the parent's word and,
// if told to, install the seccomp filter. Returns 0 or -1 (errno set).
int calls_child_read(int sync_fd, int *install);
int calls_child_filter(void);

// In the child: the sync descriptor calls_child_read kept open (to be
// spared when the child closes the others), or -1.
int calls_child_fd(void);

// Handle every stop and exit pending (waitpid(-1, WNOHANG)). exited(arg,
// pid, status) is called for each process that ended, traced or not.
// Before each call event is printed, more packets may be printed through
// the capture (see calls_before).
void calls_wait(struct calls *c, void (*exited)(void *, pid_t, int), void *arg);

// Print the call events timed before ts (ts NULL: all of them); the
// packet at ts is printed next.
void calls_before(struct calls *c, const struct timeval *ts);

// Set the function that reads the capture (called before queued call
// events are printed, so that packets sent earlier come first).
void calls_set_dispatch(struct calls *c, void (*dispatch)(void *), void *arg);

// Set the functions that time the programs' output sent through pipes: at
// the entry of a write() to a file that is not a socket, at time t,
// entry(arg, tid, fd, t) returns the output stream fd writes to (or NULL:
// not one); that write's return then calls done(arg, stream), when what
// it wrote is in the pipe.
void calls_set_output(struct calls *c, void *(*entry)(void *, pid_t, int, struct timeval),
                      void (*done)(void *, void *), void *arg);

// The call that made packet pk leave, or NULL: a call in progress
// (entered and not yet returned) that sends, on the socket whose ends
// are the packet's.
const struct call_rec *calls_cause(struct calls *c, const struct packet *pk);

// The recorded socket packet pk goes to (its local end pk's destination):
// the one connected to pk's source, else one with no peer (a listener, a
// UDP server's socket); the latest recorded first. NULL if none.
const struct call_sock *calls_sock_to(struct calls *c, const struct packet *pk);

// Kill what is still traced and free c (NULL is fine).
void calls_close(struct calls *c);

// Has a refusal disabled recording since calls_open? 1 after the first
// calls_attach failure.
int calls_disabled(const struct calls *c);

#endif
