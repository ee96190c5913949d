"""`bank check`: validate every card, then prove every coding question's suite.

For each question: the reference solution scores full marks, the generated stub scores zero, every
mutant (a wrong answer the catalog says the suite must catch) loses points, every alternative (a
correct answer in another style) scores full marks, and the suite's points equal the card's.
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import notebook
from .bank import Bank
from .batch import grade_all
from .cards import BankError
from .grade import Options
from .results import NotebookResult
from .stubs import stale_stubs


@dataclass
class Proof:
    """One notebook of a question's proof and what its score must be."""

    qid: str
    role: str  # solution | stub | mutant | alternative
    name: str
    path: Path

    def verdict(self, r: NotebookResult, points: int) -> str:
        """'' when the result is what this role requires, else what is wrong."""
        if r.status == "skipped":
            return ""
        if r.status == "error":
            return f"could not be graded: {'; '.join(r.notes)}"
        total = sum(t.max_points for t in r.tests)
        if abs(total - points) > 1e-9:
            return f"the suite's tests add up to {total:g} points, the card says {points}"
        lost = [f"{t.name}: {t.message}" for t in r.tests if t.points < t.max_points]
        if self.role in ("solution", "alternative") and not r.full_marks:
            return f"scored {r.score:g}/{r.max_score:g} ({r.status}): " + " | ".join(lost[:3] + r.notes[:2])
        if self.role == "stub" and r.score != 0:
            return f"scored {r.score:g}, a stub must score 0"
        if self.role == "mutant" and r.score >= r.max_score:
            return "was not caught: it scored full marks"
        return ""


def proofs_for(bank: Bank, qid: str, workdir: Path) -> list[Proof]:
    solution_path = bank.solution_notebook(qid)
    solution = notebook.read(solution_path)
    proofs = [Proof(qid, "solution", "solution", solution_path), Proof(qid, "stub", "stub", bank.stub(qid))]
    for role, files in (("mutant", bank.mutants(qid)), ("alternative", bank.alternatives(qid))):
        for src in files:
            nb = notebook.with_code(solution, src.read_text(encoding="utf-8"))
            nb.metadata["grader"] = {"question": qid}
            path = workdir / f"{qid}-{role}-{src.stem}.ipynb"
            path.write_text(notebook.dumps(nb), encoding="utf-8")
            proofs.append(Proof(qid, role, src.stem, path))
    return proofs


def structure_problems(bank: Bank, qid: str) -> list[str]:
    """Layout rules every coding question follows."""
    problems = []
    if not bank.suite(qid).exists():
        problems.append(f"{bank.suite(qid)}: missing hidden suite")
    if not bank.mutants(qid):
        problems.append(f"{bank.solution_dir(qid)}/mutants: no mutants (one per 'must catch' entry)")
    for m in bank.mutants(qid):
        if not m.read_text(encoding="utf-8").lstrip().startswith('"""Catches:'):
            problems.append(f"{m}: must start with a docstring '\"\"\"Catches: <the mistake>'")
    if not notebook.has_solution(notebook.read(bank.solution_notebook(qid))):
        problems.append(f"{bank.solution_notebook(qid)}: no '# BEGIN SOLUTION' region")
    return problems


def check_bank(bank: Bank, only: list[str] | None = None, jobs: int = 2, cards_only: bool = False) -> int:
    """Print a line per question and every problem; 0 when the whole bank is proven."""
    problems: list[str] = []
    try:
        cards = {q: bank.card(q) for q in only} if only else bank.cards
    except BankError as exc:
        print(f"{len(exc.errors)} card problem(s):", file=sys.stderr)
        for e in exc.errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    coding = [q for q in bank.coding_ids() if not only or q in only]
    for qid in coding:
        if qid not in cards or not cards[qid].is_coding:
            problems.append(f"solutions/{qid}: no coding card questions/{qid}.yaml")
    for qid, card in cards.items():
        if card.is_coding and qid not in bank.coding_ids():
            problems.append(f"{card.path}: coding card without solutions/{qid}/solution.ipynb")
    problems += [f"{bank.stub(q)}: out of date with its solution; run `bank stubs`" for q in stale_stubs(bank)
                 if q in coding]
    for qid in coding:
        problems += structure_problems(bank, qid)
    print(f"bank: {len(cards)} cards valid ({sum(c.is_coding for c in cards.values())} coding)", flush=True)
    if not cards_only and not problems:
        problems += prove(bank, [q for q in coding if q in cards], cards, jobs)
    for p in problems:
        print(f"FAIL {p}", file=sys.stderr)
    verdict = "cards and stubs valid (no notebook run)" if cards_only else "all proven"
    print(f"bank check: {'FAILED, ' + str(len(problems)) + ' problem(s)' if problems else verdict}")
    return 1 if problems else 0


def prove(bank: Bank, qids: list[str], cards: dict, jobs: int) -> list[str]:
    """Grade every question's proofs (question by question, its notebooks `jobs` at a time)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bank-check-") as tmp:
        for qid in qids:
            proofs = proofs_for(bank, qid, Path(tmp))
            results = grade_all([p.path for p in proofs], bank, Options(), jobs=jobs)
            bad = [f"{qid} {p.role} {p.name}: {why}" for p, r in zip(proofs, results)
                   if (why := p.verdict(r, cards[qid].points))]
            counts = {role: sum(p.role == role for p in proofs) for role in ("mutant", "alternative")}
            skipped = " (skipped: needs a GPU)" if any(r.status == "skipped" for r in results) else ""
            print(f"  {qid}: {'ok ' if not bad else 'FAIL'} solution, stub, {counts['mutant']} mutants, "
                  f"{counts['alternative']} alternatives{skipped}  "
                  f"[{sum(r.duration_s for r in results):.0f} s]", flush=True)
            problems += bad
    return problems
