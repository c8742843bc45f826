// test_labs.c: the lab skeletons stay in step with the solutions. labs/*.c
// must be exactly what tests/skel/mkskel makes from solutions/*.c and the
// blanks specs (so a fix to a solution cannot silently miss its skeleton),
// the generator must refuse a spec that no longer matches, the solutions
// carry no markers, and an untouched skeleton stops at its first blank
// with a message instead of crashing or hanging.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

static const char *const programs[] = { "UDPClient", "UDPServer", "TCPClient", "TCPServer" };

#define BIG (256 * 1024)

// Read a whole file into a static buffer; NULL if it cannot be read.
static const char *slurp(const char *path)
{
	static char buf[BIG];
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

// Run mkskel for prog with the given spec; fill out and err. Returns its
// wait status.
static int mkskel(const char *prog, const char *spec, char *out, char *err)
{
	char src[64];
	snprintf(src, sizeof src, "solutions/%s.c", prog);
	char *argv[] = { (char *)harness_path("skel/mkskel"), (char *)prog, src, (char *)spec, NULL };
	struct proc p;
	assert_int_equal(proc_start(&p, argv), 0);
	proc_close_stdin(&p);
	assert_true(read_all(p.out, out, BIG, 5000) >= 0);
	assert_true(read_all(p.err, err, 4096, 5000) >= 0);
	int status = proc_wait(&p, 5000);
	proc_kill(&p);
	return status;
}

static void test_skeletons_are_generated(void **state)
{
	(void)state;
	static char out[BIG], err[4096];
	for (size_t i = 0; i < 4; i++) {
		char spec[64], lab[64];
		snprintf(spec, sizeof spec, "tests/skel/%s.blanks", programs[i]);
		snprintf(lab, sizeof lab, "labs/%s.c", programs[i]);
		int status = mkskel(programs[i], spec, out, err);
		if (status != 0)
			fail_msg("%s: %s", spec, err);
		const char *have = slurp(lab);
		assert_non_null(have);
		if (strcmp(have, out) != 0)
			fail_msg("%s differs from what mkskel makes of solutions/%s.c: "
			         "run `make skeletons` and review the diff", lab, programs[i]);
	}
}

static void test_stale_spec_is_refused(void **state)
{
	(void)state;
	static char out[BIG], err[4096];
	char spec[] = "/tmp/socklab-spec-XXXXXX";
	int fd = mkstemp(spec);
	assert_true(fd >= 0);
	const char *text = "1 | recvfrom(clientSocket, buffer_renamed, | - | a hint\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	int status = mkskel("UDPClient", spec, out, err);
	unlink(spec);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	assert_non_null(strstr(err, "TODO 1"));
	assert_non_null(strstr(err, "no longer in the solution"));
}

static void test_solutions_carry_no_markers(void **state)
{
	(void)state;
	for (size_t i = 0; i < 4; i++) {
		char path[64];
		snprintf(path, sizeof path, "solutions/%s.c", programs[i]);
		const char *s = slurp(path);
		assert_non_null(s);
		if (strstr(s, "TODO") || strstr(s, "todo(") || strstr(s, "[["))
			fail_msg("%s holds a blank marker: the solutions stay clean", path);
	}
}

static void test_untouched_skeletons_name_their_blank(void **state)
{
	(void)state;
	for (size_t i = 0; i < 4; i++) {
		char rel[64], want[96], err[4096];
		snprintf(rel, sizeof rel, "labs/%s", programs[i]);
		char exe[4096];
		snprintf(exe, sizeof exe, "%s", harness_path(rel));
		int server = strstr(programs[i], "Server") != NULL;
		char *client_argv[] = { exe, "127.0.0.1", "9", NULL };
		char *server_argv[] = { exe, "0", NULL };
		struct proc p;
		assert_int_equal(proc_start(&p, server ? server_argv : client_argv), 0);
		proc_write(&p, "hello\n", 6);
		proc_close_stdin(&p);
		assert_true(read_all(p.err, err, sizeof err, 3000) >= 0);
		int status = proc_wait(&p, 3000);
		proc_kill(&p);
		snprintf(want, sizeof want, "%s: TODO 1 is not done yet: ", programs[i]);
		if (strncmp(err, want, strlen(want)) != 0)
			fail_msg("%s: stderr \"%s\", expected it to start \"%s\"", rel, err, want);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_skeletons_are_generated),
		cmocka_unit_test(test_stale_spec_is_refused),
		cmocka_unit_test(test_solutions_carry_no_markers),
		cmocka_unit_test(test_untouched_skeletons_name_their_blank),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	harness_cleanup();
	return failed;
}
