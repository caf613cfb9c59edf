# Builds the benchmark programs in bench/ against the KVM selftest library of the work tree.
# Used as: make -C <tree>/tools/testing/selftests/kvm -f <this file> BENCH_DIR=... OUTPUT=...
include Makefile

BENCH_SRCS := $(wildcard $(BENCH_DIR)/x86/*.c)
BENCH_PROGS := $(patsubst $(BENCH_DIR)/%.c,$(BENCH_OUT)/%,$(BENCH_SRCS))

bench: $(BENCH_PROGS)

$(BENCH_OUT)/%: $(BENCH_DIR)/%.c $(LIBKVM_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH) $< $(LIBKVM_OBJS) $(LDLIBS) -o $@
