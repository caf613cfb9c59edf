"""Unit tests of scripts/testbed/results.py."""
import json

import results
from console import Result, Summary


def summary():
    bench = [{"test": "x86/b", "text": "  ratio 5.03"}]
    return Summary([Result("a", "PASS", seconds=1.5), Result("x86/b", "PASS", bench=bench),
                    Result("c", "SKIP"), Result("d", "FAIL", "exit code 1", 2.0)],
                   ["the guest did not finish the run (qemu exited)"])


def test_json_round_trip(tmp_path):
    results.write(summary(), tmp_path)
    data = json.loads((tmp_path / "results.json").read_text())
    assert (data["passed"], data["failed"], data["skipped"], data["ok"]) == (2, 1, 1, False)
    assert data["tests"][3] == {"name": "d", "verdict": "FAIL", "detail": "exit code 1",
                                "seconds": 2.0, "bench": []}
    assert results.read(tmp_path / "results.json") == summary()


def test_tap(tmp_path):
    results.write(summary(), tmp_path)
    assert (tmp_path / "results.tap").read_text().splitlines() == [
        "TAP version 13", "1..5", "ok 1 a", "ok 2 x86/b", "ok 3 c # SKIP",
        "not ok 4 d # exit code 1",
        "not ok 5 run error # the guest did not finish the run (qemu exited)"]


def test_bench_cli(tmp_path, capsys):
    results.write(summary(), tmp_path)
    assert results.main(["bench", str(tmp_path / "results.json")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "  ratio 5.03", "FAIL d (exit code 1)",
        "error: the guest did not finish the run (qemu exited)"]
    results.write(Summary([Result("a", "PASS")], []), tmp_path)
    assert results.main(["bench", str(tmp_path / "results.json")]) == 0
