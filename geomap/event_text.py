"""Text layout and parse-tree helpers for incident extraction.

A document is cut into paragraphs (blank lines, or line breaks after a finished sentence; an
unfinished line followed by a lower-case one continues the paragraph) and paragraphs into
sentences with spaCy's rule-based sentencizer. Markdown markup, link targets and URLs are
blanked out first without moving any character, so offsets stay those of ``Document.text``.
Source lists and fact boxes ("CNN (United States, en) — Reports ...", "12 June 2026 — date of
the strike") are left out. The first line is the headline when it is a heading or the title, and
so is a standfirst right under it that does not end like a sentence. Sentences that may report an incident are then parsed with the full spaCy pipeline
(`geomap.nlp.load_parser`), one batch per document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from geomap.dates import DateMention, find_dates, resolve_narrative
from geomap.models import Document, ResolvedMention


CLAUSAL_DEPS = frozenset("ccomp advcl relcl acl xcomp csubj csubjpass parataxis conj".split())

_MARKUP = re.compile(
    r"https?://\S+"  # URLs
    r"|\]\([^)\s]*\)"  # the target of a Markdown link: [text](target)
    r"|(?<![\w\]])\[(?=[^\]\n]+\]\()"  # the opening bracket of a link
    r"|\*\*|__|(?<=\s)\*(?=\S)|(?<=\S)\*(?=[\s.,;:!?])|^\*(?=\S)"  # emphasis
    r"|\\(?=[$*_#\[\]()])"  # Markdown escapes: \$
    r"|^[ \t]*(?:#{1,6}|>|[-*+•]|\d+[.)])[ \t]+",  # headings, quotes, list bullets
    re.MULTILINE,
)

_ENTRY_STAMP = re.compile(r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s*[—–-]\s|\s+(?=[A-Z]))")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")

# Lines that describe sources or list figures rather than report: "CNN (United States, en) — Reports
# the strike ...", "12 June 2026 — date of the strike", "~8 million — Venezuelans who have fled".
_META_LINE = re.compile(
    r"^[^\n]{1,100}?\((?:[^()\n]{1,40},\s*)?[a-z]{2,3}\)\s*[—–-]"  # publisher (country, language) —
    r"|^[~≈<>]?\s*(?!\d{1,2}[:.]\d{2}\b)\d[^\n—–.]{0,30}?\s[—–]\s"  # figure — what it counts (not a live blog's "09:40 —")
)


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text; ``heading`` when it is short and does not end like a sentence; ``stamp`` (minutes
    after midnight) when it is a live blog's entry, opening with the time it was posted ("09:15 — ...")."""

    index: int
    start: int
    end: int
    heading: bool
    stamp: int | None = None


@dataclass
class Sentence:
    """One sentence of a document, with its date expressions (offsets relative to ``start``) and place mentions."""

    doc_id: str
    index: int
    paragraph: Paragraph
    start: int
    end: int
    text: str  # the cleaned text of document[start:end]; same length
    headline: bool
    dates: list[DateMention]
    mentions: list[ResolvedMention]
    doc: object = None  # the parsed spaCy Doc, when parsed

    @property
    def quote(self) -> str:
        return " ".join(self.text.split())


def clean_text(text: str) -> str:
    """``text`` with Markdown markup, link targets and URLs replaced by spaces (same length)."""
    return _MARKUP.sub(lambda m: " " * (m.end() - m.start()), text)


