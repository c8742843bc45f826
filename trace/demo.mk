# trace/demo.mk: watch the programs run, each run in a private network
# namespace traced by `socktrace run` (no root, no sudo). Every target is
# one command and saves its capture under build/traces/ for Wireshark.
#
#   make demo                 the UDP pair, then the TCP pair (solutions)
#   make trace-udp            UDPServer + UDPClient
#   make trace-tcp            TCPServer + TCPClient: handshake, data, teardown
#   make trace-udp-noserver   UDPClient alone: ICMP port unreachable, timeout
#   make trace-tcp-noserver   TCPClient alone: the SYN answered by a RST
#   make trace-two-clients    one UDPServer, two UDPClients in a row
#   make trace-udp6           the UDP pair over IPv6 (::1)
#   make trace-tcp6           the TCP pair over IPv6 (::1)
#   make trace-two-hosts      the UDP pair on two hosts joined by a veth
#                             link: ARP before the first datagram
#   make trace-udp-loss       two hosts, every reply lost (tc netem): the UDP
#                             client hears nothing and gives up
#   make trace-tcp-loss       two hosts, half the server's packets lost: TCP
#                             retransmits until the exchange completes
#                             (both need tc and the kernel's sch_netem;
#                             without them socktrace says so and shows a
#                             shipped capture of the scenario instead)
#   make watch                a shell in a private namespace: start the
#                             programs by hand, socktrace annotates live
#
# Variables: LAB=labs traces your own programs (build/labs/) instead of
# the solutions; SENTENCE="..." the line the clients send; TRACE_OPTS the
# socktrace options (default --ladder; e.g. TRACE_OPTS=--json); WATCH_OPTS
# for `make watch` (e.g. WATCH_OPTS=--tmux for the trace in a tmux pane).
# Where no private namespace can be made, socktrace says why and what
# allows one there, and annotates the capture recorded in tests/captures/
# instead. Every server listens on the textbook's port 12000 (SERVER_PORT):
# inside the private namespace nothing else can hold it. (As root where no
# namespace can be made, a container say, socktrace traces the loopback it
# shares with the rest, the container's own in a container; if 12000 is
# taken there, SERVER_PORT=0 lets the OS pick a port.)

LAB        ?= solutions
SENTENCE   ?= hello from socklab
TRACE_OPTS ?= --ladder
WATCH_OPTS ?=
SERVER_PORT := 12000
TRACES     := $(BUILD)/traces
DEMO_PROGS  = $(BUILD)/$(LAB)
DEMO_CAPS  := tests/captures

.PHONY: demo demo-recorded-udp demo-recorded-tcp watch trace-udp trace-tcp trace-udp-noserver trace-tcp-noserver \
        trace-two-clients trace-udp6 trace-tcp6 trace-two-hosts trace-udp-loss \
        trace-tcp-loss

# $(call demo_run,NAME,TITLE,FALLBACK,COMMANDS): trace one run, saving
# build/traces/[LAB-]NAME.pcap; FALLBACK is the recorded capture shown
# where namespaces are forbidden.
define demo_run
	@mkdir -p $(TRACES)
	@rm -f $(TRACES)/$(LAB)-$(1).pcap
	@printf '\n== %s (%s)\n\n' "$(2)" "$(LAB)"
	@$(SOCKTRACE) run $(TRACE_OPTS) -w $(TRACES)/$(LAB)-$(1).pcap \
		$(if $(strip $(3)),--fallback $(DEMO_CAPS)/$(strip $(3))) $(4)
	@if [ -s $(TRACES)/$(LAB)-$(1).pcap ]; then \
		printf '\ncapture saved: %s (Wireshark opens it)\n' $(TRACES)/$(LAB)-$(1).pcap; fi
endef

UDP_PAIR = $(SOCKTRACE) $(DEMO_PROGS)/UDPServer $(DEMO_PROGS)/UDPClient
TCP_PAIR = $(SOCKTRACE) $(DEMO_PROGS)/TCPServer $(DEMO_PROGS)/TCPClient

# One after the other even under make -j, so that the traces do not mix.
# A student's unfinished programs (LAB=labs, the default of the students'
# kit) stop early: the demo then shows the capture recorded from the
# solutions, and says so.
DEMO_OR_RECORDED = $(if $(filter-out solutions,$(LAB)),|| $(MAKE) --no-print-directory demo-recorded-$(1))

