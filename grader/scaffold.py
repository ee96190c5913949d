"""`bank new qNN`: scaffold a coding question folder that follows the uniform layout."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from .bank import Bank

CARD = """id: {qid}
kind: coding
title:
  en: TODO title
  zh: TODO 标题
topic: training
tags: []
difficulty: medium
frameworks: [numpy]
prompt:
  en: |
    Implement `answer(x) -> float` ... (state the contract, the conventions, an example, what is banned)
  zh: |
    实现 `answer(x) -> float` ……
answer:
  en: TODO explanation
  zh: TODO 讲解
hints: []
follow_ups: []
references: []
source: []
related: []
contract:
  - name: answer
    signature: "answer(x) -> float"
points: 1
timeout_s: 60
device: any
"""

SUITE = '''"""Hidden suite for {qid}."""
import pytest

from grader.testing import assert_close


@pytest.mark.points(1)
def test_example(submission):
    """answer(2) is 4"""
    assert_close(submission.answer(2.0), 4.0, "answer(2)")
'''

MUTANT = '''"""Catches: TODO the mistake this wrong answer makes."""


def answer(x):
    return x + 1
'''


def new_question(bank: Bank, qid: str) -> int:
    if not re.fullmatch(r"q\d{2,3}", qid):
        print(f"bank new: {qid!r} is not a coding question id (qNN)", file=sys.stderr)
        return 2
    folder = bank.solution_dir(qid)
    if folder.exists() or bank.card_path(qid).exists():
        print(f"bank new: {qid} already exists", file=sys.stderr)
        return 2
    (folder / "mutants").mkdir(parents=True)
    (folder / "alternatives").mkdir()
    bank.card_path(qid).write_text(CARD.format(qid=qid), encoding="utf-8")
    (folder / f"test_{qid}.py").write_text(SUITE.format(qid=qid), encoding="utf-8")
    (folder / "mutants" / "off_by_one.py").write_text(MUTANT, encoding="utf-8")
    nb = nbformat.v4.new_notebook(metadata={"grader": {"question": qid}}, cells=[
        nbformat.v4.new_markdown_cell(f"# {qid} · TODO\n\nThe prompt, in English and Chinese."),
        nbformat.v4.new_code_cell("def answer(x):\n    # BEGIN SOLUTION\n    return x * x\n    # END SOLUTION"),
    ])
    nbformat.write(nb, folder / "solution.ipynb")
    for path in (bank.card_path(qid), folder / "solution.ipynb", folder / f"test_{qid}.py", folder / "mutants"):
        print(f"created {Path(path).relative_to(bank.root)}")
    print("then: edit them, run `bank stubs`, and `bank check " + qid + "`")
    return 0
