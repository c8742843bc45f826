// timeline.c: a queue of packets and program output kept in time order
// (see timeline.h). Small: a burst is a few packets and lines, so items
// are kept in one array, sorted as they are added.
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

struct timeline {
	struct tl_item *items;
	size_t n, cap;
	unsigned long seq;
};

struct timeline *timeline_new(void)
{
	return calloc(1, sizeof(struct timeline));
}

// Free the copied bytes of item it.
static void item_free(struct tl_item *it)
{
	free((void *)it->data);
	free((void *)it->text);
}

void timeline_free(struct timeline *tl)
{
	if (tl == NULL)
		return;
	for (size_t i = 0; i < tl->n; i++)
		item_free(&tl->items[i]);
	free(tl->items);
	free(tl);
}

// Is a strictly earlier than b?
static int earlier(const struct timeval *a, const struct timeval *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_usec < b->tv_usec);
}

// Insert it after every item not later than it. 0, or -1 (out of memory).
static int insert(struct timeline *tl, const struct tl_item *it)
{
	if (tl->n == tl->cap) {
		size_t cap = tl->cap ? tl->cap * 2 : 16;
		struct tl_item *bigger = realloc(tl->items, cap * sizeof *bigger);
		if (bigger == NULL)
			return -1;
		tl->items = bigger;
		tl->cap = cap;
	}
	size_t at = tl->n;
	while (at > 0 && earlier(&it->ts, &tl->items[at - 1].ts))
		at--;
	if (at < tl->n)
		memmove(&tl->items[at + 1], &tl->items[at], (tl->n - at) * sizeof *tl->items);
	tl->items[at] = *it;
	tl->items[at].seq = tl->seq++;
	tl->n++;
	return 0;
}

int timeline_add_packet(struct timeline *tl, const struct pcap_pkthdr *h,
                        const unsigned char *data)
{
	struct tl_item it = { .ts = h->ts, .h = *h };
	unsigned char *copy = malloc(h->caplen ? h->caplen : 1);
	if (copy == NULL)
		return -1;
	memcpy(copy, data, h->caplen);
	it.data = copy;
	if (insert(tl, &it) < 0) {
		free(copy);
		return -1;
	}
	return 0;
}

int timeline_add_text(struct timeline *tl, struct timeval ts, void *owner,
                      const char *text, size_t n)
{
	struct tl_item it = { .ts = ts, .owner = owner, .n = n };
	char *copy = malloc(n ? n : 1);
	if (copy == NULL)
		return -1;
	memcpy(copy, text, n);
	it.text = copy;
	if (insert(tl, &it) < 0) {
		free(copy);
		return -1;
	}
	return 0;
}

size_t timeline_flush(struct timeline *tl, const struct timeval *upto,
                      void (*emit)(const struct tl_item *it, void *arg), void *arg)
{
	size_t k = 0;
	while (k < tl->n && (upto == NULL || !earlier(upto, &tl->items[k].ts)))
		k++;
	for (size_t i = 0; i < k; i++) {
		emit(&tl->items[i], arg);
		item_free(&tl->items[i]);
	}
	if (k > 0 && k < tl->n)
		memmove(tl->items, tl->items + k, (tl->n - k) * sizeof *tl->items);
	tl->n -= k;
	return k;
}
