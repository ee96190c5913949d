"""The study site in headless Chromium (Debian's /usr/bin/chromium driven by Playwright's Python API).

Served over http.server on 127.0.0.1 (and once from file://, to prove it works offline): search in
Chinese and English, switch language, filter, reveal hints and the answer, tick a concept as studied,
toggle dark mode; screenshots at desktop (1280) and phone (390) widths go to $SITE_SCREENSHOTS or a
temporary directory. Every request must stay on the local server: nothing from a CDN.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CHROMIUM = "/usr/bin/chromium"
try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="the playwright Python package is not installed"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} (Debian's chromium) is missing"),
]

from grader.site import build_site  # noqa: E402
from grader.sitebuild import sample  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
RESULT_Q01 = {"notebook": "notebooks/q01.ipynb", "question": "q01", "score": 7.0, "max_score": 10.0,
              "status": "graded", "duration_s": 3.1, "graded_at": "2026-11-22T07:00:00+00:00",
              "tests": [{"name": "test_shape", "outcome": "passed", "points": 3, "max_points": 3, "message": ""}]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    bank = sample.write_sample_bank(tmp_path_factory.mktemp("bank"))
    sample.write_results(bank / "results.json", [RESULT_Q01])
    out = tmp_path_factory.mktemp("site") / "out"
    build_site(bank, out, [bank / "results.json"])
    return out


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = os.environ.get("SITE_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Session:
    """A browser context that records page errors and any request that leaves the build."""

    def __init__(self, browser, base: str, **ctx):
        self.base = base
        self.ctx = browser.new_context(**ctx)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.ctx.route("**/*", self._route)
        self.page = self.ctx.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("file://") or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def goto(self, rel: str):
        self.page.goto(self.base + rel)
        self.page.wait_for_load_state("load")
        return self.page

    def close(self):
        self.ctx.close()
        assert self.errors == [], self.errors
        assert self.foreign == [], f"requests outside the build: {self.foreign}"


@pytest.fixture
def session(browser, server):
    s = Session(browser, server, viewport={"width": 1280, "height": 900})
    yield s
    s.close()


def result_ids(page) -> list[str]:
    return page.locator("#search-results li .q-id").all_inner_texts()


def test_search_in_chinese(session):
    page = session.goto("zh/search.html?q=注意力")
    expect(page.locator("#search-results li").first).to_be_visible()
    assert set(result_ids(page)) >= {"c01", "q01"}
    assert page.input_value("#q") == "注意力"
    page.fill("#q", "过拟合")
    expect(page.locator("#search-results li .q-id").first).to_have_text("c02")
    assert "c02" in result_ids(page)
    assert "过拟合" in page.url or "%E8%BF%87" in page.url  # the search is linkable


def test_search_in_english_with_stems_and_prefixes(session):
    page = session.goto("en/search.html?q=overfitting")
    expect(page.locator("#search-results li").first).to_be_visible()
    assert result_ids(page)[0] == "c02"
    for query, expected in (("attent", {"c01", "q01"}), ("regularize", {"c02"}),
                            ("k-means clustering", {"q02"}), ("Scaled Attention", {"c01", "q01"})):
        page.fill("#q", query)
        page.press("#q", "Enter")
        expect(page.locator("#search-status")).not_to_have_text("")
        page.wait_for_timeout(200)
        assert expected <= set(result_ids(page)), (query, result_ids(page))
    page.fill("#q", "zzzqqq")
    page.press("#q", "Enter")
    expect(page.locator("#search-status")).to_contain_text("Nothing found")
    # KaTeX renders formulas in result titles
    page.fill("#q", "attention")
    page.press("#q", "Enter")
    expect(page.locator("#search-results .katex").first).to_be_visible()


def test_header_search_and_keyboard(session):
    page = session.goto("en/index.html")
    page.keyboard.press("/")
    expect(page.locator("#header-q")).to_be_focused()
    page.keyboard.type("dropout")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search.html?q=dropout")
    expect(page.locator("#search-results li .q-id").first).to_have_text("c02")
    page = session.goto("en/q/c01.html")
    page.keyboard.press("n")
    page.wait_for_url("**/en/q/c02.html")
    page.keyboard.press("p")
    page.wait_for_url("**/en/q/c01.html")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()


def test_switch_language_keeps_the_question_and_the_query(session):
    page = session.goto("en/q/c01.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("#lang-switch")
    page.wait_for_url("**/zh/q/c01.html")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    expect(page.locator("h1")).to_contain_text("注意力机制")
    page.click("#lang-switch")
    page.wait_for_url("**/en/q/c01.html")
    page = session.goto("en/search.html?q=attention")
    page.click("#lang-switch")
    page.wait_for_url("**/zh/search.html?q=attention")
    expect(page.locator("#search-results li").first).to_be_visible()
    # the missing Chinese answer of c02 falls back to English with a visible note
    page = session.goto("zh/q/c02.html")
    expect(page.locator(".fallback-note").first).to_be_visible()


def test_filters_combine_and_count(session):
    page = session.goto("en/index.html")
    count = page.locator("#filter-count")
    expect(count).to_have_text("Showing 4 of 4")
    page.select_option("#f-topic", "transformers")
    expect(count).to_have_text("Showing 2 of 4")
    page.select_option("#f-kind", "coding")
    expect(count).to_have_text("Showing 1 of 4")
    expect(page.locator("li.q-item:visible .q-id")).to_have_text(["q01"])
    assert "topic=transformers" in page.url and "kind=coding" in page.url
    page.select_option("#f-difficulty", "easy")
    expect(count).to_have_text("Showing 0 of 4")
    expect(page.locator("#no-match")).to_be_visible()
    page.click("#filters-reset")
    expect(count).to_have_text("Showing 4 of 4")
    page.select_option("#f-framework", "numpy")
    expect(count).to_have_text("Showing 2 of 4")
    # a filtered URL opens filtered; a topic tile filters too
    page = session.goto("en/index.html?difficulty=easy")
    expect(count).to_have_text("Showing 2 of 4")
    page.click(".topic-tile[data-topic='classical-ml'] a")
    expect(count).to_have_text("Showing 1 of 4")


def test_hints_answer_solution_and_studied(session):
    page = session.goto("en/q/q01.html")
    hints = page.locator("#hint-list li.hint")
    expect(hints.nth(0)).to_be_hidden()  # no hint until asked for
    expect(page.locator("#hint-next")).to_have_text("Show hint 1 of 3")
    page.click("#hint-next")
    expect(hints.nth(0)).to_be_visible()
    expect(hints.nth(1)).to_be_hidden()
    expect(page.locator("#hint-next")).to_have_text("Show hint 2 of 3")
    page.keyboard.press("Escape")
    page.locator("body").press("h")
    expect(hints.nth(1)).to_be_visible()
    expect(hints.nth(2)).to_be_hidden()
    page.click("#hint-next")
    expect(page.locator("#hint-next")).to_be_disabled()
    answer = page.locator("#answer-reveal .reveal-body")
    expect(answer).to_be_hidden()
    page.click("#answer-reveal summary")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("Subtract the row maximum")
    page.click("#solution-reveal summary")
    expect(page.locator("#solution-reveal")).to_contain_text("masked_fill")
    expect(page.locator(".result-box .score-value")).to_have_text("7")
    # maths typeset by the vendored KaTeX
    expect(page.locator(".prompt .katex").first).to_be_visible()
    # a Mermaid diagram inside the answer is drawn once the answer is opened
    page = session.goto("en/q/c01.html")
    page.click("#answer-reveal summary")
    expect(page.locator("#answer-reveal pre.mermaid svg")).to_be_visible(timeout=15000)
    # tick as studied; the home page counts it
    page.check("#studied-toggle")
    page.reload()
    expect(page.locator("#studied-toggle")).to_be_checked()
    page = session.goto("en/index.html")
    expect(page.locator("li.q-item[data-id='c01'] .studied-mark")).to_be_visible()
    expect(page.locator("[data-studied-topic='transformers'] .studied-n")).to_have_text("1")


def _bg(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_dark_mode_toggle_persists_and_follows_the_system(browser, server):
    s = Session(browser, server, viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = s.goto("en/index.html")
    light = _bg(page)
    expect(page.locator("#theme-toggle")).to_have_attribute("aria-pressed", "false")
    page.click("#theme-toggle")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(page.locator("#theme-toggle")).to_have_attribute("aria-pressed", "true")
    dark = _bg(page)
    assert dark != light
    page = s.goto("en/q/c01.html")  # persisted across pages
    assert _bg(page) == dark
    page.keyboard.press("d")
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    s.close()
    s = Session(browser, server, viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = s.goto("en/index.html")
    assert page.locator("html").get_attribute("data-theme") is None
    assert _bg(page) == dark  # no stored choice: the system setting decides
    expect(page.locator("#theme-toggle")).to_have_attribute("aria-pressed", "true")
    s.close()


def test_works_from_file_urls_offline(browser, site):
    s = Session(browser, site.resolve().as_uri() + "/", viewport={"width": 1280, "height": 900})
    page = s.goto("zh/search.html?q=过拟合")
    expect(page.locator("#search-results li .q-id").first).to_have_text("c02")
    page = s.goto("index.html")
    page.wait_for_url("**/index.html")
    assert page.url.endswith("/en/index.html") or page.url.endswith("/zh/index.html")
    page = s.goto("en/q/c01.html")
    expect(page.locator(".prompt .katex").first).to_be_visible()
    s.close()


@pytest.mark.parametrize("width,label", [(1280, "desktop"), (390, "phone")])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, server, shots, width, label, scheme):
    s = Session(browser, server, viewport={"width": width, "height": 900}, color_scheme=scheme,
                device_scale_factor=1)
    page = s.goto("en/index.html")
    page.screenshot(path=str(shots / f"{label}-{scheme}-home-en.png"), full_page=True)
    page = s.goto("zh/index.html?topic=transformers")
    page.screenshot(path=str(shots / f"{label}-{scheme}-home-zh-filtered.png"), full_page=True)
    page = s.goto("en/q/c01.html")
    page.click("#hint-next")
    page.click("#answer-reveal summary")
    page.locator("#answer-reveal pre.mermaid svg").wait_for(timeout=15000)
    page.screenshot(path=str(shots / f"{label}-{scheme}-question-c01.png"), full_page=True)
    page = s.goto("zh/q/q01.html")
    page.screenshot(path=str(shots / f"{label}-{scheme}-question-q01-zh.png"), full_page=True)
    page = s.goto("zh/search.html?q=注意力")
    page.locator("#search-results li").first.wait_for()
    page.screenshot(path=str(shots / f"{label}-{scheme}-search-zh.png"), full_page=True)
    # phone layout: nothing wider than the screen
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{label}: page is {overflow}px wider than the viewport"
    s.close()
    assert len(list(shots.glob(f"{label}-{scheme}-*.png"))) == 5
