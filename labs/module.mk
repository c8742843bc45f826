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

.PHONY: skeletons
skeletons: $(MKSKEL)
	@for p in $(LABS); do \
		$(MKSKEL) $$p solutions/$$p.c tests/skel/$$p.blanks >labs/$$p.c.tmp && \
		mv labs/$$p.c.tmp labs/$$p.c && echo "skeletons: labs/$$p.c" || \
		{ rm -f labs/$$p.c.tmp; exit 1; }; \
	done
endif
