# handouts/: the lab sheets (Markdown, read on GitHub or as HTML).
#
#   make handouts          HTML into build/handouts/ (PDF too where pandoc
#                          finds a PDF engine); pandoc installed if missing
#   make handouts-check    re-run every sample in the handouts against the
#                          programs and socktrace (also part of make check,
#                          through tests/test_handouts.c)
#   make handouts-update   rewrite the samples with the real output
#
# handouts/instructor/ holds the instructor-only material (the answer key,
# the instructor guide): make dist-student must leave it out.
HANDOUT_SRCS  := $(wildcard handouts/*.md handouts/instructor/*.md)
HANDOUT_HTML  := $(HANDOUT_SRCS:handouts/%.md=build/handouts/%.html)
HANDOUT_PDF_ENGINE := $(firstword $(foreach e,xelatex lualatex pdflatex wkhtmltopdf weasyprint,$(if $(shell command -v $(e) 2>/dev/null),$(e))))
HANDOUT_PDF   := $(if $(HANDOUT_PDF_ENGINE),$(HANDOUT_SRCS:handouts/%.md=build/handouts/%.pdf))
PANDOC_FLAGS  := --standalone --toc --shift-heading-level-by=-1 --lua-filter=handouts/html.lua \
                 --metadata-file=handouts/pandoc-meta.yaml

.PHONY: handouts handouts-check handouts-update
handouts: $(HANDOUT_HTML) $(HANDOUT_PDF)
	@echo "handouts: HTML in build/handouts/$(if $(HANDOUT_PDF_ENGINE),, (no PDF engine found: HTML only))"

build/handouts/%.html: handouts/%.md handouts/html.lua handouts/pandoc-meta.yaml | $(call DEPS_STAMP,docs)
	@mkdir -p $(@D)
	pandoc $(PANDOC_FLAGS) -o $@ $<

build/handouts/%.pdf: handouts/%.md handouts/html.lua | $(call DEPS_STAMP,docs)
	@mkdir -p $(@D)
	pandoc --pdf-engine=$(HANDOUT_PDF_ENGINE) -o $@ $<

handouts-check: all
	@handouts/check-samples

handouts-update: all
	@handouts/check-samples --update
