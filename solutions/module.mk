# solutions/: the four complete programs, each one self-contained file.
SOLUTIONS     := UDPClient UDPServer TCPClient TCPServer
SOLUTION_BINS := $(SOLUTIONS:%=$(BUILD)/solutions/%)
ALL_BINS      += $(SOLUTION_BINS)

$(BUILD)/solutions/%: solutions/%.c | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<
