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

# socktrace is linked with link-time optimisation (issue 13's speed bar):
# its decoders, annotator and printers are separate files, and inlining
# across them takes 10% of the instructions of socktrace -q away
# (callgrind, the bench's lab capture cut to 100k packets: 223.0M ->
# 199.8M). The objects are "fat", ordinary code as well, so the tests and
# the grader that link them are linked as before. Not with the
# sanitizers, nor where the compiler cannot do it (the probe compiles and
# links a program so): socktrace is then built as before, only slower.
# Every file is compiled with -Werror; the optimising link is not, as
# there GCC warns again after inlining across files, and a GCC newer than
# the ones tried (11 and 12) may warn of what no file shows alone: that
# is printed, and socktrace still builds.
TRACE_LTO := $(if $(filter 1,$(SANITIZE)),,$(shell echo 'int main(void) { return 0; }' | \
	$(CC) $(CFLAGS) -flto=auto -ffat-lto-objects -x c -o /dev/null - >/dev/null 2>&1 && echo -flto=auto))
TRACE_CFLAGS = -D_DEFAULT_SOURCE -D_GNU_SOURCE $(PCAP_CFLAGS) \
	$(if $(TRACE_LTO),$(TRACE_LTO) -ffat-lto-objects)

# (trace/module.mk is a prerequisite: a change of the flags above rebuilds.)
$(BUILD)/trace/%.o: trace/%.c $(wildcard trace/*.h) trace/module.mk | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(TRACE_CFLAGS) -c -o $@ $<

$(SOCKTRACE): $(TRACE_OBJS)
	$(CC) $(CFLAGS) $(if $(TRACE_LTO),$(TRACE_LTO) -Wno-error) $(LDFLAGS) -o $@ $^ $(PCAP_LIBS)
