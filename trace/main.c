// main.c: socktrace's command line. Placeholder until issue 3 lands.
#include <stdio.h>

int main(void)
{
	fprintf(stderr, "socktrace: not built yet\n");
	return 2;
}
