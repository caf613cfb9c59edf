// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cost of a plane switch, per round trip, in guest-ns of the L1 clock (in the
 * instruction-count mode of make bench: executed instructions).  Plane 0 is
 * VTL0, plane 1 VTL1 (ascending order); every configuration is a new VM:
 *
 *  (a) two Hyper-V hypercalls that KVM answers inside KVM_RUN (an unknown call
 *      code): the exits that a VTL call and a VTL return ride on;
 *  (b) HvCallVtlCall from VTL0 and HvCallVtlReturn from VTL1, switched inside
 *      KVM_RUN, without and with KVM_PLANE_SCHED_SHARED_REGS;
 *  (c) the same round trip done by the VMM: VTL0 and VTL1 each exit to user
 *      space (a port write), which completes the exit (KVM_RUN with
 *      immediate_exit), switches with KVM_SET_PLANE_STATE and enters again;
 *  (d) an interrupt for VTL1 sent with KVM_SIGNAL_MSI while VTL0 is out of
 *      KVM_RUN: KVM switches to VTL1, which takes it and returns with a
 *      non-fast return that gives VTL0 back its RAX and RCX; less the same
 *      exit and entry without the interrupt;
 *  (e) as (d), with VTL1 in kvm_run->req_exit_planes: KVM_EXIT_PLANE_EVENT,
 *      KVM_SET_PLANE_STATE to VTL1, which returns through the VMM as in (c).
 *
 * with 2 and 4 planes (the marker at the top one) and 1 and 4 vCPU ids (all
 * with every plane, vCPU 0 running).  VTL1 counts its entries, and each
 * measurement fails unless it saw exactly one per round trip.  Last come
 * the ratio of (b) with shared registers to (a), and of (c) to that (b).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "apic.h"
#include "hyperv.h"
#include "kvm_util.h"
#include "processor.h"

#include "bench_util.h"

#define NR_ROUNDS	3
#define VTL_PORT	0x2000
#define VEC1		0x51

enum { PH_PLAIN = 1, PH_CALL, PH_USER, PH_SYNC, PH_END };

/* What VTL1 does when entered, set by the host. */
enum { VTL1_RETURN, VTL1_VMM, VTL1_IRQ };
u8 vtl1_mode;
u64 vtl1_entries;
/* VTL1's VP assist page, and where it keeps VTL0's RAX and RCX. */
u64 vtl1_assist;
u64 vtl1_saved[2];
static u32 nr_trips;

/* A hypercall after which the other plane may have changed every GPR but RSP. */
static void hcall_all(u64 code, u64 control)
{
	asm volatile("push %%rbp\n\t" BENCH_HYPERCALL "\n\t pop %%rbp"
		     : "+a"(control), "+c"(code)
		     :
		     : "rbx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
		       "r13", "r14", "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
		       "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
		       "xmm12", "xmm13", "xmm14", "xmm15", "memory");
}

static void vtl_port_write(void)
{
	asm volatile("outb %%al, %%dx" : : "a"(0), "d"(VTL_PORT) : "memory");
}

static void vtl0_code(void)
{
	u32 i;

	for (;;) {
		GUEST_SYNC(PH_PLAIN);
		for (i = 0; i < nr_trips; i++) {
			hcall_all(0, 0);
			hcall_all(0, 0);
		}
		GUEST_SYNC(PH_CALL);
		for (i = 0; i < nr_trips; i++)
			hcall_all(HVCALL_VTL_CALL, 0);
		GUEST_SYNC(PH_USER);
		for (i = 0; i < nr_trips; i++)
			vtl_port_write();
		/* The host sends interrupts for VTL1 between these. */
		for (i = 0; i < 3 * nr_trips + 1; i++)
			GUEST_SYNC(PH_SYNC);
		GUEST_SYNC(PH_END);
	}
}

static void vtl1_irq(struct ex_regs *regs)
{
	x2apic_write_reg(APIC_EOI, 0);
}

/*
 * VTL1, in assembly so that it changes no register that it does not mean to:
 * VTL0 shares the GPRs with it under KVM_PLANE_SCHED_SHARED_REGS.  On every
 * entry it counts, then per vtl1_mode returns with a fast VTL return (after
 * a VTL call), writes to VTL_PORT for the VMM to switch, or, entered by an
 * interrupt at any point of VTL0, returns with VTL0's RAX and RCX through a
 * non-fast return, leaving all other GPRs as VTL0 had them.
 */
