// fields_rec.h: what the per-layer field recorders (fields_*.c) share.
#ifndef SOCKTRACE_FIELDS_REC_H
#define SOCKTRACE_FIELDS_REC_H

#include "bytes.h"
#include "fields.h"
#include "packet.h"

// A cursor over the recorded frame, at frame offset at.
struct cursor fields_cursor(const struct field_list *fl, uint32_t at);

// Names people use for EtherTypes and IP protocol numbers.
const char *ethertype_name(uint16_t type);
const char *ipproto_name(uint8_t proto);

// Text for a MAC address (6 bytes) / IP address into buf.
void mac_text(char *buf, size_t size, const uint8_t mac[6]);
void ip_text(char *buf, size_t size, int family, const uint8_t *a);

// Checksum checks (fields_check.c): the IPv4 header checksum of the hlen
// bytes at start; the transport checksum of the len bytes at start with
// the IP pseudo-header of pk (proto is the IP protocol number; with_pseudo
// 0 for ICMPv4); zero_means_none for UDP over IPv4.
enum check check_ipv4_header(const struct field_list *fl, uint32_t start,
                             uint32_t hlen);
enum check check_transport(const struct field_list *fl,
                           const struct packet *pk, uint32_t start,
                           uint32_t len, uint8_t proto, int with_pseudo,
                           uint16_t value);

#endif
