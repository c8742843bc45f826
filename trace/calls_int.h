// calls_int.h: what calls_linux.c (the tracer loop) and calls_decode_linux.c
// (the arguments, read from the traced program's memory) share.
#ifndef SOCKTRACE_CALLS_INT_H
#define SOCKTRACE_CALLS_INT_H

#include <stdint.h>
#include <sys/types.h>

#include "calls.h"

#define CALLS_TRACEES 64   // threads and processes followed at once
#define CALLS_QUEUE   64   // call events waiting to be printed
#define CALLS_SOCKS   128  // sockets whose ends are remembered
#define CALLS_SYNCS   16   // children whose filter's answer is awaited
#define CALLS_SENT    16   // sockets whose last data call is remembered

// Bits of call_rec.may_send: the packets a call can make leave.
enum { SENDS_HANDSHAKE = 1, SENDS_DATA = 2, SENDS_FIN = 4 };

// One syscall as the filter and the decoder know it.
struct call_kind {
	long nr;
	const char *name;
	int kind;          // K_* below
};

enum {
	K_SOCKET, K_BIND, K_CONNECT, K_LISTEN, K_ACCEPT, K_ACCEPT4, K_SENDTO,
	K_RECVFROM, K_SENDMSG, K_RECVMSG, K_WRITE, K_READ, K_SHUTDOWN, K_CLOSE,
	K_SETSOCKOPT, K_GETSOCKOPT, K_GETSOCKNAME, K_GETPEERNAME, K_POLL,
	K_PPOLL, K_SELECT, K_PSELECT,
};

// The syscalls traced, ending with nr -1.
extern const struct call_kind call_kinds[];

// A thread being traced.
struct tracee {
	pid_t tid;                 // 0: a free slot
	char name[32];
	int in_call;               // stopped at entry, waiting for its return
	int interrupted;           // returned EINTR/ERESTART*: queued at the next
	                           // stop, or unfinished if the signal kills it
	int kind;                  // K_* of the call in progress
	uint64_t args[6];
	void *output;              // in a write() to this output stream (calls_set_output)
	struct call_rec rec;
};

// A call event waiting to be printed (its state says which).
struct call_event {
	struct call_rec rec;
};

struct calls {
	struct tracee t[CALLS_TRACEES];
	struct call_rec active[CALLS_TRACEES];  // printed as entered, not returned
	int nactive;
	struct call_rec sent[CALLS_SENT];  // the last data call returned per socket
	int nsent;
	struct call_event q[CALLS_QUEUE];
	int nq;
	struct call_sock socks[CALLS_SOCKS];
	int nsocks;
	void (*sink)(void *, const struct call_rec *);
	void *sink_arg;
	char why[256];             // the refusal said, or ""
	void (*dispatch)(void *);
	void *dispatch_arg;
	void *(*out_entry)(void *, pid_t, int, struct timeval);
	void (*out_done)(void *, void *);
	void *out_arg;
	unsigned long next_id;
	int syncs[CALLS_SYNCS];    // their sync sockets (non-blocking)
	int nsyncs;
	int disabled;
	int warned_full;
	int printing;              // inside calls_before (no re-entry)
	int closing;               // calls_close: print all, hold nothing back
};

// Decode the entry of a call of kind k made by tid with args into r (its
// name, fd, arguments, sent data). Returns 1 to trace it, 0 when it is
// not on a socket (read/write/close of a file, poll of no socket).
int decode_entry(struct calls *c, pid_t tid, int k, const uint64_t *args,
                 struct call_rec *r);

// Decode a return: the value or errno, and what the call filled in
// (received data, an address, the new socket of accept or socket()).
void decode_exit(struct calls *c, pid_t tid, int k, const uint64_t *args,
                 int64_t rval, int is_error, struct call_rec *r);

// The remembered socket with this inode, its ends read from /proc/tid/net
// when refresh > 0 or when it is new (unless refresh < 0: a socket just
// made, not bound yet). Never NULL (the oldest is forgotten if full).
struct call_sock *sock_find(struct calls *c, pid_t tid, unsigned long ino, int refresh);

// The remembered socket with this inode, or NULL (nothing is looked up).
struct call_sock *sock_known(struct calls *c, unsigned long ino);

#endif
