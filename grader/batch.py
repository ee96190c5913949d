"""Grade many notebooks: one at a time in this process, or N at once, each in a worker process of
its own, so that whatever happens to one grade (even its worker being killed) loses only that one."""
from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from .bank import Bank
from .grade import Options, grade_notebook
from .results import NotebookResult
from .sandbox import Limits


def grade_all(notebooks: list[Path], bank: Bank, options: Options, jobs: int = 1) -> list[NotebookResult]:
    """Results in the order of `notebooks`; a failure of one never loses the others."""
    if jobs <= 1 or len(notebooks) <= 1:
        return [grade_notebook(nb, bank, options) for nb in notebooks]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda nb: _in_worker(nb, bank, options), notebooks))


def _in_worker(notebook: Path, bank: Bank, options: Options) -> NotebookResult:
    request = json.dumps({"notebook": str(notebook), "bank": str(bank.root), "options": asdict(options)})
    proc = subprocess.run([sys.executable, "-m", "grader.batch"], input=request, capture_output=True,
                          text=True, check=False)
    try:
        return NotebookResult.from_dict(json.loads(proc.stdout.strip().splitlines()[-1]))
    except (IndexError, ValueError, KeyError, TypeError) as exc:
        why = f"exit code {proc.returncode}, {type(exc).__name__}: {exc}"
        why += f"; {proc.stderr.strip()[-300:]}" if proc.stderr.strip() else ""
        return NotebookResult(str(notebook), "", "error", notes=[f"the grader's worker gave no result ({why})"])


def _worker_main() -> None:
    """`python -m grader.batch`: grade the notebook named on stdin, print its result as one JSON line."""
    request = json.loads(sys.stdin.read())
    opts = request["options"]
    options = Options(**{**opts, "limits": Limits(**opts["limits"])})
    result = grade_notebook(Path(request["notebook"]), Bank(Path(request["bank"])), options)
    sys.stdout.write("\n" + json.dumps(result.to_dict()) + "\n")


if __name__ == "__main__":
    from .cli import exit_fast

    _worker_main()
    exit_fast(0)
