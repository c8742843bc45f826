// test_apparmor.c: the AppArmor profile scripts/install-deps installs on
// Ubuntu 24.04 (scripts/apparmor-profile) is one apparmor_parser accepts,
// checked without loading it (AppArmor need not be enforced here), for a
// kit whose path holds spaces and globbing characters; a broken one is
// refused (so the check can fail). Ubuntu 24.04's parser (AppArmor 4)
// checks the whole profile; an older one (Debian 12 has 3.0) does not know
// the userns rule nor abi 4.0, so it checks the rest and the test checks
// that each profile grants userns.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness.h"

static char tmp[64];
static const char *parser;

static int setup(void **state)
{
	(void)state;
	static const char *const paths[] = { "/sbin/apparmor_parser", "/usr/sbin/apparmor_parser" };
	for (size_t i = 0; i < 2 && parser == NULL; i++)
		if (access(paths[i], X_OK) == 0)
			parser = paths[i];
	return harness_scratch(tmp, sizeof tmp, "socklab-aa");
}

static int teardown(void **state)
{
	(void)state;
	return harness_scratch_end(tmp);
}

// Run argv; its exit status, with stdout (then stderr) in out.
static int run(char *const argv[], char *out, size_t size)
{
	static char err[8192];
	int status = harness_run_output(argv, out, size, err, sizeof err, 20000);
	size_t n = strlen(out);
	snprintf(out + n, size - n, "%s", err);
	return status;
}

// Write text to path.
static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

// The profile made older-parser-friendly: abi 3.0, no userns rule.
static void without_userns(const char *in, char *out, size_t size)
{
	size_t o = 0;
	for (const char *l = in; *l && o + 1 < size; ) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) + 1 : strlen(l);
		if (strncmp(l, "abi <abi/4.0>,", 14) == 0)
			o += (size_t)snprintf(out + o, size - o, "abi <abi/3.0>,\n");
		else if (strncmp(l, "  userns,", 9) != 0)
			o += (size_t)snprintf(out + o, size - o, "%.*s", (int)len, l);
		l += len;
	}
	out[o < size ? o : size - 1] = '\0';
}

// apparmor_parser's verdict on the profile text, without loading it.
static int parse(const char *text, char *out, size_t size)
{
	char path[128];
	snprintf(path, sizeof path, "%s/profile", tmp);
	put(path, text);
	char *argv[] = { (char *)parser, "--skip-kernel-load", "--skip-cache", path, NULL };
	return run(argv, out, size);
}

static void test_profile_parses(void **state)
{
	(void)state;
	static char profile[8192], checked[8192], out[8192];
	if (parser == NULL) {
		print_message("skipped: no apparmor_parser (package apparmor)\n");
		skip();
	}
	char *gen[] = { "scripts/apparmor-profile", "/home/a b/{kit}*", "socklab-1", NULL };
	assert_int_equal(run(gen, profile, sizeof profile), 0);
	assert_non_null(strstr(profile, "profile socklab-1-grader \"/home/a b/\\{kit\\}\\*/build/"
	                       "{,asan/}grade/grader\" flags=(unconfined) {\n  userns,\n}"));
	assert_non_null(strstr(profile, "profile socklab-1-socktrace \"/home/a b/\\{kit\\}\\*/build/"
	                       "{,asan/}socktrace\" flags=(unconfined) {\n  userns,\n}"));
	int full = access("/etc/apparmor.d/abi/4.0", F_OK) == 0;
	if (full)
		snprintf(checked, sizeof checked, "%s", profile);
	else
		without_userns(profile, checked, sizeof checked);
	if (parse(checked, out, sizeof out) != 0)
		fail_msg("apparmor_parser refuses the profile:\n%s\n%s", checked, out);
	if (!full)
		print_message("note: this apparmor_parser predates AppArmor 4: the userns rule "
		              "was not checked by it\n");
	// A broken profile is refused: the check above can fail.
	if (parse("profile broken /x {\n  userns\n", out, sizeof out) == 0)
		fail_msg("apparmor_parser accepted a broken profile");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_parses),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
