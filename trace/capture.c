// capture.c: open capture files and live interfaces with libpcap, set
// BPF filters, and run the read loop (see capture.h).
#include "capture.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "savefile.h"

// The handle capture_interrupt() breaks (set while capture_loop runs),
// and whether an interrupt came at all: one that comes before the loop
// starts must still stop it.
static pcap_t *volatile current;
static volatile sig_atomic_t interrupted;

// The capture file opened last, when savefile.c reads its records (then
// with a copy of the filter, which libpcap keeps to itself).
static struct {
	pcap_t *p;
	int fd;
	struct savefile *sf;
	struct bpf_program prog;
	int filtered;
} file = { NULL, -1, NULL, { 0, NULL }, 0 };

// Forget the file reader's state (the pcap_t stays open).
static void file_forget(void)
{
	savefile_close(file.sf);
	if (file.fd >= 0)
		close(file.fd);
	if (file.filtered)
		pcap_freecode(&file.prog);
	file.p = NULL, file.fd = -1, file.sf = NULL, file.filtered = 0;
}

// Say why path cannot be a capture before libpcap tries: missing,
// unreadable, a directory, or empty. 0 if it looks worth opening.
static int check_file(const char *path, char *err, size_t errlen)
{
	struct stat st;
	FILE *f;

	if (stat(path, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory, not a capture file", path);
		return -1;
	}
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	if (S_ISREG(st.st_mode) && st.st_size == 0) {
		snprintf(err, errlen, "%s: empty file, not a capture (no pcap or "
		         "pcapng header)", path);
		return -1;
	}
	return 0;
}

// Open path with libpcap over a descriptor of ours, which savefile.c
// then reads from when the file is of a kind it handles. NULL + perr.
static pcap_t *open_path(const char *path, char *perr)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), copy = fd >= 0 ? dup(fd) : -1;
	FILE *f = copy >= 0 ? fdopen(copy, "rb") : NULL;
	pcap_t *p = NULL;

	if (f)
		p = pcap_fopen_offline_with_tstamp_precision(f, PCAP_TSTAMP_PRECISION_MICRO, perr);
	else
		snprintf(perr, PCAP_ERRBUF_SIZE, "%s", strerror(errno));
	if (!p) {
		if (f)
			fclose(f);
		else if (copy >= 0)
			close(copy);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	file_forget();
	file.p = p;
	file.fd = fd;
	file.sf = savefile_open(fd, pcap_datalink(p), pcap_snapshot(p));
	return p;
}

pcap_t *capture_open_file(const char *path, char *err, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p;

	if (strcmp(path, "-") != 0 && check_file(path, err, errlen) < 0)
		return NULL;
	if (strcmp(path, "-") == 0)
		p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_MICRO, perr);
	else
		p = open_path(path, perr);
	if (!p) {
		if (strstr(perr, "unknown file format") ||
		    strstr(perr, "bad dump file format"))
			snprintf(err, errlen, "%s: not a pcap or pcapng capture "
			         "file (%s)", path, perr);
		else if (strstr(perr, "truncated dump file"))
			snprintf(err, errlen, "%s: capture file header is cut "
			         "short (%s)", path, perr);
		else
			snprintf(err, errlen, "%s: %s", path, perr);
	}
	return p;
}

// Fill err for a pcap_activate failure of iface, with the fix for the
// common cause (no permission to capture).
static void activate_error(pcap_t *p, int rc, const char *iface, char *err,
                           size_t errlen)
{
	const char *why = pcap_geterr(p);

	if (rc == PCAP_ERROR_PERM_DENIED)
		snprintf(err, errlen, "pcap_activate: %s: capturing needs "
		         "CAP_NET_RAW: run it inside `socktrace run` or as root "
		         "(%s)", iface, why);
	else if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
		snprintf(err, errlen, "pcap_activate: %s: no such interface "
		         "(`ip link` lists them)", iface);
	else if (rc == PCAP_ERROR_IFACE_NOT_UP)
		snprintf(err, errlen, "pcap_activate: %s: interface is down",
		         iface);
	else
		snprintf(err, errlen, "pcap_activate: %s: %s", iface,
		         why[0] ? why : pcap_statustostr(rc));
}

