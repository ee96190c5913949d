"""Views of grading results: terminal text, JSON, JUnit XML and a GitHub Actions step summary."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO
from xml.etree import ElementTree as ET

from .results import NotebookResult, summary

MARKS = {"passed": "✓", "failed": "✗", "error": "!", "skipped": "-"}


def _num(x: float) -> str:
    return f"{x:g}"


def terminal(results: list[NotebookResult], out: TextIO, color: bool = False) -> None:
    """A readable report: per notebook its score, per test its points and what went wrong."""
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    for r in results:
        head = f"{r.question or '?'}  {r.notebook}  "
        verdict = (f"{_num(r.score)}/{_num(r.max_score)}" if r.status in ("graded", "timeout", "crashed")
                   else r.status.upper())
        tone = "32" if r.full_marks else "33" if r.score > 0 else "31"
        out.write(paint(head + verdict, "1;" + tone) + f"  ({r.status}, {r.duration_s:.1f} s)\n")
        for note in r.notes:
            out.write(f"  note: {note}\n")
        for cell in r.cells:
            out.write(f"  cell {cell['index']}: {cell['status']}: {cell['error']}\n")
        width = max((len(t.description or t.name) for t in r.tests), default=0)
        for t in r.tests:
            mark = paint(MARKS.get(t.outcome, "?"), "32" if t.outcome == "passed" else "31")
            label = (t.description or t.name).ljust(width)
            out.write(f"  {mark} {label}  {_num(t.points)}/{_num(t.max_points)}\n")
            if t.message:
                out.write(f"      {t.message}\n")
    if len(results) > 1:
        s = summary(results)
        out.write(f"\n{s['notebooks']} notebooks, {s['full_marks']} with full marks, "
                  f"{_num(s['score'])}/{_num(s['max_score'])} points\n")


def to_json(results: list[NotebookResult]) -> dict:
    return {"results": [r.to_dict() for r in results], "summary": summary(results)}


def write_json(results: list[NotebookResult], path: Path) -> None:
    Path(path).write_text(json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_junit(results: list[NotebookResult], path: Path) -> None:
    """JUnit XML: one testsuite per notebook, one testcase per hidden test."""
    root = ET.Element("testsuites", name="grade")
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=f"{r.question or '?'} {r.notebook}",
                              tests=str(len(r.tests)), time=f"{r.duration_s:.3f}",
                              failures=str(sum(t.outcome == "failed" for t in r.tests)),
                              errors=str(sum(t.outcome == "error" for t in r.tests) + (r.status == "error")),
                              skipped=str(sum(t.outcome == "skipped" for t in r.tests)))
        props = ET.SubElement(suite, "properties")
        for k, v in (("status", r.status), ("score", _num(r.score)), ("max_score", _num(r.max_score))):
            ET.SubElement(props, "property", name=k, value=v)
        if r.status == "error":
            case = ET.SubElement(suite, "testcase", classname=r.question or "notebook", name="grading")
            ET.SubElement(case, "error", message="; ".join(r.notes))
        for t in r.tests:
            case = ET.SubElement(suite, "testcase", classname=r.question, name=t.name, time="0")
            if t.outcome in ("failed", "error"):
                ET.SubElement(case, "failure" if t.outcome == "failed" else "error", message=t.message)
            elif t.outcome == "skipped":
                ET.SubElement(case, "skipped", message=t.message)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def github_summary(results: list[NotebookResult]) -> str:
    """A Markdown table for `$GITHUB_STEP_SUMMARY`."""
    lines = ["| question | notebook | score | status | time |", "|---|---|---|---|---|"]
    for r in results:
        icon = "✅" if r.full_marks else "❌" if r.status != "skipped" else "⏭️"
        lines.append(f"| {r.question or '?'} | `{r.notebook}` | {icon} {_num(r.score)}/{_num(r.max_score)} "
                     f"| {r.status} | {r.duration_s:.1f} s |")
    s = summary(results)
    lines.append(f"\n**{s['full_marks']}/{s['notebooks']}** notebooks with full marks, "
                 f"{_num(s['score'])}/{_num(s['max_score'])} points.\n")
    for r in results:
        lost = [t for t in r.tests if t.points < t.max_points]
        if lost or r.notes:
            lines.append(f"<details><summary>{r.question or r.notebook}: what to fix</summary>\n")
            lines += [f"- {n}" for n in r.notes]
            lines += [f"- **{t.description or t.name}** ({_num(t.points)}/{_num(t.max_points)}): {t.message}"
                      for t in lost]
            lines.append("\n</details>\n")
    return "\n".join(lines) + "\n"


def append_github_summary(results: list[NotebookResult]) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") == "true" and target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(github_summary(results))
