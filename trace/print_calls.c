// print_calls.c: the programs' recorded socket calls (calls.h) in the
// text listing and as JSON Lines, and the call named in each packet's
// note and JSON "call" object. Call records hold text already escaped
// (calls_decode_linux.c); JSON escapes it once more as a string.
#include "print_calls.h"

#include <string.h>

#include "escape.h"

#define C_CALL  "\033[35m"   // magenta
#define C_RESET "\033[0m"

// The errno's name ("ECONNREFUSED"), the kernel's restart codes included.
const char *call_errno_name(int e)
{
	switch (e) {
	case 512: return "ERESTARTSYS";
	case 513: return "ERESTARTNOINTR";
	case 514: return "ERESTARTNOHAND";
	case 516: return "ERESTART_RESTARTBLOCK";
	}
#ifdef __GLIBC__
	const char *n = strerrorname_np(e);
	return n ? n : "E?";
#else
	return "E?";  // strerror() still says what it is
#endif
}

// Append "[UDPClient 123] " (coloured when asked).
static void ob_who(struct outbuf *b, const struct call_rec *r, const struct trace_opts *o)
{
	ob_str(b, o->color ? C_CALL "[" : "[");
	ob_str(b, r->program);
	ob_char(b, ' ');
	ob_u64(b, (uint64_t)r->pid);
	ob_str(b, o->color ? "]" C_RESET " " : "] ");
}

// Append what a call returned: " = 5 \"HELLO\" from ...", an errno, or
// why it never returned.
static void ob_result(struct outbuf *b, const struct call_rec *r)
{
	if (r->state == CALL_UNFINISHED) {
		ob_str(b, " unfinished: ");
		ob_str(b, r->why);
		return;
	}
	ob_printf(b, " = %ld", r->ret);
	if (r->err >= 512 && r->err <= 516)
		ob_printf(b, " %s (interrupted by a signal; it is made again)", call_errno_name(r->err));
	else if (r->err)
		ob_printf(b, " %s (%s)", call_errno_name(r->err), strerror(r->err));
	if (r->result[0]) {
		ob_char(b, ' ');
		ob_str(b, r->result);
	}
}

void print_call_text(struct outbuf *b, const struct call_rec *r, const struct trace_opts *o)
{
	if (r->state == CALL_ENTERED && r->quick)
		return;  // shown whole at its return
	ob_time(b, r->state == CALL_ENTERED ? &r->ts_enter : &r->ts);
	ob_char(b, ' ');
	ob_who(b, r, o);
	if (r->state == CALL_ENTERED || r->quick)
		ob_printf(b, "%s(%s)", r->name, r->args);
	else if (r->fd >= 0)
		ob_printf(b, "... %s(%d)", r->name, r->fd);
	else
		ob_printf(b, "... %s", r->name);
	if (r->state == CALL_ENTERED) {
		ob_str(b, " ...\n");
		return;
	}
	ob_result(b, r);
	if (!r->quick) {
		long us = (long)(r->ts.tv_sec - r->ts_enter.tv_sec) * 1000000 +
		          (long)(r->ts.tv_usec - r->ts_enter.tv_usec);
		ob_printf(b, "  (after %ld.%06ld s)", us / 1000000, us % 1000000);
	}
	ob_char(b, '\n');
}

// Append ,"key": and the JSON string of s, or null.
static void j_text(struct outbuf *b, const char *key, const char *s)
{
	char tmp[CALL_TEXT * 6 + 8];
	ob_str(b, ",\"");
	ob_str(b, key);
	ob_str(b, "\":");
	if (s == NULL) {
		ob_str(b, "null");
		return;
	}
	escape_json(tmp, sizeof tmp, s);
	ob_char(b, '"');
	ob_str(b, tmp);
	ob_char(b, '"');
}

// Append ,"key": and a time as seconds.microseconds.
static void j_time(struct outbuf *b, const char *key, const struct timeval *tv)
{
	ob_printf(b, ",\"%s\":%lld.", key, (long long)tv->tv_sec);
	ob_usec(b, (unsigned long)tv->tv_usec);
}

void print_call_json(struct outbuf *b, const struct call_rec *r)
{
	if (r->state == CALL_ENTERED)
		return;  // one record per call, when it has returned (or never will)
	int done = r->state == CALL_RETURNED;
	ob_printf(b, "{\"event\":\"call\",\"id\":%lu", r->id);
	j_text(b, "program", r->program);
	ob_printf(b, ",\"pid\":%d", (int)r->pid);
	j_text(b, "call", r->name);
	if (r->fd >= 0)
		ob_printf(b, ",\"fd\":%d", r->fd);
	else
		ob_str(b, ",\"fd\":null");
	j_text(b, "args", r->args);
	if (done)
		ob_printf(b, ",\"ret\":%ld", r->ret);
	else
		ob_str(b, ",\"ret\":null");
	j_text(b, "errno", done && r->err ? call_errno_name(r->err) : NULL);
	j_time(b, "ts_enter", &r->ts_enter);
	j_time(b, "ts", &r->ts);
	j_text(b, "addr", r->addr[0] ? r->addr : NULL);
	j_text(b, "bytes", r->has_bytes ? r->bytes : NULL);
	j_text(b, "unfinished", done ? NULL : r->why);
	ob_str(b, "}\n");
}

void print_cause_note(struct outbuf *b, const struct packet *pk, const struct trace_opts *o)
{
	const struct call_rec *r = o->calls ? calls_cause(o->calls, pk) : NULL;
	if (r == NULL)
		return;
	ob_str(b, o->color ? "    \033[2m" : "    ");
	if (r->state == CALL_ENTERED)
		ob_printf(b, "sent by %s's %s(%s) (pid %d), traced: the call was in progress",
		          r->program, r->name, r->args, (int)r->pid);
	else
		ob_printf(b, "sent after %s's last %s(%s) (pid %d) had returned, traced: TCP "
		          "kept the bytes and sent them later (Nagle's rule, TCP_CORK, a full "
		          "window), joined with any sent before",
		          r->program, r->name, r->args, (int)r->pid);
	ob_str(b, o->color ? C_RESET "\n" : "\n");
}

void print_cause_json(struct outbuf *b, const struct packet *pk, const struct trace_opts *o)
{
	const struct call_rec *r = o->calls ? calls_cause(o->calls, pk) : NULL;
	if (r == NULL) {
		ob_str(b, ",\"call\":null");
		return;
	}
	ob_printf(b, ",\"call\":{\"id\":%lu", r->id);
	j_text(b, "program", r->program);
	ob_printf(b, ",\"pid\":%d", (int)r->pid);
	j_text(b, "call", r->name);
	ob_str(b, r->state == CALL_ENTERED ? ",\"in_progress\":true}" : ",\"in_progress\":false}");
}
