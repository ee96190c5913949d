"""Pieces of the static study site builder (`grader.site.build_site`).

- `markdown`: card Markdown -> HTML (LaTeX protected for KaTeX, code highlighted by Pygments, Mermaid)
- `search`: the offline search index (CJK character n-grams, light English stemming)
- `progress`: `grade --json` results merged per question
- `i18n`: interface strings and labels in English and Chinese
- `sample`: generated throw-away banks for tests and the benchmark
"""
