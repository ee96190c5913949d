"""The one result model of a grade; every report format (terminal, JSON, JUnit, CI summary) is a view of it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("graded", "timeout", "crashed", "error", "skipped")


@dataclass
class TestResult:
    name: str
    outcome: str  # passed | failed | error | skipped
    points: float
    max_points: float
    message: str = ""
    description: str = ""
    duration_s: float = 0.0  # setup + call + teardown of the test, on the grader's side


@dataclass
class NotebookResult:
    notebook: str
    question: str
    status: str  # one of STATUSES
    score: float = 0.0
    max_score: float = 0.0
    duration_s: float = 0.0
    graded_at: str = ""
    tests: list[TestResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the learner should know beyond the tests
    cells: list[dict[str, Any]] = field(default_factory=list)  # failing cells: index, status, error

    @property
    def full_marks(self) -> bool:
        return self.status == "graded" and self.max_score > 0 and self.score >= self.max_score

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NotebookResult:
        return cls(**{**data, "tests": [TestResult(**t) for t in data.get("tests", [])]})


def summary(results: list[NotebookResult]) -> dict[str, Any]:
    by_status = {s: sum(r.status == s for r in results) for s in STATUSES}
    return {
        "notebooks": len(results),
        "full_marks": sum(r.full_marks for r in results),
        "score": round(sum(r.score for r in results), 6),
        "max_score": round(sum(r.max_score for r in results), 6),
        "by_status": {k: v for k, v in by_status.items() if v},
        "duration_s": round(sum(r.duration_s for r in results), 3),
    }


def exit_code(results: list[NotebookResult]) -> int:
    """0 when every notebook got full marks (or was skipped for want of hardware), 2 for input errors, else 1."""
    if any(r.status == "error" for r in results):
        return 2
    return 0 if all(r.full_marks or r.status == "skipped" for r in results) else 1
