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
HANDOUT_PDF   := $(HANDOUT_SRCS:handouts/%.md=build/handouts/%.pdf)
PANDOC_FLAGS  := --standalone --toc --shift-heading-level-by=-1 --lua-filter=handouts/html.lua \
                 --metadata-file=handouts/pandoc-meta.yaml
# HTML engines first: they take pdf.css, which keeps wide samples unwrapped.
PDF_ENGINES   := weasyprint wkhtmltopdf xelatex lualatex pdflatex
PDF_FLAGS     := --toc --shift-heading-level-by=-1 --css=handouts/pdf.css \
                 -V geometry:margin=15mm -V fontsize=10pt

.PHONY: handouts handouts-pdf handouts-check handouts-update
# PDF only where pandoc has an engine (looked for when the target runs,
# not on every make).
handouts: $(HANDOUT_HTML)
	@engine=$$(for e in $(PDF_ENGINES); do command -v $$e >/dev/null 2>&1 && { echo $$e; break; }; done); \
	if [ -n "$$engine" ]; then \
		$(MAKE) --no-print-directory handouts-pdf HANDOUT_PDF_ENGINE=$$engine && \
		echo "handouts: HTML and PDF in build/handouts/"; \
	else \
		echo "handouts: HTML in build/handouts/ (no PDF engine found, none of: $(PDF_ENGINES))"; \
	fi

handouts-pdf: $(HANDOUT_PDF)

build/handouts/%.html: handouts/%.md handouts/html.lua handouts/pandoc-meta.yaml | $(call DEPS_STAMP,docs)
	@mkdir -p $(@D)
	pandoc $(PANDOC_FLAGS) -o $@ $<

build/handouts/%.pdf: handouts/%.md handouts/pdf.css | $(call DEPS_STAMP,docs)
	@mkdir -p $(@D)
	pandoc $(PDF_FLAGS) --pdf-engine=$(HANDOUT_PDF_ENGINE) \
		$(if $(filter weasyprint,$(HANDOUT_PDF_ENGINE)),--pdf-engine-opt=-q) -o $@ $<

handouts-check: all
	@handouts/check-samples

handouts-update: all
	@handouts/check-samples --update
