// SPDX-License-Identifier: GPL-2.0-only
/*
 * A short Hyper-V VSM demonstration on planes: VTL0, VTL1 and VTL2 are planes
 * 0-2 of one vCPU (ascending order, marker at VTL2), each with a VP assist
 * page.  VTL0 works; the host sends interrupts aimed at VTL1, at VTL2, and
 * at both; then VTL0 calls VTL1, which calls VTL2.  Every VTL logs what it
 * does and the entry reason KVM writes into its VP assist page; the host
 * prints the log as a timeline of plane switches.  No switch leaves KVM_RUN.
 */
#include <stdio.h>

#include "apic.h"
#include "hyperv.h"
#include "kvm_util.h"
#include "processor.h"
#include "ucall_common.h"

#define NR_VTLS		3
#define VEC(vtl)	(0x40 + 0x10 * (vtl))

enum { EV_WORK, EV_IRQ, EV_ENTER, EV_CALL, EV_BACK, EV_RETURN };

struct ev {
	u8 vtl;
	u8 what;
	u16 arg;
};

static struct ev evs[64];
static u32 nr_evs;
static struct hv_vp_assist_page *assist[NR_VTLS];

static u32 this_vtl(void)
{
	u32 aux;

	asm volatile("rdtscp" : "=c"(aux) : : "rax", "rdx");
	return aux;
}

static void log_ev(u8 what, u16 arg)
{
	GUEST_ASSERT(nr_evs < ARRAY_SIZE(evs));
	evs[nr_evs] = (struct ev){ .vtl = this_vtl(), .what = what, .arg = arg };
	WRITE_ONCE(nr_evs, nr_evs + 1);
}

static void vtl_hcall(u64 code)
{
	u64 control = 0;

	asm volatile("vmcall" : "+a"(control), "+c"(code) : : "memory");
}

static void irq_handler(struct ex_regs *regs)
{
	log_ev(EV_IRQ, regs->vector);
	x2apic_write_reg(APIC_EOI, 0);
}

/* VTL1 and VTL2: log the entry reason, call up on a call into VTL1, return. */
static void vtl_service(void)
{
	u32 vtl = this_vtl();
	u32 reason;

	for (;;) {
		reason = READ_ONCE(assist[vtl]->vtl_entry_reason);
		log_ev(EV_ENTER, reason);
		if (vtl == 1 && reason == 1) {
			log_ev(EV_CALL, 0);
			vtl_hcall(HVCALL_VTL_CALL);
			log_ev(EV_BACK, 0);
		}
		log_ev(EV_RETURN, 0);
		vtl_hcall(HVCALL_VTL_RETURN);
	}
}

static void vtl0_code(void)
{
	int step;

	sti();
	for (step = 1; step <= 3; step++) {
		log_ev(EV_WORK, step);
		GUEST_SYNC(step);
	}
	log_ev(EV_CALL, 0);
	vtl_hcall(HVCALL_VTL_CALL);
	log_ev(EV_BACK, 0);
	GUEST_DONE();
}

static const char * const reasons[] = { "reserved", "VTL call", "interrupt" };

/* Print the log from entry *@from on; a change of VTL is a switch. */
static void print_timeline(struct kvm_vm *vm, u32 *from, u8 *cur)
{
	struct ev *e;

	sync_global_from_guest(vm, nr_evs);
	sync_global_from_guest(vm, evs);
	for (; *from < nr_evs; (*from)++) {
		e = &evs[*from];
		if (e->vtl > *cur)
			printf("        --- switch VTL%u -> VTL%u (VTL%u suspended)\n",
			       *cur, e->vtl, *cur);
		else if (e->vtl < *cur && e->what == EV_IRQ)
			printf("        --- VTL%u returns; before the VTL it returns to runs, VTL%u's pending interrupt takes over\n",
			       *cur, e->vtl);
		else if (e->vtl < *cur)
			printf("        --- switch VTL%u -> VTL%u (return)\n", *cur, e->vtl);
		*cur = e->vtl;
		printf("  %3u   VTL%u  ", *from, e->vtl);
		switch (e->what) {
		case EV_WORK:
			printf("works (step %u)\n", e->arg);
			break;
		case EV_IRQ:
			printf("takes interrupt 0x%x\n", e->arg);
			break;
		case EV_ENTER:
			printf("entered, EntryReason %u (%s)\n", e->arg,
			       e->arg < ARRAY_SIZE(reasons) ? reasons[e->arg] : "?");
			break;
		case EV_CALL:
			printf("HvCallVtlCall\n");
			break;
		case EV_BACK:
			printf("back from the call\n");
			break;
		case EV_RETURN:
			printf("HvCallVtlReturn\n");
			break;
		}
	}
}

