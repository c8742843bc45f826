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

# --- decoder tests, capture generator, fuzzing ---
.SECONDEXPANSION:

# The grading suite's tests link what they share (gradetest.c).
GRADETEST_OBJ := $(BUILD)/tests/gradetest.o
$(BUILD)/tests/test_grade $(BUILD)/tests/test_grade_ext $(BUILD)/tests/test_grade_limits $(BUILD)/tests/test_grade_hostile: $(GRADETEST_OBJ)

# Tests that build packets by hand link the packet builder.
PKTBUILD_OBJ := $(BUILD)/tests/pktbuild.o
$(BUILD)/tests/test_decode $(BUILD)/tests/test_truncate $(BUILD)/tests/test_fields \
	$(BUILD)/tests/test_trace_hostile: $(PKTBUILD_OBJ)

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

# make fuzz: two libFuzzer targets built with clang and ASan/UBSan, each
# run for FUZZ_SECONDS (default 25): the decoders (trace/fuzz_decode.c,
# seeded from pcapgen's frames) and the whole of `socktrace -r` (trace/
# fuzz_pipeline.c: a capture file read by libpcap (and, side by side, by
# trace/savefile.c, which must read the same), decoded, annotated and
# printed in every output form, ladder and Mermaid included; seeded with
# tests/captures/ under four sets of options). `make check` runs each for
# FUZZ_CHECK_SECONDS (default 3) when clang can build fuzzers, and says
# so when it cannot.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 25
FUZZ_CHECK_SECONDS ?= 3
FUZZ_DIR     := build/fuzz
FUZZ_BIN     := $(FUZZ_DIR)/fuzz_decode
FUZZ_PIPE_BIN := $(FUZZ_DIR)/fuzz_pipeline
FUZZ_SRCS     = trace/fuzz_decode.c trace/bytes.c $(wildcard trace/decode*.c) \
                $(wildcard trace/fields*.c) $(wildcard trace/print_verbose.c) \
                trace/escape.c
# The pipeline target links all of socktrace but its main().
FUZZ_PIPE_SRCS = trace/fuzz_pipeline.c $(filter-out trace/main.c,$(TRACE_SRCS))
FUZZ_FLAGS    = -g -O1 -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_GNU_SOURCE \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
# The probe links into build/, never to /dev/null: run as root, a linker
# that removes its output on failure would replace the device with a file.
FUZZ_PROBE    = mkdir -p $(FUZZ_DIR) && \
                printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }' | \
                $(FUZZ_CC) -x c -fsanitize=fuzzer -o $(FUZZ_DIR)/probe - >/dev/null 2>&1

$(FUZZ_BIN): $$(FUZZ_SRCS) $(wildcard trace/*.h) | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(PCAP_CFLAGS) -o $@ $(FUZZ_SRCS)

$(FUZZ_PIPE_BIN): $$(FUZZ_PIPE_SRCS) $(wildcard trace/*.h) | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(PCAP_CFLAGS) -o $@ $(FUZZ_PIPE_SRCS) $(PCAP_LIBS)

# fuzz-one NAME BINARY SECONDS MAX_LEN: fuzz the corpus $(FUZZ_DIR)/NAME
# that long; its log is $(FUZZ_DIR)/NAME.log.
define fuzz-one
	@echo "fuzz: $(2) for $(3) s (log: $(FUZZ_DIR)/$(1).log)"
	@$(2) -max_total_time=$(3) -max_len=$(4) -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/$(1)- $(FUZZ_DIR)/$(1) \
		>$(FUZZ_DIR)/$(1).log 2>&1; rc=$$?; \
	grep -E '^Done|executed_units|exec_per_sec|ERROR|SUMMARY|Test unit written' \
		$(FUZZ_DIR)/$(1).log | sed 's/^/fuzz: /'; exit $$rc
endef

# fuzz-run SECONDS: seed fresh corpora and fuzz each target that long.
# A pipeline seed is two options bytes (see fuzz_pipeline.c: text; JSON
# with -v and the ladder; terse with Mermaid; text with the ladder, -x,
# -S and colour; times as they are, except for the last: shifted 32 bits)
# and a committed capture.
define fuzz-run
	@rm -rf $(FUZZ_DIR)/corpus $(FUZZ_DIR)/pipeline
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/pipeline
	@$(PCAPGEN) --corpus $(FUZZ_DIR)/corpus
	@for f in tests/captures/*.pcap tests/captures/*.pcapng; do \
		for o in 000000 026000 011000 344040; do \
			{ printf "\\$${o%???}\\$${o#???}"; cat "$$f"; } \
				>$(FUZZ_DIR)/pipeline/$$(basename "$$f")-$$o; \
		done; \
	done
	$(call fuzz-one,corpus,$(FUZZ_BIN),$(1),4096)
	$(call fuzz-one,pipeline,$(FUZZ_PIPE_BIN),$(1),65536)
endef

.PHONY: fuzz fuzz-check fuzz-run
fuzz fuzz-check:
	@if $(FUZZ_PROBE); then \
		$(MAKE) --no-print-directory fuzz-run FUZZ_RUN_SECONDS=$(if $(filter fuzz,$@),$(FUZZ_SECONDS),$(FUZZ_CHECK_SECONDS)); \
	else \
		echo "fuzz: skipped: $(FUZZ_CC) cannot build -fsanitize=fuzzer programs"; \
	fi
fuzz-run: $(FUZZ_BIN) $(FUZZ_PIPE_BIN) $(PCAPGEN)
	$(call fuzz-run,$(FUZZ_RUN_SECONDS))

ifneq ($(SANITIZE),1)
check: fuzz-check
endif

# dockersim runs a command under Docker's default profile (its
# capabilities and a libseccomp filter refusing namespaces), for the
# grading suite's tests of container mode (test_grade_container) and
# socktrace's in a container (test_demo, test_calls).
DOCKERSIM := $(BUILD)/tests/dockersim
SECCOMP_LIBS = $(shell pkg-config --libs libseccomp)
# It is the container, not code under test: never built with the
# sanitizers (built with them, it ended with "LeakSanitizer has
# encountered a fatal error" and status 1 after its command succeeded).
$(DOCKERSIM): tests/dockersim.c | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(CC) -O2 -g -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE -o $@ $< $(SECCOMP_LIBS)
$(BUILD)/tests/test_grade_container: $(GRADETEST_OBJ) | $(DOCKERSIM)
# ... and for socktrace's own words and recorded calls there (test_demo,
# test_calls).
$(BUILD)/tests/test_demo $(BUILD)/tests/test_calls: | $(DOCKERSIM)

# test_calls runs a small multi-threaded program of its own
CALLS_THREADS := $(BUILD)/tests/calls_threads
$(BUILD)/tests/test_calls: | $(CALLS_THREADS)
$(CALLS_THREADS): tests/calls_threads.c | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -D_DEFAULT_SOURCE $(LDFLAGS) -pthread -o $@ $<
# ... and a client that calls bind() on a port before it sends.
CALLS_BIND := $(BUILD)/tests/calls_bind
$(BUILD)/tests/test_calls: | $(CALLS_BIND)
$(CALLS_BIND): tests/calls_bind.c | $(call DEPS_STAMP,test)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -D_DEFAULT_SOURCE $(LDFLAGS) -o $@ $<