pcap_t *capture_open_live(const char *iface, char *err, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_create(iface, perr);
	int rc;

	if (!p) {
		snprintf(err, errlen, "pcap_create: %s: %s", iface, perr);
		return NULL;
	}
	// Immediate mode shows each packet as it comes; a 32 MiB kernel
	// buffer (libpcap's default is 2 MiB) rides out bursts without drops.
	if (pcap_set_immediate_mode(p, 1) != 0 ||
	    pcap_set_snaplen(p, 262144) != 0 ||
	    pcap_set_buffer_size(p, 32 << 20) != 0) {
		snprintf(err, errlen, "pcap_set_immediate_mode: %s: %s", iface,
		         pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	rc = pcap_activate(p);
	if (rc < 0) {
		activate_error(p, rc, iface, err, errlen);
		pcap_close(p);
		return NULL;
	}
	return p;
}

int capture_set_filter(pcap_t *p, const char *filter, char *err, size_t errlen)
{
	struct bpf_program prog;

	if (!filter || !*filter)
		return 0;
	if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0) {
		snprintf(err, errlen, "bad filter '%s': %s", filter, pcap_geterr(p));
		return -1;
	}
	if (pcap_setfilter(p, &prog) < 0) {
		snprintf(err, errlen, "pcap_setfilter: %s", pcap_geterr(p));
		pcap_freecode(&prog);
		return -1;
	}
	if (p != file.p) {
		pcap_freecode(&prog);
		return 0;
	}
	if (file.filtered)
		pcap_freecode(&file.prog);
	file.prog = prog;
	file.filtered = 1;
	return 0;
}

void capture_close(pcap_t *p)
{
	if (p && p == file.p)
		file_forget();
	if (p)
		pcap_close(p);
}

struct loop_ctx {
	struct tracer *t;
	pcap_dumper_t *dumper;
};

// pcap_loop callback: save the frame if asked, then trace it.
static void on_frame(u_char *user, const struct pcap_pkthdr *h,
                     const u_char *data)
{
	struct loop_ctx *ctx = (struct loop_ctx *)user;

	if (ctx->dumper)
		pcap_dump((u_char *)ctx->dumper, h, data);
	tracer_packet(ctx->t, h, data);
}

// pcap_loop for the file savefile.c reads: the same records, filter and
// callback, until the end, an error (in err) or an interrupt.
static int file_loop(struct loop_ctx *ctx, char *err, size_t errlen)
{
	char why[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr h;
	const uint8_t *data;
	int rc = 0;

	while (!interrupted && (rc = savefile_next(file.sf, &h, &data, why, sizeof why)) > 0)
		if (!file.filtered || pcap_offline_filter(&file.prog, &h, data))
			on_frame((u_char *)ctx, &h, data);
	if (rc < 0)
		snprintf(err, errlen, "reading packets: %s", why);
	return rc < 0 ? -1 : 0;
}

int capture_loop(pcap_t *p, struct tracer *t, pcap_dumper_t *dumper,
                 char *err, size_t errlen)
{
	struct loop_ctx ctx = { t, dumper };
	int rc;

	// Set current before looking at the flag: an interrupt after the
	// look then finds current and breaks the loop before it begins.
	current = p;
	if (p == file.p && file.sf) {
		rc = file_loop(&ctx, err, errlen);
		current = NULL;
		return rc;
	}
	rc = interrupted ? 0 : pcap_loop(p, -1, on_frame, (u_char *)&ctx);
	current = NULL;
	if (rc == PCAP_ERROR) {
		snprintf(err, errlen, "reading packets: %s", pcap_geterr(p));
		return -1;
	}
	return 0;
}

void capture_interrupt(void)
{
	pcap_t *p = current;

	interrupted = 1;
	if (p)
		pcap_breakloop(p);
}

int capture_interrupted(void)
{
	return interrupted;
}