static void send_msi(struct kvm_vm *vm, struct kvm_plane **plane, int vtl)
{
	struct kvm_msi msi = { .address_lo = 0xfee00000, .data = VEC(vtl) };

	printf("[host] KVM_SIGNAL_MSI on the VTL%d plane fd: vector 0x%x\n", vtl, VEC(vtl));
	TEST_ASSERT_EQ(__plane_ioctl(plane[vtl], KVM_SIGNAL_MSI, &msi), 1);
}

int main(void)
{
	struct kvm_enable_cap cap = {
		.cap = KVM_CAP_PLANE_SCHED,
		.args = { KVM_PLANE_SCHED_ASCENDING, NR_VTLS - 1 },
	};
	struct kvm_plane *plane[NR_VTLS] = {};
	struct kvm_vcpu *vtl[NR_VTLS];
	struct kvm_vm *vm;
	struct ucall uc;
	u32 from = 0;
	u8 cur = 0;
	gva_t page;
	int i, step;

	TEST_REQUIRE(kvm_check_cap(KVM_CAP_PLANE_SCHED) & KVM_PLANE_SCHED_ASCENDING);
	TEST_REQUIRE(kvm_has_cap(KVM_CAP_SPLIT_IRQCHIP));
	TEST_REQUIRE(kvm_cpu_has(X86_FEATURE_RDTSCP));

	vm = vm_create_shape_with_one_vcpu(VM_SHAPE_SPLIT_IRQCHIP, &vtl[0], vtl0_code);
	vcpu_set_hv_cpuid(vtl[0]);
	vcpu_set_msr(vtl[0], HV_X64_MSR_GUEST_OS_ID, HYPERV_LINUX_OS_ID);
	vm_ioctl(vm, KVM_ENABLE_CAP, &cap);
	for (i = 1; i < NR_VTLS; i++) {
		plane[i] = vm_create_plane(vm, i);
		vtl[i] = vm_plane_vcpu_add_code(plane[i], vtl[0], vtl_service);
		vtl[i]->stats.fd = vcpu_get_stats_fd(vtl[i]);
	}
	for (i = 0; i < NR_VTLS; i++) {
		page = vm_alloc_page(vm);
		assist[i] = (void *)page;
		vcpu_set_msr(vtl[i], HV_X64_MSR_VP_ASSIST_PAGE,
			     addr_gva2gpa(vm, page) | HV_X64_MSR_VP_ASSIST_PAGE_ENABLE);
		vcpu_set_msr(vtl[i], MSR_IA32_APICBASE,
			     vcpu_get_msr(vtl[i], MSR_IA32_APICBASE) | MSR_IA32_APICBASE_EXTD);
		vcpu_set_msr(vtl[i], APIC_BASE_MSR + (APIC_SPIV >> 4),
			     APIC_SPIV_APIC_ENABLED | 0xff);
		vcpu_set_msr(vtl[i], MSR_TSC_AUX, i);
		vm_install_exception_handler(vm, VEC(i), irq_handler);
	}
	sync_global_to_guest(vm, assist);

	printf("VSM demo: VTL0-VTL2 are planes 0-2 of vCPU 0 (ascending order, top marker VTL2)\n");
	for (step = 1; ; step++) {
		vcpu_run(vtl[0]);
		TEST_ASSERT_KVM_EXIT_REASON(vtl[0], KVM_EXIT_IO);
		print_timeline(vm, &from, &cur);
		switch (get_ucall(vtl[0], &uc)) {
		case UCALL_ABORT:
			REPORT_GUEST_ASSERT(uc);
		case UCALL_DONE:
			printf("[host] done: %lu switches into VTL1, %lu into VTL2, none out of KVM_RUN\n",
			       vcpu_get_stat(vtl[1], plane_switches),
			       vcpu_get_stat(vtl[2], plane_switches));
			kvm_vm_free(vm);
			return 0;
		case UCALL_SYNC:
			break;
		default:
			TEST_FAIL("Unexpected ucall %lu", uc.cmd);
		}
		printf("[host] KVM_RUN exited on VTL%u (GUEST_SYNC %lu)\n",
		       vtl[0]->run->plane, uc.args[1]);
		if (step == 1 || step == 3)
			send_msi(vm, plane, 1);
		if (step == 2 || step == 3)
			send_msi(vm, plane, 2);
		printf("[host] KVM_RUN\n");
	}
}
