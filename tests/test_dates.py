"""Date expressions resolved against a publication date (geomap.dates)."""
from datetime import date

import pytest

from geomap.dates import DateWindow, find_dates, parse_absolute_date, parse_date, season_window, time_of_day

THURSDAY_18_JUNE_2026 = date(2026, 6, 18)


@pytest.mark.parametrize(
    "text, iso, precision, start, end",
    [
        ("Late Friday night, President Donald Trump announced", "2026-06-12", "day", "2026-06-12", "2026-06-12"),
        ("On Tuesday, Venezuelan military helicopters", "2026-06-16", "day", "2026-06-16", "2026-06-16"),
        ("In December, Guerrero had been indicted", "2025-12", "month", "2025-12-01", "2025-12-31"),
        ("Last summer, the US Treasury sanctioned", "2025-06/2025-08", "season", "2025-06-01", "2025-08-31"),
        ("whose body was found in March 2024.", "2024-03", "month", "2024-03-01", "2024-03-31"),
        ("In September 2023, Maduro dispatched", "2023-09", "month", "2023-09-01", "2023-09-30"),
        ("waging since September in the Caribbean", "2025-09/2026-06-18", "month", "2025-09-01", "2026-06-18"),
        # more
        ("on Thursday police said", "2026-06-18", "day", "2026-06-18", "2026-06-18"),  # publication day itself
        ("last Thursday", "2026-06-11", "day", "2026-06-11", "2026-06-11"),
        ("yesterday", "2026-06-17", "day", "2026-06-17", "2026-06-17"),
        ("this week", "2026-W25", "week", "2026-06-15", "2026-06-18"),  # ends at publication
        ("last week", "2026-W24", "week", "2026-06-08", "2026-06-14"),
        ("two weeks ago", "2026-W23", "week", "2026-06-01", "2026-06-07"),
        ("last month", "2026-05", "month", "2026-05-01", "2026-05-31"),
        ("Six months ago", "2025-12", "month", "2025-12-01", "2025-12-31"),
        ("passed a law in April", "2026-04", "month", "2026-04-01", "2026-04-30"),  # this year's April
        ("in June", "2026-06", "month", "2026-06-01", "2026-06-18"),
        ("As of 2023, around 770,000", "2023", "year", "2023-01-01", "2023-12-31"),
        ("last year", "2025", "year", "2025-01-01", "2025-12-31"),
        ("in the 1920s", "1920/1929", "year", "1920-01-01", "1929-12-31"),
        ("On 12 June 2026 a strike", "2026-06-12", "day", "2026-06-12", "2026-06-12"),
        ("on June 12, 2026", "2026-06-12", "day", "2026-06-12", "2026-06-12"),
        ("date: 2026-06-12", "2026-06-12", "day", "2026-06-12", "2026-06-12"),
        ("Aug. 14 (UPI)", "2025-08-14", "day", "2025-08-14", "2025-08-14"),  # no year: the last Aug. 14
        ("since January 3, when US forces", "2026-01-03/2026-06-18", "day", "2026-01-03", "2026-06-18"),
        ("in the summer of 2024", "2024-06/2024-08", "season", "2024-06-01", "2024-08-31"),
        ("in recent months", "2026-03-18/2026-06-18", "season", "2026-03-18", "2026-06-18"),
        ("killed since clashes erupted on Sunday", "2026-06-14/2026-06-18", "day", "2026-06-14", "2026-06-18"),
        ("killed between Friday night and Sunday", "2026-06-12/2026-06-14", "day", "2026-06-12", "2026-06-14"),
        ("from January 2024 to March 2025", "2024-01/2025-03", "month", "2024-01-01", "2025-03-31"),
        ("were killed at the weekend when", "2026-W24", "week", "2026-06-08", "2026-06-14"),  # the weekend just gone
    ],
)
def test_expressions_resolve_against_publication(text, iso, precision, start, end):
    window = parse_date(text, THURSDAY_18_JUNE_2026)
    assert window == DateWindow(date.fromisoformat(start), date.fromisoformat(end), precision, iso)


def test_expression_offsets_exclude_cue_words():
    [mention] = find_dates("In December, Guerrero had been indicted", THURSDAY_18_JUNE_2026)
    assert (mention.start, mention.end, mention.text) == (3, 11, "December")


def test_since_keeps_the_point_it_starts_from():
    [mention] = find_dates("since 2021, when bandits seized", THURSDAY_18_JUNE_2026)
    assert mention.since
    assert mention.window.iso == "2021/2026-06-18"
    assert mention.point.iso == "2021"


def test_days_after_a_clause_are_that_clauses_relation_not_the_narratives_next_day():
    mentions = find_dates("on Wednesday, a day after settlers set fire to homes", THURSDAY_18_JUNE_2026)
    assert [m.text for m in mentions] == ["on Wednesday"]
    assert [m.narrative_shift for m in find_dates("two days after the attack", THURSDAY_18_JUNE_2026)] == [2]


