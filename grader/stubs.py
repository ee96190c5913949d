"""Generate the learners' stub notebooks (notebooks/qNN.ipynb) from the reference solutions."""
from __future__ import annotations

import sys

from . import notebook
from .bank import Bank


def expected_stub(bank: Bank, qid: str) -> str:
    return notebook.dumps(notebook.make_stub(notebook.read(bank.solution_notebook(qid)), qid))


def stale_stubs(bank: Bank, only: list[str] | None = None) -> list[str]:
    """Questions whose stub is missing or differs from what the solution generates."""
    stale = []
    for qid in bank.coding_ids():
        if only and qid not in only:
            continue
        path = bank.stub(qid)
        if not path.exists() or path.read_text(encoding="utf-8") != expected_stub(bank, qid):
            stale.append(qid)
    return stale


def write_stubs(bank: Bank, only: list[str] | None = None, check_only: bool = False) -> int:
    stale = stale_stubs(bank, only)
    if check_only:
        for qid in stale:
            print(f"{bank.stub(qid)}: out of date; run `bank stubs`", file=sys.stderr)
        return 1 if stale else 0
    for qid in stale:
        bank.stub(qid).parent.mkdir(parents=True, exist_ok=True)
        bank.stub(qid).write_text(expected_stub(bank, qid), encoding="utf-8")
        print(f"wrote {bank.stub(qid)}")
    return 0