static __attribute__((naked)) void vtl1_code(void)
{
	asm("1:\n\t"
	    "incq vtl1_entries(%rip)\n\t"
	    "cmpb $1, vtl1_mode(%rip)\n\t je 2f\n\t"
	    "cmpb $2, vtl1_mode(%rip)\n\t je 3f\n\t"
	    "mov $1, %eax\n\t mov $0x12, %ecx\n\t" BENCH_HYPERCALL "\n\t jmp 1b\n"
	    "2:\n\t"
	    "mov $0x2000, %edx\n\t outb %al, %dx\n\t jmp 1b\n"
	    "3:\n\t"
	    "mov %rax, vtl1_saved(%rip)\n\t mov %rcx, vtl1_saved+8(%rip)\n\t"
	    "mov vtl1_assist(%rip), %rax\n\t"
	    "mov vtl1_saved(%rip), %rcx\n\t mov %rcx, 16(%rax)\n\t"
	    "mov vtl1_saved+8(%rip), %rcx\n\t mov %rcx, 24(%rax)\n\t"
	    "xor %eax, %eax\n\t mov $0x12, %ecx\n\t" BENCH_HYPERCALL "\n\t jmp 1b");
}

struct perf_vm {
	struct kvm_vm *vm;
	struct kvm_vcpu *vcpu;
	struct kvm_vcpu *vtl1;
	struct kvm_plane *plane1;
};

static void perf_vm_create(struct perf_vm *t, int nr_planes, int nr_vcpus, u64 flags)
{
	struct kvm_enable_cap cap = {
		.cap = KVM_CAP_PLANE_SCHED,
		.args = { KVM_PLANE_SCHED_ASCENDING | flags, nr_planes - 1 },
	};
	struct kvm_vcpu *vcpus[4];
	struct kvm_plane *plane;
	int p, id;

	t->vm = vm_create_shape_with_one_vcpu(VM_SHAPE_SPLIT_IRQCHIP, &t->vcpu, vtl0_code);
	vm_ioctl(t->vm, KVM_ENABLE_CAP, &cap);
	vcpu_set_msr(t->vcpu, HV_X64_MSR_GUEST_OS_ID, HYPERV_LINUX_OS_ID);
	for (id = 0; id < nr_vcpus; id++) {
		vcpus[id] = id ? vm_vcpu_add(t->vm, id, vtl0_code) : t->vcpu;
		vcpu_set_hv_cpuid(vcpus[id]);
	}
	for (p = 1; p < nr_planes; p++) {
		plane = vm_create_plane(t->vm, p);
		for (id = nr_vcpus - 1; id >= 0; id--)
			t->vtl1 = vm_plane_vcpu_add_code(plane, vcpus[id], vtl1_code);
		if (p == 1)
			t->plane1 = plane;
	}

	/* VTL1 of vCPU 0 takes VEC1 in its x2APIC and has a VP assist page. */
	t->vtl1 = vcpu_plane_vcpu(t->vcpu, 1);
	vtl1_assist = vm_alloc_page(t->vm);
	vcpu_set_msr(t->vtl1, HV_X64_MSR_VP_ASSIST_PAGE,
		     addr_gva2gpa(t->vm, vtl1_assist) | HV_X64_MSR_VP_ASSIST_PAGE_ENABLE);
	sync_global_to_guest(t->vm, vtl1_assist);
	vcpu_set_msr(t->vtl1, MSR_IA32_APICBASE,
		     vcpu_get_msr(t->vtl1, MSR_IA32_APICBASE) | MSR_IA32_APICBASE_EXTD);
	vcpu_set_msr(t->vtl1, APIC_BASE_MSR + (APIC_SPIV >> 4), APIC_SPIV_APIC_ENABLED | 0xff);
	vm_install_exception_handler(t->vm, VEC1, vtl1_irq);
	sync_global_to_guest(t->vm, nr_trips);
}

/* Run to the next exit, which must be @reason from @plane. */
static void run_to_exit(struct perf_vm *t, u32 reason, u32 plane)
{
	struct kvm_run *run = t->vcpu->run;

	vcpu_run(t->vcpu);
	TEST_ASSERT(run->exit_reason == reason && run->plane == plane &&
		    (reason != KVM_EXIT_IO || run->io.port == VTL_PORT),
		    "exit %s on plane %u, expected %s on plane %u",
		    exit_reason_str(run->exit_reason), run->plane,
		    exit_reason_str(reason), plane);
}

