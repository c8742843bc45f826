// stepkey.h: --step's keys, read one at a time from the terminal: Enter
// or space shows the next packet, q quits. While stepping the terminal
// neither echoes nor waits for a whole line; its settings come back at
// the end, at exit, and on a signal that ends the program.
#ifndef SOCKTRACE_STEPKEY_H
#define SOCKTRACE_STEPKEY_H

// Put the terminal fd into single-key mode. 0, or -1 (not a terminal:
// then stepkey_next reads whole lines).
int stepkey_begin(int fd);

// Wait for the next key on fd: 1 for Enter or space (next packet), 0 for
// q, end of input, Ctrl-D, or stopped() true (checked before waiting and
// after each signal that interrupts the wait: SIGINT and SIGTERM are
// blocked in between, so one cannot slip past). Other keys are ignored.
int stepkey_next(int fd, int (*stopped)(void));

// Give the terminal its settings back (also done at exit).
void stepkey_end(void);

#endif
