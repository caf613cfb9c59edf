"""Follow the serial console of a test bed run and judge its tests.

The guest (guest/init) marks its progress with lines "@@RIG@@ BOOTED <release>",
"@@RIG@@ START <name> <limit>", "@@RIG@@ END <name> <rc>" and "@@RIG@@ DONE".  Console.feed()
takes the console one line at a time and returns events; Console.finish() closes the run and
returns its Summary.

A test fails when it exits with a code other than 0 (pass) or 4 (kselftest skip), when the
in-guest timeout kills it (rc 137), or when the kernel prints a report (WARNING, BUG, KASAN,
lockdep, Call Trace, panic, ...) while it runs.  Kernel lines carry a printk time stamp
"[    1.234567] " and test output does not, so only stamped lines count as reports.
"""
import collections
import dataclasses
import re
import time

MARK = "@@RIG@@ "
STAMP = r"^\[\s*\d+\.\d+\]\s"
REPORT = re.compile(STAMP + r".*(WARNING:|BUG:|KASAN|kernel BUG|Oops|general protection fault|"
                    r"possible circular locking|possible recursive locking|inconsistent lock state|"
                    r"suspicious RCU usage|unreferenced object|Call Trace|INFO: task .* blocked|"
                    r"Kernel panic|UBSAN:|refcount_t:|list_add corruption|list_del corruption)")
STAMPED = re.compile(STAMP)
# A benchmark record: test output with "BENCH " at the start of a word; the record is the rest.
BENCH = re.compile(r"\bBENCH (.*)")
TAIL = 40
RC_PASS, RC_SKIP, RC_KILLED = 0, 4, 137


@dataclasses.dataclass
class Result:
    """The outcome of one test: verdict PASS, FAIL or SKIP, with a detail for FAIL."""
    name: str
    verdict: str
    detail: str = ""
    seconds: float = 0.0
    tail: list[str] = dataclasses.field(default_factory=list)
    bench: list[dict] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Summary:
    """The outcome of a run: the test results and the run errors."""
    results: list[Result]
    errors: list[str]

    def count(self, verdict):
        return sum(1 for r in self.results if r.verdict == verdict)

    @property
    def counts(self):
        return {"passed": self.count("PASS"), "failed": self.count("FAIL"),
                "skipped": self.count("SKIP")}

    @property
    def ok(self):
        return not self.errors and not self.count("FAIL")


@dataclasses.dataclass
class Running:
    """The test between its START and END marks."""
    name: str
    limit: int
    start: float
    tail: collections.deque = dataclasses.field(
        default_factory=lambda: collections.deque(maxlen=TAIL))
    reports: list[str] = dataclasses.field(default_factory=list)
    bench: list[dict] = dataclasses.field(default_factory=list)

    def result(self, verdict, detail, now):
        return Result(self.name, verdict, detail, now - self.start, list(self.tail), self.bench)


# Events returned by Console.feed().
@dataclasses.dataclass
class Booted:
    release: str


@dataclasses.dataclass
class Started:
    name: str
    limit: int


@dataclasses.dataclass
class Output:
    """A console line while a test runs (test output or kernel message)."""
    line: str


@dataclasses.dataclass
class Ended:
    result: Result


@dataclasses.dataclass
class Done:
    pass


def verdict(rc, reports, limit):
    """Return (verdict, detail) of a test that ended with exit code rc."""
    if reports:
        return "FAIL", "kernel report: " + reports[0]
    if rc == RC_PASS:
        return "PASS", ""
    if rc == RC_SKIP:
        return "SKIP", ""
    if rc == RC_KILLED:
        return "FAIL", "killed after %ss (in-guest timeout)" % limit
    return "FAIL", "exit code %d" % rc


class Console:
    """The state of a run, fed one console line at a time."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.test = None            # the Running test, or None
        self.booted = self.done = False
        self.results = []
        self.outside = []           # kernel reports outside any test

    def feed(self, line):
        """Consume one console line (decoded, without the newline); return the events."""
        idx = line.find(MARK)
        if idx >= 0:
            event = self._mark(line[idx + len(MARK):].split())
            if event:
                return [event]
        return self._line(line)

    def _mark(self, words):
        """Apply a guest mark; return its event, or None for a malformed or stray mark."""
        match words:
            case ["BOOTED", *release]:
                self.booted = True
                return Booted(" ".join(release))
            case ["START", name, limit] if limit.isdigit():
                if self.test:
                    # The END mark of the running test was lost (garbled on the console).
                    self.results.append(self.test.result("FAIL", "no END mark", self.clock()))
                self.test = Running(name, int(limit), self.clock())
                return Started(name, int(limit))
            case ["END", name, rc] if rc.isdigit() and self.test and self.test.name == name:
                return Ended(self._end(int(rc)))
            case ["DONE"]:
                self.done = True
                return Done()
        return None

    def _end(self, rc):
        test, self.test = self.test, None
        result = test.result(*verdict(rc, test.reports, test.limit), self.clock())
        self.results.append(result)
        return result

    def _line(self, line):
        if REPORT.search(line):
            (self.test.reports if self.test else self.outside).append(line.strip())
        if not self.test:
            return []
        self.test.tail.append(line)
        bench = None if STAMPED.match(line) else BENCH.search(line)
        if bench:
            self.test.bench.append({"test": self.test.name, "text": bench.group(1)})
        return [Output(line)]

    def finish(self, why=None, expected=()):
        """Close the run: a test still running fails with why (default "guest stopped"); a run
        that did not boot or finish, a test of expected (the names the guest was given) that
        has no result, and kernel reports outside tests, are run errors."""
        errors = []
        if self.test:
            detail = why or "guest stopped"
            if self.test.reports:
                detail += "; kernel report: " + self.test.reports[0]
            self.results.append(self.test.result("FAIL", detail, self.clock()))
            self.test = None
        elif not self.booted:
            errors.append("the guest did not boot (%s)" % (why or "qemu exited"))
        elif not self.done:
            errors.append("the guest did not finish the run (%s)" % (why or "qemu exited"))
        if self.done:
            seen = {r.name for r in self.results}
            errors += ["test %s did not run" % n for n in expected if n not in seen]
        errors += ["kernel report outside any test: " + r for r in self.outside]
        return Summary(list(self.results), errors)
