// runloop.c: one poll() loop over the live capture, the children's output
// pipes and a self-pipe for signals (see runloop.h). What it reads is
// shown in time order (timeline.h): packets by their capture time, the
// programs' output by the time each write() was made (the children's
// stdout and stderr are sockets whose records carry it; pipes, where no
// such socket can be made, by the entry of the write() where the calls
// are recorded, else by the time the loop woke to read them).
#include "runloop.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef __WALL
#define __WALL 0  // off Linux: no ptrace'd children to wait for
#endif

static int sigpipe_fds[2] = { -1, -1 };
static volatile sig_atomic_t got_stop;  // SIGINT, SIGTERM or SIGHUP

// Async-signal-safe: note the signal and wake the loop.
static void on_signal(int sig)
{
	int saved = errno;
	if (sig != SIGCHLD)
		got_stop = 1;
	char c = (char)sig;
	if (write(sigpipe_fds[1], &c, 1) < 0) {
		// The pipe is full: the loop is already due to wake.
	}
	errno = saved;
}

// Milliseconds on a clock that never jumps.
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// Make fd non-blocking and close-on-exec. 0 or -1.
static int set_flags(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int loop_init(struct runloop *l, pcap_t *p, struct tracer *t, pcap_dumper_t *d,
              FILE *progout, char *err, size_t errlen)
{
	memset(l, 0, sizeof *l);
	l->pcap = p;
	l->pcap_fd = -1;
	l->tracer = t;
	l->dumper = d;
	l->progout = progout;
	l->prefix = 1;
	if ((l->tl = timeline_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char perr[PCAP_ERRBUF_SIZE];
	if (p != NULL) {
		if (pcap_setnonblock(p, 1, perr) < 0) {
			snprintf(err, errlen, "pcap_setnonblock: %s", perr);
			return -1;
		}
		l->pcap_fd = pcap_get_selectable_fd(p);
		if (l->pcap_fd < 0) {
			snprintf(err, errlen, "pcap_get_selectable_fd: no selectable descriptor");
			return -1;
		}
	}
	if (sigpipe_fds[0] < 0 &&
	    (pipe(sigpipe_fds) < 0 || set_flags(sigpipe_fds[0]) < 0 || set_flags(sigpipe_fds[1]) < 0)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], &sa, NULL) < 0) {
			snprintf(err, errlen, "sigaction: %s", strerror(errno));
			return -1;
		}
	signal(SIGPIPE, SIG_IGN);
	got_stop = 0;
	return 0;
}

// ---- recording calls (calls.h) ----

static int calls_sync[2] = { -1, -1 };  // parent's end, child's end, across a fork

// Before fork: the socket pair on which the child waits to be seized.
static void calls_before_fork(struct runloop *l)
{
	if (l->calls && !calls_disabled(l->calls) &&
	    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, calls_sync) < 0)
		calls_sync[0] = calls_sync[1] = -1;  // then this child is not traced
}

// In the child, first: wait to be seized. Returns 1 to install the filter.
static int calls_in_child(void)
{
	int install = 0;
	if (calls_sync[1] < 0)
		return 0;
	close(calls_sync[0]);
	if (calls_child_read(calls_sync[1], &install) < 0)
		_exit(126);  // socktrace is gone
	return install;
}

// In the parent after fork: seize the child (a refusal is said once, in
// one line, by calls_attach; the run goes on with the inferred notes).
static void calls_after_fork(struct runloop *l, pid_t pid)
{
	char err[512];
	if (calls_sync[0] < 0 || pid == 0)
		return;
	close(calls_sync[1]);
	if (pid > 0)
		calls_attach(l->calls, pid, calls_sync[0], err, sizeof err);
	close(calls_sync[0]);
	calls_sync[0] = calls_sync[1] = -1;
}

