// fields.c: the field_list of one packet (see fields.h).
#include <stdarg.h>
#include <stdio.h>

#include "fields.h"

// Start recording a new frame (keeps fl->loopback).
void fields_begin(struct field_list *fl, const uint8_t *frame, uint32_t caplen)
{
	fl->frame = frame;
	fl->caplen = caplen;
	fl->nlayers = 0;
	fl->nfields = 0;
	fl->dropped = 0;
}

// Open a layer at frame offset off with hlen header bytes (see fields.h).
struct layer *fields_layer(struct field_list *fl, const char *name,
                           const char *title, enum layer_kind kind,
                           uint32_t off, uint32_t hlen)
{
	if (fl->nlayers == LAYERS_MAX) {
		fl->dropped++;
		return NULL;
	}
	struct layer *l = &fl->layer[fl->nlayers++];
	l->name = name;
	l->title = title;
	l->kind = kind;
	l->offset = off;
	l->length = hlen;
	l->caplen = off >= fl->caplen ? 0 :
	            fl->caplen - off < hlen ? fl->caplen - off : hlen;
	l->first = fl->nfields;
	l->count = 0;
	l->quoted = 0;
	return l;
}

// Add a field to the last layer (see fields.h).
struct field *fields_add(struct field_list *fl, const char *name,
                         const char *label, const char *purpose,
                         uint32_t bit_off, uint32_t bits,
                         const char *fmt, ...)
{
	if (fl->nlayers == 0 || fl->nfields == FIELDS_MAX) {
		fl->dropped++;
		return NULL;
	}
	struct field *f = &fl->field[fl->nfields++];
	va_list ap;
	f->name = name;
	f->label = label;
	f->purpose = purpose;
	f->bit_off = bit_off;
	f->bits = bits;
	f->check = CHECK_NA;
	va_start(ap, fmt);
	vsnprintf(f->value, sizeof f->value, fmt, ap);
	va_end(ap);
	fl->layer[fl->nlayers - 1].count++;
	return f;
}

// Record the payload layer: caplen of len bytes captured at offset off.
void fields_payload(struct field_list *fl, uint32_t off, uint32_t caplen,
                    uint32_t len)
{
	struct layer *l = fields_layer(fl, "payload", "Payload", LAYER_PAYLOAD,
	                               off, len);
	if (l)
		l->caplen = caplen;
}
