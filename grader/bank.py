"""Where a question bank lives on disk, and the uniform layout of every question in it.

    questions/qNN.yaml              the card
    notebooks/qNN.ipynb             the stub learners edit (generated)
    solutions/qNN/solution.ipynb    the reference solution (answer between solution markers)
    solutions/qNN/test_qNN.py       the hidden suite
    solutions/qNN/mutants/*.py      wrong answers the suite must catch
    solutions/qNN/alternatives/*.py correct answers in other styles that must get full marks
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .cards import Card, load_card, load_cards


class BankNotFound(Exception):
    pass


@dataclass(frozen=True)
class Bank:
    root: Path

    @classmethod
    def locate(cls, explicit: str | os.PathLike[str] | None = None) -> Bank:
        """The bank: `--bank`/`$GRADER_BANK`, else the nearest folder above the CWD with
        `questions/` and `solutions/`, else the checkout this package was installed from."""
        candidates: list[Path] = []
        if explicit or os.environ.get("GRADER_BANK"):
            candidates.append(Path(explicit or os.environ["GRADER_BANK"]))
        else:
            cwd = Path.cwd().resolve()
            candidates.extend([cwd, *cwd.parents])
            candidates.append(Path(__file__).resolve().parent.parent)
        for c in candidates:
            if (c / "questions").is_dir() and (c / "solutions").is_dir():
                return cls(c.resolve())
        raise BankNotFound("no question bank found (a folder with questions/ and solutions/); "
                           "run inside the repository or pass --bank DIR")

    @property
    def questions_dir(self) -> Path:
        return self.root / "questions"

    def card_path(self, qid: str) -> Path:
        return self.questions_dir / f"{qid}.yaml"

    def card(self, qid: str) -> Card:
        """Load one card (validated); cheaper than loading the whole bank for a single grade."""
        return load_card(self.card_path(qid))

    @cached_property
    def cards(self) -> dict[str, Card]:
        return load_cards(self.questions_dir)

    def has_question(self, qid: str) -> bool:
        return self.card_path(qid).is_file()

    def solution_dir(self, qid: str) -> Path:
        return self.root / "solutions" / qid

    def solution_notebook(self, qid: str) -> Path:
        return self.solution_dir(qid) / "solution.ipynb"

    def suite(self, qid: str) -> Path:
        return self.solution_dir(qid) / f"test_{qid}.py"

    def stub(self, qid: str) -> Path:
        return self.root / "notebooks" / f"{qid}.ipynb"

    def mutants(self, qid: str) -> list[Path]:
        return sorted((self.solution_dir(qid) / "mutants").glob("*.py"))

    def alternatives(self, qid: str) -> list[Path]:
        return sorted((self.solution_dir(qid) / "alternatives").glob("*.py"))

    def coding_ids(self) -> list[str]:
        return sorted(p.name for p in (self.root / "solutions").iterdir()
                      if p.is_dir() and (p / "solution.ipynb").exists())
