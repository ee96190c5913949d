"""Unit tests: cards, the wire codec, solution stripping, banned-API scanning."""
from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

from grader import banned, notebook, wire
from grader.cards import BankError, Banned, load_cards
from grader.stubs import stale_stubs


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_bad_cards_each_named_with_field_and_problem(tmp_path):
    q = tmp_path / "questions"
    q.mkdir()
    write(q / "c01.yaml", """\
        id: c01
        kind: concept
        title: {en: Fine}
        topic: nonsense
        difficulty: easy
        prompt: {en: P}
        answer: {en: A}
        """)
    write(q / "c02.yaml", "id: [unclosed\n")
    write(q / "c03.yaml", """\
        id: c99
        kind: concept
        title: {en: T}
        topic: training
        difficulty: easy
        prompt: {en: P}
        answer: {en: A}
        related: [c42]
        """)
    with pytest.raises(BankError) as info:
        load_cards(q)
    messages = [str(e) for e in info.value.errors]
    assert any("c01.yaml: topic:" in m and "nonsense" in m for m in messages), messages
    assert any("c02.yaml" in m and "invalid YAML" in m for m in messages), messages
    assert any("c03.yaml: id:" in m and "c99" in m for m in messages), messages
    assert len(messages) == 3


def test_coding_card_requires_contract(tmp_path):
    q = tmp_path / "questions"
    q.mkdir()
    write(q / "q01.yaml", """\
        id: q01
        kind: coding
        title: {en: T}
        topic: training
        difficulty: easy
        prompt: {en: P}
        answer: {en: A}
        """)
    with pytest.raises(BankError) as info:
        load_cards(q)
    assert "contract" in str(info.value) and "q01.yaml" in str(info.value)


@pytest.mark.parametrize("value", [
    1, -2 ** 70, 0.5, float("nan"), float("-inf"), "汉字", None, True, [1, (2, 3)], {"a": [1.5], 3: "x"}, {1, 2}, frozenset({"a"}),
    np.arange(6, dtype=np.float32).reshape(2, 3), np.int64(7), np.zeros((0, 4), dtype=bool),
    torch.randn(3, 4, dtype=torch.float64), torch.arange(5), torch.randn(2, 2).to(torch.bfloat16),
])
def test_wire_round_trip(value):
    back = wire.decode(wire.loads(wire.dumps(wire.encode(value))))
    if isinstance(value, torch.Tensor):
        assert type(back) is torch.Tensor and back.dtype == value.dtype and torch.equal(back, value)
    elif isinstance(value, (np.ndarray, np.generic)):
        assert np.array_equal(back, value) and back.dtype == value.dtype
    elif isinstance(value, float) and value != value:
        assert back != back
    else:
        assert back == value and type(back) is type(value)


def test_wire_never_carries_foreign_objects():
    from collections import OrderedDict, namedtuple

    class Forged(float):
        def __eq__(self, other):
            return True

    handles = []
    pair = namedtuple("Pair", "a b")
    value = [Forged(1.0), object(), pair(1, 2), OrderedDict(k=3)]
    encoded = wire.encode(value, make_handle=lambda o: handles.append(o) or {"$handle": {"id": 1}})
    back = wire.decode(wire.loads(wire.dumps(encoded)))
    assert type(back[0]) is float and back[0] == 1.0 and not back[0] == 2.0, "subclasses arrive as plain data"
    assert handles == [value[1]] and back[1].hid == 1
    assert type(back[2]) is tuple and back[2] == (1, 2) and type(back[3]) is dict
    with pytest.raises(wire.WireError):
        wire.decode({"$nd": {"dtype": "object", "shape": [1], "b64": ""}})
    with pytest.raises(wire.WireError):
        wire.decode({"$pickle": "gASV"})
    with pytest.raises(wire.WireError):
        wire.decode({"$nd": {"dtype": "float64", "shape": [3], "b64": "AAAA"}})


def test_strip_solution_keeps_signature_and_indentation():
    src = 'def f(x):\n    """doc"""\n    # BEGIN SOLUTION\n    return x + 1\n    # END SOLUTION\n'
    stub = notebook.strip_solution(src)
    assert "return x + 1" not in stub
    assert '    raise NotImplementedError("not implemented yet")' in stub
    ns: dict = {}
    exec(stub, ns)
    with pytest.raises(NotImplementedError):
        ns["f"](1)
    with pytest.raises(ValueError):
        notebook.strip_solution("# BEGIN SOLUTION\nx = 1\n")


def test_stubs_are_up_to_date(bank):
    assert stale_stubs(bank) == [], "run `bank stubs`"


def test_question_id_from_metadata_or_file_name(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    assert notebook.question_id(nb, Path("work/q24.ipynb")) == "q24"
    assert notebook.question_id(nb, Path("q07-attempt2.ipynb")) == "q07"
    assert notebook.question_id(nb, Path("homework.ipynb")) is None
    nb.metadata["grader"] = {"question": "q01"}
    assert notebook.question_id(nb, Path("q24.ipynb")) == "q01"


def test_banned_scan_finds_references_not_own_names():
    ban = (Banned("torch.nn.functional.dropout", {"en": "implement it"}),)
    assert banned.scan("def dropout(x):\n    return x\ny = dropout(1)  # F.dropout\n", ban) == []
    hits = banned.scan("import torch.nn.functional as F\ny = F.dropout(x)\n", ban)
    assert [(h.name, h.line) for h in hits] == [("torch.nn.functional.dropout", 2)]
    assert banned.scan("from torch.nn.functional import dropout as d\n", ban)
    assert banned.scan("%matplotlib inline\nimport torch\nz = torch.nn.functional.dropout(x)\n", ban)


@pytest.mark.parametrize("banned_name, use", [
    ("scipy.cluster.vq.kmeans", "import scipy.cluster.vq\nfrom scipy.cluster.vq import kmeans\nkmeans([[0.0]], 1)"),
    ("torch.nn.functional.dropout", "import torch, importlib\n"
                                    "getattr(importlib.import_module('torch.nn.functional'), 'drop' + 'out')(torch.ones(2))"),
    ("torch.Tensor.backward", "import torch\ntorch.ones(2, requires_grad=True).sum().backward()"),
])
def test_guard_blocks_calls_and_never_breaks_imports(banned_name, use):
    import subprocess
    import sys

    code = banned.guard_code((Banned(banned_name, {"en": "not here"}),)) + "\n" + use
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    last = proc.stderr.strip().splitlines()[-1]
    assert "BannedAPIError: " in last and "not allowed in this question: not here" in last, proc.stderr[-800:]


def test_coding_cards_are_bilingual(bank):
    """Every text of every coding card in both languages (concept cards: test_concept_cards.py)."""
    import re

    for card in (c for c in bank.cards.values() if c.is_coding):
        texts = {"title": card.title, "prompt": card.prompt, "answer": card.answer}
        texts.update({f"{n}[{i}]": t for n in ("hints", "follow_ups") for i, t in enumerate(getattr(card, n))})
        texts.update({f"banned[{i}].reason": b.reason for i, b in enumerate(card.banned)})
        for field, text in texts.items():
            assert text.get("en") and re.search(r"[\u4e00-\u9fff]", text.get("zh", "")), f"{card.id}: {field}"
