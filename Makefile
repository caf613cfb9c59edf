# KVM planes: the one orchestrator of the rig.  `make help` lists the targets.
#
# Flow: patches/ -> kernel work tree (kernel/linux) -> builds (build/) -> initramfs -> QEMU ->
# verdicts (build/logs/<run>/results.json).  A missing kernel work tree is made from patches/;
# one that exists is never reset, except by `make tree` itself.
SHELL := /bin/bash
TREE := $(or $(KERNEL_TREE),kernel/linux)/.git
# One kernel build at a time; targets run in the order their prerequisites name them.
.NOTPARALLEL:
.DEFAULT_GOAL := help
.PHONY: help deps tree export check kernel selftests bench-progs base-kernel run test demo \
	bench bisect cross rig-check clean

help: ## list the targets
	@sed -n 's/^\([a-z-]*\):.*## \(.*\)/  \1\t\2/p' $(MAKEFILE_LIST) | expand -t 16

# Run a stage and log its wall time; `make test` also collects the times and prints them at the end.
ifneq ($(filter test,$(MAKECMDGOALS)),)
export STAGE_TIMES := build/stage-times.$(shell date +%s%N)
endif
stage = @scripts/stage.sh $(1) $(2)

deps: ## install the host packages the rig needs (apt-get; idempotent)
	@scripts/deps.sh

$(TREE):
	$(call stage,tree,scripts/series/make-tree.sh)

tree: ## make kernel/linux anew from the base of kernel/pin.conf and patches/ (refuses to drop unexported work)
	$(call stage,tree,scripts/series/make-tree.sh)

export: ## write base..HEAD of kernel/linux into patches/ (cover letter from kernel/cover-letter)
	@scripts/series/export.sh

check: | $(TREE) ## patches/ = the tree, applies with git am, checkpatch --strict clean
	$(call stage,check,scripts/series/check.sh)

kernel: | $(TREE) ## build the kernel (DEBUG=1: the debug kernel) into build/kbuild-*
	$(call stage,kernel,scripts/build/kernel.sh)

selftests: | $(TREE) ## build the KVM selftests into build/selftests
	$(call stage,selftests,scripts/build/selftests.sh)

bench-progs: selftests ## build the benchmark programs of bench/ into build/bench
	@scripts/build/bench.sh

base-kernel: | $(TREE) ## build the unpatched base kernel into build/base (for BENCH_BASE=1)
	@scripts/build/base-kernel.sh

run: kernel selftests bench-progs ## boot the kernel, run the regression and planes groups (TESTS="a b": those)
	$(call stage,run,scripts/testbed/run.sh $(TESTS))

test: deps check run ## the CI gate: check, build, run; prints the stage times
	@echo "stage times:"; cat $(STAGE_TIMES); rm -f $(STAGE_TIMES)

demo: kernel selftests bench-progs ## a VSM timeline of plane switches, then the switch benchmark
	@scripts/testbed/run.sh --icount --echo --group demo

bench: kernel bench-progs $(if $(filter 1,$(BENCH_BASE)),base-kernel) ## benchmark tables (icount and wall); BENCH_BASE=1 adds the base
	@scripts/testbed/bench.sh

bisect: | $(TREE) ## build and test after each patch; name the first one that breaks
	@scripts/series/bisect.sh

cross: | $(TREE) ## build arm64/powerpc/s390/riscv KVM at the patches that touch them
	@scripts/series/cross.sh

rig-check: ## test the rig without QEMU: recorded consoles, unit tests, shellcheck
	@scripts/rig-check.sh

clean: ## remove build/ (the kernel work tree and the caches stay)
	rm -rf build
