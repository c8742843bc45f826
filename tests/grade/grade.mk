# tests/grade/: the instructors' grading suite (binary $(BUILD)/grade/grader).
#
#   make grade [SUBMISSION=labs] [FORMAT=text|tap|junit|gradescope] [OUT=FILE]
#              [ONLY="test ..."] [STRICT=1: exit 1 unless every test passed]
#              [TABLE=tests|extensions: the labs' four programs (tests.tab) or
#               the extension exercises (extensions.tab)]
#              [MODE=auto|namespaces|container|plain: the sandbox, see
#               tests/grade/sandbox.h; auto picks the best that works here]
#   make grade-all SUBMISSIONS=DIR [JOBS=N] [TABLE=...] [MODE=...]   one
#                                             sub-folder per student, N at a
#                                             time (default: twice the CPUs)
#   make install-apparmor / uninstall-apparmor   Ubuntu 24.04: the AppArmor
#                                             profile letting the grader and
#                                             socktrace make user namespaces
#   make gradescope                           build/grade/autograder.zip
#   make dist-student                         build/socklab-student.tar.gz
#   make classroom-workflow                   tests/grade/classroom.yml
GRADE_SRCS  := $(wildcard tests/grade/*.c)
GRADE_OBJS  := $(GRADE_SRCS:tests/grade/%.c=$(BUILD)/grade/%.o)
# Shared with socktrace: why namespaces are refused (trace/nsdiag.h), and
# the call recorder that the call watcher (callwatch.c) uses.
GRADE_SHARED_OBJS := $(addprefix $(BUILD)/trace/,nsdiag_linux.o calls_linux.o \
	calls_decode_linux.o escape.o endpoint.o outbuf.o)
GRADER      := $(BUILD)/grade/grader

SUBMISSION  ?= labs
MODE        ?= auto
# The recipes read these from the environment ("$$SUBMISSION"), so that
# a folder name with spaces or shell metacharacters is one argument.
export SUBMISSION SUBMISSIONS NOTE
FORMAT      ?= text
TABLE       ?= tests
# The table names the tests and so the programs they grade.
GRADE_TABLE  = tests/grade/$(TABLE).tab
# Another table than the labs' grades in folders of its own.
GRADE_SUFFIX = $(if $(filter-out tests,$(TABLE)),-$(TABLE))
# What grading writes goes under build/grade/ whatever the build tree (the
# sanitizer build too), so its report names the same paths either way: one
# work folder per submission, named after it with '/' and anything unusual
# as '_' (computed by the shell, which sees the name as it is).
GRADE_WORK   = build/grade/work$(GRADE_SUFFIX)/$$(printf '%s' "$$SUBMISSION" | sed 's:/*$$::; s:^/*::' | tr -c 'A-Za-z0-9._-' '_')
GRADE_OUT_junit      = build/grade/results.xml
GRADE_OUT_gradescope = build/grade/results.json
OUT         ?= $(GRADE_OUT_$(FORMAT))

$(BUILD)/grade/%.o: tests/grade/%.c $(wildcard tests/grade/*.h) trace/nsdiag.h | $(call DEPS_STAMP,build)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -D_GNU_SOURCE -Itrace $(PCAP_CFLAGS) -c -o $@ $<

# The grader sandboxes with Linux namespaces: elsewhere (macOS) the rest of
# the kit builds and `make grade` says what it needs.
ifeq ($(shell uname -s),Linux)
ALL_BINS    += $(GRADER)
$(GRADER): $(GRADE_OBJS) $(GRADE_SHARED_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PCAP_LIBS)
else
$(GRADER):
	@echo "grade: the grader needs Linux (it runs each test in namespaces of its own): use a Linux machine, VM or the course's CI"; exit 2
endif

.PHONY: grade grade-all gradescope dist-student classroom-workflow bench-grade \
	install-apparmor uninstall-apparmor
# Ubuntu 24.04: the profile that lets this kit's grader and socktrace make
# user namespaces (scripts/apparmor-profile; the two README commands
# install it where it is needed, saying so).
install-apparmor:
	@scripts/install-deps apparmor
uninstall-apparmor:
	@scripts/install-deps uninstall-apparmor

# The summary always goes to the terminal; TAP replaces it; JUnit and
# Gradescope's JSON go to OUT as well.
grade: $(GRADER)
	@test -f $(GRADE_TABLE) || { echo "grade: no table $(GRADE_TABLE) (TABLE=tests or TABLE=extensions)"; exit 2; }
	@$(GRADER) -w "$(GRADE_WORK)" -t $(GRADE_TABLE) $(if $(wildcard $(SOCKTRACE)),-s $(SOCKTRACE)) \
		$(if $(filter tap,$(FORMAT)),-o tap:-,-o text:-) -m $(MODE) \
		$(if $(OUT),-o $(FORMAT):$(OUT)) $(foreach t,$(ONLY),-T $(t)) \
		$(if $(STRICT),-x) $(if $(NOTE),-n "$$NOTE") "$$SUBMISSION"
	@$(if $(OUT),echo "grade: $(FORMAT) results written to $(OUT)")

grade-all: $(GRADER)
	@test -n "$(SUBMISSIONS)" || { echo "grade-all: say which folder: make grade-all SUBMISSIONS=DIR"; exit 2; }
	@test -f $(GRADE_TABLE) || { echo "grade-all: no table $(GRADE_TABLE) (TABLE=tests or TABLE=extensions)"; exit 2; }
	@tests/grade/grade-all $(GRADER) "$$SUBMISSIONS" build/grade/class$(GRADE_SUFFIX) \
		$(or $(JOBS),$(shell echo $$((2 * $$(getconf _NPROCESSORS_ONLN))))) $(GRADE_TABLE) $(MODE)

gradescope:
	@tests/grade/make-gradescope $(BUILD)/grade/autograder.zip

dist-student:
	@tests/grade/dist-student $(BUILD)/socklab-student.tar.gz

# The GitHub Classroom workflow: one autograding step per test of the table.
classroom-workflow:
	@tests/grade/mkclassroom tests/grade/tests.tab >tests/grade/classroom.yml
	@echo "classroom-workflow: tests/grade/classroom.yml"

# make bench: the time to grade one submission and a class of 50.
bench: bench-grade
bench-grade: $(GRADER)
	@tests/bench/grade-bench $(GRADER)
