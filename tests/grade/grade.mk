# tests/grade/: the instructors' grading suite (binary $(BUILD)/grade/grader).
#
#   make grade [SUBMISSION=labs] [FORMAT=text|tap|junit|gradescope] [OUT=FILE]
#   make grade-all SUBMISSIONS=DIR [JOBS=N]   one sub-folder per student
#   make gradescope                           build/grade/autograder.zip
#   make dist-student                         build/socklab-student.tar.gz
GRADE_SRCS  := $(wildcard tests/grade/*.c)
GRADE_OBJS  := $(GRADE_SRCS:tests/grade/%.c=$(BUILD)/grade/%.o)
GRADER      := $(BUILD)/grade/grader
ALL_BINS    += $(GRADER)

SUBMISSION  ?= labs
FORMAT      ?= text
GRADE_WORK   = $(BUILD)/grade/work/$(subst /,_,$(patsubst /%,%,$(SUBMISSION:%/=%)))
GRADE_OUT_junit      = $(BUILD)/grade/results.xml
GRADE_OUT_gradescope = $(BUILD)/grade/results.json
OUT         ?= $(GRADE_OUT_$(FORMAT))

$(BUILD)/grade/%.o: tests/grade/%.c $(wildcard tests/grade/*.h) | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -D_GNU_SOURCE $(PCAP_CFLAGS) -c -o $@ $<

$(GRADER): $(GRADE_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PCAP_LIBS)

.PHONY: grade grade-all gradescope dist-student
# The summary always goes to the terminal; TAP replaces it; JUnit and
# Gradescope's JSON go to OUT as well.
grade: $(GRADER)
	@$(GRADER) -w $(GRADE_WORK) -t tests/grade/tests.tab \
		$(if $(filter tap,$(FORMAT)),-o tap:-,-o text:-) \
		$(if $(OUT),-o $(FORMAT):$(OUT)) $(SUBMISSION)
	@$(if $(OUT),echo "grade: $(FORMAT) results written to $(OUT)")

grade-all: $(GRADER)
	@test -n "$(SUBMISSIONS)" || { echo "grade-all: say which folder: make grade-all SUBMISSIONS=DIR"; exit 2; }
	@tests/grade/grade-all $(GRADER) $(SUBMISSIONS) $(BUILD)/grade/class $(or $(JOBS),2)

gradescope:
	@tests/grade/make-gradescope $(BUILD)/grade/autograder.zip

dist-student:
	@tests/grade/dist-student $(BUILD)/socklab-student.tar.gz
