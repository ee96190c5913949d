"""Shared fixtures of the project's own tests."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from grader.bank import Bank

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def bank() -> Bank:
    return Bank(ROOT)


def notebook_from_cells(path: Path, cells: list[str], question: str | None = "q07") -> Path:
    """Write a notebook of code cells (with grader metadata unless `question` is None)."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    if question:
        nb.metadata["grader"] = {"question": question}
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return path


def notebook_from_script(script: Path, out: Path, question: str = "q07") -> Path:
    """A notebook from a `# %%`-separated script (the adversarial corpus format)."""
    text = script.read_text(encoding="utf-8")
    cells = [c.strip() for c in text.split("# %%")[1:]]
    return notebook_from_cells(out, cells, question)


def load_json(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
