"""Learner notebooks: read them, tell which question they answer, and make stubs from solutions.

A reference solution marks its answer code with `# BEGIN SOLUTION` / `# END SOLUTION` lines; the
stub keeps everything else and puts a `raise NotImplementedError` at the marker's indentation, so a
stub always runs and always scores zero. Stubs carry the question id in their metadata.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
from nbformat.reader import NotJSONError

BEGIN = re.compile(r"^(\s*)#+\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*#+\s*END SOLUTION\s*$")
STUB_BODY = ("# YOUR CODE HERE", 'raise NotImplementedError("not implemented yet")')
ID_FILE = re.compile(r"^([qc]\d{2,3})(?:[^0-9].*)?$")


class NotebookError(Exception):
    """A file that cannot be graded as a notebook; the message names the file and the problem."""


def read(path: Path) -> Any:
    """Read and validate a notebook (nbformat 4)."""
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path}: no such file")
    try:
        nb = nbformat.read(path, as_version=4)
    except (json.JSONDecodeError, UnicodeDecodeError, NotJSONError):
        raise NotebookError(f"{path}: not a notebook (the file is not JSON)") from None
    except Exception as exc:  # nbformat raises several types for wrong structure  # noqa: BLE001
        raise NotebookError(f"{path}: not a valid notebook ({type(exc).__name__}: {exc})") from None
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        raise NotebookError(f"{path}: not a valid notebook ({exc.message})") from None
    return nb


def question_id(nb: Any, path: Path) -> str | None:
    """The question a notebook answers: its metadata first, else a file name like `q07.ipynb`."""
    meta = nb.metadata.get("grader", {})
    qid = meta.get("question") if isinstance(meta, dict) else None
    if isinstance(qid, str) and qid:
        return qid
    m = ID_FILE.match(Path(path).stem)
    return m.group(1) if m else None


def code_of(nb: Any) -> str:
    """All code cells' source, in order (for static checks)."""
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")


def strip_solution(source: str) -> str:
    """Replace every marked solution region by the stub body at the marker's indentation."""
    out: list[str] = []
    indent: str | None = None
    for line in source.splitlines():
        begin = BEGIN.match(line)
        if indent is None and begin:
            indent = begin.group(1)
            out.extend(indent + s for s in STUB_BODY)
        elif indent is not None and END.match(line):
            indent = None
        elif indent is None:
            out.append(line)
    if indent is not None:
        raise ValueError("a '# BEGIN SOLUTION' has no matching '# END SOLUTION'")
    return "\n".join(out)


def has_solution(nb: Any) -> bool:
    return any(BEGIN.match(line) for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines())


def make_stub(solution: Any, qid: str) -> Any:
    """The learner's stub notebook generated from a reference solution notebook."""
    stub = nbformat.v4.new_notebook()
    stub.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"},
                     "grader": {"question": qid}}
    for cell in solution.cells:
        if cell.cell_type == "code":
            stub.cells.append(nbformat.v4.new_code_cell(strip_solution(cell.source)))
        elif cell.cell_type == "markdown":
            stub.cells.append(nbformat.v4.new_markdown_cell(cell.source))
    for i, cell in enumerate(stub.cells):
        cell.id = f"{qid}-{i:02d}"
    return stub


def dumps(nb: Any) -> str:
    """Deterministic text of a notebook, so a stale stub shows up as a diff."""
    return nbformat.writes(nb) + "\n"


def with_code(nb: Any, replacement: str) -> Any:
    """A copy of solution notebook `nb` whose solution regions are replaced by one answer's code.

    The first code cell holding a solution region gets `replacement` (a whole answer: mutant or
    alternative), the other solution regions are emptied; cells without markers are kept.
    """
    out = nbformat.reads(nbformat.writes(nb), as_version=4)
    placed = False
    for cell in out.cells:
        if cell.cell_type != "code" or not any(BEGIN.match(x) for x in cell.source.splitlines()):
            continue
        cell.source = "" if placed else replacement
        cell.outputs, cell.execution_count, placed = [], None, True
    if not placed:
        raise ValueError("the solution notebook has no '# BEGIN SOLUTION' region")
    return out
