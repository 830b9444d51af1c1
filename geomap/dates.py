"""Finding date expressions in news text and resolving them to date windows.

A `DateWindow` is what an incident's date is known to be: a first and last day and a
precision (``day``, ``week``, ``month``, ``season``, ``year``, ``unknown``), plus the ISO 8601
string at that precision (`DateWindow.iso`):

=============================  ===========  ==========================  ==========================
expression (published Thu      precision    ``iso``                     start .. end
18 June 2026)
=============================  ===========  ==========================  ==========================
"late Friday night"            day          ``2026-06-12``              the most recent Friday on
                                                                        or before publication
"on Tuesday", "yesterday"      day          ``2026-06-16``, ...
"12 June 2026", "June 12"      day          ``2026-06-12``              a day without a year: the
                                                                        most recent one not after
                                                                        publication
"this week", "last week",      week         ``2026-W25`` (ISO week)     Monday .. Sunday
"two weeks ago"
"in December", "last month"    month        ``2025-12``                 the most recent December
                                                                        not after publication
"in March 2024"                month        ``2024-03``
"last summer", "summer 2024"   season       ``2025-06/2025-08``         Northern-hemisphere
                                                                        meteorological seasons
                                                                        (summer Jun-Aug, autumn
                                                                        Sep-Nov, winter Dec-Feb,
                                                                        spring Mar-May) unless
                                                                        ``hemisphere="south"``
"in recent months"             season       ``2026-03-18/2026-06-18``   the 3 months before
"in 2023", "last year"         year         ``2023``
"in the 1920s"                 year         ``1920/1929``
"since September"              month        ``2025-09/2026-06-18``      start of the expression ..
                                                                        publication
=============================  ===========  ==========================  ==========================

Seasons and intervals have no plain ISO 8601 calendar form, so their ``iso`` is an ISO 8601
time interval (``start/end``) at the precision known. Windows never end after the
publication date ("this year" ends on the day the article appeared). An expression that needs
the publication date ("Tuesday", "in December") has no window when the date is unknown; an
expression after the publication date ("next week", "tomorrow") is marked ``future``.

Month names must be capitalised (news style), so the modal "may" and the verb "march" are not
dates; a bare month or year needs a cue word before it ("in", "since", "last", ...) so that
"Theresa May" and "2,000 soldiers" are not either. Everything here is regular expressions and
calendar arithmetic; no third-party date parser is needed.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, get_args

from geomap.models import DatePrecision

Hemisphere = Literal["north", "south"]

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}
# First month of each meteorological season in the Northern hemisphere; the South is shifted by 6.
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
RECENT_WINDOW_DAYS = {"days": (7, "week"), "weeks": (31, "month"), "months": (92, "season"), "years": (366, "year")}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d))"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d,.%-]\d)"
_CUE = (
    r"(?P<cue>in|on|since|during|until|till|by|from|before|after|of|through|throughout|"
    r"last|this|next|past|previous|early|late|mid|as of|in early|in late|in mid|since early|since late)"
)
_NUMBER = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"

# Alternatives, longest and most specific first; a scan takes the leftmost-longest match.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![\d:%])")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b")),
    ("season", re.compile(
        r"\b(?:(?P<rel>last|this|next|past|previous)\s+|(?:in|during|since|by|until)\s+(?:the\s+)?"
        r"(?:(?:early|late|mid-?)\s*)?)(?P<season>summer|winter|spring|autumn|fall)\b"
        r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b)?", re.I)),
    ("season_year", re.compile(r"\b(?P<season>[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all)\s+(?:of\s+)?"
                               r"(?P<year>(?:19|20)\d\d)\b")),
    ("month", re.compile(rf"(?i:\b{_CUE}\s+)(?:the\s+)?(?:(?i:early|late|mid)-?\s*)?{_MONTH}\b(?!\s*\d)"
                         r"(?:\s+(?P<yrel>last|this|next)\s+year\b)?")),
    # A month naming an event: "a January election", "the December bombing".
    ("month", re.compile(rf"\b(?P<cue>[Aa]n?|[Tt]he)\s+{_MONTH}(?=\s+[a-z])(?!\s+of\b)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid)-?\s*)?(?P<decade>(?:1[6-9]|20)\d0)['’]?s\b")),
    # Not a street number: "of 1935 Orchard St.", "in the 1900 block of State Street"
    ("year", re.compile(rf"(?i:\b{_CUE}\s+)(?:the\s+(?:year\s+)?)?(?:(?i:early|late|mid)-?\s*)?{_YEAR}\b"
                        r"(?!\s+[A-Z][a-z]+\.?\s+(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Lane|Ln|Blvd|Boulevard|Way|Court|Ct)\b)"
                        r"(?!\s+block\b)")),
    ("weekday", re.compile(
        r"\b(?:(?P<rel>last|this|next|on|early|late)\s+)?(?:(?:early|late)\s+)?"
        r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b", re.I)),
    ("relday", re.compile(
        r"\b(?P<rel>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening)|"
        r"the day before yesterday|earlier today)\b", re.I)),
    ("period", re.compile(
        r"\b(?P<rel>this|last|next|past|previous|earlier this|later this)\s+(?P<unit>week|weekend|month|year)\b",
        re.I)),
    ("weekend", re.compile(r"\b(?:at|over|during|on)\s+the\s+weekend\b", re.I)),
    ("ago", re.compile(rf"\b{_NUMBER}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    # Days counted from the narrative's last date: "the following morning", "two days later", "the day before".
    ("narrative", re.compile(
        r"\b(?:the\s+(?P<rel>next|following|previous|same)\s+(?:day|morning|afternoon|evening|night)"
        # (not "a day after gunmen attacked ...": a clause's own event, dated from the sentence's date)
        rf"|{_NUMBER}\s+days?\s+(?P<dir>later|earlier|afterwards|(?:before|after)(?!\s+(?!the\b|a\b|an\b|this\b|that\b)\w))"
        r"|(?P<hours>hours)\s+later|the\s+day\s+(?P<side>before|after))\b", re.I)),
    ("recent", re.compile(
        rf"\b(?:(?:in|over|during)\s+)?(?:the\s+)?(?:(?P<recent>recent)|past|last)\s+(?:{_NUMBER}\s+)?"
        r"(?P<unit>days|weeks|months|years)\b", re.I)),
]
_DEADLINE_BEFORE = re.compile(r"\b(?:ahead of|until|till|due|scheduled for|set for)\s+(?:an?\s+|the\s+)?$", re.I)
_DEADLINE_AFTER = re.compile(r"\s+(?:deadline|deadlines)\b", re.I)
# A date a clause looks forward to: "are due to appear at Leeds Crown Court on December 12".
_FUTURE_CLAUSE_BEFORE = re.compile(
    r"\b(?:will|due to|scheduled to|expected to|set to|is to|are to)\b[^.;:!?]*\b(?:on|by|until)\s+$", re.I)
PRECISION_ORDER = get_args(DatePrecision)  # finest first
_INTERVAL_OPENING = re.compile(r"\b(?:between|from)\s+(?:(?:early|late|mid)\s+)?$", re.I)
_INTERVAL_LINK = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?\s*(?:and|to|until|till|through|-|–)\s*"
                            r"(?:(?:early|late|mid)\s+)?", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid)-?\s*)?(?:the\s+)?$"
                           # "since protests began last Wednesday", "since the fighting erupted on Sunday"
                           r"|\bsince\s+(?:[\w-]+\s+){1,4}(?:began|started|erupted|broke\s+out|flared(?:\s+up)?)"
                           r"\s+(?:on\s+|in\s+)?(?:(?:early|late|mid)-?\s*)?$", re.I)


@dataclass(frozen=True, slots=True)
class DateWindow:
    """When something happened, as far as the text says.

    ``start``/``end`` are inclusive days (None when unknown); ``iso`` is the ISO 8601 form at
    ``precision`` (None for ``unknown``).
    """

    start: date | None
    end: date | None
    precision: DatePrecision
    iso: str | None

    def overlaps(self, other: "DateWindow") -> bool:
        """True when the two windows share a day (an open end overlaps everything on that side)."""
        lo = max((d for d in (self.start, other.start) if d is not None), default=None)
        hi = min((d for d in (self.end, other.end) if d is not None), default=None)
        return lo is None or hi is None or lo <= hi

    @property
    def days(self) -> int | None:
        """Length in days, None when open."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at ``start``..``end`` of the text it was found in.

    ``window`` is None when the expression is relative and no publication date is known.
    """

    start: int
    end: int
    text: str
    window: DateWindow | None
    future: bool = False
    point: DateWindow | None = None  # the date itself, without a "since" that extends it to publication
    narrative_shift: int | None = None  # "the next day": days after the narrative's last date (window None)

    @property
    def since(self) -> bool:
        return self.point is not None and self.point != self.window


def unknown_window(published: date | None) -> DateWindow:
    """The window of an undated incident: it happened no later than its report."""
    return DateWindow(None, published, "unknown", None)


def day_window(day: date) -> DateWindow:
    return DateWindow(day, day, "day", day.isoformat())


def week_window(day: date) -> DateWindow:
    """The ISO week (Monday..Sunday) containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    year, week, _ = day.isocalendar()
    return DateWindow(monday, monday + timedelta(days=6), "week", f"{year}-W{week:02d}")


