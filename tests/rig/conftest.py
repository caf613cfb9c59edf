"""Put the test bed modules (scripts/testbed) on sys.path for the tests of tests/rig."""
import pathlib
import sys

TESTBED = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "testbed"
sys.path.insert(0, str(TESTBED))
