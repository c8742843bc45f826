# tests/bench.mk: `make bench` (socktrace beside tcpdump on a generated
# capture of a million packets; see tests/bench/run-bench) and
# `make golden-update` (rewrite the golden tests' expected outputs, then
# review them with `git diff tests/golden`).
BENCH_DIR := $(BUILD)/bench

$(BENCH_DIR)/%: tests/bench/%.c | $(call DEPS_STAMP,bench)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $<

.PHONY: bench-trace golden-update
bench: bench-trace
bench-trace: $(SOCKTRACE) $(BENCH_DIR)/gen_traffic $(BENCH_DIR)/rusage
	@tests/bench/run-bench $(BUILD)

golden-update: $(SOCKTRACE)
	@tests/golden/update $(BUILD)
bench: $(SOCKTRACE) $(BENCH_DIR)/udp_flood ; @tests/bench/live-bench $(BUILD)

# What recording the programs' calls costs socktrace run (issue 15).
.PHONY: bench-calls
bench: bench-calls
bench-calls: $(SOCKTRACE) $(ALL_BINS) $(BENCH_DIR)/rusage $(BENCH_DIR)/udp_flood
	@tests/bench/calls-bench $(BUILD)
