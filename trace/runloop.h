// runloop.h: the event loop of `socktrace run` and `socktrace shell`:
// child programs with their output passed through, and the live capture
// decoded as packets arrive, in one poll() loop with no sleeps.
#ifndef SOCKTRACE_RUNLOOP_H
#define SOCKTRACE_RUNLOOP_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <pcap/pcap.h>

#include "calls.h"
#include "netns.h"
#include "timeline.h"
#include "tracer.h"

// One output pipe of a child, passed through line by line with a prefix.
struct stream {
	int fd;              // read end, -1 once at end of file
	char line[256];      // the current line so far (for the ready line)
	size_t len;
	int broken;          // its partial line was ended early by other output
	unsigned char utf[4];  // a UTF-8 sequence being checked before it is shown
	int utflen, utfneed;
	int timed;           // a socket whose records carry their write time
	dev_t dev;           // a pipe's identity, to know the programs' writes to it
	ino_t ino;
	struct timeval mark; // a pipe's: the entry time of the write() in progress
	int marked;          // mark is set (calls_set_output)
};

struct child {
	char name[32];       // basename of argv[0], for prefixes and messages
	pid_t pid;           // 0 before start; stays set after exit
	int running;         // started and not yet reaped
	int status;          // wait status once reaped
	int port;            // from "The server is ready to receive on port N", or -1
	int own_group;       // in a process group of its own (not reading the terminal)
	struct stream out, err;
};

#define RUNLOOP_MAX_CHILDREN 8

struct runloop {
	pcap_t *pcap;            // live capture (NULL: none)
	int pcap_fd;             // its selectable fd
	struct tracer *tracer;
	pcap_dumper_t *dumper;   // -w FILE, or NULL
	FILE *progout;           // where the programs' output goes
	int prefix;              // 1: prefix program output with [name]
	int midline;             // progout is in the middle of a line
	struct stream *last;      // the stream that wrote that partial line
	struct child *kids[RUNLOOP_MAX_CHILDREN];
	int nkids;
	int interrupted;         // SIGINT/SIGTERM/SIGHUP arrived
	unsigned long packets;
	char err[256];           // a capture error that stopped the loop
	int pipes;               // give children plain pipes, not timed sockets
	struct timeline *tl;     // packets and output waiting to be shown in time order
	struct timeval woke;     // when the loop last woke with something to read
	struct calls *calls;     // recording the children's calls, or NULL
};

// Set up the loop: signal handling (SIGCHLD, SIGINT, SIGTERM, SIGHUP) and
// the capture p (which may be NULL) feeding tracer t and dumper d.
// 0, or -1 + err.
int loop_init(struct runloop *l, pcap_t *p, struct tracer *t, pcap_dumper_t *d,
              FILE *progout, char *err, size_t errlen);

// Start argv (PATH searched) as child c: stdin from in_fd (-1: /dev/null,
// -2: inherit), stdout and stderr piped back through the loop unless
// passthrough_tty is set (then inherited, for an interactive shell). If
// peer is not NULL, the child runs in that second host's namespace.
// 0, or -1 + err.
int child_start(struct runloop *l, struct child *c, char *const argv[], int in_fd,
                int passthrough_tty, const struct netns_peer *peer,
                char *err, size_t errlen);

// Run the loop until done(l, arg) is true. Returns 1 when it is, 0 if
// timeout_ms passed first (-1: no limit), -1 if interrupted by a signal or
// a capture error (l->err says which).
int loop_until(struct runloop *l, int (*done)(struct runloop *, void *), void *arg,
               int timeout_ms);

// Predicates for loop_until: the child arg has exited and its output is
// all read; the child arg printed its ready line (or exited).
int child_done(struct runloop *l, void *arg);
int child_ready(struct runloop *l, void *arg);

// Stop child c: SIGTERM, wait up to timeout_ms, then SIGKILL. Its output
// is read to the end meanwhile.
void child_stop(struct runloop *l, struct child *c, int timeout_ms);

// Show what is queued, then read what the capture still holds: dispatch
// until no packet has come for quiet_ms (bounded by max_ms in all). Call
// it while the children given to child_start still exist: queued output
// refers to them.
void loop_drain(struct runloop *l, int quiet_ms, int max_ms);

// Record the calls of the children started from now on with c (calls.h):
// each is seized as it starts, and their stops and exits are handled in
// the loop, their calls printed in time order with the packets.
void loop_record_calls(struct runloop *l, struct calls *c);

// Show what is still queued, finish a partial output line, flush,
// restore signal handling, free the queue.
void loop_end(struct runloop *l);

#endif