/* Complete the port write of the last exit, as a VMM does before a switch. */
static void complete_io(struct perf_vm *t)
{
	int r;

	t->vcpu->run->immediate_exit = 1;
	r = __vcpu_run(t->vcpu);
	TEST_ASSERT(r == -1 && errno == EINTR, "KVM_RUN with immediate_exit: %d (errno %d)",
		    r, errno);
	t->vcpu->run->immediate_exit = 0;
}

static void send_vec1(struct perf_vm *t)
{
	struct kvm_msi msi = { .address_lo = 0xfee00000, .data = VEC1 };

	TEST_ASSERT_EQ(__plane_ioctl(t->plane1, KVM_SIGNAL_MSI, &msi), 1);
}

/* The VMM's half of a switch to @plane: the other plane is suspended or not. */
static void vmm_switch(struct perf_vm *t, u16 plane)
{
	vcpu_plane_state_set(t->vcpu, plane, plane ? BIT(0) : 0);
}

/* VTL1's half of a round trip done by the VMM: its exit, then back to VTL0. */
static void vmm_return(struct perf_vm *t)
{
	run_to_exit(t, KVM_EXIT_IO, 1);
	complete_io(t);
	vmm_switch(t, 0);
}

static void vtl1_mode_set(struct perf_vm *t, u8 mode)
{
	vtl1_mode = mode;
	sync_global_to_guest(t->vm, vtl1_mode);
}

static u64 vtl1_entries_get(struct perf_vm *t)
{
	sync_global_from_guest(t->vm, vtl1_entries);
	return vtl1_entries;
}

/* Check that the measurement that began at @entries entered VTL1 @n times. */
static void check_entries(struct perf_vm *t, const char *what, u64 entries, u64 n)
{
	u64 now = vtl1_entries_get(t);

	TEST_ASSERT(now - entries == n, "%s: %lu switches into VTL1, expected %lu",
		    what, now - entries, n);
}

enum { M_PLAIN, M_CALL, M_VMM, M_IRQ, M_VMM_IRQ, NR_M };
static const char * const m_names[NR_M] = {
	"2 hypercalls", "VTL call+ret", "VMM switch", "irq switch", "VMM irq sw",
};

/* One round of every measurement, in guest-ns per round trip. */
static void measure(struct perf_vm *t, u64 *ns)
{
	u64 t0, t1, base, e;
	u32 i;

	run_to_sync(t->vcpu, PH_PLAIN);
	t0 = now_ns();
	run_to_sync(t->vcpu, PH_CALL);
	t1 = now_ns();
	ns[M_PLAIN] = (t1 - t0) / nr_trips;

	e = vtl1_entries_get(t);
	t0 = now_ns();
	run_to_sync(t->vcpu, PH_USER);
	t1 = now_ns();
	ns[M_CALL] = (t1 - t0) / nr_trips;
	check_entries(t, "VTL call", e, nr_trips);

	vtl1_mode_set(t, VTL1_VMM);
	e = vtl1_entries_get(t);
	t0 = now_ns();
	for (i = 0; i < nr_trips; i++) {
		run_to_exit(t, KVM_EXIT_IO, 0);
		complete_io(t);
		vmm_switch(t, 1);
		vmm_return(t);
	}
	run_to_sync(t->vcpu, PH_SYNC);
	t1 = now_ns();
	ns[M_VMM] = (t1 - t0) / nr_trips;
	check_entries(t, "VMM switch", e, nr_trips);

	/* The exit and entry that carry (d) and (e), without an interrupt. */
	t0 = now_ns();
	for (i = 0; i < nr_trips; i++)
		run_to_sync(t->vcpu, PH_SYNC);
	base = now_ns() - t0;

	vtl1_mode_set(t, VTL1_IRQ);
	e = vtl1_entries_get(t);
	t0 = now_ns();
	for (i = 0; i < nr_trips; i++) {
		send_vec1(t);
		run_to_sync(t->vcpu, PH_SYNC);
	}
	t1 = now_ns();
	ns[M_IRQ] = (t1 - t0 - base) / nr_trips;
	check_entries(t, "interrupt switch", e, nr_trips);

	vtl1_mode_set(t, VTL1_VMM);
	t->vcpu->run->req_exit_planes = BIT(1);
	e = vtl1_entries_get(t);
	t0 = now_ns();
	for (i = 0; i < nr_trips; i++) {
		send_vec1(t);
		run_to_exit(t, KVM_EXIT_PLANE_EVENT, 0);
		vmm_switch(t, 1);
		vmm_return(t);
		run_to_sync(t->vcpu, PH_SYNC);
	}
	t1 = now_ns();
	ns[M_VMM_IRQ] = (t1 - t0 - base) / nr_trips;
	check_entries(t, "VMM interrupt switch", e, nr_trips);
	t->vcpu->run->req_exit_planes = 0;
	vtl1_mode_set(t, VTL1_RETURN);
	run_to_sync(t->vcpu, PH_END);
}

