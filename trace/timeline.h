// timeline.h: what `socktrace run` and `shell` show, put in time order.
// The programs' output and the captured packets arrive by different ways
// (pipes, the capture buffer) and are read in bursts; each is queued here
// with its time (a packet its capture timestamp, program output the time
// it was read) and handed back in time order, equal times in the order
// they were added.
#ifndef SOCKTRACE_TIMELINE_H
#define SOCKTRACE_TIMELINE_H

#include <stddef.h>
#include <sys/time.h>
#include <pcap/pcap.h>

struct timeline;

// What timeline_flush hands back: a packet (h and data set, text NULL) or
// program output (text, n and owner as given to timeline_add_text).
struct tl_item {
	struct timeval ts;
	struct pcap_pkthdr h;
	const unsigned char *data;
	const char *text;
	size_t n;
	void *owner;
	unsigned long seq;  // order of arrival, for equal times
};

// A new, empty timeline, or NULL (out of memory).
struct timeline *timeline_new(void);
void timeline_free(struct timeline *tl);

// Queue a copy of a captured packet / of n bytes of output of owner read
// at ts. 0, or -1 when out of memory (nothing queued).
int timeline_add_packet(struct timeline *tl, const struct pcap_pkthdr *h,
                        const unsigned char *data);
int timeline_add_text(struct timeline *tl, struct timeval ts, void *owner,
                      const char *text, size_t n);

// Hand every queued item whose time is at most upto (NULL: all) to emit,
// in time order, and forget it. Returns how many were handed.
size_t timeline_flush(struct timeline *tl, const struct timeval *upto,
                      void (*emit)(const struct tl_item *it, void *arg), void *arg);

#endif
