"""Replay the recorded consoles of consoles/ through Console and compare with NAME.expected
(format: consoles/README)."""
import pathlib

import pytest

from console import Booted, Console, Done, Ended, Output, Started

CONSOLES = pathlib.Path(__file__).parent / "consoles"
LOGS = sorted(CONSOLES.glob("*.log"))


def read_expected(path):
    """Return ([[verdict, name, detail, [bench texts]], ...], [error texts], ok)."""
    tests, errors, ok = [], [], None
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word in ("PASS", "FAIL", "SKIP"):
            name, _, detail = rest.partition(" ")
            tests.append([word, name, detail, []])
        elif word == "BENCH":
            tests[-1][3].append(rest)
        elif word == "error:":
            errors.append(rest)
        elif word == "ok:" and rest in ("true", "false"):
            ok = rest == "true"
        else:
            raise ValueError("%s: cannot read %r" % (path.name, line))
    assert ok is not None, "%s: no 'ok:' line" % path.name
    return tests, errors, ok


def replay(path):
    con = Console(clock=lambda: 0.0)
    for line in path.read_text().splitlines():
        con.feed(line)
    return con.finish()


def test_every_kind_recorded():
    names = {p.stem for p in LOGS}
    assert {"pass", "fail", "skip", "timeout", "hung", "warning", "page_fault", "kasan",
            "lockdep", "panic", "noboot", "outside", "bench", "unstamped_warning"} <= names


@pytest.mark.parametrize("log", LOGS, ids=[p.stem for p in LOGS])
def test_console(log):
    tests, errors, ok = read_expected(log.with_suffix(".expected"))
    summary = replay(log)
    got = [(r.verdict, r.name) for r in summary.results]
    assert got == [(verdict, name) for verdict, name, _, _ in tests]
    for result, (_, _, detail, bench) in zip(summary.results, tests):
        assert detail in result.detail
        assert (result.detail == "") == (result.verdict != "FAIL")
        assert [b["text"] for b in result.bench] == bench
        assert all(b["test"] == result.name for b in result.bench)
    assert len(summary.errors) == len(errors), summary.errors
    for error, expected in zip(summary.errors, errors):
        assert expected in error
    assert summary.ok is ok


def test_events_and_timing():
    now = [100.0]
    con = Console(clock=lambda: now[0])
    assert con.feed("@@RIG@@ BOOTED 7.3.4") == [Booted("7.3.4")]
    assert con.feed("@@RIG@@ START x86/foo 30") == [Started("x86/foo", 30)]
    for i in range(50):
        assert con.feed("line %d" % i) == [Output("line %d" % i)]
    now[0] = 107.5
    [event] = con.feed("@@RIG@@ END x86/foo 0")
    assert isinstance(event, Ended)
    assert (event.result.verdict, event.result.seconds) == ("PASS", 7.5)
    assert event.result.tail == ["line %d" % i for i in range(10, 50)]
    assert con.feed("@@RIG@@ DONE") == [Done()]
    assert con.finish().counts == {"passed": 1, "failed": 0, "skipped": 0}


def test_stray_marks_are_output():
    con = Console(clock=lambda: 0.0)
    con.feed("@@RIG@@ BOOTED 7.3.4")
    con.feed("@@RIG@@ START x86/foo 30")
    assert con.feed("@@RIG@@ END x86/bar 0") == [Output("@@RIG@@ END x86/bar 0")]
    assert con.feed("@@RIG@@ START") == [Output("@@RIG@@ START")]
    assert con.test.name == "x86/foo"


def test_hung_test_takes_the_reason():
    con = Console(clock=lambda: 0.0)
    con.feed("@@RIG@@ BOOTED 7.3.4")
    con.feed("@@RIG@@ START x86/foo 30")
    summary = con.finish("no progress in test x86/foo after 150s")
    assert summary.results[0].detail == "no progress in test x86/foo after 150s"
    assert summary.errors == [] and not summary.ok


def test_run_not_finished():
    con = Console(clock=lambda: 0.0)
    con.feed("@@RIG@@ BOOTED 7.3.4")
    summary = con.finish("guest made no progress (boot or shutdown)")
    assert summary.errors == ["the guest did not finish the run "
                              "(guest made no progress (boot or shutdown))"]


def test_expected_test_without_result():
    con = Console(clock=lambda: 0.0)
    for line in ("@@RIG@@ BOOTED 7.3.4", "@@RIG@@ START x86/foo 30", "@@RIG@@ END x86/foo 0",
                 "@@RIG@@ DONE"):
        con.feed(line)
    summary = con.finish(expected=["x86/foo", "x86/bar"])
    assert summary.errors == ["test x86/bar did not run"] and not summary.ok
