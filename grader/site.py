"""`bank site`: render the question bank into a static, bilingual, searchable study site.

    build_site(bank_root, out, results=()) -> counts

The output works from any static host and straight from `file://`, offline: every link is
relative, every script, style and font (KaTeX, Mermaid) is copied from `site/assets`, and the search
index is a script (`assets/search-index.js`) rather than fetched JSON. Layout of the build:

    index.html                  picks /en/ or /zh/ (stored choice, then the browser's language)
    en/index.html, zh/...       home: topics with counts and progress, filterable question list
    en/search.html              search, reads ?q=
    en/q/<id>.html              one page per question
    notebooks/<qid>.ipynb       stub notebooks to download
    assets/                     site.css/js, search, pygments.css, vendor/
"""
from __future__ import annotations

import json
import re
import shutil
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from grader.cards import LANGS, Card, load_cards, pick
from grader.sitebuild import i18n, progress
from grader.sitebuild.markdown import highlight_code, plain, pygments_css, render, snippet_html
from grader.sitebuild.search import build_index, index_script

SITE_DIR = Path(__file__).resolve().parent.parent / "site"
MARKER = ".bank-site"
_GITHUB = re.compile(r"^https?://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?$")


def repository_slug(pyproject: Path) -> str | None:
    """"OWNER/REPO" from `[tool.grader] repository = "https://github.com/OWNER/REPO"`, if set."""
    try:
        data = tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    url = data.get("tool", {}).get("grader", {}).get("repository")
    m = _GITHUB.match(url.strip()) if isinstance(url, str) else None
    return f"{m.group(1)}/{m.group(2)}" if m else None


def colab_url(slug: str, qid: str) -> str:
    return f"https://colab.research.google.com/github/{slug}/blob/main/notebooks/{qid}.ipynb"


def _sort_key(card_id: str) -> tuple:
    return (card_id[0], int(card_id[1:]), card_id)


