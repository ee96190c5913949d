"""Checks on the concept cards (questions/cNN.yaml): both languages, links, seed coverage."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader.cards import Card  # noqa: E402
from grader.cards import load_card as _load_card  # noqa: E402

QUESTIONS = REPO / "questions"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CATALOG = SHARED / "CATALOG.md"
SEEDS = SHARED / "seeds"

CONCEPT_PATHS = sorted(QUESTIONS.glob("c*.yaml"))
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@lru_cache(maxsize=None)
def load_card(path: Path) -> Card:
    return _load_card(path)


SINGLE_FIELDS = ("title", "prompt", "answer")
LIST_FIELDS = ("hints", "listen_for", "pitfalls", "follow_ups")


def _cards() -> list[Card]:
    return [load_card(p) for p in CONCEPT_PATHS]


def _texts(card: Card):
    """(field label, bilingual text) for every text field of a card."""
    for name in SINGLE_FIELDS:
        yield name, getattr(card, name)
    for name in LIST_FIELDS:
        for i, text in enumerate(getattr(card, name)):
            yield f"{name}[{i}]", text


def _ascii_ratio(s: str) -> float:
    return sum(ch.isascii() for ch in s) / max(len(s), 1)


def test_at_least_40_concept_cards():
    assert len(CONCEPT_PATHS) >= 40, f"only {len(CONCEPT_PATHS)} concept cards"


@pytest.mark.parametrize("path", CONCEPT_PATHS, ids=lambda p: p.stem)
def test_card_loads_and_is_concept(path):
    card = load_card(path)
    assert card.id == path.stem
    assert card.kind == "concept"


@pytest.mark.parametrize("path", CONCEPT_PATHS, ids=lambda p: p.stem)
def test_every_text_field_is_bilingual(path):
    card = load_card(path)
    for label, text in _texts(card):
        en, zh = text.get("en", ""), text.get("zh", "")
        assert en and en.strip(), f"{card.id}.{label}: empty en"
        assert zh and zh.strip(), f"{card.id}.{label}: empty zh"
        assert CJK.search(zh), f"{card.id}.{label}: zh has no Chinese characters"
        assert _ascii_ratio(en) >= 0.9, f"{card.id}.{label}: en is not mostly ASCII"
        assert not CJK.search(en), f"{card.id}.{label}: en contains Chinese characters"


@pytest.mark.parametrize("path", CONCEPT_PATHS, ids=lambda p: p.stem)
def test_card_has_the_concept_sections(path):
    card = load_card(path)
    assert 3 <= len(card.listen_for) <= 6, f"{card.id}: listen_for has {len(card.listen_for)} items"
    assert 1 <= len(card.hints) <= 3, f"{card.id}: hints has {len(card.hints)} items"
    assert 2 <= len(card.follow_ups) <= 4, f"{card.id}: follow_ups has {len(card.follow_ups)} items"
    assert card.pitfalls, f"{card.id}: no pitfalls"
    assert card.references, f"{card.id}: no references"


def _catalog_coding_ids() -> set[str]:
    if not CATALOG.is_file():
        pytest.skip(f"catalog not found at {CATALOG}")
    text = CATALOG.read_text(encoding="utf-8")
    return set(re.findall(r"^\|\s*(q\d{2,3})\s*\|", text, flags=re.MULTILINE))


def test_related_links_resolve():
    existing = {p.stem for p in QUESTIONS.glob("*.yaml")}
    unresolved = []
    coding_ids = None
    for card in _cards():
        for rel in card.related:
            if rel in existing:
                continue
            if rel.startswith("q"):
                if coding_ids is None:
                    coding_ids = _catalog_coding_ids()
                if rel in coding_ids:
                    continue
            unresolved.append(f"{card.id} -> {rel}")
        assert card.id not in card.related, f"{card.id} links to itself"
    assert not unresolved, "unresolved related ids: " + ", ".join(unresolved)


def test_sources_exist():
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder not found at {SEEDS}")
    missing = [f"{c.id}: {s}" for c in _cards() for s in c.source if not (SEEDS / s).is_file()]
    assert not missing, "source files not in shared/seeds: " + ", ".join(missing)


def test_every_seed_is_cited():
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder not found at {SEEDS}")
    cited = {s for c in _cards() for s in c.source}
    uncited = sorted(p.name for p in SEEDS.glob("*.txt") if p.name not in cited)
    assert not uncited, "seed files no card cites: " + ", ".join(uncited)
