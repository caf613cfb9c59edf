"""Unit tests of scripts/testbed/qemu.py: the command line of the test bed, part by part."""
import qemu

TAIL = ["-cpu", "EPYC,+svm,+npt", "-smp", "2", "-m", "2G", "-nographic", "-no-reboot",
        "-nodefaults", "-serial", "stdio", "-kernel", "bzImage", "-initrd", "initrd.cpio",
        "-append"]
APPEND = ("console=ttyS0 earlyprintk=serial,ttyS0 panic=-1 oops=panic printk.time=1 "
          "loglevel=7 kvm_amd.nested=1 rdinit=/init")


def test_plain(monkeypatch):
    monkeypatch.delenv("RIG_APPEND", raising=False)
    assert qemu.command("bzImage", "initrd.cpio") == [
        "qemu-system-x86_64", "-accel", "tcg", *TAIL,
        "tsc=nowatchdog kvm.tsc_tolerance_ppm=5000 " + APPEND]


def test_icount_drops_clock_parameters(monkeypatch):
    monkeypatch.setenv("RIG_APPEND", "foo=1")
    assert qemu.command("bzImage", "initrd.cpio", icount=True) == [
        "qemu-system-x86_64", "-accel", "tcg,thread=single", "-icount", "shift=0,sleep=off",
        *TAIL, APPEND]


def test_rig_append_replaces_clock_parameters(monkeypatch):
    monkeypatch.setenv("RIG_APPEND", "tsc=reliable")
    assert qemu.command("bzImage", "initrd.cpio")[-1] == "tsc=reliable " + APPEND
    monkeypatch.setenv("RIG_APPEND", "")
    assert qemu.command("bzImage", "initrd.cpio")[-1] == APPEND


def test_memory_and_explicit_extra(monkeypatch):
    monkeypatch.setenv("RIG_APPEND", "foo=1")
    cmd = qemu.command("bzImage", "initrd.cpio", memory="4G", icount=True, append_extra="bar=2")
    assert cmd[cmd.index("-m") + 1] == "4G"
    assert cmd[-1] == "bar=2 " + APPEND
