"""Run scripts/testbed/runner.py on recorded consoles, with a shell command in QEMU's place."""
import json
import pathlib

import runner

CONSOLES = pathlib.Path(__file__).parent / "consoles"


def run(monkeypatch, tmp_path, script, *options):
    monkeypatch.setattr(runner.qemu, "command", lambda *args: ["sh", "-c", script])
    return runner.main(["--kernel", "K", "--initrd", "I", "--outdir", str(tmp_path), *options])


def test_failing_run(monkeypatch, tmp_path, capsys):
    assert run(monkeypatch, tmp_path, "cat %s" % (CONSOLES / "fail.log")) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FAIL x86/planes_state_test  (exit code 1)"
    assert out[1:12] == ["    | " + line for line in (CONSOLES / "fail.log").read_text()
                         .splitlines()[9:20]]
    assert out[12:] == ["PASS planes_test", "1 passed, 1 failed, 0 skipped"]
    log = (tmp_path / "console.log").read_text().splitlines()
    assert log[0] == "# sh -c cat %s" % (CONSOLES / "fail.log")
    assert log[1:] == (CONSOLES / "fail.log").read_text().splitlines()
    assert json.loads((tmp_path / "results.json").read_text())["failed"] == 1
    assert (tmp_path / "results.tap").exists()


def test_echo(monkeypatch, tmp_path, capsys):
    assert run(monkeypatch, tmp_path, "cat %s" % (CONSOLES / "skip.log"), "--echo") == 0
    assert capsys.readouterr().out.splitlines() == [
        "    | Random seed: 0x6b8b4567",
        "    | 1..0 # SKIP - Requirement not met: kvm_cpu_has(X86_FEATURE_SEV)",
        "    | ", "SKIP x86/sev_smoke_test", "0 passed, 0 failed, 1 skipped"]


def test_hung_test_is_killed(monkeypatch, tmp_path, capsys):
    script = "echo '@@RIG@@ BOOTED 7.3.4'; echo '@@RIG@@ START x86/foo 1'; exec sleep 60"
    assert run(monkeypatch, tmp_path, script, "--slack", "1") == 1
    verdict, closing = capsys.readouterr().out.splitlines()
    assert verdict.startswith("FAIL x86/foo  (no progress in test x86/foo after ")
    assert closing == "0 passed, 1 failed, 0 skipped"