def month_window(year: int, month: int) -> DateWindow:
    last = calendar.monthrange(year, month)[1]
    return DateWindow(date(year, month, 1), date(year, month, last), "month", f"{year}-{month:02d}")


def year_window(year: int) -> DateWindow:
    return DateWindow(date(year, 1, 1), date(year, 12, 31), "year", str(year))


def season_window(season: str, year: int, hemisphere: Hemisphere = "north") -> DateWindow:
    """Meteorological season; a winter belongs to the year of its January ("winter 2024" = Dec 2023-Feb 2024)."""
    first = SEASON_START_MONTH[season.lower()]
    if hemisphere == "south":
        first = (first + 6 - 1) % 12 + 1
    start_year = year - 1 if first == 12 else year
    start = date(start_year, first, 1)
    end_month = (first + 2 - 1) % 12 + 1
    end_year = start_year + (1 if end_month < first else 0)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return DateWindow(start, end, "season", f"{start:%Y-%m}/{end:%Y-%m}")


def since_window(base: DateWindow, published: date | None) -> DateWindow:
    """From the start of ``base`` to publication ("since September")."""
    if published is None or not base.iso:
        return DateWindow(base.start, published, base.precision, (base.iso or "").split("/")[0] or None)
    return interval_window(base, day_window(published))


