# KVM planes: rig entry points.  See README.md.
SHELL := /bin/bash
S := scripts

.PHONY: help deps fetch tree export check kernel selftests bench-progs run test demo bench bisect cross clean

help:
	@sed -n 's/^## //p' README.md 2>/dev/null | head -n 30 || true
	@echo "targets: test demo bench check bisect cross tree export kernel selftests run deps clean"

## deps: install the host packages the rig needs (apt-get, idempotent)
deps:
	@$(S)/deps.sh

## tree: kernel/linux = pinned base + patches/ (refuses to drop unexported work)
tree:
	@$(S)/make-tree.sh

## export: write base..HEAD of kernel/linux into patches/
export:
	@$(S)/export.sh

## check: the series applies on the base with git am, checkpatch --strict is clean
check:
	@$(S)/check.sh

kernel:
	@$(S)/build-kernel.sh

selftests:
	@$(S)/build-selftests.sh

bench-progs:
	@$(S)/build-bench.sh

## run: boot the built kernel and run the test lists (TESTS="a b" to choose)
run:
	@$(S)/run-tests.sh $(TESTS)

## test: deps + fresh tree + check + build + run regression and planes tests
test:
	@$(S)/test.sh

## demo: build, boot and run the planes tests with their output
demo:
	@$(S)/demo.sh

## bench: benchmark tables in instruction-count mode and in plain TCG wall time
bench:
	@$(S)/bench.sh

## bisect: build the kernel after each patch and name the first one that breaks
bisect:
	@$(S)/bisect.sh

## cross: build the KVM code of arm64, powerpc, s390 and riscv at the patches that touch them
cross:
	@$(S)/cross.sh

clean:
	rm -rf build
