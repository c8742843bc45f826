// annotate_icmp.c: what ICMP and ICMPv6 errors (port unreachable,
// fragmentation needed and path MTU, time exceeded), NDP, MLD and ARP
// packets mean, in notes. annotate.c decides which conversation an error
// belongs to; this file only explains.
#include "annotate_int.h"

#include <stdio.h>

// Explain a fragmentation-needed (ICMP) or packet-too-big (ICMPv6)
// error: path MTU discovery.
static void explain_pmtu(const struct packet *pk, struct annotation *a,
                         const char *dst)
{
	int v6 = pk->proto == PROTO_ICMP6;
	char host[ENDPOINT_LEN];

	format_endpoint(host, &pk->quoted.dst, -1);  // path MTU is per host

	note(a, "%s: %s could not forward a datagram to %s because it is "
	     "bigger than the next link's MTU of %u bytes%s", v6 ?
	     "packet too big" : "fragmentation needed", a->src, dst,
	     pk->icmp_mtu, v6 ? " (IPv6 routers never fragment)" :
	     ", and its don't-fragment bit was set");
	note(a, "path MTU discovery (RFC %s): the sender's kernel lowers its "
	     "path MTU for %s to %u; TCP then sends smaller segments, and a "
	     "larger UDP datagram is fragmented by the sender (or sendto() "
	     "fails with EMSGSIZE under IP_PMTUDISC_DO)", v6 ? "8201" : "1191",
	     host, pk->icmp_mtu);
}

// Explain a port unreachable whose quoted ports were captured.
static void explain_port_unreachable(const struct packet *pk,
                                     struct annotation *a)
{
	const struct quoted *q = &pk->quoted;
	int v6 = pk->proto == PROTO_ICMP6;

	note(a, "port unreachable: no socket is bound to %s port %u there, so "
	     "the kernel of %s answered the datagram with this ICMP%s message",
	     q->proto == 6 ? "TCP" : "UDP", q->dport, a->src, v6 ? "v6" : "");
	if (q->proto == 17)
		note(a, "UDP has no connection: the client's sendto() already "
		     "succeeded, and an unconnected socket is never told of "
		     "this error, so its recvfrom() waits forever unless it has "
		     "a timeout (a connect()ed UDP socket would get "
		     "ECONNREFUSED instead)");
}

// Explain an ICMP or ICMPv6 error: unreachable, packet too big, time
// exceeded.
void explain_icmp_error(const struct packet *pk, struct annotation *a)
{
	int v6 = pk->proto == PROTO_ICMP6;
	int unreach = pk->icmp_type == (v6 ? 1 : 3);
	int port = unreach && pk->icmp_code == (v6 ? 4 : 3);
	const struct quoted *q = &pk->quoted;
	char dst[ENDPOINT_LEN];

	if (!q->valid) {
		note(a, "an ICMP error (type %u code %u); the datagram it quotes "
		     "was not captured", pk->icmp_type, pk->icmp_code);
		return;
	}
	format_endpoint(dst, &q->dst, q->has_ports ? q->dport : -1);
	if ((v6 && pk->icmp_type == 2) || (!v6 && unreach && pk->icmp_code == 4)) {
		explain_pmtu(pk, a, dst);
	} else if (pk->icmp_type == (v6 ? 3 : 11)) {
		note(a, "time exceeded: %s dropped a datagram to %s because its "
		     "%s reached 0 (traceroute works by this)", a->src, dst,
		     v6 ? "hop limit" : "TTL");
	} else if (!unreach) {
		note(a, "an ICMP error (type %u code %u) about a datagram to %s",
		     pk->icmp_type, pk->icmp_code, dst);
	} else if (port && !q->has_ports) {
		note(a, "port unreachable: no socket is bound to the datagram's "
		     "destination port on %s (the quoted ports were not "
		     "captured)", dst);
	} else if (!port) {
		note(a, "destination unreachable (code %u) for a datagram to %s: "
		     "it could not be delivered", pk->icmp_code, dst);
	} else {
		explain_port_unreachable(pk, a);
	}
}

// Explain an ICMPv6 message that is not an error: NDP and MLD.
void icmp6_info(const struct packet *pk, int want, struct annotation *a)
{
	uint8_t t = pk->icmp_type;

	if (t >= 133 && t <= 137)
		a->event = EV_NDP;
	if (!want)
		return;
	if (t == 135 || t == 136)
		note(a, "NDP (IPv6's ARP): before sending to a neighbour "
		     "it has no link-layer address for, the kernel asks "
		     "for it; the answer goes into its neighbour cache");
	else if (t == 143 || t == 131 || t == 130)
		note(a, "MLD (multicast listener discovery): the host tells "
		     "routers which multicast groups it listens to; every IPv6 "
		     "interface joins some (such as its solicited-node group, "
		     "which NDP uses), so this appears in any two-host run");
}

// Explain an ARP packet by its operation.
void annotate_arp(const struct packet *pk, int want, struct annotation *a)
{
	a->event = EV_ARP;
	if (!want)
		return;
	if (pk->arp_op == 1 && pk->arp_gratuitous)
		note(a, "gratuitous ARP: the sender announces its own address "
		     "(sender and target are the same), so that others update "
		     "their ARP caches, or to find out whether another host "
		     "uses it; nobody is asked anything");
	else if (pk->arp_op == 1)
		note(a, "ARP request: before the first IPv4 packet to an address "
		     "on the link, the kernel asks (by broadcast) which Ethernet "
		     "address has it; the answer goes into its ARP cache "
		     "(`ip neigh`)");
	else if (pk->arp_op == 2)
		note(a, "ARP reply: the owner of the address answers the asker "
		     "directly (unicast); both kernels keep the pair in their "
		     "ARP caches (`ip neigh`)");
}
