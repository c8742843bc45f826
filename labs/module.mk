# labs/: the fill-in-the-blank skeletons students complete, built as
# build/labs/UDPClient etc. labs/*.c are generated from solutions/*.c and
# the blanks specs tests/skel/*.blanks by `make skeletons`, and committed;
# tests/test_labs.c fails when they drift apart.
# The extension exercises (handouts/extensions.md) a student has written
# in labs/ are built the same way.
LABS     := UDPClient UDPServer TCPClient TCPServer
LAB_EXTENSIONS := UDPCountServer UDPClientLoop UDPClientRetry TCPServerConcurrent
LAB_BINS := $(LABS:%=$(BUILD)/labs/%) \
            $(patsubst labs/%.c,$(BUILD)/labs/%,$(wildcard $(LAB_EXTENSIONS:%=labs/%.c)))
ALL_BINS += $(LAB_BINS)

# The one rule for students' code, used by `make` here and by the grader
# (`make grade`, grade-all, Gradescope), which is built with it: these
# warnings are printed but do not stop the build (a warning is worth
# fixing, but must not cost a working program its points). The handouts
# say so (Lab 1 part 1, extensions.md).
STUDENT_CFLAGS := -std=c11 -O2 -Wall -Wextra

$(BUILD)/labs/%: labs/%.c | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(filter-out -std=% -O% -W%,$(CFLAGS)) $(STUDENT_CFLAGS) $(LDFLAGS) -o $@ $<

$(BUILD)/grade/grader.o: CFLAGS += -DSTUDENT_CFLAGS='"$(STUDENT_CFLAGS)"'
$(BUILD)/grade/grader.o: labs/module.mk

# The generator is instructor-only: the students' kit has no tests/skel/.
ifneq ($(wildcard tests/skel/mkskel.c),)
MKSKEL   := $(BUILD)/skel/mkskel
ALL_BINS += $(MKSKEL)

$(MKSKEL): tests/skel/mkskel.c | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

# It also writes the answer key, handouts/instructor/key.tab: for every
# blank, the exact code that fills it (tests/test_key.c fills the blanks
# with it, builds and grades the result).
KEY_TAB := handouts/instructor/key.tab

.PHONY: skeletons
skeletons: $(MKSKEL)
	@for p in $(LABS); do \
		$(MKSKEL) $$p solutions/$$p.c tests/skel/$$p.blanks >labs/$$p.c.tmp && \
		mv labs/$$p.c.tmp labs/$$p.c && echo "skeletons: labs/$$p.c" || \
		{ rm -f labs/$$p.c.tmp; exit 1; }; \
	done
	@{ echo '# The answer key of the lab blanks, made by `make skeletons`: PROGRAM | N | the code'; \
	   echo '# that replaces todo(N) in labs/PROGRAM.c (a call spread over lines on one line).'; \
	   for p in $(LABS); do $(MKSKEL) --key $$p solutions/$$p.c tests/skel/$$p.blanks || exit 1; done; \
	 } >$(KEY_TAB).tmp && mv $(KEY_TAB).tmp $(KEY_TAB) && echo "skeletons: $(KEY_TAB)" || \
		{ rm -f $(KEY_TAB).tmp; exit 1; }
endif
