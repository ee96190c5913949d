"""Load and validate question cards (questions/<id>.yaml) into one `Card` model.

The grader, `bank check` and the site builder all read cards through this module, so a card means
the same thing everywhere. Validation collects every problem of every card before failing, so one
bad card never hides another's errors.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10x faster
SCHEMA_PATH = Path(__file__).with_name("schemas") / "card.schema.json"
LANGS = ("en", "zh")


class CardError(Exception):
    """One problem in one card file: names the file, the field and what is wrong."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        self.path, self.field, self.problem = Path(path), field, problem
        super().__init__(f"{path}: {field}: {problem}" if field else f"{path}: {problem}")


class BankError(Exception):
    """Several card problems at once; `errors` keeps each one."""

    def __init__(self, errors: list[CardError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Banned:
    name: str
    reason: dict[str, str]


@dataclass(frozen=True)
class Card:
    """A validated question card. Text fields are dicts keyed by language (`en`, `zh`)."""

    id: str
    kind: str
    title: dict[str, str]
    topic: str
    difficulty: str
    prompt: dict[str, str]
    answer: dict[str, str]
    path: Path
    tags: tuple[str, ...] = ()
    frameworks: tuple[str, ...] = ()
    hints: tuple[dict[str, str], ...] = ()
    listen_for: tuple[dict[str, str], ...] = ()
    pitfalls: tuple[dict[str, str], ...] = ()
    follow_ups: tuple[dict[str, str], ...] = ()
    references: tuple[dict[str, str], ...] = ()
    source: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    contract: tuple[dict[str, Any], ...] = ()
    points: int = 0
    timeout_s: float = 0.0
    device: str = "any"
    banned: tuple[Banned, ...] = field(default=())

    @property
    def is_coding(self) -> bool:
        return self.kind == "coding"

    def text(self, name: str, lang: str) -> tuple[str, bool]:
        """The text of field `name` in `lang`, and whether it fell back to the other language."""
        return pick(getattr(self, name), lang)


def pick(text: dict[str, str], lang: str) -> tuple[str, bool]:
    """Choose `lang` from a bilingual text, falling back to the other language (flagged True)."""
    if text.get(lang):
        return text[lang], False
    other = next((text[k] for k in LANGS if text.get(k)), "")
    return other, True


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # imported lazily: only loading cards needs it

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _field_path(error: Any) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "(card)"


def validate(data: Any, path: Path) -> list[CardError]:
    """Every schema problem of one parsed card, plus checks the schema cannot express."""
    if not isinstance(data, dict):
        return [CardError(path, "", f"a card must be a YAML mapping, got {type(data).__name__}")]
    errors = [CardError(path, _field_path(e), e.message)
              for e in sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))]
    if not errors and data["id"] != path.stem:
        errors.append(CardError(path, "id", f"is {data['id']!r} but the file is named {path.name}"))
    if not errors and data["id"][0] != ("q" if data["kind"] == "coding" else "c"):
        errors.append(CardError(path, "id", "coding cards are named qNN, concept cards cNN"))
    return errors


def _build(data: dict[str, Any], path: Path) -> Card:
    tuples = {k: tuple(v) for k, v in data.items() if isinstance(v, list) and k != "banned"}
    banned = tuple(Banned(b["name"], b["reason"]) for b in data.get("banned", []))
    scalars = {k: v for k, v in data.items() if not isinstance(v, list)}
    return Card(path=path, **scalars, **tuples, banned=banned)


def load_card(path: Path) -> Card:
    """Parse and validate one card file; raises `BankError` listing all of its problems."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError([CardError(path, "", f"cannot read: {exc}")]) from None
    except yaml.YAMLError as exc:
        raise BankError([CardError(path, "", f"invalid YAML: {exc}")]) from None
    errors = validate(data, path)
    if errors:
        raise BankError(errors)
    return _build(data, path)


def load_cards(questions_dir: Path) -> dict[str, Card]:
    """All cards of a bank keyed by id; raises one `BankError` with every problem of every card."""
    cards: dict[str, Card] = {}
    errors: list[CardError] = []
    for path in sorted(Path(questions_dir).glob("*.yaml")):
        try:
            cards[path.stem] = load_card(path)
        except BankError as exc:
            errors.extend(exc.errors)
    for card in cards.values():
        errors.extend(CardError(card.path, "related", f"{r!r} is not a card of the bank")
                      for r in card.related if r not in cards)
    if errors:
        raise BankError(errors)
    return cards
