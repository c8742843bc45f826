# tests/: the kit's own test suite. Each tests/test_*.c is one cmocka
# program, linked with the process harness and socktrace's decoding code.
TEST_SRCS := $(wildcard tests/test_*.c)
TEST_BINS += $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
HARNESS_OBJ := $(BUILD)/tests/harness.o

TEST_CFLAGS = -D_DEFAULT_SOURCE -D_GNU_SOURCE -Itrace -Itests $(CMOCKA_CFLAGS) $(PCAP_CFLAGS)

$(BUILD)/tests/%.o: tests/%.c $(wildcard tests/*.h trace/*.h) | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(HARNESS_OBJ) $(TRACE_LIB_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(PCAP_LIBS)

# --- decoder tests, capture generator, fuzzing (decoder helper) ---
# tests/module.mk is read before trace/module.mk, so TRACE_LIB_OBJS is
# still empty when the pattern rule above is read: name it again here,
# expanded a second time when the test programs are linked.
.SECONDEXPANSION:
DECODE_TESTS := $(filter $(BUILD)/tests/test_%,$(TEST_BINS))
$(DECODE_TESTS): $$(TRACE_LIB_OBJS)

# Tests that build packets by hand link the packet builder.
PKTBUILD_OBJ := $(BUILD)/tests/pktbuild.o
$(BUILD)/tests/test_decode $(BUILD)/tests/test_truncate: $(PKTBUILD_OBJ)

# pcapgen writes the crafted captures in tests/captures/ (committed);
# `make captures` regenerates them after a change to pcapgen.c.
PCAPGEN := $(BUILD)/tests/pcapgen
ALL_BINS += $(PCAPGEN)
$(PCAPGEN): $(BUILD)/tests/pcapgen.o $(PKTBUILD_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

.PHONY: captures
captures: $(PCAPGEN)
	@mkdir -p tests/captures
	$(PCAPGEN) tests/captures