def test_two_dates_joined_by_and_are_two_dates_without_between():
    assert [m.window.iso for m in find_dates("killed on Friday and Saturday", THURSDAY_18_JUNE_2026)] == [
        "2026-06-12", "2026-06-13"]


@pytest.mark.parametrize("text", ["next week", "tomorrow", "next Tuesday", "next March"])
def test_future_expressions_are_marked(text):
    [mention] = find_dates(text, THURSDAY_18_JUNE_2026)
    assert mention.future


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the army may deploy",  # the modal and a surname are not May
        "protesters march through the capital",
        "2,000 soldiers and 1,500 police officers",
        "Chiquita Henry, 19, of 1935 Orchard St., Alexandria",  # a street number is not a year
        "a shooting in the 1900 block of West State Street",  # nor is a block number
        "prices fall as the spring rains come",
    ],
)
def test_words_that_are_not_dates(text):
    assert find_dates(text, THURSDAY_18_JUNE_2026) == []


def test_relative_dates_need_a_publication_date_absolute_ones_do_not():
    mentions = find_dates("On Tuesday, in March 2024 and last summer", None)
    assert [m.text for m in mentions] == ["On Tuesday", "March 2024", "last summer"]
    assert [m.window.iso if m.window else None for m in mentions] == [None, "2024-03", None]


def test_seasons_by_hemisphere_and_winter_across_years():
    assert season_window("winter", 2024) == DateWindow(date(2023, 12, 1), date(2024, 2, 29), "season", "2023-12/2024-02")
    south = parse_date("last summer", THURSDAY_18_JUNE_2026, hemisphere="south")
    assert (south.start, south.end) == (date(2025, 12, 1), date(2026, 2, 28))


def test_last_summer_after_summer_is_this_years():
    assert parse_date("last summer", date(2026, 10, 2)).iso == "2026-06/2026-08"


def test_windows_overlap():
    december = parse_date("in December", THURSDAY_18_JUNE_2026)
    since_september = parse_date("since September", THURSDAY_18_JUNE_2026)
    march = parse_date("in March 2024", THURSDAY_18_JUNE_2026)
    assert december.overlaps(since_september) and since_september.overlaps(december)
    assert not march.overlaps(december)
    assert DateWindow(None, THURSDAY_18_JUNE_2026, "unknown", None).overlaps(march)


def test_parse_absolute_date_for_datelines():
    assert parse_absolute_date("Andrea Lobo\n18 June 2026\n") == date(2026, 6, 18)
    assert parse_absolute_date("March 24, 2009 MANSFIELD --") == date(2009, 3, 24)
    assert parse_absolute_date("in December") is None


def test_a_month_naming_an_event_dates_it():
    [mention] = find_dates("She won a fourth term in a January election.", THURSDAY_18_JUNE_2026)
    assert (mention.text, mention.window.iso) == ("January", "2026-01")



def test_a_month_of_last_year():
    [mention] = find_dates("He declared a conflict in January last year.", THURSDAY_18_JUNE_2026)
    assert (mention.text, mention.window.iso) == ("January last year", "2025-01")


def test_a_deadline_without_a_year_is_the_next_one():
    [mention] = find_dates("They must leave ahead of a March 31 deadline.", date(2025, 3, 13))
    assert (mention.window.iso, mention.future) == ("2025-03-31", True)


def test_a_hearing_still_to_come_is_in_the_future():
    [hearing] = find_dates("They are due to appear at Leeds Crown Court on December 12.", date(2023, 11, 14))
    assert hearing.future and hearing.window.iso == "2023-12-12"
    [past] = find_dates("They appeared at Leeds Crown Court on December 12.", date(2023, 11, 14))
    assert not past.future and past.window.iso == "2022-12-12"


def test_the_weekend_of_an_article_published_on_it_is_that_weekend():
    assert parse_date("over the weekend", date(2026, 6, 20)).iso == "2026-W25"


@pytest.mark.parametrize(("text", "minutes"), [
    ("from about 1 a.m., the mayor said", 60),
    ("shortly after 9.30pm", 21 * 60 + 30),
    ("at 16:40 local time", 16 * 60 + 40),
    ("struck a house overnight", 180),
    ("surrounded the village at dawn", 330),
    ("in the early afternoon", 900),
    ("repelled 14 assaults since the morning", 540),
    ("12 a.m.", 0),
    ("Two men were killed in 2024.", None),
    ("09:15 — Israeli warplanes struck", None),  # a live blog's stamp is not a time the text gives
])
def test_time_of_day(text, minutes):
    assert time_of_day(text) == minutes
