"""Check the real test spec tests/tests.cfg."""
import pathlib

import pytest

import spec

SPEC = pathlib.Path(__file__).resolve().parents[1] / "tests.cfg"


@pytest.fixture(scope="module")
def cfg():
    if not SPEC.exists():
        pytest.skip("no %s" % SPEC)
    return spec.load(SPEC)


def test_disabled_entries_have_reasons(cfg):
    for entry in cfg.tests.values():
        assert entry.disabled is None or entry.disabled.strip(), entry.name
        assert entry.debug_disabled is None or entry.debug_disabled.strip(), entry.name


def test_planes_group_not_empty(cfg):
    assert cfg.select(groups=["planes"])