def solution_cells(path: Path) -> list[str]:
    """Highlighted code cells of a reference solution notebook (nothing else from it)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return []
    cells = []
    for cell in nb.get("cells", []) if isinstance(nb, dict) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else str(src)
        if src.strip():
            cells.append(highlight_code(src.rstrip() + "\n", "python"))
    return cells


@dataclass
class _Flags:
    math: bool = False
    mermaid: bool = False

    def md(self, text: str, inline: bool = False) -> str:
        html = render(text, inline)
        self.math |= html.math
        self.mermaid |= html.mermaid
        return html


@dataclass
class _Bank:
    root: Path
    cards: dict[str, Card]
    order: list[str]
    slug: str | None
    results: dict[str, dict]
    stubs: set[str] = field(default_factory=set)
    solutions: dict[str, list[str]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)


def _fmt_result(card: Card, entry: dict | None) -> dict | None:
    view = progress.view(entry, card.points)
    if view is None:
        return None
    view["score_s"], view["max_s"] = progress.fmt(view["score"]), progress.fmt(view["max_score"])
    for test in view["tests"]:
        test["points_s"], test["max_s"] = progress.fmt(test["points"]), progress.fmt(test["max_points"])
    return view


def _summary(bank: _Bank, cid: str, lang: str, flags: _Flags) -> dict:
    card = bank.cards[cid]
    title, fb = card.text("title", lang)
    return {
        "id": cid, "kind": card.kind, "topic": card.topic, "difficulty": card.difficulty,
        "kind_label": i18n.label(i18n.KINDS, card.kind, lang),
        "topic_label": i18n.label(i18n.TOPICS, card.topic, lang),
        "difficulty_label": i18n.label(i18n.DIFFICULTIES, card.difficulty, lang),
        "frameworks": [{"slug": f, "label": i18n.label(i18n.FRAMEWORKS, f, lang)} for f in card.frameworks],
        "title": flags.md(title, inline=True), "title_fb": fb, "title_plain": plain(title),
        "result": _fmt_result(card, bank.results.get(cid)) if card.is_coding else None,
    }


def _question(bank: _Bank, cid: str, lang: str, flags: _Flags) -> dict:
    card = bank.cards[cid]
    q = _summary(bank, cid, lang, flags)

    def one(text: dict[str, str], inline: bool = False) -> dict:
        body, fb = pick(text, lang)
        return {"html": flags.md(body, inline), "fb": fb}

    related = []
    for rid in bank.related.get(cid, []):
        s = _summary(bank, rid, lang, flags)
        related.append({k: s[k] for k in ("id", "title", "title_fb", "kind", "kind_label")})
    q.update({
        "tags": card.tags,
        "prompt": one(card.prompt), "answer": one(card.answer),
        "hints": [one(h) for h in card.hints],
        "listen_for": [one(x, True) for x in card.listen_for],
        "pitfalls": [one(x, True) for x in card.pitfalls],
        "follow_ups": [one(x, True) for x in card.follow_ups],
        "references": card.references, "related": related,
        "contract": [{"signature": highlight_code(c["signature"], "python"),
                      "description": one(c["description"]) if c.get("description") else None}
                     for c in card.contract],
        "banned": [{"name": b.name, "reason": one(b.reason, True)} for b in card.banned],
        "points": card.points, "device": card.device, "timeout": progress.fmt(card.timeout_s),
        "stub_href": f"../../notebooks/{cid}.ipynb" if cid in bank.stubs else None,
        "colab_url": colab_url(bank.slug, cid) if bank.slug and cid in bank.stubs else None,
        "grade_cmd": f"grade notebooks/{cid}.ipynb",
        "solution": bank.solutions.get(cid, []),
    })
    return q


def _topics(bank: _Bank, lang: str) -> tuple[list[dict], dict]:
    known = list(i18n.TOPICS)
    present = {bank.cards[c].topic for c in bank.order}
    slugs = [t for t in known if t in present] + sorted(present - set(known))
    topics, totals = [], {"score": 0.0, "max": 0.0, "graded": 0, "coding": 0}
    for slug in slugs:
        ids = [c for c in bank.order if bank.cards[c].topic == slug]
        coding = [c for c in ids if bank.cards[c].is_coding]
        score = sum(float(progress.view(bank.results.get(c), 0)["score"]) for c in coding if c in bank.results)
        max_pts = sum(float(bank.cards[c].points) for c in coding)
        graded = sum(1 for c in coding if c in bank.results)
        topics.append({"slug": slug, "label": i18n.label(i18n.TOPICS, slug, lang), "count": len(ids),
                       "concept": len(ids) - len(coding), "coding": len(coding), "graded": graded,
                       "score": progress.fmt(score), "max": progress.fmt(max_pts),
                       "percent": round(100 * score / max_pts) if max_pts else 0})
        totals["score"] += score
        totals["max"] += max_pts
        totals["graded"] += graded
        totals["coding"] += len(coding)
    totals["score"], totals["max"] = progress.fmt(totals["score"]), progress.fmt(totals["max"])
    return topics, totals


def _filters(bank: _Bank, lang: str, t: dict) -> list[dict]:
    def options(values: Iterable[str], table: dict, known: list[str]) -> list[dict]:
        counts: dict[str, int] = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        ordered = [k for k in known if k in counts] + sorted(set(counts) - set(known))
        return [{"value": v, "label": i18n.label(table, v, lang), "count": counts[v]} for v in ordered]

    cards = [bank.cards[c] for c in bank.order]
    return [
        {"name": "topic", "label": t["topic"],
         "options": options((c.topic for c in cards), i18n.TOPICS, list(i18n.TOPICS))},
        {"name": "difficulty", "label": t["difficulty"],
         "options": options((c.difficulty for c in cards), i18n.DIFFICULTIES, list(i18n.DIFFICULTIES))},
        {"name": "kind", "label": t["kind"],
         "options": options((c.kind for c in cards), i18n.KINDS, list(i18n.KINDS))},
        {"name": "framework", "label": t["framework"],
         "options": options((f for c in cards for f in c.frameworks), i18n.FRAMEWORKS, list(i18n.FRAMEWORKS))},
    ]


def _search_index(bank: _Bank) -> dict:
    docs, fields = [], []
    for cid in bank.order:
        card = bank.cards[cid]
        doc: dict[str, Any] = {"id": cid, "k": card.kind, "t": card.topic, "d": card.difficulty}
        for lang in LANGS:
            title, fb = card.text("title", lang)
            prompt, _ = card.text("prompt", lang)
            doc[lang] = str(render(title, inline=True))
            doc["s" + lang] = snippet_html(prompt, 180)
            if fb:
                doc["f" + lang] = 1
        docs.append(doc)

        def both(texts: Iterable[dict[str, str]]) -> str:
            return "\n".join(v for text in texts for v in text.values())

        fields.append({
            "title": both([card.title]) + " " + cid,
            "tags": " ".join(card.tags) + " " + " ".join(card.frameworks),
            "topic": card.topic.replace("-", " ") + " " + " ".join(i18n.TOPICS.get(card.topic, ())),
            "prompt": both([card.prompt]),
            "contract": " ".join(c["name"] + " " + c["signature"] for c in card.contract),
            "answer": both([card.answer]),
            "hints": both(card.hints),
            "listen_for": both(card.listen_for) + "\n" + both(card.pitfalls),
            "follow_ups": both(card.follow_ups),
        })
    return build_index(docs, fields)


def _prepare_out(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"{out} exists and is not a directory")
        if any(out.iterdir()):
            if not (out / MARKER).exists():
                raise ValueError(f"{out} is not empty and is not a previous site build; "
                                 "choose an empty or new directory")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("built by `bank site`; the whole directory is replaced on rebuild\n")


def _related(cards: dict[str, Card], order: list[str]) -> dict[str, list[str]]:
    rel: dict[str, list[str]] = {c: list(cards[c].related) for c in order}
    for c in order:
        for r in cards[c].related:
            if r in rel and c not in rel[r]:
                rel[r].append(c)
    return rel


def build_site(bank_root: Path, out: Path, results: Iterable[Path] = ()) -> dict:
    """Render the bank under `bank_root` into `out`; returns counts of what was written.

    `results`: `grade --json` files, merged (latest `graded_at` wins per question). Raises
    `grader.cards.BankError` for invalid cards and ValueError for an unusable `out` or results file.
    """
    bank_root, out = Path(bank_root), Path(out)
    started = time.perf_counter()
    cards = load_cards(bank_root / "questions")
    loaded = time.perf_counter()
    order = sorted(cards, key=_sort_key)
    merged = progress.load_results(list(results))
    bank = _Bank(root=bank_root, cards=cards, order=order,
                 slug=repository_slug(bank_root / "pyproject.toml"),
                 results={k: v for k, v in merged.items() if k in cards and cards[k].is_coding},
                 related=_related(cards, order))
    site_dir = SITE_DIR if (SITE_DIR / "templates").is_dir() else bank_root / "site"
    _prepare_out(out)

    shutil.copytree(site_dir / "assets", out / "assets", dirs_exist_ok=True)
    (out / "assets" / "pygments.css").write_text(pygments_css(), encoding="utf-8")
    (out / "notebooks").mkdir(exist_ok=True)
    for cid in order:
        if not cards[cid].is_coding:
            continue
        stub = bank_root / "notebooks" / f"{cid}.ipynb"
        if stub.is_file():
            shutil.copyfile(stub, out / "notebooks" / stub.name)
            bank.stubs.add(cid)
        sol = bank_root / "solutions" / cid / "solution.ipynb"
        if sol.is_file():
            bank.solutions[cid] = solution_cells(sol)

    env = Environment(loader=FileSystemLoader(str(site_dir / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    templates = {n: env.get_template(f"{n}.html") for n in ("home", "question", "search", "root")}
    pages = 0

    def write(path: Path, html: str) -> None:
        nonlocal pages
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        pages += 1

    for lang in LANGS:
        other = "zh" if lang == "en" else "en"
        t = i18n.strings(lang)
        base = {"lang": lang, "html_lang": i18n.HTML_LANG[lang], "other_html_lang": i18n.HTML_LANG[other],
                "t": t, "description": "",
                "js_strings": json.dumps({k: t[k] for k in ("copy", "copied", "copy_code", "show_hint",
                                                          "all_hints", "search_results", "search_none",
                                                          "search_empty", "fallback")},
                                         ensure_ascii=False).replace("</", "<\\/")}

        flags = _Flags()
        items = [_summary(bank, cid, lang, flags) for cid in order]
        topics, totals = _topics(bank, lang)
        n_coding = sum(1 for c in order if cards[c].is_coding)
        write(out / lang / "index.html", templates["home"].render(
            **{**base, "description": t["site_tagline"]}, page="home", root="../", switch_href=f"../{other}/index.html",
            alternate=f"../{other}/index.html", math=flags.math, mermaid=False,
            items=items, topics=topics, totals=totals, has_results=bool(bank.results),
            filters=_filters(bank, lang, t),
            stats={"total": len(order), "coding": n_coding, "concept": len(order) - n_coding}))
        write(out / lang / "search.html", templates["search"].render(
            **base, page="search", root="../", switch_href=f"../{other}/search.html",
            alternate=f"../{other}/search.html", math=True, mermaid=False,
            labels_json=json.dumps({name: {k: i18n.label(table, k, lang) for k in table}
                                    for name, table in (("kind", i18n.KINDS), ("topic", i18n.TOPICS),
                                                        ("difficulty", i18n.DIFFICULTIES))},
                                   ensure_ascii=False)))
        for i, cid in enumerate(order):
            flags = _Flags()
            q = _question(bank, cid, lang, flags)
            write(out / lang / "q" / f"{cid}.html", templates["question"].render(
                **{**base, "description": plain(pick(cards[cid].prompt, lang)[0], 160)},
                page="question", root="../../", q=q,
                switch_href=f"../../{other}/q/{cid}.html", alternate=f"../../{other}/q/{cid}.html",
                prev={"id": order[i - 1]} if i > 0 else None,
                next={"id": order[i + 1]} if i + 1 < len(order) else None,
                math=flags.math, mermaid=flags.mermaid))

    write(out / "index.html", templates["root"].render(en=i18n.strings("en"), zh=i18n.strings("zh")))
    (out / "assets" / "search-index.js").write_text(index_script(_search_index(bank)), encoding="utf-8")
    n_coding = sum(1 for c in order if cards[c].is_coding)
    return {"cards": len(order), "concept": len(order) - n_coding, "coding": n_coding, "pages": pages,
            "notebooks": len(bank.stubs), "solutions": len(bank.solutions),
            "results": len(bank.results), "languages": len(LANGS), "out": str(out),
            "load_s": round(loaded - started, 3), "render_s": round(time.perf_counter() - loaded, 3)}
