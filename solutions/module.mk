# solutions/: the four complete programs, each one self-contained file.
SOLUTIONS     := UDPClient UDPServer TCPClient TCPServer
SOLUTION_BINS := $(SOLUTIONS:%=$(BUILD)/solutions/%)
ALL_BINS      += $(SOLUTION_BINS)

$(BUILD)/solutions/%: solutions/%.c | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

# solutions/extensions/: the reference answers to the four extension
# exercises (handouts/extensions.md), instructor-only like the rest of
# solutions/; the rule above builds them too (build/solutions/extensions/).
EXTENSIONS     := UDPCountServer UDPClientLoop UDPClientRetry TCPServerConcurrent
EXTENSION_BINS := $(EXTENSIONS:%=$(BUILD)/solutions/extensions/%)
ALL_BINS       += $(EXTENSION_BINS)
