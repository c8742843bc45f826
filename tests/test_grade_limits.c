// test_grade_limits.c: what a hostile program may keep or leave in the
// sandbox (issue 12, items 2, 4, 5), in namespace mode. Its SysV IPC is
// its own: a segment it makes is gone with it and the host's are out of
// its sight. It cannot write its folder, and all it may write in all is a
// small tmpfs that goes with it (nothing stays on the host). The memory it
// may hold in memfds, outside RLIMIT_AS, is bounded by the descriptor and
// file-size limits (JAIL_NOFILE x RLIMIT_FSIZE = 32 x 2 MiB); where a
// memory cgroup can be had (the grader's report names it), what all of a
// test's processes hold at once is bounded by it (256 MiB), and the
// cgroup is gone once the grader has written its results.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "gradetest.h"

#define TABLE "tests/grade/tests.tab"
#define HOST_KEY 0x50c1ac   // a segment of the host's, made by this test
#define OWN_KEY  0x50c1ad   // the one the submission makes

static char tmp[64];
static pid_t grader_pid;  // of the last grade_with_client

static int setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "/tmp/socklab-glim-XXXXXX");
	return mkdtemp(tmp) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	harness_cleanup();
	harness_rmtree(tmp);
	return 0;
}

// Write text to path.
static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

// A submission: the solutions, but UDPClient.c is client (a whole
// program). Graded in namespace mode; returns its TAP in g.
static void grade_with_client(struct graded *g, const char *name, const char *client)
{
	static const char *const others[] = { "UDPServer", "TCPClient", "TCPServer" };
	char dir[200], path[300], work[300], cmd[700];
	snprintf(dir, sizeof dir, "%s/%s", tmp, name);
	assert_int_equal(mkdir(dir, 0755), 0);
	for (int i = 0; i < 3; i++) {
		snprintf(cmd, sizeof cmd, "cp solutions/%s.c '%s/'", others[i], dir);
		assert_int_equal(system(cmd), 0);
	}
	snprintf(path, sizeof path, "%s/UDPClient.c", dir);
	put(path, client);
	snprintf(work, sizeof work, "%s/work-%s", tmp, name);
	char *opts[] = { "-t", TABLE, "-m", "namespaces", "-T", "udpclient_reply", NULL };
	grading_start(g, name, work, dir, opts);
	grader_pid = g->p.pid;
	grading_finish(g, 60000);
}

// The number after word in the failed test's reason, or -1.
static long reported(const struct graded *g, const char *word)
{
	const char *p = strstr(tap_why(g, "udpclient_reply"), word);
	return p ? atol(p + strlen(word)) : -1;
}

// Skip where namespace mode cannot run.
static void need_namespaces(void)
{
	if (access("/usr/bin/unshare", X_OK) != 0 ||
	    system("/usr/bin/unshare -Urn true 2>/dev/null") != 0) {
		print_message("skipped: no user namespaces here\n");
		skip();
	}
}

static void test_ipc_is_its_own(void **state)
{
	(void)state;
	static struct graded g;
	need_namespaces();
	int host = shmget(HOST_KEY, 4096, IPC_CREAT | 0644);
	assert_true(host >= 0);
	grade_with_client(&g, "ipc",
		"#include <stdio.h>\n#include <sys/ipc.h>\n#include <sys/shm.h>\n"
		"int main(void)\n{\n"
		"\tint id = shmget(0x50c1ad, 8 << 20, IPC_CREAT | 0600);\n"
		"\tchar *p = id < 0 ? (void *)-1 : shmat(id, NULL, 0);\n"
		"\tif (p != (void *)-1)\n\t\tfor (int i = 0; i < (8 << 20); i += 4096)\n\t\t\tp[i] = 1;\n"
		"\tprintf(\"host segment: %s\\n\", shmget(0x50c1ac, 0, 0) >= 0 ? \"SEEN\" : \"unseen\");\n"
		"\treturn 1;\n}\n");
	shmctl(host, IPC_RMID, NULL);
	if (!strstr(tap_why(&g, "udpclient_reply"), "host segment: unseen"))
		fail_msg("the submission saw the host's IPC:\n%s", g.tap);
	int left = shmget(OWN_KEY, 0, 0);
	if (left >= 0)
		shmctl(left, IPC_RMID, NULL);
	assert_true(left < 0);  // its segment did not outlive it
}