// calls_wait's report of a process that ended: one of ours?
static void calls_exited(void *arg, pid_t pid, int status)
{
	struct runloop *l = arg;
	for (int i = 0; i < l->nkids; i++)
		if (l->kids[i]->running && l->kids[i]->pid == pid) {
			l->kids[i]->running = 0;
			l->kids[i]->status = status;
		}
}

// ---- children ----

// In the child: wire stdin/stdout/stderr, join the peer host if asked,
// restore default signal handling and exec. Never returns.
static void exec_child(char *const argv[], int in_fd, int out_fd, int err_fd,
                       const struct netns_peer *peer, int own_group)
{
	char err[256];
	int filter = calls_in_child();
	if (own_group)
		setpgid(0, 0);  // so that stopping it stops what it started too
	if (peer != NULL && netns_join_peer(peer, err, sizeof err) < 0) {
		dprintf(2, "socktrace: %s\n", err);
		_exit(126);
	}
	if ((in_fd >= 0 && dup2(in_fd, 0) < 0) || (out_fd >= 0 && dup2(out_fd, 1) < 0) ||
	    (err_fd >= 0 && dup2(err_fd, 2) < 0)) {
		dprintf(2, "socktrace: dup2: %s\n", strerror(errno));
		_exit(126);
	}
	for (int fd = 3; fd < 1024; fd++)
		if (fd != calls_child_fd())
			close(fd);
	int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTOU, SIGTTIN };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (filter)
		calls_child_filter();  // on failure the parent says why
	execvp(argv[0], argv);
	dprintf(2, "socktrace: exec %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

#define RECORD_MAX (64 << 20)  // a timed socket must take writes this big

// Make the channel for one output stream of a child: fds[0] ours, fds[1]
// the child's. A SOCK_SEQPACKET socket pair whose every record carries
// the time of the write() that made it (SO_TIMESTAMP, the capture's
// clock), if it can take any write a program makes in one piece (up to
// RECORD_MAX: SO_SNDBUFFORCE needs CAP_NET_ADMIN, which we have in our
// own namespace); a pipe otherwise. Returns 1 (timed socket), 0 (pipe)
// or -1 with errno set.
static int output_channel(int fds[2])
{
#ifdef SO_SNDBUFFORCE  // Linux
	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, fds) == 0) {
		int on = 1, want = 2 * RECORD_MAX, got = 0;
		socklen_t len = sizeof got;
		if (setsockopt(fds[0], SOL_SOCKET, SO_TIMESTAMP, &on, sizeof on) == 0 &&
		    shutdown(fds[0], SHUT_WR) == 0 &&
		    setsockopt(fds[1], SOL_SOCKET, SO_SNDBUFFORCE, &want, sizeof want) == 0 &&
		    getsockopt(fds[1], SOL_SOCKET, SO_SNDBUF, &got, &len) == 0 && got >= RECORD_MAX)
			return 1;
		close(fds[0]);
		close(fds[1]);
	}
#endif
	return pipe(fds) == 0 ? 0 : -1;
}

// Remember which pipe stream s reads, to know the programs' writes to it
// (a timed socket needs no such help).
static void note_pipe(struct stream *s)
{
	struct stat st;
	if (!s->timed && fstat(s->fd, &st) == 0) {
		s->dev = st.st_dev;
		s->ino = st.st_ino;
	}
}

// Fill c->name with the basename of path.
static void set_name(struct child *c, const char *path)
{
	const char *slash = strrchr(path, '/');
	snprintf(c->name, sizeof c->name, "%s", slash ? slash + 1 : path);
}

