"""Grade one notebook, top to bottom: read it, find its question, run it in a fresh (sandboxed)
kernel, run the hidden suite against it from this process, and return one `NotebookResult`.

Nothing the learner's code does can stop this function from returning a result: input problems
become status `error`, a dead kernel `crashed`, an exhausted time limit `timeout`.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import banned, notebook
from .bank import Bank
from .bridge import Submission
from .cards import BankError, Card
from .kernel import KernelDied, KernelSession, KernelTimeout, NotebookRun
from .results import NotebookResult
from .sandbox import Launcher, Limits, kernel_env, resolve_level

FRAMEWORK_MODULES = {"pytorch": "torch", "numpy": "numpy", "scikit-learn": "sklearn",
                     "pandas": "pandas", "tensorflow": "numpy"}


@dataclass
class Options:
    timeout: float | None = None  # whole notebook + suite; default: the card's timeout_s
    cell_timeout: float | None = None  # per cell; default: the whole budget
    call_timeout: float = 60.0  # per call into the learner's code
    device: str = "auto"  # auto | cpu | cuda
    sandbox: str = "auto"  # auto | required | off
    limits: Limits = field(default_factory=Limits)


def cuda_available() -> bool:
    if not Path("/dev/nvidiactl").exists():
        return False
    import torch

    return bool(torch.cuda.is_available())


def resolve_device(requested: str, card: Card) -> tuple[str | None, str]:
    """The device a suite runs on, or (None, reason) when the question cannot run here."""
    if card.device == "cpu" or "pytorch" not in card.frameworks:
        return "cpu", ""
    has_cuda = requested != "cpu" and cuda_available()
    if card.device == "cuda" and not has_cuda:
        return None, "this question needs a CUDA GPU; run with --device cuda on a machine that has one"
    return ("cuda" if has_cuda else "cpu"), ""


def _warm_imports(card: Card) -> threading.Thread:
    """Import what the suite will need while the kernel starts, so the two overlap."""
    modules = {FRAMEWORK_MODULES[f] for f in card.frameworks if f in FRAMEWORK_MODULES}

    def work() -> None:
        import importlib

        for name in ["pytest", *sorted(modules)]:
            try:
                importlib.import_module(name)
            except ImportError:
                pass

    thread = threading.Thread(target=work, name="warm-imports", daemon=True)
    thread.start()
    return thread


def grade_notebook(path: Path, bank: Bank, options: Options | None = None) -> NotebookResult:
    """Grade one notebook; never raises for anything the notebook contains."""
    options = options or Options()
    started = time.monotonic()
    result = NotebookResult(notebook=str(path), question="", status="error",
                            graded_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    try:
        _grade(Path(path), bank, options, result)
    except Exception as exc:  # noqa: BLE001 - a grader fault must not stop a batch
        result.status = "error"
        result.notes.append(f"internal grader error: {type(exc).__name__}: {exc}")
    finally:
        result.duration_s = round(time.monotonic() - started, 3)
    return result


def _run_notebook(kernel: KernelSession, nb: Any, card: Card, cell_timeout: float, deadline: float,
                  result: NotebookResult) -> NotebookRun:
    """Guard banned APIs, run the cells, then send in the agent the suite will talk to."""
    try:
        guard = banned.guard_code(card.banned)
        if guard:
            kernel.request_raw(guard, timeout=60)
        run = kernel.run_notebook(nb, cell_timeout, deadline)
        if not kernel.dead_reason:
            kernel.load_agent()
    except (KernelDied, KernelTimeout):
        run = NotebookRun()  # the suite's calls will report the dead kernel, test by test
    result.cells = [{"index": c.index, "status": c.status, "error": c.error} for c in run.cells if c.status != "ok"]
    if run.output_truncated:
        result.notes.append(f"your notebook printed more than {kernel.output_limit:,} characters; the rest was cut")
    return run


def _verdict(result: NotebookResult, kernel: KernelSession, run: NotebookRun, deadline: float,
             budget: float) -> None:
    if kernel.dead_reason:
        result.notes.append(kernel.dead_reason)
    if kernel.timed_out or time.monotonic() > deadline:
        result.status = "timeout"
        result.notes.append(f"time limit: {budget:g} s for the notebook and its tests")
    elif kernel.dead_reason or run.kernel_died:
        result.status = "crashed"
    else:
        result.status = "graded"


def _grade(path: Path, bank: Bank, options: Options, result: NotebookResult) -> None:
    try:
        nb = notebook.read(path)
    except notebook.NotebookError as exc:
        result.notes.append(str(exc))
        return
    qid = notebook.question_id(nb, path)
    if not qid or not bank.has_question(qid):
        result.notes.append(f"{path}: cannot tell which question this notebook answers "
                            f"(no grader.question in its metadata and no known qNN file name)"
                            if not qid else f"{path}: unknown question {qid!r}")
        return
    result.question = qid
    try:
        card = bank.card(qid)
    except BankError as exc:
        result.notes.append(str(exc))
        return
    if not card.is_coding:
        result.notes.append(f"{path}: {qid} is a concept question; it has nothing to grade")
        return
    result.max_score = float(card.points)
    device, why_not = resolve_device(options.device, card)
    if device is None:
        result.status = "skipped"
        result.notes.append(why_not)
        return
    warm = _warm_imports(card)
    findings = banned.scan(notebook.code_of(nb), card.banned)
    budget = options.timeout or card.timeout_s
    deadline = time.monotonic() + budget
    scratch = Path(tempfile.mkdtemp(prefix=f"grade-{qid}-"))
    try:
        launcher = Launcher(resolve_level(options.sandbox), options.limits, scratch, bank.root,
                            gpu=device == "cuda")
        with KernelSession(scratch, kernel_env(scratch, device), launcher.wrap,
                           options.limits.output_chars) as kernel:
            kernel.start()
            run = _run_notebook(kernel, nb, card, options.cell_timeout or budget, deadline, result)
            warm.join()
            from .suite import run_suite  # pytest: imported by the warm-up thread meanwhile

            result.tests = run_suite(bank.suite(qid), Submission(kernel, options.call_timeout, deadline), device)
            _verdict(result, kernel, run, deadline, budget)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if findings:
        result.notes.extend(f.message() for f in findings)
        for t in result.tests:
            if t.outcome == "passed":
                t.outcome, t.points, t.message = "failed", 0.0, "not counted: the notebook uses a banned API"
    result.score = round(sum(t.points for t in result.tests), 6)
