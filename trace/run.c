// run.c: `socktrace run` (see run.h). Not written yet: issue 4.
#include "run.h"

#include <stdio.h>

int run_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "socktrace: run: not available in this build yet\n");
	return 2;
}
