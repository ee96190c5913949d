"""End-to-end grading of q07 notebooks through the CLI: exit codes, reports, partial credit, banned APIs."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import nbformat
import pytest

from grader.cli import grade_main
from grader.notebook import read, strip_solution

from conftest import ROOT, load_json, notebook_from_cells

SOLUTION = ROOT / "solutions" / "q07" / "solution.ipynb"


def solution_code() -> list[str]:
    return [c.source for c in read(SOLUTION).cells if c.cell_type == "code"]


def test_stub_scores_zero_and_exits_1(capsys):
    assert grade_main([str(ROOT / "notebooks" / "q07.ipynb")]) == 1
    out = capsys.readouterr().out
    assert "0/10" in out and "NotImplementedError" in out


def test_solution_full_marks_with_json_junit_and_ci_summary(tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    nb = notebook_from_cells(tmp_path / "mine.ipynb", solution_code())
    code = grade_main([str(nb), "--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "r.xml")])
    out = capsys.readouterr().out
    assert code == 0, out
    data = load_json(tmp_path / "r.json")
    (result,) = data["results"]
    assert {"notebook", "question", "score", "max_score", "status", "duration_s", "tests"} <= set(result)
    assert result["question"] == "q07" and result["status"] == "graded"
    assert result["score"] == result["max_score"] == 10
    assert all({"name", "outcome", "points", "max_points", "message"} <= set(t) for t in result["tests"])
    assert data["summary"]["full_marks"] == 1
    suite = ET.parse(tmp_path / "r.xml").getroot().find("testsuite")
    assert suite.get("failures") == "0" and int(suite.get("tests")) == len(result["tests"])
    assert "| q07 |" in summary.read_text(encoding="utf-8")


def test_failing_cell_still_grades_what_was_defined(tmp_path, capsys):
    cells = solution_code() + ["raise RuntimeError('a later cell breaks')", "def unrelated():\n    pass"]
    nb = notebook_from_cells(tmp_path / "q07.ipynb", cells, question=None)
    assert grade_main([str(nb), "--json", str(tmp_path / "r.json")]) == 0
    (result,) = load_json(tmp_path / "r.json")["results"]
    assert result["score"] == 10
    assert any(c["status"] == "error" and "a later cell breaks" in c["error"] for c in result["cells"])


def test_partial_credit_and_messages_do_not_show_test_code(tmp_path):
    wrong = "import torch\ndef dropout(x, p=0.5, training=True, generator=None):\n    return x * (torch.rand(x.shape) >= p)"
    nb = notebook_from_cells(tmp_path / "w.ipynb", [wrong])
    assert grade_main([str(nb), "--json", str(tmp_path / "r.json")]) == 1
    (result,) = load_json(tmp_path / "r.json")["results"]
    assert 0 < result["score"] < 10
    messages = " ".join(t["message"] for t in result["tests"])
    assert "1/(1-p)" in messages
    assert "def test_" not in messages and "submission." not in messages


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    ("{ not json", "not a notebook"),
    (json.dumps({"cells": "nope"}), "not a valid notebook"),
])
def test_bad_input_exits_2_naming_the_file(tmp_path, capsys, content, expected):
    path = tmp_path / "q07.ipynb"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert grade_main([str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and expected in err


def test_unknown_question_exits_2(tmp_path, capsys):
    nb = notebook_from_cells(tmp_path / "mine.ipynb", ["x = 1"], question="q99")
    assert grade_main([str(nb)]) == 2
    assert "unknown question 'q99'" in capsys.readouterr().err


def test_banned_api_static_and_at_run_time(tmp_path):
    static = "import torch.nn.functional as F\ndef dropout(x, p=0.5, training=True, generator=None):\n    return F.dropout(x, p, training)"
    sneaky = ("import torch, importlib\nfn = getattr(importlib.import_module('torch.nn.functional'), 'drop' + 'out')\n"
              "def dropout(x, p=0.5, training=True, generator=None):\n    return fn(x, p, training)")
    a = notebook_from_cells(tmp_path / "a.ipynb", [static])
    b = notebook_from_cells(tmp_path / "b.ipynb", [sneaky])
    assert grade_main([str(a), str(b), "--json", str(tmp_path / "r.json")]) == 1
    ra, rb = load_json(tmp_path / "r.json")["results"]
    assert ra["score"] == 0 and any("torch.nn.functional.dropout" in n for n in ra["notes"])
    assert rb["score"] <= 2, "only tests that never call dropout in training mode may pass"
    assert any("is not allowed in this question" in t["message"] for t in rb["tests"])


def test_stub_generation_round_trip():
    for cell in read(SOLUTION).cells:
        if cell.cell_type == "code":
            compile(strip_solution(cell.source), "stub", "exec")
    nbformat.validate(read(ROOT / "notebooks" / "q07.ipynb"))
