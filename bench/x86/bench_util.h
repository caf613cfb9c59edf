/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers of the benchmark programs: the host clock, a run to the next
 * GUEST_SYNC of a given stage, and the BENCH rows of the results.
 */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kvm_util.h"
#include "ucall_common.h"

/*
 * The hypercall instruction of the host's vendor, the one that a Hyper-V
 * hypercall page holds: VMCALL on an AMD host takes a #UD that KVM emulates,
 * which would add the instruction emulator to every exit measured.  For basic
 * and extended asm alike; changes the flags.
 */
#define BENCH_HYPERCALL					\
	"cmpb $0, host_cpu_is_amd_compatible\n\t"	\
	"jne 9f\n\t"					\
	"vmcall\n\t"					\
	"jmp 8f\n"					\
	"9: vmmcall\n"					\
	"8:"

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static inline void run_to_sync(struct kvm_vcpu *vcpu, uint64_t stage)
{
	struct ucall uc;

	vcpu_run(vcpu);
	switch (get_ucall(vcpu, &uc)) {
	case UCALL_SYNC:
		TEST_ASSERT(uc.args[1] == stage, "expected stage %lu, got %lu",
			    stage, uc.args[1]);
		return;
	case UCALL_ABORT:
		REPORT_GUEST_ASSERT(uc);
	default:
		TEST_FAIL("unexpected exit %s", exit_reason_str(vcpu->run->exit_reason));
	}
}

static inline int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Sort the @n figures of one measurement and print its BENCH row: the
 * median, then the range.  Return the median.
 */
static inline uint64_t bench_row(const char *what, int count, uint64_t *v, int n)
{
	char label[48];

	qsort(v, n, sizeof(*v), cmp_u64);
	snprintf(label, sizeof(label), "%s (x %d)", what, count);
	printf("BENCH   %-44s %8lu  (%lu..%lu) guest-ns\n", label, v[n / 2], v[0], v[n - 1]);
	return v[n / 2];
}

#endif
