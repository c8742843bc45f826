// calls_fact.c: what a recorded call (calls.h) says about the packet it
// sent, as the annotator takes it (struct call_fact in annotate.h): the
// annotator learns the facts without knowing how they were recorded.
#include "calls_fact.h"

#include <stdio.h>
#include <string.h>

// What the calls show of the socket pk goes to (roles, when the ports
// do not tell them).
static void to_fact(struct calls *c, const struct packet *pk, struct call_fact *f)
{
	const struct call_sock *to = calls_sock_to(c, pk);
	if (to == NULL)
		return;
	f->to.made = to->made;
	f->to.bound = to->bound;
	f->to.serves = to->serves;
	f->to.connected = to->connected;
}

void calls_fact(struct calls *c, const struct call_rec *r, const struct packet *pk,
                struct call_fact *f)
{
	const struct call_sock *s = &r->sock;  // at entry (returned: at return)

	memset(f, 0, sizeof *f);
	snprintf(f->program, sizeof f->program, "%s", r->program);
	snprintf(f->call, sizeof f->call, "%s", r->name);
	snprintf(f->args, sizeof f->args, "%.*s", (int)sizeof f->args - 1, r->args);
	f->in_progress = r->state == CALL_ENTERED;
	if (r->state == CALL_RETURNED && !r->err)
		f->len = r->ret;
	else
		f->len = r->len;
	f->bind_known = s->made;
	f->bound = s->bound;
	f->serves = s->serves;
	f->connected = s->connected || strcmp(r->name, "connect") == 0;
	to_fact(c, pk, f);
	if (s->bound) {
		snprintf(f->bind_args, sizeof f->bind_args, "%s", s->bind_args);
		size_t n = strlen(s->bind_args);
		f->bind_any_port = n >= 2 && strcmp(s->bind_args + n - 2, ":0") == 0;
	} else if (f->in_progress && s->lport == 0) {
		snprintf(f->port_by, sizeof f->port_by, "%s", r->name);  // picked now
	} else if (s->port_by) {
		snprintf(f->port_by, sizeof f->port_by, "%s", s->port_by);
	}
}
