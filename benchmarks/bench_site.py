"""Benchmark of `bank site`: generate N cards (default 1,000) into a temporary bank, build, print cards/s.

    python benchmarks/bench_site.py [N] [--repeat R]

Each generated card has both languages, inline and display LaTeX, a highlighted code block, hints,
follow-ups and references; half are coding cards with a stub notebook and a reference solution.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from grader.site import build_site  # noqa: E402
from grader.sitebuild import markdown, sample  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cards", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        bank = sample.write_generated_bank(Path(tmp) / "bank", args.cards)
        best = best_render = float("inf")
        for i in range(args.repeat):
            markdown.render.cache_clear()  # every run renders from scratch
            markdown.highlight_code.cache_clear()
            t0 = time.perf_counter()
            counts = build_site(bank, Path(tmp) / "out")
            elapsed = time.perf_counter() - t0
            best = min(best, elapsed)
            render = counts["render_s"]
            best_render = min(best_render, render)
            print(f"run {i + 1}: {counts['cards']} cards, {counts['pages']} pages in {elapsed:.2f} s "
                  f"({counts['cards'] / elapsed:.0f} cards/s); loading the cards {counts['load_s']:.2f} s, "
                  f"rendering + writing {render:.2f} s ({counts['cards'] / render:.0f} cards/s)")
        index = Path(tmp) / "out" / "assets" / "search-index.js"
        print(f"best: {args.cards / best:.0f} cards/s ({best:.2f} s for {args.cards} cards); site "
              f"rendering alone {args.cards / best_render:.0f} cards/s; "
              f"search index {index.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
