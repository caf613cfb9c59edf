"""Build the QEMU command line of the test bed: TCG with an emulated AMD CPU (SVM and NPT), the
serial console on stdout, the test kernel and initramfs.  No I/O: the runner starts QEMU."""
import os

QEMU = "qemu-system-x86_64"
# Accelerator per mode.  "icount" is instruction-count mode: the guest clock advances 1 ns per
# executed instruction, so guest-ns figures are instruction counts and repeat exactly.
ACCEL = {
    "plain": ["-accel", "tcg"],
    "icount": ["-accel", "tcg,thread=single", "-icount", "shift=0,sleep=off"],
}
# The emulated machine: an AMD CPU with nested SVM and nested paging, two vCPUs.
CPU = ["-cpu", "EPYC,+svm,+npt", "-smp", "2"]
# No display and no default devices; the serial console on stdio; QEMU exits when the guest
# reboots (panic=-1 below reboots at once on a panic).
CONSOLE = ["-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio"]
# Kernel parameters of every run: console, oops and panic handling, printk time stamps (the
# console parser counts only stamped lines as kernel reports), nested SVM, the initramfs init.
APPEND = ("console=ttyS0 earlyprintk=serial,ttyS0 panic=-1 oops=panic printk.time=1 "
          "loglevel=7 kvm_amd.nested=1 rdinit=/init")
# Extra kernel parameters in plain mode: a steady TSC for the L1 kernel under plain TCG (why:
# Documentation/testbed.md, "Clock").  The environment variable RIG_APPEND replaces them;
# instruction-count mode does not need them.
CLOCK_APPEND = "tsc=nowatchdog kvm.tsc_tolerance_ppm=5000"
RIG_APPEND = "RIG_APPEND"


def command(kernel, initrd, memory="2G", icount=False, append_extra=None):
    """Return the QEMU command as a list.  append_extra, when given, replaces the extra kernel
    parameters of the mode (RIG_APPEND or the clock parameters; none in icount mode)."""
    if append_extra is None:
        append_extra = "" if icount else os.environ.get(RIG_APPEND, CLOCK_APPEND)
    append = " ".join(filter(None, (append_extra.strip(), APPEND)))
    return [QEMU, *ACCEL["icount" if icount else "plain"], *CPU, "-m", memory, *CONSOLE,
            "-kernel", kernel, "-initrd", initrd, "-append", append]
