#!/usr/bin/env python3
"""Read the test spec tests/tests.cfg and select the tests of a run.

The spec is an INI file.  Section [testbed] holds the defaults (timeout, debug_timeout_factor);
every other section is a test, named by its path below the selftests build directory, with the
keys groups (required), timeout, args, disabled and debug_disabled (the last two give a reason).
Comments start with "#" at the start of a line, or with " # " within one.

Run as a script, print the selected tests as the guest's list, one "NAME TIMEOUT ARGS" a line.
"""
import argparse
import configparser
import dataclasses
import os
import sys

GROUPS = ("regression", "planes", "bench", "demo")
TEST_KEYS = {"groups", "timeout", "args", "disabled", "debug_disabled"}
TESTBED = "testbed"
TESTBED_DEFAULTS = {"timeout": 120, "debug_timeout_factor": 1}


class SpecError(Exception):
    """The spec file is malformed."""


@dataclasses.dataclass(frozen=True)
class Entry:
    """One test of the spec; disabled and debug_disabled hold the reason, or None."""
    name: str
    timeout: int
    args: str = ""
    groups: tuple[str, ...] = ()
    disabled: str | None = None
    debug_disabled: str | None = None

    def line(self):
        """Return the entry as a line of the guest's test list."""
        return " ".join(filter(None, (self.name, str(self.timeout), self.args)))


@dataclasses.dataclass(frozen=True)
class Spec:
    """The parsed spec: defaults and the tests in file order."""
    timeout: int
    debug_timeout_factor: int
    tests: dict[str, Entry]

    def select(self, groups=(), names=(), debug=False, present=None):
        """Return the entries of a run: the named tests in the given order, else the enabled
        tests of the groups in file order; with present, only those with a binary in one of
        those directories.  Timeouts are scaled in debug mode."""
        if names:
            chosen = [self.tests.get(n) or Entry(n, self.timeout) for n in names]
        else:
            chosen = [e for e in self.tests.values()
                      if set(e.groups) & set(groups)
                      and not e.disabled and not (debug and e.debug_disabled)]
        if present is not None:
            chosen = [e for e in chosen
                      if any(os.path.isfile(os.path.join(d, e.name)) for d in present)]
        factor = self.debug_timeout_factor if debug else 1
        return [dataclasses.replace(e, timeout=e.timeout * factor) for e in chosen]


def _positive_int(section, key, value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise SpecError("[%s]: %s must be a positive integer, not %r" % (section, key, value))
    return number


def _reason(section, key, value):
    # Join continuation lines, so a long reason may span several lines of the file.
    if value is None:
        return None
    if not value.strip():
        raise SpecError("[%s]: %s needs a reason" % (section, key))
    return " ".join(value.split())


def _check_keys(section, keys, allowed):
    unknown = sorted(set(keys) - set(allowed))
    if unknown:
        raise SpecError("[%s]: unknown key(s) %s" % (section, ", ".join(unknown)))


def _entry(name, sect, default_timeout):
    if len(name.split()) != 1:
        raise SpecError("[%s]: a test name has no blanks" % name)
    _check_keys(name, sect, TEST_KEYS)
    groups = tuple(sect.get("groups", "").split())
    if not groups:
        raise SpecError("[%s]: no groups (one or more of %s)" % (name, " ".join(GROUPS)))
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        raise SpecError("[%s]: unknown group(s) %s (known: %s)"
                        % (name, " ".join(unknown), " ".join(GROUPS)))
    timeout = default_timeout
    if "timeout" in sect:
        timeout = _positive_int(name, "timeout", sect["timeout"])
    return Entry(name=name, timeout=timeout, args=" ".join(sect.get("args", "").split()),
                 groups=groups, disabled=_reason(name, "disabled", sect.get("disabled")),
                 debug_disabled=_reason(name, "debug_disabled", sect.get("debug_disabled")))


def parse(text, source="<spec>"):
    """Parse the text of a spec file into a Spec; raise SpecError when it is malformed."""
    # Start inline comments at " # " only, so that a reason may name "#BP".
    cfg = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",),
                                    inline_comment_prefixes=("# ",))
    try:
        cfg.read_string(text, source)
    except configparser.Error as e:
        raise SpecError(str(e)) from None
    testbed = dict(cfg[TESTBED]) if cfg.has_section(TESTBED) else {}
    _check_keys(TESTBED, testbed, TESTBED_DEFAULTS)
    settings = {key: _positive_int(TESTBED, key, testbed[key]) if key in testbed else default
                for key, default in TESTBED_DEFAULTS.items()}
    tests = {name: _entry(name, cfg[name], settings["timeout"])
             for name in cfg.sections() if name != TESTBED}
    return Spec(tests=tests, **settings)


def load(path):
    """Read and parse the spec file at path."""
    with open(path, encoding="utf-8") as f:
        return parse(f.read(), path)


def _disabled(spec, debug):
    """Yield "NAME: REASON" for the tests a group run leaves out."""
    for e in spec.tests.values():
        reason = e.disabled or (debug and e.debug_disabled)
        if reason:
            yield "%s: %s" % (e.name, reason)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Print the tests of a run, one "
                                             "'NAME TIMEOUT ARGS' a line.")
    ap.add_argument("spec", metavar="SPECFILE")
    ap.add_argument("--group", action="append", default=[], choices=GROUPS,
                    help="select the tests of this group (repeatable)")
    ap.add_argument("--debug", action="store_true",
                    help="debug kernel: scale timeouts, leave out debug_disabled tests")
    ap.add_argument("--present", action="append", metavar="DIR",
                    help="leave out tests without a binary in DIR (repeatable)")
    ap.add_argument("--list-disabled", action="store_true",
                    help="print 'NAME: REASON' for each test a group run leaves out")
    ap.add_argument("--allow-empty", action="store_true",
                    help="an empty selection prints nothing instead of failing")
    ap.add_argument("--timeout-factor", action="store_true",
                    help="print the factor of the timeouts (debug_timeout_factor with --debug, "
                         "else 1)")
    ap.add_argument("names", nargs="*", metavar="NAME", help="run exactly these tests")
    args = ap.parse_intermixed_args(argv)
    try:
        spec = load(args.spec)
    except (OSError, SpecError) as e:
        sys.exit("spec.py: %s: %s" % (args.spec, e))
    if args.timeout_factor:
        lines = [str(spec.debug_timeout_factor if args.debug else 1)]
    elif args.list_disabled:
        lines = list(_disabled(spec, args.debug))
    else:
        lines = [e.line() for e in spec.select(args.group, args.names, args.debug, args.present)]
        if not lines and not args.allow_empty:
            sys.exit("spec.py: no tests selected from %s" % args.spec)
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