static void test_writes_are_capped_and_removed(void **state)
{
	(void)state;
	static struct graded g;
	char dir[300];
	need_namespaces();
	// It writes 2 MiB files (RLIMIT_FSIZE) into its folder and /tmp until
	// it cannot, at most 200 MiB, and says how much it wrote.
	grade_with_client(&g, "disk",
		"#include <signal.h>\n#include <stdio.h>\n#include <string.h>\n"
		"static char buf[1 << 20];\n"
		"int main(void)\n{\n\tlong total = 0;\n\tsignal(SIGXFSZ, SIG_IGN);\n"
		"\tfor (int i = 0; i < 200 && total < (200L << 20); i++) {\n"
		"\t\tchar name[64];\n"
		"\t\tsnprintf(name, sizeof name, \"%s/f%d\", i % 2 ? \"/tmp\" : \".\", i);\n"
		"\t\tFILE *f = fopen(name, \"w\");\n\t\tif (f == NULL)\n\t\t\tcontinue;\n"
		"\t\tsetvbuf(f, NULL, _IONBF, 0);\n"
		"\t\tfor (int k = 0; k < 2 && fwrite(buf, 1, sizeof buf, f) == sizeof buf; k++)\n"
		"\t\t\ttotal += sizeof buf;\n\t\tfclose(f);\n\t}\n"
		"\tprintf(\"wrote %ld bytes\\n\", total);\n\treturn 1;\n}\n");
	long wrote = reported(&g, "wrote ");
	print_message("it wrote %ld bytes\n", wrote);
	if (wrote < 0 || wrote > (16L << 20))
		fail_msg("the submission wrote %ld bytes (more than the 16 MiB of its tmpfs):\n%s",
		         wrote, g.tap);
	// Nothing it wrote is left on the host, beside its program.
	snprintf(dir, sizeof dir, "%s/work-disk/run/UDPClient", tmp);
	DIR *d = opendir(dir);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && strcmp(e->d_name, "UDPClient") != 0)
			fail_msg("the submission left %s/%s on the host", dir, e->d_name);
	closedir(d);
}

static void test_memfd_memory_is_bounded(void **state)
{
	(void)state;
	static struct graded g;
	need_namespaces();
	// memfd pages are not address space (RLIMIT_AS): it fills memfds, 1 MiB
	// at a time, keeping each open, up to 1 GiB, and says how much it held.
	grade_with_client(&g, "memfd",
		"#define _GNU_SOURCE\n#include <signal.h>\n#include <stdio.h>\n"
		"#include <sys/mman.h>\n#include <unistd.h>\n"
		"static char buf[1 << 20];\n"
		"int main(void)\n{\n\tlong held = 0;\n\tsignal(SIGXFSZ, SIG_IGN);\n"
		"\twhile (held < (1L << 30)) {\n"
		"\t\tint fd = memfd_create(\"m\", 0);\n\t\tif (fd < 0)\n\t\t\tbreak;\n"
		"\t\twhile (held < (1L << 30) && write(fd, buf, sizeof buf) == sizeof buf)\n"
		"\t\t\theld += sizeof buf;\n\t}\n"
		"\tprintf(\"held %ld bytes\\n\", held);\n\treturn 1;\n}\n");
	long held = reported(&g, "held ");
	print_message("it held %ld bytes in memfds\n", held);
	if (held < 0 || held > (64L << 20))
		fail_msg("the submission held %ld bytes in memfds (more than 32 x 2 MiB):\n%s",
		         held, g.tap);
}

// Where the grader makes its memory cgroups: under its (and our) own
// cgroup, v2's ("0::/path") on a unified /sys/fs/cgroup, else the v1
// memory controller's, into base. 0, or -1 if neither is listed.
static int cgroup_base(char *base, size_t size)
{
	char line[1024], *found = NULL;
	int v2 = access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0;
	FILE *f = fopen("/proc/self/cgroup", "re");
	assert_non_null(f);
	while (found == NULL && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (v2 ? strncmp(line, "0::", 3) == 0 : strstr(line, ":memory:") != NULL)
			found = strchr(strchr(line, ':') + 1, ':') + 1;
	}
	fclose(f);
	if (found == NULL)
		return -1;
	snprintf(base, size, "/sys/fs/cgroup%s%s", v2 ? "" : "/memory",
	         strcmp(found, "/") ? found : "");
	return 0;
}

