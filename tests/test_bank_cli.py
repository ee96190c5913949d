"""The contributor's flow: `bank new`, `bank stubs`, `bank check` on a bank of one question."""
from __future__ import annotations

from pathlib import Path

from grader.cli import bank_main


def make_bank(tmp_path: Path) -> Path:
    for folder in ("questions", "solutions", "notebooks"):
        (tmp_path / folder).mkdir()
    return tmp_path


def test_scaffold_stubs_and_check(tmp_path, capsys):
    root = make_bank(tmp_path)
    assert bank_main(["--bank", str(root), "new", "q90"]) == 0
    assert bank_main(["--bank", str(root), "new", "q90"]) == 2, "scaffolding twice must refuse"
    assert bank_main(["--bank", str(root), "stubs", "--check"]) == 1
    assert bank_main(["--bank", str(root), "stubs"]) == 0
    assert bank_main(["--bank", str(root), "stubs", "--check"]) == 0
    assert bank_main(["--bank", str(root), "check"]) == 0, capsys.readouterr()
    assert "q90: ok" in capsys.readouterr().out


def test_check_reports_an_uncaught_mutant_and_a_stale_stub(tmp_path, capsys):
    root = make_bank(tmp_path)
    bank_main(["--bank", str(root), "new", "q91"])
    bank_main(["--bank", str(root), "stubs"])
    (root / "solutions" / "q91" / "mutants" / "same.py").write_text(
        '"""Catches: nothing, it is correct."""\n\n\ndef answer(x):\n    return x * x\n', encoding="utf-8")
    assert bank_main(["--bank", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "q91 mutant same: was not caught" in err
    solution = root / "solutions" / "q91" / "solution.ipynb"
    solution.write_text(solution.read_text(encoding="utf-8").replace("TODO", "changed"), encoding="utf-8")
    assert bank_main(["--bank", str(root), "check", "--cards-only"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_bad_card_is_named(tmp_path, capsys):
    root = make_bank(tmp_path)
    (root / "questions" / "c01.yaml").write_text("id: c01\nkind: concept\n", encoding="utf-8")
    assert bank_main(["--bank", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "c01.yaml" in err and "title" in err


def test_suite_module_state_does_not_carry_over_between_notebooks(tmp_path):
    from conftest import notebook_from_cells

    from grader.bank import Bank
    from grader.grade import Options, grade_notebook

    root = make_bank(tmp_path)
    bank_main(["--bank", str(root), "new", "q92"])
    (root / "solutions" / "q92" / "test_q92.py").write_text(
        "import pytest\nSEEN = []\n\n\n@pytest.fixture(scope='module')\ndef first(submission):\n"
        "    return submission.answer(2.0)\n\n\ndef test_example(first):\n    \"\"\"fresh module\"\"\"\n"
        "    SEEN.append(first)\n    assert SEEN == [4.0], 'module state leaked between notebooks'\n",
        encoding="utf-8")
    nb = notebook_from_cells(root / "a.ipynb", ["def answer(x):\n    return x * x"], "q92")
    bank = Bank(root)
    assert [grade_notebook(nb, bank, Options()).score for _ in range(2)] == [1.0, 1.0]