def split_paragraphs(clean: str) -> list[Paragraph]:
    """Paragraph spans: a line break ends a paragraph unless the line is unfinished and the next starts lower-case."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clean)]
    spans: list[list[int]] = []
    for start, end in lines:
        if spans:
            previous = clean[spans[-1][0]:spans[-1][1]]
            following = clean[start:end].lstrip()
            if not _TERMINAL.search(previous) and following[:1].islower():
                spans[-1][1] = end
                continue
        spans.append([start, end])
    out = []
    for index, (start, end) in enumerate(spans):
        body = clean[start:end].strip()
        heading = not _TERMINAL.search(body) and len(body.split()) <= 16
        stamp = _ENTRY_STAMP.match(body)
        out.append(Paragraph(index, start, end, heading, int(stamp["h"]) * 60 + int(stamp["m"]) if stamp else None))
    return out


def _sentence_spans(doc) -> list[tuple[int, int]]:
    """Sentence character spans; a "sentence" that starts in lower case continues the one before, which
    ended at an abbreviation ("One dead, two hurt in W. Phila. shooting")."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        first = next((ch for ch in sent.text if ch.isalpha()), "")
        if spans and first.islower():
            spans[-1] = (spans[-1][0], sent.end_char)
        else:
            spans.append((sent.start_char, sent.end_char))
    return spans


def read_sentences(document: Document, clean: str, resolved: Sequence[ResolvedMention]) -> list[Sentence]:
    """The document's sentences, each with its date expressions and the mentions inside it."""
    sentencizer = _sentencizer()
    title = " ".join((document.title or "").split()).casefold()
    sentences: list[Sentence] = []
    last_day = None  # the last day the text named, for "the next day"
    for paragraph in split_paragraphs(clean):
        chunk = clean[paragraph.start:paragraph.end]
        for sent_start, sent_end in _sentence_spans(sentencizer(chunk)):
            raw = chunk[sent_start:sent_end]
            text = raw.strip()
            if len(text) < 8 or not any(ch.isalpha() for ch in text):
                continue
            if sent_start == 0 and _META_LINE.match(text):
                continue  # a source list or fact box, not a report
            start = paragraph.start + sent_start + (len(raw) - len(raw.lstrip()))
            end = start + len(text)
            # The first line is a headline when it is a heading or the title; a document without a
            # title may open with a short headline sentence ("Avoyelles task force arrests 14.").
            headline = not sentences and (paragraph.heading or " ".join(text.split()).casefold() == title
                                          or (not title and len(text.split()) <= 16))
            # A standfirst right under the headline that does not end like a sentence is one too.
            headline = headline or (len(sentences) == 1 and sentences[0].headline and sent_start == 0
                                    and paragraph.index == sentences[0].paragraph.index + 1
                                    and not _TERMINAL.search(text))
            mentions = [rm for rm in resolved if start <= rm.mention.start and rm.mention.end <= end]
            dates = []
            for date_mention in find_dates(clean[start:end], document.published):
                date_mention = resolve_narrative(date_mention, last_day)
                if date_mention.window is not None and date_mention.window.precision == "day" and not date_mention.future:
                    last_day = date_mention.window.start
                dates.append(date_mention)
            sentences.append(Sentence(document.doc_id, len(sentences), paragraph, start, end, clean[start:end], headline,
                                       dates, mentions))
    return sentences


def clause_verb(token):
    """The verb heading the clause a token belongs to."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and (current.dep_ in CLAUSAL_DEPS or current.dep_ == "ROOT"):
            return current
        if current.head == current:
            return current
        current = current.head
    return current


def is_passive(token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)


def tree_path(a, b) -> tuple[list, list] | None:
    """The dependency path from token a up to the common ancestor and down to token b."""
    up = [a]
    while up[-1].head != up[-1]:
        up.append(up[-1].head)
    index = {t.i: n for n, t in enumerate(up)}
    down = [b]
    while down[-1].i not in index:
        if down[-1].head == down[-1]:
            return None
        down.append(down[-1].head)
    common = index[down[-1].i]
    return up[: common + 1], list(reversed(down))


def tree_distance(a, b) -> int:
    path = tree_path(a, b)
    if path is None:
        return 99
    up, down = path
    return len(up) + len(down) - 2


def char_tokens(doc, mentions: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span)
    return out


def mention_head(doc, rm: ResolvedMention, offset: int):
    span = doc.char_span(rm.mention.start - offset, rm.mention.end - offset, alignment_mode="expand")
    return span.root if span is not None else None
