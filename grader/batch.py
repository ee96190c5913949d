"""Grade many notebooks: one at a time in this process, or N at once in worker processes."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .bank import Bank
from .grade import Options, grade_notebook
from .results import NotebookResult


def grade_all(notebooks: list[Path], bank: Bank, options: Options, jobs: int = 1) -> list[NotebookResult]:
    """Results in the order of `notebooks`; a failure of one never loses the others."""
    if jobs <= 1 or len(notebooks) <= 1:
        return [grade_notebook(nb, bank, options) for nb in notebooks]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(grade_notebook, nb, bank, options) for nb in notebooks]
        results = []
        for nb, future in zip(notebooks, futures):
            try:
                results.append(future.result())
            except BrokenProcessPool as exc:
                results.append(NotebookResult(str(nb), "", "error", notes=[f"grader worker died: {exc}"]))
        return results
