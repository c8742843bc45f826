# socklab: top-level build.
#
#   make          build everything into build/
#   make demo     run the programs and show what they put on the wire
#   make test     build and run the whole test suite (plain, then ASan/UBSan)
#   make bench    benchmarks, printed as ratios against a peer tool
#   make clean    remove build/
#
# Each folder describes its own part in a module.mk included below; this
# file holds only what they share.

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror
BUILD   ?= build

# Variables the modules append to.
ALL_BINS  :=
TEST_BINS :=

# The sanitizer build puts everything under build/asan with its own flags.
ifeq ($(SANITIZE),1)
BUILD   := build/asan
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# Dependencies are checked (and installed if missing) once per build tree.
DEPS_STAMP = $(BUILD)/.deps-$(1)
.PRECIOUS: $(BUILD)/.deps-%
$(BUILD)/.deps-%:
	@mkdir -p $(@D)
	@scripts/install-deps $*
	@touch $@

# pkg-config is asked only when a recipe runs, after the dependencies exist.
PCAP_CFLAGS   = $(shell pkg-config --cflags libpcap)
PCAP_LIBS     = $(shell pkg-config --libs libpcap)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka)

.PHONY: all test check check-sanitize bench demo clean
all:

include solutions/module.mk
include trace/module.mk
include tests/module.mk
include trace/demo.mk
-include labs/module.mk
-include handouts/module.mk
include tests/grade/grade.mk
-include tests/bench.mk

all: $(ALL_BINS)

# make test: the plain suite, then the same suite under ASan/UBSan.
test:
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check-sanitize

check: $(call DEPS_STAMP,test) $(ALL_BINS) $(TEST_BINS)
	@tests/run-suite $(BUILD) $(TEST_BINS)

check-sanitize: $(call DEPS_STAMP,test)
	@$(MAKE) --no-print-directory SANITIZE=1 check

clean:
	rm -rf build
