// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cost of a plane switch inside KVM_RUN, read on the L1 clock like
 * hypercall_bench:
 *
 *  - Hyper-V hypercall: plane 0 issues a Hyper-V hypercall with an unknown
 *    call code, which KVM answers without leaving KVM_RUN: one exit;
 *  - VTL call + return: plane 0 issues HvCallVtlCall and plane 1 answers with
 *    HvCallVtlReturn: two exits of the same kind, and two plane switches.
 *
 * The ratio line says what a call and return cost in units of the two
 * exits they ride on; 1.00 would be a switch for free.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hyperv.h"
#include "kvm_util.h"
#include "processor.h"

#include "bench_util.h"

#define NR_CALLS	5000
#define NR_ROUNDS	5

/* A Hyper-V hypercall with call code @code and nothing else in RCX. */
static void hv_call(u64 code)
{
	u64 rax = 0;

	asm volatile("vmcall" : "+a"(rax), "+c"(code) : : "rdx", "r8", "memory");
}

static void plane0_code(void)
{
	int i;

	for (;;) {
		GUEST_SYNC(0);
		for (i = 0; i < NR_CALLS; i++)
			hv_call(0);
		GUEST_SYNC(1);
		for (i = 0; i < NR_CALLS; i++)
			hv_call(HVCALL_VTL_CALL);
		GUEST_SYNC(2);
	}
}

static void plane1_code(void)
{
	for (;;)
		hv_call(HVCALL_VTL_RETURN);
}

int main(void)
{
	uint64_t hc[NR_ROUNDS], sw[NR_ROUNDS], t0, t1, t2, hc_med, sw_med;
	struct kvm_enable_cap cap = {
		.cap = KVM_CAP_PLANE_SCHED,
		.args = { KVM_PLANE_SCHED_ASCENDING, 1 },
	};
	struct kvm_vcpu *vcpu;
	struct kvm_plane *plane;
	struct kvm_vm *vm;
	int r;

	TEST_REQUIRE(kvm_check_cap(KVM_CAP_PLANE_SCHED) & KVM_PLANE_SCHED_ASCENDING);

	vm = vm_create_shape_with_one_vcpu(VM_SHAPE_SPLIT_IRQCHIP, &vcpu, plane0_code);
	vcpu_set_hv_cpuid(vcpu);
	vcpu_set_msr(vcpu, HV_X64_MSR_GUEST_OS_ID, HYPERV_LINUX_OS_ID);
	vm_ioctl(vm, KVM_ENABLE_CAP, &cap);
	plane = vm_create_plane(vm, 1);
	vm_plane_vcpu_add_code(plane, vcpu, plane1_code);

	for (r = 0; r < NR_ROUNDS; r++) {
		run_to_sync(vcpu, 0);
		t0 = now_ns();
		run_to_sync(vcpu, 1);
		t1 = now_ns();
		run_to_sync(vcpu, 2);
		t2 = now_ns();
		/* Each interval also holds one ucall round trip; it is small. */
		hc[r] = (t1 - t0) / NR_CALLS;
		sw[r] = (t2 - t1) / NR_CALLS;
	}
	printf("BENCH plane_switch_bench: round trips, median of %d rounds (min..max)\n",
	       NR_ROUNDS);
	hc_med = bench_row("Hyper-V hypercall", NR_CALLS, hc, NR_ROUNDS);
	sw_med = bench_row("VTL call + VTL return", NR_CALLS, sw, NR_ROUNDS);
	printf("BENCH   %-44s %8.2f\n", "ratio call+return / two hypercalls",
	       (double)sw_med / (2 * hc_med));

	kvm_vm_free(vm);
	return 0;
}
