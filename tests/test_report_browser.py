"""The HTML report in a real headless Chromium (Debian's ``chromium``, driven by playwright).

``make test`` installs the browser where it is missing; without it the test is skipped
locally and fails in CI (``CI=true``), so the browser check cannot silently vanish.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quotebank.cli import main
from tests.conftest import DATA, ROOT

_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: make test installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium, or run make test)")
    return path


def test_report_in_a_headless_browser(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    browser_path = _chromium()
    pages = tmp_path / "pages"
    shutil.copytree(DATA / "pages", pages)
    hostile = '<p>"<script>alert(1)</script>\\"onmouseover=alert(2) is no plan," the minister said.</p>'
    (pages / "hostile.html").write_text(f"<html><body><article>{hostile}</article></body></html>", encoding="utf-8")
    scraped = '"<script>alert(3)</script> \\"onmouseover=alert(4) x=" is no way to end a war," the envoy said.\n'
    (pages / "scraped.txt").write_text(scraped, encoding="utf-8")
    jsonl, report = tmp_path / "q.jsonl", tmp_path / "report.html"
    assert main(["extract", str(pages), "-o", str(jsonl), "--no-progress"]) == 0
    extracted = len(jsonl.read_text(encoding="utf-8").splitlines())
    assert main(["report", str(pages), "-o", str(report), "--no-progress"]) == 0

    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
            page.on("request", lambda r: problems.append(r.url) if not r.url.startswith("file:") else None)
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            ids = page.eval_on_selector_all(
                "mark.q", "marks => [...new Set(marks.flatMap(m => m.dataset.quotes.split(' ')))]"
            )
            cards = page.locator("ol.quotes > li").count()
            title = page.locator("mark.q").first.get_attribute("title") or ""
            rows = page.locator("table.summary tbody tr").count()
            bars = page.locator("table.summary svg rect").count()
            page.locator("details").first.click()
            shot = ROOT / "build" / "report.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in report.read_text(encoding="utf-8")
    assert len(ids) == extracted == cards
    assert " · " in title
    assert rows >= 5
    assert bars == rows * 2 * 3
    assert shot.stat().st_size > 10_000
