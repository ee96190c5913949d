"""The adversarial corpus: every notebook pairs a wrong q07 answer with an attack. Graded as one
batch, each must lose points, get a verdict with a reason, and leave nothing behind."""
from __future__ import annotations

import socket
import subprocess
import threading
from pathlib import Path

import pytest

from grader.bank import Bank
from grader.batch import grade_all
from grader.grade import Options
from grader.sandbox import Limits, bwrap_works

from conftest import ROOT, notebook_from_script

CORPUS = sorted((ROOT / "tests" / "adversarial").glob("*.py"))
BASELINE = ROOT / "tests" / "adversarial" / "baseline" / "wrong_answer.py"
MARK = "adversarial-write-outside-scratch"


@pytest.fixture(scope="module")
def listener():
    """A loopback server the network attack tries to reach; records every connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits: list[object] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                hits.append(server.accept()[1])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


@pytest.fixture(scope="module")
def graded(tmp_path_factory, listener, monkeypatch_module):
    if bwrap_works():
        pytest.fail(f"the adversarial corpus needs the bwrap sandbox: {bwrap_works()}")
    port, _ = listener
    monkeypatch_module.setenv("ADVERSARIAL_PORT", str(port))
    monkeypatch_module.setenv("GRADE_JSON", str(tmp_path_factory.mktemp("env") / "fake.json"))
    folder = tmp_path_factory.mktemp("corpus")
    notebooks = [notebook_from_script(s, folder / f"{s.stem}.ipynb") for s in CORPUS]
    notebooks.append(notebook_from_script(BASELINE, folder / "baseline.ipynb"))
    options = Options(timeout=40, cell_timeout=10, call_timeout=10, sandbox="required",
                      limits=Limits(memory_mb=3072, output_chars=200_000))
    results = grade_all(notebooks, Bank(ROOT), options, jobs=2)
    return dict(zip([s.stem for s in CORPUS] + ["baseline"], results))


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_corpus_is_complete():
    assert len(CORPUS) >= 17


@pytest.mark.parametrize("attack", [s.stem for s in CORPUS])
def test_attack_loses_points_with_a_verdict(graded, attack):
    r = graded[attack]
    assert r.status in ("graded", "timeout", "crashed"), (r.status, r.notes)
    baseline = graded["baseline"]
    assert baseline.status == "graded" and 0 < baseline.score < 10
    assert r.score <= baseline.score, f"{attack}: scored {r.score}, the same wrong answer alone scores {baseline.score}"
    assert r.tests, "the suite must still run and report per-test outcomes"


EXPECTED_STATUS = {"infinite_loop": "timeout", "loop_ignoring_signals": "timeout", "segfault": "crashed",
                   "os_exit": "crashed", "sys_exit": "graded", "patch_comparisons": "graded",
                   "forged_eq": "graded", "output_flood": "graded"}


@pytest.mark.parametrize("attack, status", sorted(EXPECTED_STATUS.items()))
def test_verdicts_name_the_reason(graded, attack, status):
    assert graded[attack].status == status, graded[attack].notes


def test_output_flood_is_cut(graded):
    assert any("the rest was cut" in n for n in graded["output_flood"].notes)


def test_nothing_left_behind(graded):
    left = subprocess.run(["pgrep", "-f", "sleep 987654"], capture_output=True, text=True).stdout.split()
    assert left == [], f"{len(left)} processes of the swarm survived"
    outside = [Path("/tmp") / MARK, Path.home() / MARK, Path("/var/tmp") / MARK, ROOT / "solutions" / MARK]
    assert not [p for p in outside if p.exists()]


def test_no_network_and_no_forged_files(graded, listener):
    _, hits = listener
    assert hits == [], "the kernel reached a loopback server"
    import os

    assert not Path(os.environ["GRADE_JSON"]).exists()
