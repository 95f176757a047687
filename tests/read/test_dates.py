"""read/dates.py: the forms of a date pages write."""

from healthlens.read.dates import find_date, parse_date


def test_two_digit_years_read_as_this_century():
    assert find_date("03/14/25 Clinic news: hay fever season") == ("2025-03-14", 0, 8)
    assert parse_date("Posted 1/2/24.") == "2024-01-02"


def test_runs_of_numbers_and_slashes_are_not_dates():
    assert parse_date("Build 1/2/3/4 of the app") is None
    assert parse_date("ratio 10/12/24/1") is None
    assert parse_date("13/40/25") is None  # no such month or day


def test_four_digit_forms_come_first():
    assert parse_date("Updated 12/1/2024") == "2024-12-01"
    assert parse_date("2019 Jun 13;25(4)") == "2019-06-13"


def test_iso_dates_with_a_time_ordinals_with_of_and_dotted_day_first_dates():
    assert parse_date("Published: 2024-05-03T10:00:00Z") == "2024-05-03"
    assert parse_date("Posted on the 3rd of May 2024") == "2024-05-03"
    assert parse_date("Stand: 03.05.2024.") == "2024-05-03"
    assert parse_date("version 1.2.2024.1") is None  # a dotted version number
    assert parse_date("12.31.2024") is None  # no thirty-first month


def test_day_first_where_month_first_is_impossible_and_dashed_dates():
    assert parse_date("23/01/2024") == "2024-01-23"
    assert parse_date("04/02/2024") == "2024-04-02"  # month first where both readings work
    assert parse_date("Posted by a_user, 04-02-2024:") == "2024-04-02"
    assert parse_date("23-01-2024") == "2024-01-23"
    assert parse_date("ID 1-2-20245") is None


def test_day_first_with_a_two_digit_year_where_month_first_is_impossible():
    assert parse_date("Updated 14/02/17.") == "2017-02-14"
    assert parse_date("Posted 02/03/17") == "2017-02-03"  # month first where both readings work
    assert parse_date("ratio 14/40/17") is None  # neither reading is a date


def test_dates_found_through_the_scanners_are_those_plain_re_finds(monkeypatch):
    """The month-first form and the cued forms are searched with their scanners: on varied
    lines (month names inside words, odd letters re.IGNORECASE equates with ASCII ones, cues
    without a date) the dates found are those plain ``re`` finds."""
    import random

    from healthlens.read import dates

    parts = [
        "May 4, 2024",
        "primary 12, 2020",
        "Summary 3 2019",
        "Updated: Jan 2023",
        "updated 03/14",
        "Posted on 05-01-20",
        "ſept. 9th, 2021",
        "MARCH 1 1999",
        "4 June 2018",
        "2019 Jun 13",
        "12/31/2020",
        "dismayed 5, 2022",
        "Decembers 1, 2000",
        "reviewed",
        " ",
        ", ",
        "\n",
        "x",
        "1",
        "2024",
    ]
    rng = random.Random(17)
    lines = ["".join(rng.choice(parts) for _ in range(rng.randrange(1, 9))) for _ in range(3000)]
    fast = [dates.find_date(line) for line in lines]
    monkeypatch.setattr(dates, "scanner", lambda pattern: pattern)  # plain re
    assert fast == [dates.find_date(line) for line in lines]
    assert any(fast) and not all(fast)


def test_digit_led_forms_tried_where_digit_runs_start_match_as_plain_re(monkeypatch):
    """Every form but the month-first one is tried only where a run of digits starts: on varied
    lines (digits glued to letters, dots, dashes and slashes, runs of numbers, digits of other
    scripts that ``\\d`` also reads) each form's matches, and the dates found, are plain ``re``'s."""
    import random

    from healthlens.read import dates

    parts = [
        "2024-05-03",
        "x2024-05-03",
        "12-2024-05-3",
        "3rd of May 2024",
        "21st June, 2020",
        "2019 Jun 13",
        "12/1/2024",
        "1/2/3/4",
        "23-01-2024",
        "-04-02-2024",
        "03.05.2024",
        "1.2.2024.1",
        "03/14/25",
        "/14/02/17",
        "٠٣/١٤/٢٠٢٤",  # Arabic-Indic digits: ``\d`` reads them as digits too
        "２０２４-０５-０３",  # fullwidth digits
        "a1",
        "12345",
        " ",
        ", ",
        "-",
        "/",
        ".",
        "\n",
        "May",
        "of",
    ]
    rng = random.Random(23)
    lines = ["".join(rng.choice(parts) for _ in range(rng.randrange(1, 9))) for _ in range(3000)]
    forms = [p for p, _order in dates._PATTERNS if p is not dates._MONTH_FIRST]
    for line in lines:
        runs = [m.span() for m in dates._DIGIT_RUN.finditer(line)]
        for pattern in forms:
            got = [m.span() for m in dates._at_run_starts(pattern, line, runs)]
            assert got == [m.span() for m in pattern.finditer(line)], (pattern.pattern, line)
    fast = [dates.find_date(line) for line in lines]
    monkeypatch.setattr(dates, "_at_run_starts", lambda pattern, text, runs: pattern.finditer(text))
    assert fast == [dates.find_date(line) for line in lines]
    assert sum(map(bool, fast)) > 100 and not all(fast)


def test_a_comma_before_the_year_with_no_space_after_it():
    assert parse_date("Posted 27 Sep.,2024") == "2024-09-27"
    assert parse_date("Updated Sep 27,2024 by the clinic") == "2024-09-27"
    # a day and month followed by a list of numbers is still no date without four digits
    assert parse_date("Sep 27,24 and 25") is None
