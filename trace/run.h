// run.h: `socktrace run`: run programs in a private network namespace,
// capture everything they send, and print the annotated trace.
#ifndef SOCKTRACE_RUN_H
#define SOCKTRACE_RUN_H

// Entry point for `socktrace run ...`; argv[0] is "run". Returns the
// process exit code.
int run_main(int argc, char **argv);

#endif
