// callwatch.h: a jailed program's socket calls, recorded for the hints.
// Where the grader asks for it (jail_start_traced), the jail's process
// forks once more: the child becomes the student's program, and the
// parent, still in the jail and as the same uid but not dumpable (so the
// program can neither trace it nor open its descriptors), records the
// program's socket calls with socktrace's recorder (trace/calls.h),
// sums them up, writes the sum to the grader on a pipe of its own, and
// exits as the program did. The sum only sharpens hints: no verdict
// depends on it, since tracing may be refused (then traced is 0 and why
// says so).
#ifndef GRADE_CALLWATCH_H
#define GRADE_CALLWATCH_H

#include <sys/types.h>

#include "packet.h"

enum cw_kind {
	CW_SOCKET, CW_BIND, CW_CONNECT, CW_LISTEN, CW_ACCEPT, CW_SEND, CW_RECV,
	CW_SHUTDOWN, CW_CLOSE, CW_KINDS
};

// What the program's calls on IP sockets came to. Numbers only: nothing
// in it is text the program chose.
struct callsum {
	int traced;             // 1: the calls were recorded
	char why[256];          // traced 0: why not, or "" (no record came)
	int n[CW_KINDS];        // calls of each kind that returned
	int failed[CW_KINDS];   // of those, the ones that returned -1
	int first_errno[CW_KINDS]; // the errno of the first of them
	int tcp_connects;       // connect() calls on TCP sockets that returned 0
	int tcp_recvs;          // recv() calls on TCP sockets that returned >= 0
	long tcp_recv_bytes;    // the bytes they returned in all
	int tcp_recv_eof;       // one of them returned 0 (the peer's FIN)
	int recv_unfinished;    // a recv() was still waiting when it ended
	int udp_sends;          // sendto()s on UDP sockets that returned >= 0
	int bind_port;          // the first bind() that returned 0: its port
	struct ipaddr bind_ip;  // and address (bind_port -1: no bind())
};

// In the jail's child, before the limits: fork; in the child (the
// program to be) return 0 with *sync_fd set (for callwatch_child);
// in the parent watch it, write its sum on report_fd and exit as it did
// (never returns). -1 if fork failed (then nothing is watched).
int callwatch_fork(int report_fd, int *sync_fd);

// In the program to be, before its limits (under them an ASan build of
// the grader cannot allocate): take the watcher's word and install the
// recorder's filter if told to. 0 or -1.
int callwatch_child(int sync_fd);

// Read the sum the watcher wrote on fd (non-blocking, after the program
// ended): 0, or -1 if none came whole (s then says not traced).
int callwatch_read(int fd, struct callsum *s);

#endif