int child_start(struct runloop *l, struct child *c, char *const argv[], int in_fd,
                int passthrough_tty, const struct netns_peer *peer,
                char *err, size_t errlen)
{
	int out[2] = { -1, -1 }, errp[2] = { -1, -1 };
	if (l->nkids == RUNLOOP_MAX_CHILDREN) {
		snprintf(err, errlen, "too many programs (at most %d)", RUNLOOP_MAX_CHILDREN);
		return -1;
	}
	memset(c, 0, sizeof *c);
	set_name(c, argv[0]);
	c->port = -1;
	// A program reading the terminal must stay in its foreground group.
	c->own_group = in_fd != -2 && !passthrough_tty;
	c->out.fd = c->err.fd = -1;
	int null_fd = -1;
	if (in_fd == -1 && (null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "open /dev/null: %s", strerror(errno));
		return -1;
	}
	if (!passthrough_tty) {
		int t1 = l->pipes ? pipe(out) : output_channel(out);
		int t2 = t1 < 0 ? -1 : l->pipes ? pipe(errp) : output_channel(errp);
		if (t1 < 0 || t2 < 0) {
			snprintf(err, errlen, "pipe: %s", strerror(errno));
			goto fail;
		}
		c->out.timed = t1;
		c->err.timed = t2;
	}
	fflush(NULL);  // nothing buffered may be written twice
	calls_before_fork(l);
	pid_t pid = fork();
	calls_after_fork(l, pid);
	if (pid < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		goto fail;
	}
	if (pid == 0)
		exec_child(argv, in_fd == -1 ? null_fd : in_fd == -2 ? -1 : in_fd, out[1], errp[1],
		           peer, c->own_group);
	if (c->own_group)
		setpgid(pid, pid);  // also here: the group exists before we signal it
	c->pid = pid;
	c->running = 1;
	l->kids[l->nkids++] = c;
	if (null_fd >= 0)
		close(null_fd);
	if (!passthrough_tty) {
		close(out[1]);
		close(errp[1]);
		c->out.fd = out[0];
		c->err.fd = errp[0];
		set_flags(out[0]);
		set_flags(errp[0]);
		note_pipe(&c->out);
		note_pipe(&c->err);
	}
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (out[i] >= 0)
			close(out[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
	if (null_fd >= 0)
		close(null_fd);
	return -1;
}

// Reap every child that has exited, recording its status.
static void reap(struct runloop *l)
{
	if (l->calls) {
		calls_wait(l->calls, calls_exited, l);
		return;
	}
	for (int i = 0; i < l->nkids; i++) {
		struct child *c = l->kids[i];
		int status;
		if (c->running && waitpid(c->pid, &status, WNOHANG) == c->pid) {
			c->running = 0;
			c->status = status;
		}
	}
}

// ---- output pass-through ----

static void utf_flush(struct runloop *l, struct stream *s);

// End progout's partial line if one is open.
static void end_line(struct runloop *l)
{
	if (l->midline) {
		if (l->last) {
			utf_flush(l, l->last);
			l->last->broken = 1;
		}
		fputc('\n', l->progout);
		l->midline = 0;
		l->last = NULL;
	}
}

// Look for the server's ready line in the completed line of s.
static void check_ready(struct child *c, struct stream *s)
{
	int port;
	s->line[s->len] = '\0';
	if (c->port < 0 && sscanf(s->line, "The server is ready to receive on port %d", &port) == 1)
		c->port = port;
	s->len = 0;
}

// Write the pending UTF-8 bytes of s escaped (they did not form a valid
// character) and forget them.
static void utf_flush(struct runloop *l, struct stream *s)
{
	for (int i = 0; i < s->utflen; i++)
		fprintf(l->progout, "\\x%02x", s->utf[i]);
	s->utflen = s->utfneed = 0;
}

// Is the complete sequence in s->utf a character fit to show: shortest
// form, no surrogate, at most U+10FFFF, and not a C1 control (U+0080 to
// U+009F, which some terminals obey like ESC sequences)?
static int utf_ok(const struct stream *s)
{
	unsigned char a = s->utf[0], b = s->utf[1];
	if (a == 0xc2)
		return b >= 0xa0;
	if (a == 0xe0)
		return b >= 0xa0;
	if (a == 0xed)
		return b < 0xa0;
	if (a == 0xf0)
		return b >= 0x90;
	if (a == 0xf4)
		return b < 0x90;
	return 1;
}

// Show one byte of text: printable ASCII and tabs as they are, valid
// UTF-8 characters whole, anything else (controls, ESC, broken UTF-8)
// as \xHH, so that a program cannot drive the terminal.
static void put_text(struct runloop *l, struct stream *s, unsigned char ch)
{
	if (s->utfneed > 0 && ch >= 0x80 && ch <= 0xbf) {
		s->utf[s->utflen++] = ch;
		if (--s->utfneed == 0) {
			if (utf_ok(s))
				fwrite(s->utf, 1, (size_t)s->utflen, l->progout);
			else
				utf_flush(l, s);
			s->utflen = 0;
		}
		return;
	}
	utf_flush(l, s);  // an unfinished sequence is broken by this byte
	if (ch >= 0xc2 && ch <= 0xf4) {
		s->utf[0] = ch;
		s->utflen = 1;
		s->utfneed = ch < 0xe0 ? 1 : ch < 0xf0 ? 2 : 3;
	} else if (ch == '\t' || (ch >= 0x20 && ch < 0x7f)) {
		fputc(ch, l->progout);
	} else {
		fprintf(l->progout, "\\x%02x", ch);
	}
}

// Pass n bytes of c's stream s through to progout, each line prefixed
// with [name], the text made safe by put_text.
static void pass_through(struct runloop *l, struct child *c, struct stream *s,
                         const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)buf[i];
		if (l->midline && l->last != s)
			end_line(l);
		// The newline of a line cut short by the trace was printed then.
		int skip = ch == '\n' && s->broken && !l->midline;
		s->broken = 0;
		if (skip) {
			check_ready(c, s);
			continue;
		}
		if (!l->midline && l->prefix)
			fprintf(l->progout, "[%s%s] ", c->name, s == &c->err ? " stderr" : "");
		l->midline = 1;
		l->last = s;
		if (ch == '\n') {
			utf_flush(l, s);
			fputc('\n', l->progout);
			l->midline = 0;
			l->last = NULL;
			check_ready(c, s);
			continue;
		}
		if (s->len + 1 < sizeof s->line)
			s->line[s->len++] = (char)ch;
		put_text(l, s, ch);
	}
	fflush(l->progout);
}