demo:
	@$(MAKE) --no-print-directory trace-udp $(call DEMO_OR_RECORDED,udp)
	@$(MAKE) --no-print-directory trace-tcp $(call DEMO_OR_RECORDED,tcp)
	@printf '\nmore scenarios, one command each: make trace-udp-noserver, trace-tcp-noserver,\n'
	@printf 'trace-two-clients, trace-udp6, trace-tcp6, trace-two-hosts; your own programs:\n'
	@printf 'make trace-udp LAB=labs; by hand, watched live: make watch\n'

trace-udp: $(UDP_PAIR)
	$(call demo_run,udp,UDP: one datagram each way,rec-udp.pcap,\
		--input "$(SENTENCE)" -- $(DEMO_PROGS)/UDPServer $(SERVER_PORT) -- $(DEMO_PROGS)/UDPClient {host} {port})

trace-tcp: $(TCP_PAIR)
	$(call demo_run,tcp,TCP: handshake then data then teardown,rec-tcp.pcap,\
		--input "$(SENTENCE)" -- $(DEMO_PROGS)/TCPServer $(SERVER_PORT) -- $(DEMO_PROGS)/TCPClient {host} {port})

trace-udp-noserver: $(UDP_PAIR)
	$(call demo_run,udp-noserver,UDP client with no server: ICMP port unreachable,\
		rec-udp-noserver.pcap,--input "$(SENTENCE)" -- $(DEMO_PROGS)/UDPClient 127.0.0.1 12000)

trace-tcp-noserver: $(TCP_PAIR)
	$(call demo_run,tcp-noserver,TCP client with no server: RST,rec-tcp-refused.pcap,\
		--input "$(SENTENCE)" -- $(DEMO_PROGS)/TCPClient 127.0.0.1 12000)

trace-two-clients: $(UDP_PAIR)
	$(call demo_run,two-clients,two UDP clients in a row,rec-udp-two-clients.pcap,\
		--input "$(SENTENCE)" --input "and a second one" -- $(DEMO_PROGS)/UDPServer $(SERVER_PORT) \
		-- $(DEMO_PROGS)/UDPClient {host} {port} -- $(DEMO_PROGS)/UDPClient {host} {port})

trace-udp6: $(UDP_PAIR)
	$(call demo_run,udp6,UDP over IPv6,rec-udp6.pcap,\
		--input "$(SENTENCE)" -- $(DEMO_PROGS)/UDPServer $(SERVER_PORT) -- $(DEMO_PROGS)/UDPClient ::1 {port})

trace-tcp6: $(TCP_PAIR)
	$(call demo_run,tcp6,TCP over IPv6,rec-tcp6.pcap,\
		--input "$(SENTENCE)" -- $(DEMO_PROGS)/TCPServer $(SERVER_PORT) -- $(DEMO_PROGS)/TCPClient ::1 {port})

trace-two-hosts: $(UDP_PAIR)
	$(call demo_run,two-hosts,UDP between two hosts on a veth link,rec-udp.pcap,\
		--two-hosts --input "$(SENTENCE)" -- $(DEMO_PROGS)/UDPServer $(SERVER_PORT) \
		-- $(DEMO_PROGS)/UDPClient {host} {port})

trace-udp-loss: $(UDP_PAIR)
	$(call demo_run,udp-loss,UDP on a link that loses every reply,gen-udp-loss.pcap,\
		--two-hosts --netem "loss 100%" --input "$(SENTENCE)" -- $(DEMO_PROGS)/UDPServer $(SERVER_PORT) \
		-- $(DEMO_PROGS)/UDPClient {host} {port})

trace-tcp-loss: $(TCP_PAIR)
	$(call demo_run,tcp-loss,TCP on a link that loses half the server's packets,gen-tcp-loss.pcap,\
		--two-hosts --netem "loss 50%" --timeout 30 --input "$(SENTENCE)" \
		-- $(DEMO_PROGS)/TCPServer $(SERVER_PORT) -- $(DEMO_PROGS)/TCPClient {host} {port})

demo-recorded-udp demo-recorded-tcp: demo-recorded-%: $(SOCKTRACE)
	@printf '\n== your programs (%s) did not finish the exchange: above, what stopped them.\n' "$(LAB)"
	@printf '== What a finished pair puts on the wire, recorded (%s):\n\n' "$(DEMO_CAPS)/rec-$*.pcap"
	@$(SOCKTRACE) -r $(DEMO_CAPS)/rec-$*.pcap $(TRACE_OPTS)

# The programs are on PATH in the shell: type UDPServer, then UDPClient.
watch: $(UDP_PAIR) $(TCP_PAIR)
	@PATH="$(abspath $(DEMO_PROGS)):$$PATH" $(SOCKTRACE) shell $(WATCH_OPTS)
