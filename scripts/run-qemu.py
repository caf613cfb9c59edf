#!/usr/bin/env python3
"""Boot the test kernel in QEMU (TCG, emulated AMD CPU with SVM and NPT), follow the console,
print one line per test and a closing line, and exit non-zero on any failure.

A test fails when it exits with a code other than 0 (pass) or 4 (kselftest skip), when it is
killed by the in-guest timeout, or when the kernel prints a WARNING, BUG, KASAN, lockdep or
Call Trace report while it runs.  A guest that stops making progress is killed from here.
"""
import argparse
import os
import re
import select
import signal
import subprocess
import sys
import time

MARK = "@@RIG@@ "
# Kernel reports.  Console lines from printk carry a "[    1.234567] " time stamp, which test
# output does not, so only stamped lines count.
STAMP = r"^\[\s*\d+\.\d+\]\s"
REPORT = re.compile(STAMP + r".*(WARNING:|BUG:|KASAN|kernel BUG|Oops|general protection fault|"
                    r"possible circular locking|possible recursive locking|inconsistent lock state|"
                    r"suspicious RCU usage|unreferenced object|Call Trace|INFO: task .* blocked|"
                    r"Kernel panic|UBSAN:|refcount_t:|list_add corruption|list_del corruption)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--log", required=True, help="full console log")
    ap.add_argument("--icount", action="store_true",
                    help="instruction-count mode: guest ns == executed instructions")
    ap.add_argument("--boot-timeout", type=int, default=300)
    ap.add_argument("--slack", type=int, default=120,
                    help="seconds past a test's own timeout before the guest counts as hung")
    ap.add_argument("--quiet-pass", action="store_true", help="do not echo test output")
    ap.add_argument("--echo", action="store_true", help="echo all test output")
    ap.add_argument("--memory", default="2G")
    args = ap.parse_args()

    accel = ["-accel", "tcg"]
    # A steady TSC for the L1 kernel under plain TCG (why: Documentation/testbed.md, "Clock");
    # not needed in instruction-count mode.  RIG_APPEND replaces these parameters.
    extra = os.environ.get("RIG_APPEND", "tsc=nowatchdog kvm.tsc_tolerance_ppm=5000") + " "
    if args.icount:
        accel = ["-accel", "tcg,thread=single", "-icount", "shift=0,sleep=off"]
        extra = ""
    cmd = ["qemu-system-x86_64", *accel, "-cpu", "EPYC,+svm,+npt", "-smp", "2",
           "-m", args.memory, "-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio",
           "-kernel", args.kernel, "-initrd", args.initrd,
           "-append", extra + "console=ttyS0 earlyprintk=serial,ttyS0 panic=-1 oops=panic "
                      "printk.time=1 loglevel=7 kvm_amd.nested=1 rdinit=/init"]
    log = open(args.log, "w")
    log.write("# " + " ".join(cmd) + "\n")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    results = []            # (name, verdict, detail)
    current = None          # name of the running test
    cur_limit = 0
    cur_start = 0.0
    cur_out = []
    cur_reports = []
    outside_reports = []
    booted = done = False
    deadline = time.monotonic() + args.boot_timeout
    hung = None
    buf = b""

    def finish(name, rc):
        nonlocal current
        if cur_reports:
            verdict, detail = "FAIL", "kernel report: " + cur_reports[0]
        elif rc == 0:
            verdict, detail = "PASS", ""
        elif rc == 4:
            verdict, detail = "SKIP", ""
        elif rc == 137:
            verdict, detail = "FAIL", "killed after %ss (in-guest timeout)" % cur_limit
        else:
            verdict, detail = "FAIL", "exit code %d" % rc
        secs = time.monotonic() - cur_start
        print("%s %s" % (verdict, name) + ("  (%s)" % detail if detail else ""), flush=True)
        if verdict == "FAIL" and not args.echo:
            tail = cur_out[-40:]
            for line in tail:
                print("    | " + line, flush=True)
        results.append((name, verdict, detail, secs))
        current = None

    while True:
        now = time.monotonic()
        if now > deadline:
            hung = ("no progress in test %s after %ds" % (current, int(now - cur_start))
                    if current else "guest made no progress (boot or shutdown)")
            break
        r, _, _ = select.select([proc.stdout], [], [], 1.0)
        if not r:
            if proc.poll() is not None:
                break
            continue
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            break
        buf += chunk
        *lines, buf = buf.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").rstrip("\r")
            log.write(line + "\n")
            idx = line.find(MARK)
            if idx >= 0:
                words = line[idx + len(MARK):].split()
                if words[0] == "BOOTED":
                    booted = True
                    deadline = time.monotonic() + args.slack
                elif words[0] == "START":
                    current, cur_limit = words[1], int(words[2])
                    cur_start = time.monotonic()
                    cur_out, cur_reports = [], []
                    deadline = cur_start + cur_limit + args.slack
                elif words[0] == "END" and current == words[1]:
                    finish(words[1], int(words[2]))
                    deadline = time.monotonic() + args.slack
                elif words[0] == "DONE":
                    done = True
                    deadline = time.monotonic() + 60
                continue
            if REPORT.search(line):
                if current:
                    cur_reports.append(line.strip())
                else:
                    outside_reports.append(line.strip())
            if current:
                cur_out.append(line)
                if args.echo:
                    print("    | " + line, flush=True)
        log.flush()
        if done and proc.poll() is not None:
            break

    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    log.close()

    failed = False
    if current:
        # The guest died or hung inside a test.
        why = hung or "guest stopped"
        print("FAIL %s  (%s)" % (current, why), flush=True)
        for line in (cur_reports + cur_out)[-40:]:
            print("    | " + line, flush=True)
        results.append((current, "FAIL", why, 0))
    elif not booted:
        print("error: the guest did not boot (%s); see %s" % (hung or "qemu exited", args.log))
        failed = True
    elif not done:
        print("error: the guest did not finish the run (%s); see %s" % (hung or "qemu exited",
                                                                         args.log))
        failed = True
    for rep in outside_reports:
        print("error: kernel report outside any test: " + rep)
        failed = True

    npass = sum(1 for r in results if r[1] == "PASS")
    nfail = sum(1 for r in results if r[1] == "FAIL")
    nskip = sum(1 for r in results if r[1] == "SKIP")
    print("%d passed, %d failed, %d skipped" % (npass, nfail, nskip), flush=True)
    sys.exit(1 if (failed or nfail) else 0)


if __name__ == "__main__":
    main()
