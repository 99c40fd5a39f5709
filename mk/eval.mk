# mk/eval.mk - `make eval`: extraction scored on real reports nobody tuned it
# for (tests/corpus/, see its README.md), against the targets of DESIGN.md
# section 9.  Included by the top Makefile; not part of `make check`.
#
#   make eval                  build, then score tests/corpus/dev and
#                              tests/corpus/test, each set on its own
#   make eval EVAL_SET=dev     one set only
#   make eval EVAL_DETAILS=1   also list, per report, the false positives,
#                              false negatives and fuzzy session matches
#   make eval EVAL_FLAGS='--graphs build/eval/graphs'   keep the extracted
#                              graphs (any option of tools/eval/score.py)
#
# Each set prints a table per report (precision, recall, tp/found/gold for
# session, person, person-role, organisation, initiative, place, date), then
# its totals, micro-averaged; every figure also goes to $(EVAL_OUT)/SET.json.
# The matching rules are in the header of tools/eval/score.py.  The scorer
# exits 3 (and make stops) when a gold file is malformed, naming FILE:LINE;
# a report the extractor refuses is shown with its error and scores zero.
# The test set is only scored, never read to tune anything.
# tests/integration/t-eval-scorer.sh checks the scorer itself (make check).

PYTHON3      ?= python3
EVAL_DIR     ?= tests/corpus
EVAL_SET     ?= dev test
EVAL_OUT     ?= $(BUILD)/eval
EVAL_DETAILS ?=
EVAL_FLAGS   ?=

# one recipe line per set, so that make stops at the first that fails
define eval_one
	$(PYTHON3) tools/eval/score.py --kg '$(KG)' --title '$(1)' --json '$(EVAL_OUT)/$(1).json' $(if $(EVAL_DETAILS),--details) $(EVAL_FLAGS) '$(EVAL_DIR)/$(1)'

endef

eval: $(BUILD)/mednum-kg
	@test -f data/gazetteer/territoires.idx || $(MAKE) gazetteer
	@test -f data/lexicon/lexicon.idx || $(MAKE) lexicon
	@mkdir -p '$(EVAL_OUT)'
	$(foreach s,$(EVAL_SET),$(call eval_one,$(s)))

.PHONY: eval