def find_dates(text: str, published: date | None, *, hemisphere: Hemisphere = "north") -> list[DateMention]:
    """Every date expression in ``text``, resolved against the publication date.

    Parameters
    ----------
    text : str
        A sentence or longer text.
    published : date, optional
        The reference date for relative expressions ("Tuesday", "in December", "last year").
    hemisphere : "north" or "south" (default "north")
        Which meteorological seasons "summer" etc. mean.

    Returns
    -------
    list of DateMention
        In text order, not overlapping; ``window`` None where the expression cannot be resolved.

    Examples
    --------
    >>> [m.window.iso for m in find_dates("Late Friday night, ... In December, ...", date(2026, 6, 18))]
    ['2026-06-12', '2025-12']
    """
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[DateMention] = []
    taken_until = -1
    for start, end, kind, match in found:
        if start < taken_until:
            continue
        window = _resolve(kind, match, published, hemisphere)
        if window is False:
            continue
        start = _expression_start(kind, match)
        since = bool(_SINCE_BEFORE.search(text[: start])) or (match.groupdict().get("cue") or "").lower().startswith("since")
        future = False
        point = window or None
        if isinstance(window, DateWindow):
            if published is not None and window.start is not None and window.start > published:
                future = True
            elif published is not None and window.end is not None and window.end > published:
                window = point = _cap(window, published)
            if since and not future:
                window = since_window(window, published)
        shift = _narrative_shift(match) if kind == "narrative" else None
        mentions.append(DateMention(start, end, text[start:end], window or None, future, point, shift))
        taken_until = end
    return _join_intervals(text, mentions)


def interval_window(first: DateWindow, last: DateWindow) -> DateWindow:
    """From the start of ``first`` to the end of ``last`` ("between Friday and Sunday"), at the coarser precision."""
    precision = max(first.precision, last.precision, key=PRECISION_ORDER.index)
    iso = f"{(first.iso or '').split('/')[0]}/{(last.iso or '').split('/')[-1]}"
    return DateWindow(first.start, last.end, precision, iso)


