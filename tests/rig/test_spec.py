"""Unit tests of scripts/testbed/spec.py."""
import re

import pytest

import spec

SPEC = """
[testbed]
timeout = 100               # default per-test timeout
debug_timeout_factor = 3

[a_test]
groups = regression
[x86/b_test]
groups = regression planes
timeout = 300
args = -t 120   # inline comment
[c_test]
groups = planes
disabled = fails under TCG:
    unhandled #BP
[d_test]
groups = planes
debug_disabled = too slow with KASAN
[x86/e_bench]
groups = bench
"""


@pytest.fixture
def cfg():
    return spec.parse(SPEC)


def names(entries):
    return [e.name for e in entries]


def test_groups_in_file_order(cfg):
    assert names(cfg.select(groups=["planes", "regression"])) == ["a_test", "x86/b_test", "d_test"]
    assert names(cfg.select(groups=["bench"])) == ["x86/e_bench"]
    assert cfg.select() == []


def test_entry_values(cfg):
    a, b = cfg.select(groups=["regression"])
    assert (a.timeout, a.args, a.groups) == (100, "", ("regression",))
    assert (b.timeout, b.args, b.groups) == (300, "-t 120", ("regression", "planes"))
    assert [a.line(), b.line()] == ["a_test 100", "x86/b_test 300 -t 120"]


def test_disabled_reason_joins_lines(cfg):
    assert cfg.tests["c_test"].disabled == "fails under TCG: unhandled #BP"


def test_debug_leaves_out_and_scales(cfg):
    got = cfg.select(groups=["planes"], debug=True)
    assert [(e.name, e.timeout) for e in got] == [("x86/b_test", 900)]


def test_names_in_given_order_even_disabled(cfg):
    got = cfg.select(groups=["bench"], names=["c_test", "new_test", "a_test"], debug=True)
    assert [(e.name, e.timeout, e.args) for e in got] == [
        ("c_test", 300, ""), ("new_test", 300, ""), ("a_test", 300, "")]


def test_present(cfg, tmp_path):
    (tmp_path / "one" / "x86").mkdir(parents=True)
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x86" / "b_test").touch()
    (tmp_path / "two" / "d_test").touch()
    dirs = [str(tmp_path / "one"), str(tmp_path / "two")]
    assert names(cfg.select(groups=["planes", "regression"], present=dirs)) == ["x86/b_test",
                                                                              "d_test"]


def test_testbed_defaults():
    cfg = spec.parse("[t]\ngroups = bench\n")
    assert (cfg.timeout, cfg.debug_timeout_factor) == (120, 1)


@pytest.mark.parametrize("text, message", [
    ("[t]\ngroups = planes\ntimout = 3\n", "[t]: unknown key(s) timout"),
    ("[testbed]\nslack = 3\n", "[testbed]: unknown key(s) slack"),
    ("[t]\ngroups = planes smoke\n", "[t]: unknown group(s) smoke"),
    ("[t]\ngroups = planes\ntimeout = 2m\n", "[t]: timeout must be a positive integer"),
    ("[t]\ngroups = planes\ntimeout = 0\n", "[t]: timeout must be a positive integer"),
    ("[testbed]\ndebug_timeout_factor = x\n", "[testbed]: debug_timeout_factor must be"),
    ("[t]\nargs = -v\n", "[t]: no groups"),
    ("[t]\ngroups = planes\ndisabled =\n", "[t]: disabled needs a reason"),
    ("[a b]\ngroups = planes\n", "[a b]: a test name has no blanks"),
    ("[t]\ngroups = planes\n[t]\ngroups = bench\n", "section 't' already exists"),
])
def test_errors(text, message):
    with pytest.raises(spec.SpecError, match=re.escape(message)):
        spec.parse(text)


def test_cli(tmp_path, capsys):
    path = tmp_path / "tests.cfg"
    path.write_text(SPEC)
    spec.main([str(path), "--group", "regression"])
    assert capsys.readouterr().out == "a_test 100\nx86/b_test 300 -t 120\n"
    spec.main([str(path), "--list-disabled", "--debug"])
    assert capsys.readouterr().out == ("c_test: fails under TCG: unhandled #BP\n"
                                       "d_test: too slow with KASAN\n")
    with pytest.raises(SystemExit, match="no tests selected"):
        spec.main([str(path), "--group", "bench", "--present", str(tmp_path)])
    path.write_text("[t]\n")
    with pytest.raises(SystemExit, match=r"\[t\]: no groups"):
        spec.main([str(path), "--group", "bench"])