/* Print the row of one configuration, medians of NR_ROUNDS rounds, into @med. */
static void run_config(int nr_planes, int nr_vcpus, u64 flags, u64 *med)
{
	u64 ns[NR_ROUNDS][NR_M], v[NR_ROUNDS];
	struct perf_vm t;
	char row[160];
	int r, m, len;

	perf_vm_create(&t, nr_planes, nr_vcpus, flags);
	for (r = 0; r < NR_ROUNDS; r++)
		measure(&t, ns[r]);

	len = snprintf(row, sizeof(row), "%6d %6d %7s", nr_planes, nr_vcpus,
		       flags ? "yes" : "no");
	for (m = 0; m < NR_M; m++) {
		for (r = 0; r < NR_ROUNDS; r++)
			v[r] = ns[r][m];
		qsort(v, NR_ROUNDS, sizeof(v[0]), cmp_u64);
		med[m] = v[NR_ROUNDS / 2];
		len += snprintf(row + len, sizeof(row) - len, " %13lu", med[m]);
	}
	printf("BENCH %s\n", row);
	kvm_vm_free(t.vm);
}

int main(int argc, char *argv[])
{
	static const int shapes[][2] = { { 2, 1 }, { 2, 4 }, { 4, 1 }, { 4, 4 } };
	u64 med[NR_M], shared[NR_M], unshared[NR_M];
	char head[160];
	int opt, s, m, len;

	nr_trips = 1000;
	while ((opt = getopt(argc, argv, "n:")) != -1) {
		switch (opt) {
		case 'n':
			nr_trips = atoi_positive("Round trips", optarg);
			break;
		default:
			printf("usage: %s [-n round trips per measurement]\n", argv[0]);
			exit(KSFT_FAIL);
		}
	}

	TEST_REQUIRE((kvm_check_cap(KVM_CAP_PLANE_SCHED) &
		      (KVM_PLANE_SCHED_ASCENDING | KVM_PLANE_SCHED_SHARED_REGS)) ==
		     (KVM_PLANE_SCHED_ASCENDING | KVM_PLANE_SCHED_SHARED_REGS));
	TEST_REQUIRE(kvm_has_cap(KVM_CAP_SPLIT_IRQCHIP));
	TEST_REQUIRE(kvm_check_cap(KVM_CAP_PLANES) && kvm_cpu_has(X86_FEATURE_X2APIC));

	printf("BENCH planes_switch_perf_test: guest-ns per round trip, median of %d rounds of %u\n",
	       NR_ROUNDS, nr_trips);
	len = snprintf(head, sizeof(head), "%6s %6s %7s", "planes", "vCPUs", "shared");
	for (m = 0; m < NR_M; m++)
		len += snprintf(head + len, sizeof(head) - len, " %13s", m_names[m]);
	printf("BENCH %s\n", head);

	for (s = 0; s < ARRAY_SIZE(shapes); s++) {
		run_config(shapes[s][0], shapes[s][1], 0, med);
		if (!s)
			memcpy(unshared, med, sizeof(med));
		run_config(shapes[s][0], shapes[s][1], KVM_PLANE_SCHED_SHARED_REGS, med);
		if (!s)
			memcpy(shared, med, sizeof(med));
	}

	printf("BENCH FPU save and restore per round trip (no shared registers - shared): %ld\n",
	       (long)(unshared[M_CALL] - shared[M_CALL]));
	printf("BENCH ratio inkernel_switch/plain_hypercalls = %.2f\n",
	       (double)shared[M_CALL] / shared[M_PLAIN]);
	printf("BENCH ratio userspace_switch/inkernel_switch = %.2f\n",
	       (double)shared[M_VMM] / shared[M_CALL]);
	return 0;
}
