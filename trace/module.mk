# trace/: socktrace, the packet tracer (binary $(BUILD)/socktrace).
# Every trace/*.c is part of it except fuzz_*.c (fuzz targets, built by
# tests/module.mk) and, off Linux, the files ending in _linux.c.
TRACE_SRCS := $(filter-out trace/fuzz_%.c,$(wildcard trace/*.c))
ifneq ($(shell uname -s),Linux)
TRACE_SRCS := $(filter-out %_linux.c,$(TRACE_SRCS))
endif
TRACE_OBJS     := $(TRACE_SRCS:%.c=$(BUILD)/%.o)
TRACE_LIB_OBJS := $(filter-out $(BUILD)/trace/main.o,$(TRACE_OBJS))
SOCKTRACE      := $(BUILD)/socktrace
ALL_BINS       += $(SOCKTRACE)

TRACE_CFLAGS = -D_DEFAULT_SOURCE -D_GNU_SOURCE $(PCAP_CFLAGS)

$(BUILD)/trace/%.o: trace/%.c $(wildcard trace/*.h) | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TRACE_CFLAGS) -c -o $@ $<

$(SOCKTRACE): $(TRACE_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PCAP_LIBS)
