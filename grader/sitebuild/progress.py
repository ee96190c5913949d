"""Learner progress from `grade --json` result files: merged, the latest grading of a question wins."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

_EPOCH = datetime.min.replace(tzinfo=timezone.utc)


def _when(value: Any) -> datetime:
    if not isinstance(value, str) or not value:
        return _EPOCH
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _EPOCH
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _question_id(entry: dict) -> str:
    qid = entry.get("question")
    if isinstance(qid, str) and qid:
        return qid
    nb = entry.get("notebook")
    return Path(nb).stem if isinstance(nb, str) and nb else ""


def load_results(paths: Iterable[Path]) -> dict[str, dict]:
    """question id -> its latest result entry (by `graded_at`; a later file wins a tie).

    Raises ValueError naming the file when one is not a results document.
    """
    latest: dict[str, dict] = {}
    for path in paths:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: cannot read results: {exc}") from None
        entries = data.get("results") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise ValueError(f"{path}: not a `grade --json` document (no 'results' list)")
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            qid = _question_id(entry)
            if not qid:
                continue
            old = latest.get(qid)
            if old is None or _when(entry.get("graded_at")) >= _when(old.get("graded_at")):
                latest[qid] = entry
    return latest


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def view(entry: dict | None, max_points: int) -> dict | None:
    """What a page shows of one result: score, max, percent, status, date, tests."""
    if not entry:
        return None
    score = _num(entry.get("score")) or 0.0
    max_score = _num(entry.get("max_score")) or float(max_points or 0)
    when = _when(entry.get("graded_at"))
    tests = [t for t in entry.get("tests") or [] if isinstance(t, dict)]
    return {
        "score": score,
        "max_score": max_score,
        "percent": round(100 * score / max_score) if max_score else 0,
        "status": str(entry.get("status") or "graded"),
        "graded_at": entry.get("graded_at") or "",
        "graded_display": when.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if when != _EPOCH else "",
        "duration_s": _num(entry.get("duration_s")),
        "tests": [{"name": str(t.get("name", "")), "outcome": str(t.get("outcome", "")),
                   "points": _num(t.get("points")), "max_points": _num(t.get("max_points")),
                   "message": str(t.get("message") or "")} for t in tests],
    }


def fmt(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"
