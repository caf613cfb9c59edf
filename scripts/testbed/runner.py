#!/usr/bin/env python3
"""Boot the test kernel in QEMU, follow the console, print one line per test and a closing
line, write console.log, results.json and results.tap into the output directory, and exit
non-zero unless every test passed or skipped and the run finished cleanly.

A guest that stops making progress is killed from here: before boot after --boot-timeout
seconds, in a test after its own limit plus --slack seconds, between tests after --slack
seconds, and 60 seconds after the guest's DONE mark.
"""
import argparse
import os
import select
import signal
import subprocess
import sys
import time

import console
import qemu
import results

DONE_GRACE = 60         # seconds from the guest's DONE mark to QEMU's exit
LOG = "console.log"


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--outdir", required=True,
                    help="directory for console.log, results.json and results.tap")
    ap.add_argument("--icount", action="store_true",
                    help="instruction-count mode: guest ns == executed instructions")
    ap.add_argument("--echo", action="store_true", help="echo all test output")
    ap.add_argument("--list", help="the guest's test list: a test of it without a result "
                                   "is a run error")
    ap.add_argument("--memory", default="2G")
    ap.add_argument("--boot-timeout", type=int, default=300)
    ap.add_argument("--slack", type=int, default=120,
                    help="seconds past a test's own timeout before the guest counts as hung")
    return ap.parse_args(argv)


def show(result, echo):
    """Print the verdict line of a test; for a failure, the tail of its output unless echoed."""
    print("%s %s" % (result.verdict, result.name)
          + ("  (%s)" % result.detail if result.detail else ""))
    if result.verdict == "FAIL" and not echo:
        for line in result.tail:
            print("    | " + line)
    sys.stdout.flush()


def next_deadline(event, now, slack):
    """Return the deadline an event sets, or None if it leaves the deadline alone."""
    match event:
        case console.Booted() | console.Ended():
            return now + slack
        case console.Started(limit=limit):
            return now + limit + slack
        case console.Done():
            return now + DONE_GRACE
    return None


def handle(event, echo):
    """Print what an event shows as it happens."""
    match event:
        case console.Ended(result=result):
            show(result, echo)
        case console.Output(line=line) if echo:
            print("    | " + line, flush=True)


def hung(con, now):
    """Return why the guest counts as hung."""
    if con.test:
        return "no progress in test %s after %ds" % (con.test.name, int(now - con.test.start))
    return "guest made no progress (boot or shutdown)"


def follow(proc, con, log, args):
    """Feed QEMU's output to the console and the log until QEMU exits or the guest hangs;
    return why the guest counts as hung, or None."""
    deadline = time.monotonic() + args.boot_timeout
    buf = b""
    while True:
        now = time.monotonic()
        if now > deadline:
            return hung(con, now)
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                return None
            continue
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            return None
        buf += chunk
        *lines, buf = buf.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").rstrip("\r")
            log.write(line + "\n")
            for event in con.feed(line):
                handle(event, args.echo)
                deadline = next_deadline(event, time.monotonic(), args.slack) or deadline
        log.flush()
        if con.done and proc.poll() is not None:
            return None


def run(cmd, con, log, args):
    """Run QEMU and follow it; kill it if it is still running; return why it hung, or None."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        return follow(proc, con, log, args)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)
    cmd = qemu.command(args.kernel, args.initrd, args.memory, args.icount)
    con = console.Console()
    log_path = os.path.join(args.outdir, LOG)
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("# " + " ".join(cmd) + "\n")
        why = run(cmd, con, log, args)
    ended = len(con.results)
    expected = []
    if args.list:
        with open(args.list, encoding="utf-8") as f:
            expected = [line.split()[0] for line in f if line.strip()]
    summary = con.finish(why, expected)
    for result in summary.results[ended:]:
        show(result, args.echo)
    for error in summary.errors:
        print("error: %s; see %s" % (error, log_path))
    print("%(passed)d passed, %(failed)d failed, %(skipped)d skipped" % summary.counts)
    results.write(summary, args.outdir)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
