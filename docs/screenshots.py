"""Check that the docs read on a phone: every page in headless Chromium at 400 and 1280 px.

Build the docs, then run this with Playwright's Python driver (it brings no browser of its
own here: it drives Debian's Chromium)::

    pip install playwright && apt-get install chromium
    python -m sphinx -W --keep-going -n -b html docs docs/_build/html
    python docs/screenshots.py            # --html DIR, --out DIR, --chromium PATH

At each width, each page is checked:

- the page never scrolls sideways: a wide table scrolls in its own box, and a long line of
  code or console output scrolls inside its block;
- no word of an identifier in a table is split across two lines: it wraps only after an
  underscore (``docs/_static/legcramps.js`` and ``legcramps.css``), a hyphen, a slash or
  a dot;

and a screenshot is saved of the top of the page and of its first table, to look at. It
prints one line per problem and exits with 1 if there is any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

WIDTHS = (400, 1280)
HEIGHT = 900

#: Run in the page: what a reader would see go wrong. Returns a list of problems.
CHECKS = r"""() => {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide`);
  }
  for (const code of document.querySelectorAll("table code.literal")) {
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode;
      // A word runs to a space, or past an underscore, a hyphen, a slash or a dot, where
      // a line may break between two words.
      for (const word of text.data.matchAll(/[^\s_\-\/.]+[_\-\/.]*/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) problems.push(`"${word[0]}" is split across lines in a table`);
      }
    }
  }
  return problems;
}"""

#: Chromium's flags for a machine with no network and no display (the browser stays offline).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def check(html: Path, out: Path, chromium: str) -> list[str]:
    """Check every page under *html* at each width, saving screenshots in *out*."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    pages = sorted(p for p in html.glob("*.html") if p.stem not in {"genindex", "search"})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for width in WIDTHS:
            tab = browser.new_page(viewport={"width": width, "height": HEIGHT})
            for path in pages:
                tab.goto(path.resolve().as_uri())
                found: list[str] = tab.evaluate(CHECKS)
                problems += [f"{path.name} at {width} px: {p}" for p in found]
                _screenshots(tab, out / f"{path.stem}-{width}")
            tab.close()
        browser.close()
    return problems


def _screenshots(tab: Any, name: Path) -> None:
    """Save the top of the page, and its first table if it has one."""
    tab.screenshot(path=f"{name}.png")
    table = tab.locator("table").first
    if table.count():
        table.scroll_into_view_if_needed()
        tab.screenshot(path=f"{name}-table.png")


def main(argv: list[str] | None = None) -> int:
    docs = Path(__file__).parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=docs / "_build" / "html")
    parser.add_argument("--out", type=Path, default=docs / "_build" / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    if not (args.html / "index.html").is_file():
        sys.stderr.write(f"no docs built in {args.html}: build them first (see --help)\n")
        return 2
    problems = check(args.html, args.out, args.chromium)
    sys.stdout.writelines(f"{p}\n" for p in problems)
    shots = len(list(args.out.glob("*.png")))
    sys.stdout.write(f"{len(problems)} problems; {shots} screenshots in {args.out}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