// Queue n bytes of c's stream s written at ts (shown at once if the
// queue is out of memory).
static void queue_text(struct runloop *l, struct child *c, struct stream *s,
                       struct timeval ts, const char *buf, size_t n)
{
	if (timeline_add_text(l->tl, ts, s, buf, n) < 0)
		pass_through(l, c, s, buf, n);
}

// Read one record of the timed socket of stream s into a malloc'd *buf
// and its write time into *ts. Returns its length; 0 at end of file (no
// record: *buf NULL); -1 with errno set (EAGAIN: none yet).
static ssize_t read_record(struct stream *s, char **buf, struct timeval *ts)
{
	*buf = NULL;
	ssize_t len = recv(s->fd, NULL, 0, MSG_PEEK | MSG_TRUNC | MSG_DONTWAIT);
	char *data = len >= 0 ? malloc(len > 0 ? (size_t)len : 1) : NULL;
	if (data == NULL)
		return -1;
	union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(struct timeval))]; } ctl;
	struct iovec iov = { .iov_base = data, .iov_len = (size_t)len };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &ctl,
	                    .msg_controllen = sizeof ctl };
	ssize_t n = recvmsg(s->fd, &m, MSG_DONTWAIT);
	struct cmsghdr *h = n >= 0 ? CMSG_FIRSTHDR(&m) : NULL;
	if (h == NULL || h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_TIMESTAMP) {
		free(data);
		if (n > 0)
			errno = EPROTO;  // a record without its time: cannot happen
		return n > 0 ? -1 : n;  // 0: end of file (no record, no time)
	}
	memcpy(ts, CMSG_DATA(h), sizeof *ts);
	*buf = data;
	return n;
}

