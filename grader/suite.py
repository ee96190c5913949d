"""Run a hidden pytest suite in the grader's process and collect per-test outcomes and points.

Suites reach the learner only through the `submission` fixture (see `bridge.py`), so every
assertion runs here, on the trusted side. Learners see each test's docstring and a message that
says what is wrong (the assertion's own message, or what their code raised), never the test code.
The score comes from per-test outcomes, never from pytest's exit code.
"""
from __future__ import annotations

import io
import os
import random
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from .bridge import KernelUnavailable, Submission, SubmissionError
from .results import TestResult

SUITE_INI = Path(__file__).with_name("schemas") / "suite-pytest.ini"
MESSAGE_LIMIT = 600


def learner_message(exc: BaseException) -> str:
    """What a failed test tells the learner: the check's own words or what their code raised."""
    if isinstance(exc, SubmissionError):
        text = str(exc)
    elif isinstance(exc, AssertionError):
        text = str(exc).split("\nassert ")[0].strip() or "a check failed"
    else:
        text = f"the test could not check your answer ({type(exc).__name__})"
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


class SuitePlugin:
    """pytest plugin: provides the suite fixtures and records outcomes and points."""

    def __init__(self, submission: Submission, device: str, seed: int = 0) -> None:
        self._submission, self._device, self._seed = submission, device, seed
        self.results: dict[str, TestResult] = {}
        self.order: list[str] = []

    # -- fixtures ---------------------------------------------------------------------------------
    # Session scope: one session is one notebook, so module-scoped fixtures of a suite may use them
    # (e.g. to run an expensive probe once).
    @pytest.fixture(scope="session")
    def submission(self) -> Submission:
        return self._submission

    @pytest.fixture(scope="session")
    def device(self) -> str:
        return self._device

    @pytest.fixture(autouse=True)
    def _seeded(self) -> None:
        random.seed(self._seed)
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed(self._seed)
        if "torch" in sys.modules:
            sys.modules["torch"].manual_seed(self._seed)

    # -- hooks ------------------------------------------------------------------------------------
    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): points the test is worth (default 1)")

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            marker = item.get_closest_marker("points")
            max_points = float(marker.args[0]) if marker else 1.0
            doc = (getattr(item, "obj", None).__doc__ or "").strip().splitlines()
            self.order.append(item.nodeid)
            self.results[item.nodeid] = TestResult(item.name, "error", 0.0, max_points,
                                                    "not run", doc[0] if doc else "")

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        result = self.results[item.nodeid]
        result.duration_s = round(result.duration_s + report.duration, 4)
        if report.when == "call" or report.failed or report.skipped:
            if report.passed:
                result.outcome, result.points, result.message = "passed", result.max_points, ""
            elif report.skipped:
                result.outcome, result.points = "skipped", 0.0
                result.message = str(call.excinfo.value.msg if call.excinfo else "skipped")
            elif call.excinfo is not None:
                exc = call.excinfo.value
                result.outcome = "error" if isinstance(exc, KernelUnavailable) or report.when != "call" else "failed"
                result.points, result.message = 0.0, learner_message(exc)
        return report


def _forget_suite_modules(folder: Path, before: set[str]) -> None:
    """Drop the suite's modules so the next notebook graded in this process imports them afresh
    (nothing a suite keeps at module level may carry over from one learner to the next)."""
    for name in set(sys.modules) - before:
        file = getattr(sys.modules[name], "__file__", None) or ""
        if file and Path(file).resolve().is_relative_to(folder.resolve()):
            del sys.modules[name]


def run_suite(suite: Path, submission: Submission, device: str) -> list[TestResult]:
    """Run one hidden suite against a learner's kernel; one `TestResult` per collected test."""
    plugin = SuitePlugin(submission, device)
    args = [str(suite), "-c", str(SUITE_INI), "--rootdir", str(suite.parent), "-p", "no:cacheprovider",
            "--import-mode=importlib", "-q", "--assert=plain"]
    sink = io.StringIO()
    before = set(sys.modules)
    try:
        with redirect_stdout(sink), redirect_stderr(sink):
            os.environ.setdefault("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
            code = pytest.main(args, plugins=[plugin])
    finally:
        _forget_suite_modules(suite.parent, before)
    if code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR) or (
            not plugin.results and code != pytest.ExitCode.NO_TESTS_COLLECTED):
        raise RuntimeError(f"hidden suite {suite} could not run:\n{sink.getvalue()[-800:]}")
    if code == pytest.ExitCode.INTERRUPTED and not plugin.results:
        raise RuntimeError(f"hidden suite {suite} failed to collect:\n{sink.getvalue()[-800:]}")
    return [plugin.results[n] for n in plugin.order]