def _join_intervals(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"between Friday night and Sunday", "from March to May": one interval, not two dates."""
    joined: list[DateMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.window is not None and mention.window is not None
                and not previous.future and not mention.future and not previous.since
                and previous.window.start is not None and mention.window.end is not None
                and previous.window.start < mention.window.end
                and _INTERVAL_LINK.fullmatch(text[previous.end:mention.start])
                and _INTERVAL_OPENING.search(text[:previous.start])):
            window = interval_window(previous.window, mention.window)
            joined[-1] = DateMention(previous.start, mention.end, text[previous.start:mention.end], window, False, window)
            continue
        joined.append(mention)
    return joined


def resolve_narrative(mention: DateMention, last_day: date | None) -> DateMention:
    """A narrative expression ("the following morning") dated from the last day the text named before it."""
    if mention.narrative_shift is None or last_day is None:
        return mention
    window = day_window(last_day + timedelta(days=mention.narrative_shift))
    return replace(mention, window=window, point=window)


def _narrative_shift(match: re.Match[str]) -> int:
    g = match.groupdict()
    if g["hours"] or (g["rel"] or "").lower() == "same":
        return 0
    before = (g["rel"] or "").lower() == "previous" or (g["dir"] or g["side"] or "").lower() in ("earlier", "before")
    return -(_count(g["n"]) or 1) if before else (_count(g["n"]) or 1)


def parse_date(text: str, published: date | None = None, *, hemisphere: Hemisphere = "north") -> DateWindow | None:
    """The window of the first resolvable date expression in ``text`` (None when there is none)."""
    for mention in find_dates(text, published, hemisphere=hemisphere):
        if mention.window is not None:
            return mention.window
    return None


def parse_absolute_date(text: str) -> date | None:
    """A calendar day stated in full ("18 June 2026", "June 18, 2026", "2026-06-18"), e.g. a dateline."""
    for mention in find_dates(text, None):
        window = mention.window
        if window is not None and window.precision == "day":
            return window.start
    return None


# Times of day that place an act within a day without naming the day ("from about 1 a.m.", "shortly
# after 9.30pm", "at 16:40", "overnight", "at dawn", "in the afternoon"), as minutes after midnight.
_PARTS_OF_DAY = {
    "midnight": 0, "overnight": 180, "dawn": 330, "daybreak": 330, "first light": 330, "sunrise": 360,
    "morning": 540, "noon": 720, "midday": 720, "lunchtime": 750, "afternoon": 900, "dusk": 1110, "sunset": 1110,
    "evening": 1140, "night": 1320,
}
_TIME_OF_DAY = re.compile(
    r"\b(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s*(?P<half>[ap])\.?m\b"
    r"|\b(?:at|around|about|from|until|since|after|before|by)\s+(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)\b"
    r"|\b(?P<part>midnight|overnight|dawn|daybreak|first light|sunrise|noon|midday|lunchtime|dusk|sunset)\b"
    r"|\b(?:in|during|on|at|since|early|late|one)\s+(?:the\s+)?(?:(?:early|late)\s+)?"
    r"(?P<period>morning|afternoon|evening|night)\b",
    re.I)


def time_of_day(text: str) -> int | None:
    """The first time of day a text states, in minutes after midnight; None when it states none."""
    m = _TIME_OF_DAY.search(text)
    if m is None:
        return None
    if m["h12"]:
        return (int(m["h12"]) % 12 + (12 if m["half"].lower() == "p" else 0)) * 60 + int(m["m12"] or 0)
    if m["h24"]:
        return int(m["h24"]) * 60 + int(m["m24"])
    return _PARTS_OF_DAY[(m["part"] or m["period"]).lower()]


def _expression_start(kind: str, match: re.Match[str]) -> int:
    """Where the date itself starts: cue words such as "in" are not part of it."""
    if kind in ("month", "year") and match.group("cue"):
        return match.end("cue") + 1 if match.group("cue").lower() not in ("last", "this", "next", "past", "previous") else match.start()
    return match.start()


def _cap(window: DateWindow, published: date) -> DateWindow:
    """A window that includes the publication date ends there ("this year" so far)."""
    return DateWindow(window.start, published, window.precision, window.iso)


def _most_recent(month: int, day: int | None, published: date) -> date:
    """The most recent (month, day) not after ``published`` (day 1 for a bare month)."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day or 1)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return date(published.year - 1, month, min(day or 1, 28))


def _next(month: int, published: date) -> date:
    year = published.year if month > published.month else published.year + 1
    return date(year, month, 1)


def _count(text: str | None) -> int | None:
    if text is None:
        return 1
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _resolve(kind: str, m: re.Match[str], published: date | None, hemisphere: Hemisphere) -> DateWindow | None | bool:
    """The window for one match; None when it needs a publication date we lack; False when not a date."""
    g = m.groupdict()
    if kind == "narrative":
        return None  # dated by `resolve_narrative` from the text before it
    if kind == "iso":
        try:
            return day_window(date(int(g["year"]), int(g["m"]), int(g["day"])))
        except ValueError:
            return False
    if kind in ("dmy", "mdy"):
        try:
            return day_window(date(int(g["year"]), MONTHS[g["month"].rstrip(".")], int(g["day"])))
        except ValueError:
            return False
    if kind == "my":
        return month_window(int(g["year"]), MONTHS[g["month"].rstrip(".")])
    if kind in ("md", "dm"):
        month, day = MONTHS[g["month"].rstrip(".")], int(g["day"])
        if not 1 <= day <= 31:
            return False
        if published is None:
            return None
        before = m.string[:m.start()]
        if (_DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.match(m.string[m.end():])
                or _FUTURE_CLAUSE_BEFORE.search(before[-120:])):
            upcoming = date(published.year, month, day) if (month, day) >= (published.month, published.day) else \
                date(published.year + 1, month, day)  # "ahead of a March 31 deadline": the next one
            return day_window(upcoming)
        return day_window(_most_recent(month, day, published))
    if kind == "month":
        month = MONTHS[g["month"].rstrip(".")]
        cue = g["cue"].lower()
        if published is None:
            return None
        if g.get("yrel"):  # "in January last year"
            return month_window(published.year + {"last": -1, "this": 0, "next": 1}[g["yrel"]], month)
        if cue == "next":
            start = _next(month, published)
            return month_window(start.year, start.month)
        if cue == "this":
            return month_window(published.year, month)
        start = _most_recent(month, None, published)
        return month_window(start.year, month)
    if kind == "year":
        return year_window(int(g["year"]))
    if kind == "decade":
        first = int(g["decade"])
        return DateWindow(date(first, 1, 1), date(first + 9, 12, 31), "year", f"{first}/{first + 9}")
    if kind in ("season", "season_year"):
        season = g["season"].lower()
        if g.get("year"):
            return season_window(season, int(g["year"]), hemisphere)
        if published is None:
            return None
        rel = (g.get("rel") or "").lower()
        return _relative_season(season, rel, published, hemisphere)
    if kind == "weekday":
        if published is None:
            return None
        rel = (g["rel"] or "").lower()
        target = WEEKDAYS[g["weekday"].lower()]
        back = (published.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        if rel == "next":
            ahead = (target - published.weekday()) % 7 or 7
            return day_window(published + timedelta(days=ahead))
        return day_window(published - timedelta(days=back))
    if kind == "relday":
        if published is None:
            return None
        rel = g["rel"].lower()
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(rel, 0)
        return day_window(published + timedelta(days=offset))
    if kind == "period":
        if published is None:
            return None
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(rel, 0)
        if unit in ("week", "weekend"):
            return week_window(published + timedelta(days=7 * step))
        if unit == "month":
            year, month = _shift_months(published, -step)
            return month_window(year, month)
        return year_window(published.year + step)
    if kind == "weekend":  # the most recent weekend: this one if published on it, else the last
        if published is None:
            return None
        return week_window(published if published.weekday() >= 5 else published - timedelta(days=7))
    if kind == "ago":
        n = _count(g["n"])
        if n is None or published is None:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return day_window(published - timedelta(days=n))
        if unit == "week":
            return week_window(published - timedelta(days=7 * n))
        if unit == "month":
            year, month = _shift_months(published, n)
            return month_window(year, month)
        return year_window(published.year - n)
    if kind == "recent":
        if published is None:
            return None
        unit = g["unit"].lower()
        n = _count(g.get("n")) if g.get("n") else None
        per_unit = {"days": 1, "weeks": 7, "months": 31, "years": 366}[unit]
        span, precision = RECENT_WINDOW_DAYS[unit]
        if n:
            span = n * per_unit
        start = published - timedelta(days=span)
        return DateWindow(start, published, precision, f"{start.isoformat()}/{published.isoformat()}")
    raise AssertionError(kind)


def _relative_season(season: str, rel: str, published: date, hemisphere: Hemisphere) -> DateWindow:
    """"last summer" = the most recent summer that has ended; "this/in the summer" = the latest begun."""
    occurrences = [season_window(season, year, hemisphere) for year in range(published.year - 2, published.year + 2)]
    if rel in ("last", "past", "previous"):
        return max((w for w in occurrences if w.end < published), key=lambda w: w.start)
    if rel == "next":
        return min((w for w in occurrences if w.start > published), key=lambda w: w.start)
    return max((w for w in occurrences if w.start <= published), key=lambda w: w.start)
