// dockersim.c: run a command the way Docker's default profile runs a
// container's processes (Gradescope, Autolab, PrairieLearn, CodeGrade):
// root, in namespaces of its own (mount, pid with a fresh /proc, network
// with lo up, IPC, UTS) made here before the profile applies; then only
// Docker's default capabilities, and a seccomp filter (libseccomp) that
// refuses unshare, setns, mount, umount2 and clone with any CLONE_NEW*
// flag with EPERM, and clone3 with ENOSYS, as Docker's does.
//
//   dockersim [--no-ptrace] COMMAND [ARG]...
//
// --no-ptrace refuses ptrace too, as Docker's default profile does on a
// kernel older than 4.8 and stricter profiles do everywhere.
//
// Must be run as root. Exits with the command's status (125 if the
// simulation itself could not be set up). The grading suite's tests run
// the grader under it (tests/test_grade_container.c).
#include <errno.h>
#include <linux/capability.h>
#include <net/if.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// Docker's default capabilities (moby's oci/caps/defaults.go).
static const int kept[] = {
	CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FSETID, CAP_FOWNER, CAP_MKNOD, CAP_NET_RAW,
	CAP_SETGID, CAP_SETUID, CAP_SETFCAP, CAP_SETPCAP, CAP_NET_BIND_SERVICE,
	CAP_SYS_CHROOT, CAP_KILL, CAP_AUDIT_WRITE,
};

// Syscalls Docker's default seccomp profile refuses outright (those that
// matter here, and the usual others), with EPERM.
static const char *const refused[] = {
	"unshare", "setns", "mount", "umount2", "umount", "pivot_root", "fsopen",
	"fsmount", "fsconfig", "fspick", "move_mount", "open_tree", "mount_setattr",
	"keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd",
	"init_module", "finit_module", "delete_module", "kexec_load", "reboot",
	"swapon", "swapoff", "acct", "open_by_handle_at", "name_to_handle_at",
};

// Print what failed and exit 125.
static void fail(const char *what)
{
	fprintf(stderr, "dockersim: %s: %s\n", what, strerror(errno));
	_exit(125);
}

// Set lo up, as Docker does in a container's network namespace.
static void loopback_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		fail("socket");
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		fail("SIOCGIFFLAGS lo");
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		fail("SIOCSIFFLAGS lo");
	close(s);
}

// Remount read-only each mount under /sys/fs/cgroup (cgroup v1 has one
// per controller, a remount of the top one leaves them writable).
static void cgroup_submounts_readonly(void)
{
	char line[4096], mp[1024];
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (f == NULL)
		fail("open /proc/self/mountinfo");
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%*s %*s %*s %*s %1023s", mp) == 1 &&
		    strncmp(mp, "/sys/fs/cgroup/", 15) == 0)
			mount(NULL, mp, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
	fclose(f);
}

// The container's filesystem view: private mounts, a /proc of its pid
// namespace, the cgroup tree read-only (as Docker mounts it).
static void container_mounts(void)
{
	if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		fail("mount --make-rprivate /");
	if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
		fail("mount /proc");
	// Absent or already read-only: nothing to do.
	mount("/sys/fs/cgroup", "/sys/fs/cgroup", NULL, MS_BIND | MS_REC, NULL);
	mount(NULL, "/sys/fs/cgroup", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
	cgroup_submounts_readonly();
}

// Keep only Docker's capabilities: bounding set first, then capset.
static void drop_capabilities(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof d);
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		d[kept[i] / 32].permitted |= 1u << (kept[i] % 32);
	for (int cap = 0; cap < 64; cap++) {
		int keep = (d[cap / 32].permitted >> (cap % 32)) & 1;
		if (!keep && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			fail("PR_CAPBSET_DROP");
	}
	for (int i = 0; i < 2; i++)
		d[i].effective = d[i].inheritable = d[i].permitted;
	if (syscall(SYS_capset, &h, d) < 0)
		fail("capset");
}

// Docker's seccomp filter, as far as namespaces go (see the top); ptrace
// refused too if no_ptrace.
static void seccomp_profile(int no_ptrace)
{
	static const unsigned long newflags[] = {
		CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID,
		CLONE_NEWNET, CLONE_NEWCGROUP,
	};
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (ctx == NULL)
		fail("seccomp_init");
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		int nr = seccomp_syscall_resolve_name(refused[i]);
		if (nr != __NR_SCMP_ERROR && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0) < 0)
			fail(refused[i]);
	}
	for (size_t i = 0; i < sizeof newflags / sizeof newflags[0]; i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
		                     SCMP_A0(SCMP_CMP_MASKED_EQ, newflags[i], newflags[i])) < 0)
			fail("seccomp clone rule");
	if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) < 0)
		fail("seccomp clone3 rule");
	if (no_ptrace && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ptrace), 0) < 0)
		fail("seccomp ptrace rule");
	if (seccomp_load(ctx) < 0)
		fail("seccomp_load");
	seccomp_release(ctx);
}

// pid 1 of the container: set it up and exec the command.
static void container_init(char **argv, int no_ptrace)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	container_mounts();
	loopback_up();
	drop_capabilities();
	seccomp_profile(no_ptrace);
	execvp(argv[0], argv);
	fail(argv[0]);
}

int main(int argc, char **argv)
{
	int st, no_ptrace = argc > 1 && strcmp(argv[1], "--no-ptrace") == 0;
	argc -= no_ptrace, argv += no_ptrace;
	if (argc < 2) {
		fprintf(stderr, "usage: dockersim [--no-ptrace] COMMAND [ARG]...\n");
		return 125;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "dockersim: needs root (a container's processes run as root)\n");
		return 125;
	}
	if (unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS) < 0)
		fail("unshare");
	pid_t pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0)
		container_init(argv + 1, no_ptrace);
	signal(SIGINT, SIG_IGN);  // pid 1 gets them through the terminal, or dies with us
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			fail("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