// Read what the timed socket of stream s of child c holds, each record
// queued at its write time. Returns 0 at end of file or on an error, 1
// when it is drained for now.
static int read_records(struct runloop *l, struct child *c, struct stream *s)
{
	for (;;) {
		char *buf;
		struct timeval ts;
		ssize_t n = read_record(s, &buf, &ts);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return 1;
		if (n < 0 || buf == NULL)
			return 0;
		queue_text(l, c, s, ts, buf, (size_t)n);
		free(buf);
	}
}

// Read what stream s of child c has, queued to be shown at its write
// time (a pipe's: the entry of the write() that is putting it there, where
// the calls are recorded, else when the loop woke); close it at end of file.
static void read_stream(struct runloop *l, struct child *c, struct stream *s)
{
	char buf[4096];
	for (;;) {
		if (s->timed && read_records(l, c, s))
			return;
		ssize_t n = s->timed ? 0 : read(s->fd, buf, sizeof buf);
		if (n > 0) {
			queue_text(l, c, s, s->marked ? s->mark : l->woke, buf, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (s->len > 0)
			check_ready(c, s);  // a last line with no newline
		close(s->fd);
		s->fd = -1;
		return;
	}
}

// ---- capture ----

// Save and trace one frame, after ending a program's partial line.
static void show_packet(struct runloop *l, const struct pcap_pkthdr *h, const u_char *data)
{
	end_line(l);
	if (l->dumper != NULL)
		pcap_dump((u_char *)l->dumper, h, data);
	if (l->calls)
		calls_before(l->calls, &h->ts);  // the calls made before it first
	tracer_packet(l->tracer, h, data);
	l->packets++;
}

// pcap_dispatch callback: queue one frame (show it at once if the queue
// is out of memory).
static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	struct runloop *l = (struct runloop *)user;
	if (timeline_add_packet(l->tl, h, data) < 0)
		show_packet(l, h, data);
}

// The child whose output stream is s, or NULL.
static struct child *stream_owner(struct runloop *l, const struct stream *s)
{
	for (int i = 0; i < l->nkids; i++)
		if (&l->kids[i]->out == s || &l->kids[i]->err == s)
			return l->kids[i];
	return NULL;
}

// timeline_flush callback: show one queued packet or piece of output.
static void show_item(const struct tl_item *it, void *arg)
{
	struct runloop *l = arg;
	struct child *c = it->text ? stream_owner(l, it->owner) : NULL;
	if (it->text && c && l->calls)
		calls_before(l->calls, &it->ts);  // the calls made before it first
	if (it->text && c)
		pass_through(l, c, it->owner, it->text, it->n);
	else if (it->data)
		show_packet(l, &it->h, it->data);
}

// Show, in time order, what was queued up to the loop's last wake-up (or
// everything, when nothing more can come before it).
static void show_queued(struct runloop *l, int all)
{
	timeline_flush(l->tl, all ? NULL : &l->woke, show_item, l);
}

// Dispatch what the capture holds now. Returns the packet count, or -1
// with l->err filled on a capture error.
static int dispatch(struct runloop *l)
{
	if (l->pcap == NULL)
		return 0;
	int n = pcap_dispatch(l->pcap, -1, on_packet, (u_char *)l);
	if (n == PCAP_ERROR) {
		snprintf(l->err, sizeof l->err, "pcap_dispatch: %s", pcap_geterr(l->pcap));
		return -1;
	}
	return n;
}

// ---- the loop ----

// Wait up to timeout_ms (-1: forever) for something to happen and handle
// it. Returns 0, or -1 on a capture error.
static int loop_once(struct runloop *l, int timeout_ms)
{
	struct pollfd pfd[2 + 2 * RUNLOOP_MAX_CHILDREN];
	struct stream *who[2 + 2 * RUNLOOP_MAX_CHILDREN];
	struct child *owner[2 + 2 * RUNLOOP_MAX_CHILDREN];
	nfds_t n = 0;
	pfd[n++] = (struct pollfd){ .fd = sigpipe_fds[0], .events = POLLIN };
	pfd[n++] = (struct pollfd){ .fd = l->pcap_fd, .events = POLLIN };
	for (int i = 0; i < l->nkids; i++) {
		struct child *c = l->kids[i];
		struct stream *ss[2] = { &c->out, &c->err };
		for (int j = 0; j < 2; j++)
			if (ss[j]->fd >= 0) {
				who[n] = ss[j];
				owner[n] = c;
				pfd[n++] = (struct pollfd){ .fd = ss[j]->fd, .events = POLLIN };
			}
	}
	// Write out what is printed only when there is nothing more to read
	// at once: one write per burst, not per packet, and no delay when idle.
	// Nothing to read at once: all that was written or sent so far has
	// been read, so the whole queue can be shown.
	int r = poll(pfd, n, 0);
	if (r == 0) {
		show_queued(l, 1);
		fflush(NULL);
		r = poll(pfd, n, timeout_ms);
	}
	if (r < 0 && errno != EINTR) {
		snprintf(l->err, sizeof l->err, "poll: %s", strerror(errno));
		return -1;
	}
	if (r <= 0)
		return 0;
	// The output read now was written by now; packets captured by now
	// are in the capture's buffer. The programs first: their pipes are
	// read before the capture, so nothing they wrote by l->woke is missed.
	gettimeofday(&l->woke, NULL);
	for (nfds_t i = 2; i < n; i++)
		if (pfd[i].revents)
			read_stream(l, owner[i], who[i]);
	if (pfd[1].revents && dispatch(l) < 0)
		return -1;
	show_queued(l, 0);
	if (pfd[0].revents) {
		char drain[64];
		while (read(sigpipe_fds[0], drain, sizeof drain) > 0)
			;
		reap(l);
		if (got_stop)
			l->interrupted = 1;
	}
	return 0;
}

int loop_until(struct runloop *l, int (*done)(struct runloop *, void *), void *arg,
               int timeout_ms)
{
	long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	for (;;) {
		reap(l);
		if (done(l, arg))
			return 1;
		if (l->interrupted || got_stop) {
			l->interrupted = 1;
			return -1;
		}
		long long left = deadline < 0 ? -1 : deadline - now_ms();
		if (deadline >= 0 && left <= 0)
			return 0;
		if (loop_once(l, left > 1000 || left < 0 ? 1000 : (int)left) < 0)
			return -1;
	}
}

int child_done(struct runloop *l, void *arg)
{
	(void)l;
	struct child *c = arg;
	return !c->running && c->out.fd < 0 && c->err.fd < 0;
}

int child_ready(struct runloop *l, void *arg)
{
	(void)l;
	struct child *c = arg;
	return c->port >= 0 || !c->running;
}

// Like child_done, but ignoring output: for a child killed whose pipes a
// grandchild may still hold.
static int child_reaped(struct runloop *l, void *arg)
{
	(void)l;
	return !((struct child *)arg)->running;
}

// Wait for child c, just sent SIGKILL, to be gone.
static void wait_killed(struct runloop *l, struct child *c)
{
	int st;
	if (l->calls && loop_until(l, child_reaped, c, 2000) == 1)
		return;  // through calls_wait: its call in progress was recorded
	while (waitpid(c->pid, &st, __WALL) == c->pid && WIFSTOPPED(st))
		;  // a traced child's stops come first
	c->status = st;
	c->running = 0;
}

void child_stop(struct runloop *l, struct child *c, int timeout_ms)
{
	// A stop already asked for (Ctrl-C) is why we are here: wait for c
	// anyway; only a new one while waiting makes it SIGKILL at once.
	int was_interrupted = l->interrupted, was_stop = got_stop;
	if (c->running) {
		kill(c->own_group ? -c->pid : c->pid, SIGTERM);
		l->interrupted = 0;
		got_stop = 0;
		if (loop_until(l, child_reaped, c, timeout_ms) != 1 && c->running) {
			kill(c->own_group ? -c->pid : c->pid, SIGKILL);
			wait_killed(l, c);
		}
	}
	l->interrupted = was_interrupted || l->interrupted;
	got_stop = was_stop || got_stop;
	// Read what is left in its pipes (bounded: a grandchild may hold them).
	loop_until(l, child_done, c, 500);
	struct stream *ss[2] = { &c->out, &c->err };
	for (int j = 0; j < 2; j++)
		if (ss[j]->fd >= 0) {
			close(ss[j]->fd);
			ss[j]->fd = -1;
		}
}

void loop_drain(struct runloop *l, int quiet_ms, int max_ms)
{
	show_queued(l, 1);  // the output queued refers to the children: show it now
	if (l->pcap == NULL)
		return;
	long long deadline = now_ms() + max_ms;
	for (;;) {
		long long left = deadline - now_ms();
		if (left <= 0)
			break;
		fflush(NULL);  // what is traced shows while we wait for more
		struct pollfd pfd = { .fd = l->pcap_fd, .events = POLLIN };
		int r = poll(&pfd, 1, left < quiet_ms ? (int)left : quiet_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || dispatch(l) <= 0)
			break;
		show_queued(l, 1);
	}
	show_queued(l, 1);
	fflush(NULL);
}

// calls_set_dispatch's callback, called before the recorder prints the
// calls it holds: everything that happened before them (the programs'
// output written so far, the packets captured so far) is read and shown
// first, so that calls, output and packets stay in time order.
static void calls_dispatch(void *arg)
{
	struct runloop *l = arg;
	gettimeofday(&l->woke, NULL);
	for (int i = 0; i < l->nkids; i++) {
		struct child *c = l->kids[i];
		if (c->out.fd >= 0)
			read_stream(l, c, &c->out);
		if (c->err.fd >= 0)
			read_stream(l, c, &c->err);
	}
	dispatch(l);
	show_queued(l, 1);
}

// calls_set_output's entry callback: the pipe stream that fd of tid
// writes to, marked with the time t of the write() entering; or NULL.
static void *output_entry(void *arg, pid_t tid, int fd, struct timeval t)
{
	struct runloop *l = arg;
	char path[64];
	struct stat st;
	snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)tid, fd);
	if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode))
		return NULL;
	for (int i = 0; i < l->nkids; i++) {
		struct stream *ss[2] = { &l->kids[i]->out, &l->kids[i]->err };
		for (int j = 0; j < 2; j++)
			if (ss[j]->fd >= 0 && !ss[j]->timed && ss[j]->ino == st.st_ino &&
			    ss[j]->dev == st.st_dev) {
				ss[j]->mark = t;
				ss[j]->marked = 1;
				return ss[j];
			}
	}
	return NULL;
}

// calls_set_output's done callback: read what the write() put in pipe
// stream s, timed at its entry.
static void output_done(void *arg, void *stream)
{
	struct runloop *l = arg;
	struct stream *s = stream;
	struct child *c = stream_owner(l, s);
	if (c != NULL && s->fd >= 0)
		read_stream(l, c, s);
	s->marked = 0;
}

// The recorder's sink: print call event r through the tracer, on a line
// of its own (a program's partial line, a prompt, is ended first).
static void show_call(void *arg, const struct call_rec *r)
{
	struct runloop *l = arg;
	end_line(l);
	tracer_call(l->tracer, r);
}

void loop_record_calls(struct runloop *l, struct calls *c)
{
	l->calls = c;
	if (c) {
		calls_set_dispatch(c, calls_dispatch, l);
		calls_set_sink(c, show_call, l);
		calls_set_output(c, output_entry, output_done, l);
	}
}

void loop_end(struct runloop *l)
{
	if (l->tl) {
		show_queued(l, 1);
		timeline_free(l->tl);
		l->tl = NULL;
	}
	end_line(l);
	fflush(NULL);
	int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
}
