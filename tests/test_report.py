"""The HTML report: escaping, highlighting of overlapping and split quotes, the summary."""

from __future__ import annotations

import html.parser
from pathlib import Path

import pytest
from hypothesis import given

import quotebank
from quotebank.cli import main
from quotebank.model import Quote, Speaker, Stance, TextSpan
from quotebank.report import ReportDocument, render_report, segments, speaker_rows
from tests import strategies
from tests.conftest import DATA


class _Marks(html.parser.HTMLParser):
    """Collects the highlights of a report page, and every tag and attribute met."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.mark_text: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        if tag == "mark":
            self.marks.append(dict(attrs))
            self.mark_text.append("")
            self._in_mark = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.mark_text[-1] += data


def _parse(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def _quote(text: str, *pieces: tuple[int, int], name: str = "Ann Lee", label: str = "NONE") -> Quote:
    return Quote(
        kind="direct" if len(pieces) == 1 else "mixed",
        content=[TextSpan.from_text(text, s, e) for s, e in pieces],
        speaker=Speaker(name=name, kind="person"),
        stance={"ceasefire": Stance(target="ceasefire", label=label, score=0.0)},
        doc_id="d",
    )


HOSTILE = (
    'He said "<script>alert(1)</script> and \\"onmouseover=alert(2) x="" today. Then <img src=x onerror=alert(3)>.'
)


def test_document_text_is_escaped_everywhere() -> None:
    start = HOSTILE.index("<script>")
    end = HOSTILE.index(" today")
    quote = _quote(HOSTILE, (start, end), name='<b onmouseover="alert(4)">Eve</b>')
    page = render_report([ReportDocument(doc_id="<i>doc</i>", text=HOSTILE, quotes=[quote])], title="<title>")
    parsed = _parse(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "b" not in parsed.tags
    assert "onmouseover" not in parsed.attributes
    assert "onerror" not in parsed.attributes
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert parsed.mark_text == [HOSTILE[start:end]]


def test_the_page_loads_nothing_from_outside() -> None:
    text = '"We want a truce," she said.'
    page = render_report([ReportDocument(doc_id="a", text=text, quotes=quotebank.extract(text))])
    parsed = _parse(page)
    assert "script" not in parsed.tags
    assert "link" not in parsed.tags
    assert "src" not in parsed.attributes
    assert "http://" not in page
    assert "Content-Security-Policy" in page


def test_overlapping_quotes_share_one_highlight_naming_both() -> None:
    text = "Ann said alpha beta gamma delta here."
    one, two = _quote(text, (9, 25)), _quote(text, (15, 31), name="Bo Chan")
    parsed = _parse(render_report([ReportDocument(doc_id="d", text=text, quotes=[one, two])]))
    assert parsed.mark_text == ["alpha ", "beta gamma", " delta"]
    assert [m["data-quotes"] for m in parsed.marks] == ["d0-q0", "d0-q0 d0-q1", "d0-q1"]
    assert "overlap" in (parsed.marks[1]["class"] or "")
    title = parsed.marks[1]["title"] or ""
    assert "Ann Lee" in title
    assert "Bo Chan" in title


def test_a_split_quote_is_highlighted_in_each_piece() -> None:
    text = '"We want," she said, "a truce now."'
    quote = _quote(text, (1, 9), (22, 34))
    parsed = _parse(render_report([ReportDocument(doc_id="d", text=text, quotes=[quote])]))
    assert parsed.mark_text == ["We want,", "a truce now."]
    assert {m["data-quotes"] for m in parsed.marks} == {"d0-q0"}


@given(strategies.report_documents())
def test_segments_rebuild_the_text_and_know_their_quotes(document: tuple[str, list[Quote]]) -> None:
    text, quotes = document
    cut = segments(text, quotes)
    assert "".join(s.text for s in cut) == text
    for seg in cut:
        assert text[seg.start : seg.end] == seg.text
        assert seg.start < seg.end
        covering = {k for k, q in enumerate(quotes) for p in q.content if p.start <= seg.start and seg.end <= p.end}
        assert set(seg.quotes) == covering


@given(strategies.report_documents())
def test_every_quote_is_highlighted(document: tuple[str, list[Quote]]) -> None:
    text, quotes = document
    parsed = _parse(render_report([ReportDocument(doc_id="d", text=text, quotes=quotes)]))
    shown = {q for m in parsed.marks for q in (m["data-quotes"] or "").split()}
    expected = {f"d0-q{k}" for k, q in enumerate(quotes) if any(p.start < p.end for p in q.content)}
    assert shown == expected


def test_a_quote_past_the_text_is_refused() -> None:
    quote = _quote("Ann said alpha beta.", (9, 19))
    with pytest.raises(ValueError, match="past the text"):
        ReportDocument(doc_id="d", text="short", quotes=[quote])


def test_speaker_rows_count_labels_per_target() -> None:
    text = "x" * 20
    rows = speaker_rows(
        [
            _quote(text, (0, 5), label="FAVOR"),
            _quote(text, (5, 9), label="AGAINST"),
            _quote(text, (9, 12), name="Bo Chan"),
        ],
        ["ceasefire"],
    )
    assert [(r.name, r.quotes) for r in rows] == [("Ann Lee", 2), ("Bo Chan", 1)]
    assert rows[0].counts["ceasefire"] == {"FAVOR": 1, "AGAINST": 1, "NONE": 0}


def test_max_documents_says_what_it_left_out() -> None:
    docs = [ReportDocument(doc_id=f"d{k}", text="Nothing said.", quotes=[]) for k in range(3)]
    page = render_report(docs, max_documents=1)
    assert page.count('<section class="document"') == 1
    assert "2 more documents" in page


def test_report_command_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(DATA / "pages"), "-o", str(out), "--no-progress"]) == 0
    page = out.read_text(encoding="utf-8")
    parsed = _parse(page)
    assert len({q for m in parsed.marks for q in (m["data-quotes"] or "").split()}) == 6
    assert "Antonio Guterres" in page
    assert "Who stands where" in page
