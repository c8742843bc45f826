# labs/: the fill-in-the-blank skeletons students complete, built as
# build/labs/UDPClient etc. labs/*.c are generated from solutions/*.c and
# the blanks specs tests/skel/*.blanks by `make skeletons`, and committed;
# tests/test_labs.c fails when they drift apart.
LABS     := UDPClient UDPServer TCPClient TCPServer
LAB_BINS := $(LABS:%=$(BUILD)/labs/%)
ALL_BINS += $(LAB_BINS)

$(BUILD)/labs/%: labs/%.c | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

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
