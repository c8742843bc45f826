# Hostile: a correct client that first attacks the grader's call watcher
# (its parent, as the same uid): it tries to ptrace it, to write on its
# descriptors through /proc (to forge the sum of its calls) and to read
# its memory. Each attempt must fail: if one works it exits 3, and every
# test it is graded by fails.
# program: UDPClient
# fails: none
/^#include <unistd.h>$/a\
#include <fcntl.h>\
#include <sys/ptrace.h>
/^int main(int argc, char \*argv\[\])$/{
n
a\
	char path[64];\
	int hit = ptrace(PTRACE_ATTACH, getppid(), 0, 0) == 0;\
	for (int fd = 0; fd < 40; fd++) {\
		snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)getppid(), fd);\
		int w = open(path, O_WRONLY | O_NONBLOCK);\
		if (w >= 0 && write(w, "forged", 6) > 0)\
			hit = 1;\
	}\
	snprintf(path, sizeof path, "/proc/%d/mem", (int)getppid());\
	hit |= open(path, O_RDONLY) >= 0;\
	if (hit)\
		exit(3);
}
