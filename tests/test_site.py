"""The static study site (`grader.site.build_site`) built from a small throw-away bank.

Checks that hold for any bank: every page parses as well-formed HTML, every internal link, script,
stylesheet and font resolves to a file of the build, nothing private from solutions/ is published.
Then the sample bank's specifics: fallback notes, results, search index, Colab links.
"""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader.cards import BankError, load_cards  # noqa: E402
from grader.site import build_site, repository_slug  # noqa: E402
from grader.sitebuild import sample  # noqa: E402
from grader.sitebuild.markdown import protect_math, render  # noqa: E402
from grader.sitebuild.progress import load_results  # noqa: E402
from grader.sitebuild.search import stem, tokens  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
RESULT_Q01 = {"notebook": "notebooks/q01.ipynb", "question": "q01", "score": 7.0, "max_score": 10.0,
              "status": "graded", "duration_s": 3.1, "graded_at": "2026-11-22T07:00:00+00:00",
              "tests": [{"name": "test_shape", "outcome": "passed", "points": 3, "max_points": 3, "message": ""},
                        {"name": "test_mask", "outcome": "failed", "points": 0, "max_points": 3,
                         "message": "mask ignored"}]}


class PageChecker(HTMLParser):
    """Strict enough: balanced non-void tags, unique ids, and every href/src collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: dict[str, int] = {}
        self.attrs_of: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs_of.append((tag, a))
        if a.get("id"):
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']!r}")
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append(a[key])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def close(self):
        super().close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")


def parse(path: Path) -> PageChecker:
    checker = PageChecker()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    return checker


def is_internal(url: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|//|#)", url, re.I) and url != ""


def check_build(out: Path) -> tuple[int, list[str]]:
    """(pages checked, problems): parse errors, links that do not resolve, missing anchors."""
    problems: list[str] = []
    pages = sorted(out.rglob("*.html"))
    parsed = {p: parse(p) for p in pages}
    for page, checker in parsed.items():
        rel = page.relative_to(out)
        problems += [f"{rel}: {e}" for e in checker.errors]
        if checker.tags.get("html") != 1 or checker.tags.get("title") != 1 or checker.tags.get("main") != 1:
            problems.append(f"{rel}: needs exactly one <html>, <title> and <main>")
        for url in checker.links:
            if url.startswith("#") and len(url) > 1 and url[1:] not in checker.ids:
                problems.append(f"{rel}: anchor {url} not on the page")
            if not is_internal(url):
                continue
            parts = urlsplit(url)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or out.resolve() not in target.parents:
                problems.append(f"{rel}: {url} does not resolve to a file of the build")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed[
                    next(p for p in parsed if p.resolve() == target)].ids:
                problems.append(f"{rel}: {url}: no element with that id")
    for css in out.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", css.read_text(encoding="utf-8")):
            if is_internal(url) and not (css.parent / urlsplit(url).path).is_file():
                problems.append(f"{css.relative_to(out)}: url({url}) missing")
    return len(pages), problems


@pytest.fixture(scope="module")
def bank(tmp_path_factory) -> Path:
    root = sample.write_sample_bank(tmp_path_factory.mktemp("bank"))
    sample.write_results(root / "results.json", [RESULT_Q01])
    return root


@pytest.fixture(scope="module")
def site(bank, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("site") / "out"
    counts = build_site(bank, out, [bank / "results.json"])
    return out, counts


def read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_counts_and_layout(site):
    out, counts = site
    assert counts["cards"] == 4 and counts["coding"] == 2 and counts["concept"] == 2
    assert counts["pages"] == 1 + 2 * (2 + 4)
    assert counts["results"] == 1 and counts["notebooks"] == 2
    for rel in ("index.html", "en/index.html", "zh/index.html", "en/search.html", "zh/search.html",
                "en/q/c01.html", "zh/q/q02.html", "notebooks/q01.ipynb", "assets/search-index.js",
                "assets/vendor/katex/katex.min.js", "assets/vendor/katex/LICENSE",
                "assets/vendor/mermaid/mermaid.min.js", "assets/vendor/mermaid/LICENSE"):
        assert (out / rel).is_file(), rel


def test_every_page_parses_and_every_internal_link_resolves(site):
    out, _ = site
    n, problems = check_build(out)
    assert n == 13
    assert problems == []


def test_no_cdn_everything_is_local(site):
    out, _ = site
    for page in out.rglob("*.html"):
        checker = parse(page)
        for tag, attrs in checker.attrs_of:
            if tag in ("script", "img") and attrs.get("src"):
                assert is_internal(attrs["src"]), (page, attrs["src"])
            if tag == "link" and attrs.get("rel") == "stylesheet":
                assert is_internal(attrs["href"]), (page, attrs["href"])


def test_language_switch_keeps_the_question(site):
    out, _ = site
    for lang, other in (("en", "zh"), ("zh", "en")):
        for page in (out / lang / "q").glob("*.html"):
            switch = next(a for t, a in parse(page).attrs_of if a.get("id") == "lang-switch")
            assert switch["href"] == f"../../{other}/q/{page.name}"
    assert '<html lang="zh-CN"' in read(out, "zh/index.html")
    assert '<html lang="en"' in read(out, "en/index.html")


def test_fallback_note_when_a_language_is_missing(site):
    out, _ = site
    zh = read(out, "zh/q/c02.html")  # c02 has no Chinese title, answer or follow-up
    assert zh.count('class="fallback-note"') == 3
    assert "暂无中文版本" in zh
    assert 'lang="en">Over-fitting' in zh
    assert "如何判断模型过拟合" in zh  # the prompt exists in Chinese: no note for it
    en = read(out, "en/q/c02.html")
    assert 'class="fallback-note"' not in en
    assert 'class="fallback-note"' not in read(out, "en/q/c01.html")


def test_question_page_parts(site):
    out, _ = site
    c01 = read(out, "en/q/c01.html")
    assert 'id="hint-list"' in c01 and c01.count('class="hint"') == 2
    assert 'id="answer-reveal"' in c01 and "<details" in c01
    assert "What the interviewer listens for" in c01 and "Common pitfalls" in c01
    assert "Follow-up questions" in c01 and "https://arxiv.org/abs/1706.03762" in c01
    assert 'href="c02.html"' in c01 and 'href="q01.html"' in c01  # related
    assert 'id="studied-toggle"' in c01
    assert '<pre class="mermaid">' in c01 and "mermaid.min.js" in c01
    assert "katex.min.js" in c01
    # LaTeX survives Markdown untouched, inside KaTeX delimiters
    assert r"\[\mathrm{Attn}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V\]" in c01
    q01 = read(out, "en/q/q01.html")
    assert "mermaid.min.js" not in q01  # only pages with a diagram load Mermaid
    assert "What to implement" in q01 and "attention(q, k, v, mask=None)" in q01.replace(
        '<span class="p">', "").replace("</span>", "").replace('<span class="n">', "").replace(
        '<span class="o">', "").replace('<span class="kc">', "")
    assert "scaled_dot_product_attention" in q01  # banned
    assert 'href="../../notebooks/q01.ipynb" download' in q01
    assert "https://colab.research.google.com/github/example/ml-bank/blob/main/notebooks/q01.ipynb" in q01
    assert "grade notebooks/q01.ipynb" in q01
    assert 'id="solution-reveal"' in q01 and "masked_fill" in q01


def test_nothing_private_from_solutions_is_published(site):
    out, _ = site
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".ipynb", ".json"):
            assert sample.SECRET_TEST_MARKER not in path.read_text(encoding="utf-8"), path
    assert not (out / "solutions").exists()


def test_results_are_shown(site):
    out, _ = site
    q01 = read(out, "en/q/q01.html")
    assert '<strong class="score-value">7</strong> / 10' in q01
    assert "2026-11-22 07:00 UTC" in q01 and 'datetime="2026-11-22T07:00:00+00:00"' in q01
    assert "test_mask" in q01 and "mask ignored" in q01
    assert "Not graded yet" in read(out, "en/q/q02.html")
    home = read(out, "en/index.html")
    assert 'id="progress-total"' in home and "<strong>7</strong>/16" in home  # 10 + 6 points
    assert "<strong>7</strong>/10 · 1/1" in home  # transformers topic
    assert 'class="badge score"' in home


def test_without_results_no_progress(bank, tmp_path):
    counts = build_site(bank, tmp_path / "out")
    assert counts["results"] == 0
    home = (tmp_path / "out" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'id="progress-total"' not in home
    assert "Concept questions studied" in home  # studied counts are filled in by the browser


def test_results_merge_latest_graded_wins(tmp_path):
    old = dict(RESULT_Q01, score=2.0, graded_at="2026-11-20T07:00:00+00:00")
    new = dict(RESULT_Q01, score=9.0, graded_at="2026-11-22T09:00:00Z")
    other = {"notebook": "notebooks/q02.ipynb", "score": 6, "max_score": 6, "status": "graded",
             "graded_at": "2026-11-01T00:00:00+00:00", "tests": []}
    a = sample.write_results(tmp_path / "a.json", [new])
    b = sample.write_results(tmp_path / "b.json", [old, other])
    for order in ([a, b], [b, a]):
        merged = load_results(order)
        assert merged["q01"]["score"] == 9.0
        assert merged["q02"]["score"] == 6  # question id taken from the notebook name
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_results([bad])


def test_search_index_is_a_script_with_cjk_and_stemmed_terms(site):
    out, _ = site
    js = read(out, "assets/search-index.js")
    assert js.startswith("/*") and "window.BANK_SEARCH=" in js
    index = json.loads(js.split("window.BANK_SEARCH=", 1)[1].rstrip().rstrip(";"))
    ids = [d["id"] for d in index["docs"]]

    def docs(term):
        p = index["terms"].get(term, [])
        return {ids[i] for i in p[::2]}

    assert {"c01", "q01"} <= docs("注意") & docs("意力")
    assert "c02" in docs("过拟") & docs("拟合")
    assert "c02" in docs(stem("overfitting")) or any(
        t.startswith(stem("overfit")) and "c02" in docs(t) for t in index["terms"])
    assert "c01" in docs(stem("attention"))
    assert index["docs"][ids.index("c02")]["fzh"] == 1  # title falls back in Chinese


def test_tokens_and_stemming():
    assert list(tokens("过拟合")) == ["过", "拟", "合", "过拟", "拟合"]
    assert stem("normalization") == stem("normalized") == stem("normalizing") == stem("normalize")
    assert stem("running") == "run" and stem("losses") == stem("loss") and stem("biases") == stem("bias")
    assert "the" not in list(tokens("The attention"))


def test_markdown_math_protection():
    html = render(r"Let $a_1 * b_2$ and $x_i*y_i$ cost \$5; `$not math$`" + "\n\n$$\\sum_i x_i^2$$")
    assert r"\(a_1 * b_2\)" in html and r"\(x_i*y_i\)" in html
    assert "<em>" not in html and "<code>$not math$</code>" in html and "$5" in html
    assert '<div class="math math-display">\\[\\sum_i x_i^2\\]</div>' in html
    assert html.math and not html.mermaid
    text, maths = protect_math("```\n$x$\n```\n")
    assert maths == [] and "$x$" in text
    assert render("<script>alert(1)</script>").count("<script>") == 0  # raw HTML is escaped


def test_colab_link_needs_repository(tmp_path):
    root = sample.write_sample_bank(tmp_path / "bank", repository=None)
    assert repository_slug(root / "pyproject.toml") is None
    build_site(root, tmp_path / "out")
    q01 = (tmp_path / "out" / "en" / "q" / "q01.html").read_text(encoding="utf-8")
    assert "colab.research.google.com" not in q01 and "notebooks/q01.ipynb" in q01
    (root / "pyproject.toml").write_text('[tool.grader]\nrepository = "https://github.com/o/r.git"\n')
    assert repository_slug(root / "pyproject.toml") == "o/r"


def test_missing_stub_and_solution_are_omitted(tmp_path):
    root = sample.write_sample_bank(tmp_path / "bank")
    (root / "notebooks" / "q02.ipynb").unlink()
    (root / "solutions" / "q02" / "solution.ipynb").unlink()
    counts = build_site(root, tmp_path / "out")
    assert counts["notebooks"] == 1 and counts["solutions"] == 1
    q02 = (tmp_path / "out" / "en" / "q" / "q02.html").read_text(encoding="utf-8")
    assert "notebooks/q02.ipynb\" download" not in q02 and "colab.research" not in q02
    assert 'id="solution-reveal"' not in q02
    assert check_build(tmp_path / "out")[1] == []


def test_rebuild_replaces_a_build_but_never_a_foreign_directory(bank, tmp_path):
    out = tmp_path / "out"
    build_site(bank, out)
    (out / "stale.html").write_text("old")
    build_site(bank, out)
    assert not (out / "stale.html").exists()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError, match="not empty"):
        build_site(bank, foreign)
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_the_repository_bank_builds_cleanly(tmp_path):
    """Whatever cards the project holds right now render into a site whose links all resolve."""
    questions = REPO / "questions"
    if not any(questions.glob("*.yaml")):
        pytest.skip("the bank has no cards yet")
    try:
        cards = load_cards(questions)
    except BankError as exc:
        pytest.skip(f"the bank has invalid cards (reported by `bank check`): {str(exc)[:200]}")
    counts = build_site(REPO, tmp_path / "out")
    assert counts["cards"] == len(cards)
    n, problems = check_build(tmp_path / "out")
    assert n == 1 + 2 * (2 + len(cards))
    assert problems == []
