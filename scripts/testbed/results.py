#!/usr/bin/env python3
"""Write the Summary of a run as results.json and results.tap (TAP 13), and read it back.

Run as a script ("results.py bench RESULTS.json"), print the benchmark records of a run, then
its failures and run errors; exit 1 if the run was not ok.
"""
import argparse
import json
import os
import sys

from console import Result, Summary

JSON, TAP = "results.json", "results.tap"


def to_json(summary):
    """Return the summary as the dict stored in results.json."""
    tests = [{"name": r.name, "verdict": r.verdict, "detail": r.detail,
              "seconds": round(r.seconds, 1), "bench": r.bench} for r in summary.results]
    return {"tests": tests, "errors": summary.errors, **summary.counts, "ok": summary.ok}


def _point(result):
    """Return (status, description) of a test's TAP point."""
    if result.verdict == "PASS":
        return "ok", result.name
    if result.verdict == "SKIP":
        return "ok", result.name + " # SKIP"
    return "not ok", "%s # %s" % (result.name, result.detail)


def tap_lines(summary):
    """Return the summary as the lines of a TAP 13 report; each run error is a failed point."""
    points = [_point(r) for r in summary.results]
    points += [("not ok", "run error # " + e) for e in summary.errors]
    return ["TAP version 13", "1..%d" % len(points)] + [
        "%s %d %s" % (status, n, text) for n, (status, text) in enumerate(points, 1)]


def write(summary, outdir):
    """Write results.json and results.tap of the summary into outdir."""
    with open(os.path.join(outdir, JSON), "w", encoding="utf-8") as f:
        json.dump(to_json(summary), f, indent=1)
        f.write("\n")
    with open(os.path.join(outdir, TAP), "w", encoding="utf-8") as f:
        f.write("\n".join(tap_lines(summary)) + "\n")


def read(path):
    """Read a results.json back into a Summary (without the output tails)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    results = [Result(t["name"], t["verdict"], t["detail"], t["seconds"], bench=t["bench"])
               for t in data["tests"]]
    return Summary(results, data["errors"])


def bench_lines(summary):
    """Return the benchmark records of a run, then its failures and run errors."""
    lines = [b["text"] for r in summary.results for b in r.bench]
    lines += ["FAIL %s (%s)" % (r.name, r.detail) for r in summary.results if r.verdict == "FAIL"]
    return lines + ["error: " + e for e in summary.errors]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Report on the results.json of a run.")
    ap.add_argument("what", choices=["bench"], help="bench: print the benchmark records")
    ap.add_argument("results", metavar="RESULTS.json")
    args = ap.parse_args(argv)
    try:
        summary = read(args.results)
    except (OSError, ValueError, KeyError) as e:
        sys.exit("results.py: cannot read %s: %s" % (args.results, e))
    for line in bench_lines(summary):
        print(line)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
