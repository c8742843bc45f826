// savefile.c: a classic pcap file's records, read in large blocks (see
// savefile.h). The file format is pcap-savefile(5); the checks and their
// messages are libpcap's, so that a file reads the same either way.
#include "savefile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytes.h"

#define FILE_HDR    24
#define REC_HDR     16
#define MAX_CAPLEN  262144      // libpcap's largest record for these types
#define BLOCK       (1 << 18)   // bytes asked of each read (more: no faster)

struct savefile {
	int fd;
	off_t pos;          // file offset of buf[len]
	uint8_t *buf;       // unread bytes are buf[off, len)
	size_t off, len, cap;
	int eof;
	int nsec;           // time stamps in nanoseconds (shown in microseconds)
	uint32_t snapshot;  // records are cut to this many bytes
};

// The link types socktrace decodes: libpcap allows them records of up to
// MAX_CAPLEN bytes and changes nothing in their headers.
static int handled_dlt(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB: case DLT_NULL: case DLT_LOOP: case DLT_RAW:
	case DLT_IPV4: case DLT_IPV6: case DLT_LINUX_SLL: case DLT_LINUX_SLL2:
		return 1;
	default:
		return 0;
	}
}

// Is the file on fd a little-endian pcap 2.4 file? 1 (and *nsec set) or 0.
static int handled_header(int fd, int *nsec)
{
	uint8_t h[FILE_HDR];
	struct cursor c;

	if (pread(fd, h, sizeof h, 0) != (ssize_t)sizeof h)
		return 0;
	cur_init(&c, h, sizeof h);
	uint32_t magic = get_le32(&c);
	uint8_t major = get_u8(&c), major_hi = get_u8(&c);
	uint8_t minor = get_u8(&c), minor_hi = get_u8(&c);
	*nsec = magic == 0xa1b23c4d;
	return (magic == 0xa1b2c3d4 || *nsec) && major == 2 && minor == 4 &&
	       major_hi == 0 && minor_hi == 0;
}

struct savefile *savefile_open(int fd, int dlt, int snapshot)
{
	struct stat st;
	int nsec;

	if (!handled_dlt(dlt) || snapshot <= 0 || fstat(fd, &st) < 0 ||
	    !S_ISREG(st.st_mode) || !handled_header(fd, &nsec))
		return NULL;
	struct savefile *s = calloc(1, sizeof *s);
	if (s)
		s->buf = malloc(BLOCK + MAX_CAPLEN + REC_HDR);
	if (!s || !s->buf) {
		free(s);
		return NULL;
	}
	s->fd = fd;
	s->pos = FILE_HDR;
	s->cap = BLOCK + MAX_CAPLEN + REC_HDR;
	s->nsec = nsec;
	s->snapshot = (uint32_t)snapshot;
	return s;
}

// Have at least n (<= MAX_CAPLEN + REC_HDR) unread bytes in the buffer,
// reading more as needed. The number of unread bytes (fewer than n only
// at the end of the file), or -1 on a read error (errno set).
static ssize_t fill(struct savefile *s, size_t n)
{
	if (s->len - s->off >= n)
		return (ssize_t)(s->len - s->off);
	memmove(s->buf, s->buf + s->off, s->len - s->off);
	s->len -= s->off;
	s->off = 0;
	while (s->len < n && !s->eof) {
		ssize_t r = pread(s->fd, s->buf + s->len, s->cap - s->len, s->pos);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		s->eof = r == 0;
		s->len += (size_t)r;
		s->pos += r;
	}
	return (ssize_t)s->len;
}

// Check a record's captured length as libpcap does. 0, or -1 with err.
static int check_caplen(const struct savefile *s, uint32_t caplen, char *err, size_t errlen)
{
	if (caplen <= MAX_CAPLEN)
		return 0;
	if (caplen > s->snapshot)
		snprintf(err, errlen, "invalid packet capture length %u, bigger than snaplen of %u",
		         caplen, s->snapshot);
	else
		snprintf(err, errlen, "invalid packet capture length %u, bigger than maximum of %u",
		         caplen, MAX_CAPLEN);
	return -1;
}

int savefile_next(struct savefile *s, struct pcap_pkthdr *h, const uint8_t **data,
                  char *err, size_t errlen)
{
	struct cursor c;
	ssize_t have = fill(s, REC_HDR);

	if (have < 0)
		goto read_error;
	if (have == 0)
		return 0;
	if (have < REC_HDR) {
		snprintf(err, errlen, "truncated dump file; tried to read %d header bytes, only "
		         "got %zd", REC_HDR, have);
		return -1;
	}
	cur_init(&c, s->buf + s->off, REC_HDR);
	int32_t sec = (int32_t)get_le32(&c), frac = (int32_t)get_le32(&c);
	uint32_t caplen = get_le32(&c);
	h->len = get_le32(&c);
	h->ts.tv_sec = sec;
	h->ts.tv_usec = s->nsec ? frac / 1000 : frac;
	s->off += REC_HDR;
	if (check_caplen(s, caplen, err, errlen) < 0)
		return -1;
	if ((have = fill(s, caplen)) < 0)
		goto read_error;
	if ((size_t)have < caplen) {
		// libpcap names the part it read first: a record longer than
		// the snapshot length is read to that length, then skipped.
		uint32_t tried = caplen > s->snapshot && (size_t)have < s->snapshot ? s->snapshot
		                                                                     : caplen;
		snprintf(err, errlen, "truncated dump file; tried to read %u captured bytes, only "
		         "got %zd", tried, have);
		return -1;
	}
	*data = s->buf + s->off;
	s->off += caplen;
	h->caplen = caplen > s->snapshot ? s->snapshot : caplen;
	return 1;
read_error:
	snprintf(err, errlen, "error reading dump file: %s", strerror(errno));
	return -1;
}

void savefile_close(struct savefile *s)
{
	if (s)
		free(s->buf);
	free(s);
}