// The grader's cgroups left in base (named socklab-PID-...), or -1.
static int cgroups_left(const char *base, pid_t pid)
{
	char prefix[64];
	int n = 0;
	DIR *d = opendir(base);
	struct dirent *e;
	if (d == NULL)
		return -1;
	snprintf(prefix, sizeof prefix, "socklab-%d-", (int)pid);
	while ((e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static void test_memory_cgroup_bounds_the_whole_test(void **state)
{
	(void)state;
	static struct graded g;
	char base[600];
	need_namespaces();
	// Its 7 children (RLIMIT_NPROC is 8) each fill memfds up to the rlimit
	// bound (about 58 MiB), report it and keep it: some 400 MiB in all
	// under the rlimits alone. It then says what those still alive hold.
	grade_with_client(&g, "memcg",
		"#define _GNU_SOURCE\n#include <poll.h>\n#include <signal.h>\n#include <stdio.h>\n"
		"#include <sys/mman.h>\n#include <sys/wait.h>\n#include <unistd.h>\n"
		"static char buf[1 << 20];\nstruct rec { pid_t pid; long held; };\n"
		"static void fill(int out)\n{\n\tstruct rec r = { getpid(), 0 };\n"
		"\tfor (int fd; (fd = memfd_create(\"m\", 0)) >= 0; )\n"
		"\t\twhile (write(fd, buf, sizeof buf) == sizeof buf)\n\t\t\tr.held += sizeof buf;\n"
		"\tif (write(out, &r, sizeof r) < 0)\n\t\t_exit(1);\n\tpause();\n}\n"
		"int main(void)\n{\n\tint p[2], n = 0, done = 0;\n\tpid_t kid[16];\n"
		"\tlong held[16] = { 0 }, total = 0;\n\tchar state[16] = { 0 };\n"
		"\tsignal(SIGXFSZ, SIG_IGN);\n\tif (pipe(p) < 0)\n\t\treturn 2;\n"
		"\tfor (; n < 16 && (kid[n] = fork()) >= 0; n++)\n\t\tif (kid[n] == 0)\n\t\t\tfill(p[1]);\n"
		"\twhile (done < n) {\n\t\tstruct pollfd q = { p[0], POLLIN, 0 };\n"
		"\t\tstruct rec r;\n\t\tpid_t d;\n"
		"\t\tif (poll(&q, 1, 50) > 0 && read(p[0], &r, sizeof r) == sizeof r)\n"
		"\t\t\tfor (int i = 0; i < n; i++)\n\t\t\t\tif (kid[i] == r.pid && state[i] == 0)\n"
		"\t\t\t\t\theld[i] = r.held, state[i] = 1, done++;\n"
		"\t\twhile ((d = waitpid(-1, NULL, WNOHANG)) > 0)\n"
		"\t\t\tfor (int i = 0; i < n; i++)\n\t\t\t\tif (kid[i] == d)\n"
		"\t\t\t\t\tdone += state[i] == 0, state[i] = 2;\n\t}\n"
		"\tfor (int i = 0; i < n; i++)\n\t\ttotal += state[i] == 1 ? held[i] : 0;\n"
		"\tprintf(\"held %ld bytes\\n\", total);\n\treturn 1;\n}\n");
	if (!strstr(g.tap, "memory cgroup 256 MiB")) {
		// The grader found none: right only where none can be made.
		int base_ok = cgroup_base(base, sizeof base) == 0;
		if (geteuid() == 0 && base_ok && access("/sys/fs/cgroup/cgroup.controllers", F_OK) != 0 &&
		    access(base, W_OK) == 0)
			fail_msg("%s is writable by root, but the grader used no memory cgroup:\n%s",
			         base, g.tap);
		print_message("skipped: no memory cgroup here (%s), the rlimits bound memfds\n",
		              geteuid() != 0 ? "not root, and no delegated cgroup v2 memory controller"
		              : !base_ok ? "no memory controller in /proc/self/cgroup"
		              : "the cgroup tree is read-only or gives no memory controller to children");
		skip();
	}
	long held = reported(&g, "held ");
	int oom = strstr(tap_why(&g, "udpclient_reply"), "killed for want of memory") != NULL;
	print_message("%s; held at once: %ld bytes\n", oom ? "killed for want of memory" : "not killed",
	              held);
	assert_int_equal(tap_failed(&g, "udpclient_reply"), 1);
	if (!oom && (held < 0 || held > (256L << 20)))
		fail_msg("the test's processes held %ld bytes at once (more than its 256 MiB):\n%s",
		         held, g.tap);
	assert_int_equal(cgroup_base(base, sizeof base), 0);
	int left = cgroups_left(base, grader_pid);
	if (left != 0)
		fail_msg("%d memory cgroups of the grader's left in %s (%s)", left, base,
		         left < 0 ? strerror(errno) : "not removed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipc_is_its_own),
		cmocka_unit_test(test_writes_are_capped_and_removed),
		cmocka_unit_test(test_memfd_memory_is_bounded),
		cmocka_unit_test(test_memory_cgroup_bounds_the_whole_test),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
