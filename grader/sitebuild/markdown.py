"""Card Markdown -> HTML.

LaTeX is cut out before Markdown sees it (so `\\`, `_` and `*` inside formulas survive) and put back
as `\\( .. \\)` / `\\[ .. \\]` inside `.math` elements, which KaTeX's auto-render typesets in the
browser. Commonmark turns a literal `\\(` in prose into `(`, so only restored formulas carry those
delimiters. Code fences are highlighted here with Pygments (no highlighter runs in the browser);
```mermaid fences become `<pre class="mermaid">` for the vendored Mermaid.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from pygments import highlight as _pyg_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

_FORMATTER = HtmlFormatter(nowrap=True)
_PH_OPEN, _PH_CLOSE = "\ue000", "\ue001"
_PH = re.compile(_PH_OPEN + r"(\d+)" + _PH_CLOSE)
_PARA_PH = re.compile(r"<p>" + _PH_OPEN + r"(\d+)" + _PH_CLOSE + r"</p>")

# One pass over the source: code (kept as is) or math (cut out), whichever comes first.
_SCAN = re.compile(
    r"(?P<fence>^[ \t]*(?P<f>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*(?P=f)[ \t]*$|\Z))"
    r"|(?P<code>(?P<bt>`+)(?!`).+?(?<!`)(?P=bt)(?!`))"
    r"|(?P<esc>\\\$)"
    r"|(?P<dmath>\$\$(?P<dm>.+?)\$\$)"
    r"|(?P<imath>\$(?P<im>[^\s$](?:[^$\n\\]|\\.|\n(?![ \t]*\n))*?)(?<!\s)\$(?!\d))",
    re.M | re.S,
)


@lru_cache(maxsize=64)
def _lexer(lang: str):
    try:
        return get_lexer_by_name(lang)
    except ClassNotFound:
        return None


@lru_cache(maxsize=4096)
def highlight_code(code: str, lang: str = "") -> str:
    """`<pre class="highlight"><code>` with Pygments spans (plain escaped text for unknown languages)."""
    lexer = _lexer(lang.lower()) if lang else None
    body = _pyg_highlight(code, lexer, _FORMATTER) if lexer else escape(code)
    cls = f' class="language-{escape(lang)}"' if lang else ""
    return f'<pre class="highlight"><code{cls}>{body}</code></pre>'


def _fence(self, tokens, idx, options, env):  # markdown-it renderer rule
    token = tokens[idx]
    info = token.info.strip().split()[0] if token.info.strip() else ""
    if info.lower() == "mermaid":
        env["mermaid"] = True
        return f'<pre class="mermaid">{escape(token.content)}</pre>\n'
    return highlight_code(token.content, info) + "\n"


def _make_md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("fence", _fence)
    return md


_MD = _make_md()


def protect_math(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """Replace formulas by placeholders; returns the text and [(latex, display), ...]."""
    maths: list[tuple[str, bool]] = []

    def repl(m: re.Match) -> str:
        if m.group("fence") or m.group("code") or m.group("esc"):
            return m.group(0)
        if m.group("dmath") is not None:
            maths.append((m.group("dm").strip(), True))
        else:
            maths.append((m.group("im"), False))
        return f"{_PH_OPEN}{len(maths) - 1}{_PH_CLOSE}"

    return _SCAN.sub(repl, text), maths


def _restore(html: str, maths: list[tuple[str, bool]]) -> str:
    def block(m: re.Match) -> str:
        tex, display = maths[int(m.group(1))]
        if display:
            return f'<div class="math math-display">\\[{escape(tex, quote=False)}\\]</div>'
        return m.group(0)

    def inline(m: re.Match) -> str:
        tex, display = maths[int(m.group(1))]
        if display:
            return f'<span class="math math-display">\\[{escape(tex, quote=False)}\\]</span>'
        return f'<span class="math">\\({escape(tex, quote=False)}\\)</span>'

    return _PH.sub(inline, _PARA_PH.sub(block, html))


class Rendered(str):
    """HTML string that also says whether it needs KaTeX / Mermaid in the browser."""

    math: bool = False
    mermaid: bool = False


@lru_cache(maxsize=8192)
def render(text: str, inline: bool = False) -> Rendered:
    """Markdown (with LaTeX and Mermaid) -> HTML. `inline` renders without a wrapping paragraph."""
    src, maths = protect_math(text or "")
    env: dict = {}
    html = _MD.renderInline(src, env) if inline else _MD.render(src, env)
    out = Rendered(_restore(html, maths) if maths else html)
    out.math = bool(maths)
    out.mermaid = bool(env.get("mermaid"))
    return out


_STRIP = [
    (re.compile(r"^[ \t]*(`{3,}|~{3,}).*$", re.M), " "),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\\[A-Za-z]+"), " "),
    (re.compile(r"[*_#>`|$\\{}^]+"), " "),
    (re.compile(r"\s+"), " "),
]


def plain(text: str, limit: int = 0) -> str:
    """Markdown -> rough plain text (for search snippets and page descriptions)."""
    out = text or ""
    for rx, sub in _STRIP:
        out = rx.sub(sub, out)
    out = out.strip()
    if limit and len(out) > limit:
        out = out[: limit - 1].rstrip() + "…"
    return out


def pygments_css() -> str:
    """Highlight styles for light and dark themes (dark: explicit toggle or the system setting)."""
    light = HtmlFormatter(style="friendly").get_style_defs(".highlight")
    dark_rules = HtmlFormatter(style="github-dark").get_style_defs(".highlight")
    dark_explicit = _scope(dark_rules, ':root[data-theme="dark"] ')
    dark_system = _scope(dark_rules, ':root:not([data-theme="light"]) ')
    return (f"{_drop_bg(light)}\n{_drop_bg(dark_explicit)}\n"
            f"@media (prefers-color-scheme: dark) {{\n{_drop_bg(dark_system)}\n}}\n")


def _scope(css: str, prefix: str) -> str:
    return "\n".join(prefix + line if line.startswith(".highlight") else line
                     for line in css.splitlines())


def _drop_bg(css: str) -> str:
    # Block backgrounds come from the site's own palette; keep token colours only.
    return "\n".join(line for line in css.splitlines()
                     if not re.match(r".*\.highlight\s*\{\s*background", line)
                     and not line.startswith(("pre {", "td.linenos", "span.linenos", ".linenos")))


def snippet_html(text: str, limit: int = 180) -> str:
    """A short HTML excerpt of Markdown: plain text, formulas kept whole as `.math` spans."""
    src, maths = protect_math(text or "")
    out: list[str] = []
    used = 0
    for i, part in enumerate(_PH.split(src)):
        if i % 2:
            tex, display = maths[int(part)]
            if display and len(tex) > 60:
                piece, cost = " … ", 3
            else:
                piece, cost = f'<span class="math">\\({escape(tex, quote=False)}\\)</span>', max(1, len(tex) // 2)
        else:
            txt = plain(part)
            if part[:1].isspace() and txt:
                txt = " " + txt
            if part[-1:].isspace() and txt:
                txt += " "
            cost = len(txt)
            if used + cost > limit:
                out.append(escape(txt[: max(0, limit - used)].rstrip()) + "…")
                break
            piece = escape(txt)
        if used + cost > limit:
            out.append("…")
            break
        out.append(piece)
        used += cost
    return "".join(out).strip()
