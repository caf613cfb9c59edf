// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entry/exit round-trip costs of the test bed, read on the L1 clock.
 *
 *  - in-kernel hypercall: the guest issues KVM_HC_VAPIC_POLL_IRQ, which KVM
 *    completes without leaving KVM_RUN;
 *  - ucall: the guest issues GUEST_SYNC, which exits to this program and is
 *    resumed with KVM_RUN.
 *
 * Under QEMU's instruction-count mode (-icount shift=0) one guest nanosecond
 * is one executed instruction, so the figures are instruction counts and
 * repeat exactly; under plain TCG they are emulated wall time.  The ratio
 * line is what to compare across kernels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kvm_util.h"
#include "processor.h"

#include "bench_util.h"

#define NR_HYPERCALLS	20000
#define NR_UCALLS	2000
#define NR_ROUNDS	5

static void guest_code(void)
{
	int i;

	for (;;) {
		GUEST_SYNC(0);
		for (i = 0; i < NR_HYPERCALLS; i++)
			kvm_hypercall(KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0);
		GUEST_SYNC(1);
		for (i = 0; i < NR_UCALLS; i++)
			GUEST_SYNC(2);
	}
}

int main(void)
{
	uint64_t hc[NR_ROUNDS], uc[NR_ROUNDS], t0, t1, t2, hc_med, uc_med;
	struct kvm_vcpu *vcpu;
	struct kvm_vm *vm;
	int r, i;

	vm = vm_create_with_one_vcpu(&vcpu, guest_code);

	for (r = 0; r < NR_ROUNDS; r++) {
		run_to_sync(vcpu, 0);
		t0 = now_ns();
		run_to_sync(vcpu, 1);
		t1 = now_ns();
		for (i = 0; i < NR_UCALLS; i++)
			run_to_sync(vcpu, 2);
		t2 = now_ns();
		uc[r] = (t2 - t1) / NR_UCALLS;
		/* t0..t1 holds the hypercalls plus one ucall round trip. */
		hc[r] = (t1 - t0 - uc[r]) / NR_HYPERCALLS;
	}
	printf("BENCH hypercall_bench: round trips, median of %d rounds (min..max)\n", NR_ROUNDS);
	hc_med = bench_row("in-kernel hypercall", NR_HYPERCALLS, hc, NR_ROUNDS);
	uc_med = bench_row("ucall via user space", NR_UCALLS, uc, NR_ROUNDS);
	printf("BENCH   %-44s %8.2f\n", "ratio ucall / in-kernel hypercall",
	       (double)uc_med / hc_med);

	kvm_vm_free(vm);
	return 0;
}
