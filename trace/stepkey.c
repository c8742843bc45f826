// stepkey.c: single keys from the terminal for --step (see stepkey.h):
// canonical mode and echo off (signals stay on: Ctrl-C still stops the
// capture), restored by stepkey_end, at exit, and by a handler for the
// signals that would end the program with the terminal still changed.
#include "stepkey.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <termios.h>
#include <unistd.h>

static int tty_fd = -1;
static struct termios saved;
static volatile sig_atomic_t changed;

// Restore the saved settings, if they were changed. Async-signal-safe.
static void restore(void)
{
	if (changed && tty_fd >= 0) {
		tcsetattr(tty_fd, TCSAFLUSH, &saved);  // and drop unread keys
		changed = 0;
	}
}

// A signal that ends the program: restore the terminal, then die of it.
static void on_fatal(int sig)
{
	restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

// Back from a stop (Ctrl-Z then fg): the shell reset the terminal.
static void on_cont(int sig)
{
	(void)sig;
	struct termios t;
	if (tty_fd >= 0 && tcgetattr(tty_fd, &t) == 0 && (t.c_lflag & ICANON)) {
		t.c_lflag &= (tcflag_t)~(ICANON | ECHO);
		if (tcsetattr(tty_fd, TCSANOW, &t) == 0)
			changed = 1;
	}
}

// Install on_fatal for the signals that end a program by default and
// that main.c does not already catch (SIGINT, SIGTERM end the capture
// loop, and then stepkey_end runs), and on_cont for SIGCONT.
static void catch_fatal(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	int sigs[] = { SIGHUP, SIGQUIT, SIGPIPE, SIGABRT, SIGSEGV, SIGBUS };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = on_cont;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCONT, &sa, NULL);
}

int stepkey_begin(int fd)
{
	struct termios t;
	if (tcgetattr(fd, &saved) < 0)
		return -1;
	tty_fd = fd;
	t = saved;
	t.c_lflag &= (tcflag_t)~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	catch_fatal();
	atexit(restore);
	if (tcsetattr(fd, TCSANOW, &t) < 0)
		return -1;
	changed = 1;
	return 0;
}

// Wait until fd has a byte or a signal comes, with SIGINT and SIGTERM
// let in only during the wait. 1 readable, 0 interrupted, -1 error.
static int wait_key(int fd, const sigset_t *during)
{
	fd_set in;
	FD_ZERO(&in);
	FD_SET(fd, &in);
	int r = pselect(fd + 1, &in, NULL, NULL, NULL, during);
	return r > 0 ? 1 : r < 0 && errno == EINTR ? 0 : -1;
}

int stepkey_next(int fd, int (*stopped)(void))
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	int key = -1;
	while (key < 0) {
		char c;
		int w = stopped() ? 0 : wait_key(fd, &old);
		if (w < 0 || (w > 0 && read(fd, &c, 1) <= 0))
			key = 0;  // end of input, or the terminal is gone
		else if (w == 0)
			key = stopped() ? 0 : -1;  // another signal: wait on
		else if (c == '\n' || c == '\r' || c == ' ')
			key = 1;
		else if (c == 'q' || c == 'Q' || c == 4)  // 4: Ctrl-D
			key = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return key;
}

void stepkey_end(void)
{
	restore();
	tty_fd = -1;
}
