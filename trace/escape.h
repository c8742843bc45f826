// escape.h: packet-derived bytes made safe to print. Every byte a packet
// supplies goes through these before it reaches a terminal or a file, so
// a packet can never write an escape sequence to the student's screen.
#ifndef SOCKTRACE_ESCAPE_H
#define SOCKTRACE_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

// Write len bytes of data into out (size outlen, NUL-terminated) as text:
// printable ASCII stays, '\\' becomes "\\\\", \n \r \t \0 are spelled out,
// every other byte becomes \xHH. If the result does not fit, it stops at a
// whole escape and ends with "..." . Returns the characters written.
size_t escape_bytes(char *out, size_t outlen, const uint8_t *data, size_t len);

// Like escape_bytes for a NUL-terminated string.
size_t escape_str(char *out, size_t outlen, const char *s);

// Write s (already free of control bytes or not) into out as the inside
// of a JSON string: '"' and '\\' escaped, control bytes as \u00XX, bytes
// >= 0x7f as \u00XX too, so the result is plain ASCII. Truncates like
// escape_bytes. Returns the characters written.
size_t escape_json(char *out, size_t outlen, const char *s);

#endif
