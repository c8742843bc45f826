// callhints.c: the parts of the hints that come from a client's recorded
// socket calls (callwatch.h). Each says what the program did as a fact,
// marked "(traced)"; where the calls could not be recorded it says that
// instead, and the hint keeps what the wire and the output showed. No
// verdict depends on these.
#include "gtests.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

// n with a comma every three digits ("200,000"), in out (32 bytes).
static const char *grouped(long n, char *out)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n), k = 0;
	for (int i = 0; i < len; i++) {
		out[k++] = digits[i];
		if ((len - 1 - i) % 3 == 0 && i < len - 1)
			out[k++] = ',';
	}
	out[k] = '\0';
	return out;
}

// "once", "twice" or "N times".
static const char *times(int n, char *out)
{
	if (n == 1)
		return "once";
	if (n == 2)
		return "twice";
	snprintf(out, 32, "%d times", n);
	return out;
}

// Say once why prog's calls are not in the hint, if they were not
// recorded. 1 if they were.
static int traced(struct tcase *t, const char *prog, const struct jail *j)
{
	if (j->calls.traced)
		return 1;
	if (j->calls.why[0])
		say(t, "\n  (%s's socket calls could not be recorded here: %s)", prog, j->calls.why);
	return 0;
}

void hint_tcp_recvs(struct tcase *t, const char *prog, const struct jail *j, size_t sent)
{
	const struct callsum *s = &j->calls;
	char a[32], b[32], c[32];
	if (!traced(t, prog, j))
		return;
	if (s->tcp_recvs == 0 && s->tcp_connects > 0)
		say(t, "\n  %s connected but made no recv() call that returned (traced)", prog);
	if (s->tcp_recvs == 0)
		return;
	if (s->tcp_recv_bytes == (long)sent) {
		say(t, "\n  %s called recv() %s; %s returned all %s bytes the server sent "
		    "(traced): they came, so look at where they went and what was printed",
		    prog, times(s->tcp_recvs, a), s->tcp_recvs == 1 ? "it" : "they",
		    grouped((long)sent, c));
		return;
	}
	say(t, "\n  %s called recv() %s; %s returned %s of the %s bytes the server sent "
	    "(traced)", prog, times(s->tcp_recvs, a), s->tcp_recvs == 1 ? "it" : "they",
	    grouped(s->tcp_recv_bytes, b), grouped((long)sent, c));
	if (s->tcp_recv_eof)
		say(t, "; the last returned 0: the server's FIN, the end of the reply");
	else
		say(t, "; none returned 0, so it never waited for the end of the reply "
		    "(the server's FIN)");
}

void hint_udp_bind(struct tcase *t, const char *prog, const struct jail *j)
{
	const struct callsum *s = &j->calls;
	char ip[INET6_ADDRSTRLEN] = "?";
	if (!traced(t, prog, j))
		return;
	if (s->bind_port < 0) {
		say(t, "\n  %s made no bind() call (traced)", prog);
		return;
	}
	if (s->bind_ip.family == 4 || s->bind_ip.family == 6)
		inet_ntop(s->bind_ip.family == 4 ? AF_INET : AF_INET6, s->bind_ip.a, ip, sizeof ip);
	say(t, "\n  %s called bind() on %s port %d (traced): a client should let the OS "
	    "choose its port", prog, ip, s->bind_port);
}

void hint_udp_recvfrom(struct tcase *t, const char *prog, const struct jail *j)
{
	const struct callsum *s = &j->calls;
	char a[32];
	if (!traced(t, prog, j))
		return;
	if (s->failed[CW_SEND] > 0 && s->udp_sends == 0) {
		say(t, "\n  %s's sendto() failed: %s (traced)", prog,
		    strerror(s->first_errno[CW_SEND]));
		return;
	}
	if (s->udp_sends == 0)
		return;  // the reason says so already
	if (s->n[CW_RECV] == 0 && !s->recv_unfinished)
		say(t, "\n  %s never called recvfrom() (traced): the reply is only in its "
		    "socket until it does", prog);
	else if (s->recv_unfinished)
		say(t, "\n  %s was still waiting in recvfrom() when it ended (traced)", prog);
	else
		say(t, "\n  %s called recvfrom() %s (traced)", prog, times(s->n[CW_RECV], a));
}
