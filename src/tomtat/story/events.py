"""Events of a cluster: which happening each sentence tells and when, and the summary as a story.

:class:`ClusterDates` dates every sentence of a cluster as far as its text allows: its own
date (the most telling date expression in it, a past time before a planned one; "Cùng ngày"
takes the day named just before), else the date of the sentence before it in its paragraph,
else the date of its story's main happening (unless that is background to the story's news,
:meth:`ClusterDates._stale_stories`: then, in a dated article, the article's own date, in an
undated one none). A story is the articles that share a year (two outlets' copies of one
report, found by dedup). Its main happening is the day its text and
photo captions name most often, counting every day within ``window_days`` of it; a caption's
date counts double (a photo shows the story's own happening).

A date without a year keeps its story (``scope``): dates of unknown year from different
stories are never put in one year's order. ``year_from`` is the latest year the story's
articles speak of as past; the label says "năm chưa rõ, không trước năm 2018", never a guessed year
(an editor read the earlier "năm 2018 trở đi" as a period from 2018 on).

:func:`story_events` groups a summary's sentences into events (one date window of one story,
or one month, or one year; two stories naming the exact same day, their years able to agree,
share it), in time order where it is known: dated events by date, then the
stories of unknown year one after another (in the order they first appear; those that tell
one year's news in one day order), then what has no
date at all, then the background: events of a known year more than ``_BACKGROUND_DAYS``
before every story's news (:meth:`ClusterDates.before_the_news`), in date order. Each event
has a label as Vietnamese readers write dates ("12/3/2024", "16–18/7 (năm chưa rõ)", "tháng
7/2018", "năm 2019"). Inside an event the sentence that opens
an article's telling of it comes first, and a sentence that introduces a person comes before
one that names them short (:mod:`tomtat.story.cohesion`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Mapping, Sequence

import numpy as np

from tomtat.core.model import StoryEvent
from tomtat.core.options import DEFAULTS
from tomtat.story.cohesion import Naming, Namings, introductions_first, late_introductions
from tomtat.story.timeline import season_blocks, year_scopes
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.order import predecessor
from tomtat.vi.dates import (DAY, DAY_MONTH, MONTH, MONTH_ONLY, YEAR, DateFinder, DateMention, article_anchor,
                             span_end, valid_date)
from tomtat.vi.time_context import (best_mention, is_background, is_cited, is_plan, is_report_day, label_year_floor,
                                    looks_back, months_reviewed, names_an_occasion, past_year_floor, runs_until_now)

# A week ("tuần trước", "cuối tuần này") is no day: read as its Monday, it labelled a weekend's
# happening with that Monday. It dates no sentence (``when_of`` gives None).
_DAYS = (DAY, DAY_MONTH)
_CAPTION_WEIGHT = 2.0
_INHERIT_REACH = 2  # sentences back, in the same paragraph, a sentence takes its date from
# Days before an article's date that are still its news: when a story names such days, older
# ones (a crime years before its trial, a document of 2014) do not make its main happening.
_RECENT_DAYS = 7
# Days before every story's news after which a happening is background, told after the news
# (a retirement of 2008 recalled in reports of a transfer of 2022), not a step of the story.
_BACKGROUND_DAYS = 90


def _days_after(when: When, anchor: date | None) -> int | None:
    """How many days ``when`` is after ``anchor`` (negative: before); None when either is unknown."""
    if anchor is None or when.year is None or when.precision != DAY:
        return None
    return when.ordinal() - anchor.toordinal()


def _years_before(when: When, anchor: date | None) -> bool:
    """Only a year, and one before its article's ("X-Men: The Last Stand ra mắt năm 2006" in a
    report of May 2016): background, which the next sentence ("mới đây, ...") does not share."""
    return anchor is not None and when.precision == YEAR and when.year is not None and when.year < anchor.year


def _after_its_article(when: When, anchor: date | None) -> bool:
    """Is ``when`` later than its article's date: a day more than a day after it, a later month or year?"""
    if anchor is None or when.year is None:
        return False
    if when.precision == DAY:
        return (_days_after(when, anchor) or 0) > 1  # as a main day's vote counts a schedule
    if when.precision == MONTH and when.month is not None:
        return (when.year, when.month) > (anchor.year, anchor.month)
    return when.precision == YEAR and when.year > anchor.year


@dataclass(frozen=True)
class When:
    """A time as far as the text gives it; ``year`` None means unknown (see ``scope``)."""

    precision: str  # DAY, MONTH or YEAR (a day or month of unknown year is DAY / MONTH with year None)
    year: int | None
    month: int | None = None
    day: int | None = None
    until: int | None = None  # a span of years ("năm 2007 - 2009"): its last year

    def ordinal(self) -> int:
        """Days since a fixed origin, for distances between days (unknown year: a leap year)."""
        return date(self.year or 2000, self.month or 1, self.day or 1).toordinal()


def when_of(mention: DateMention) -> When | None:
    if not mention.resolved:
        return None
    if mention.precision in _DAYS:
        return When(DAY, mention.year, mention.month, mention.day)
    if mention.precision in (MONTH, MONTH_ONLY):
        return When(MONTH, mention.year, mention.month)
    if mention.precision == YEAR:
        return When(YEAR, mention.year, until=mention.until)
    return None


@dataclass
class ClusterDates:
    """Per sentence of a cluster: its own date, the date it is told under, its story."""

    own: list[When | None]  # the sentence's own date (None: none, only a plan, background or a cited document's)
    told: list[When | None]  # own, else inherited from its paragraph, else its story's main day
    scope: dict[str, tuple[str, ...]]  # article id -> the articles sharing its year
    year_from: dict[tuple[str, ...], int | None]  # the latest year its articles write as past
    votes: list[bool] = field(default_factory=list)  # does its own day vote for the story's main one ("Trước đó, ...": not first)
    main: dict[tuple[str, ...], tuple[When, list[When]]] = field(default_factory=dict)  # story -> (main day, its window)
    anchored: dict[str, bool] = field(default_factory=dict)
    recalled_only: set[tuple[str, ...]] = field(default_factory=set)  # stories whose every day is told as earlier
    # per sentence: the year a time it tells "until now" starts ("từ đầu năm 2022 đến nay"): it is
    # not told under an earlier year of the sentence before it
    since: list[int | None] = field(default_factory=list)
    # the days the stories report: their main days where those are news (not stale, not only
    # recalled), and a dated article's own day where it stands for its story's news; each with
    # the year its story's news is at least (a main day of unknown year: its story's year_from)
    news: list[tuple[When, int | None]] = field(default_factory=list)
    window_days: int = DEFAULTS.event_window_days

    @classmethod
    def build(cls, cluster: Cluster, finder: DateFinder | None = None, window_days: int = DEFAULTS.event_window_days) -> "ClusterDates":
        finder = finder or DateFinder()
        anchors = {a.id: article_anchor(a.published, f"{a.title}\n{a.text}")[0] for a in cluster.articles}
        own: list[When | None] = []
        guessed: list[bool] = []  # the year of its own day came from the article's date, not its text
        votes: list[bool] = []
        last_day: dict[str, tuple[int, When]] = {}
        written: dict[tuple[str, int], set[int]] = {}  # (article, month) -> the years its text writes with it
        written_days: list[set[date]] = []  # per sentence: the days it writes with their year
        since: list[int | None] = []
        for s in cluster.sentences:
            anchor = anchors.get(s.article_id)
            mentions: list[DateMention] = []
            days: set[date] = set()  # written in full: a round named by its day too ("đợt 2-9-2022")
            for m in finder.find(s.text, anchor):
                cited = _cited_earlier(s.text, m, anchor)
                if not cited:
                    mentions.append(m)
                if m.year is None or m.month is None or m.anchored or (cited and not names_an_occasion(s.text, m)) \
                        or is_plan(s.text, m):
                    continue
                if not cited:
                    written.setdefault((s.article_id, m.month), set()).add(m.year)
                if m.precision in _DAYS and m.day is not None:
                    days.add(date(m.year, m.month, m.day))
            written_days.append(days)
            since.append(max((m.year for m in mentions if m.year is not None and runs_until_now(s.text, m)), default=None))
            for month, year in months_reviewed(s.text):
                written.setdefault((s.article_id, month), set()).add(year)
            mention = best_mention(s.text, mentions) if mentions else None
            when = _told_by(s.text, s.index, mention, anchor, last_day.get(s.article_id)) if mention else None
            if mention is not None and is_report_day(s.text, mention):
                # the fact's day before the day a source reported it on, where it tells a time
                # (not a schedule after the article, not background)
                fact = best_mention(s.text, mentions, fact_day_first=True)
                fact_when = _told_by(s.text, s.index, fact, anchor, last_day.get(s.article_id)) \
                    if fact is not mention else None
                if fact_when is not None:
                    mention, when = fact, fact_when
            if when is not None and when.precision == DAY:
                last_day[s.article_id] = (s.index, when)
            own.append(when)
            guessed.append(when is not None and mention is not None and mention.anchored and mention.kind != "same_time")
            votes.append(mention is not None and not looks_back(s.text, mention))
        links = [{a, b} for a, (b, _) in cluster.duplicate_of.items()] + _same_day_links(cluster, own, guessed)
        scope = year_scopes(cluster.articles, links)
        texts = {a.id: f"{a.title}\n{a.text}" for a in cluster.articles}
        year_from: dict[tuple[str, ...], int | None] = {}
        for group in set(scope.values()):
            years = [y for y in (past_year_floor(texts[a], finder) for a in group) if y is not None]
            year_from[group] = max(years) if years else None
        _years_from_the_month(own, cluster, scope, year_from, written, written_days)
        _years_from_the_same_day(own, cluster, scope, year_from)
        dates = cls(own, list(own), scope, year_from, votes, anchored={a: d is not None for a, d in anchors.items()},
                    since=since, window_days=window_days)
        dates._find_main(cluster, finder, anchors)
        dates._inherit(cluster, anchors)
        return dates

    def near(self, a: When, b: When) -> bool:
        """Two days of one happening: the same year (or both unknown) and at most the window apart."""
        return a.precision == b.precision == DAY and a.year == b.year \
            and abs(a.ordinal() - b.ordinal()) <= self.window_days

    def _find_main(self, cluster: Cluster, finder: DateFinder, anchors: dict[str, date | None]) -> None:
        votes: dict[tuple[str, ...], dict[When, float]] = {}
        recent: dict[tuple[str, ...], set[When]] = {}  # days within _RECENT_DAYS before their article's date
        shown: dict[When, float] = {}  # caption votes: a tie goes to the day a photo shows
        earlier: dict[tuple[str, ...], dict[When, float]] = {}  # days told as before the news: used when no other

        def vote(article_id: str, when: When, weight: float, *, looking_back: bool = False) -> bool:
            after = _days_after(when, anchors.get(article_id))
            if after is not None and after > 1:
                return False  # not yet happened when the article was written: a schedule, not its news
            group = self.scope[article_id]
            tally = (earlier if looking_back else votes).setdefault(group, {})
            tally[when] = tally.get(when, 0.0) + weight
            if after is not None and after >= -_RECENT_DAYS:
                recent.setdefault(group, set()).add(when)
            return True

        for s, when, counts in zip(cluster.sentences, self.own, self.votes):
            if when is not None and when.precision == DAY:
                vote(s.article_id, when, 1.0, looking_back=not counts)
        for a in cluster.articles:
            for removed in a.removed:
                if "caption" not in removed.reason:
                    continue
                for mention in finder.find(removed.text, anchors.get(a.id)):
                    when = when_of(mention)
                    if when is not None and when.precision == DAY and vote(a.id, when, _CAPTION_WEIGHT):
                        shown[when] = shown.get(when, 0.0) + _CAPTION_WEIGHT
        for group, counted in earlier.items():
            if group not in votes:
                votes[group] = counted
                self.recalled_only.add(group)
        for group, counted in votes.items():
            news = recent.get(group, set())
            candidates = [d for d in counted if d in news] or list(counted)  # the news days, when the story names any
            main = max(candidates, key=lambda day, c=counted: (  # type: ignore[misc]
                sum(v for d, v in c.items() if self.near(d, day)), c[day], shown.get(day, 0.0)))
            self.main[group] = (main, sorted((d for d in counted if self.near(d, main)), key=When.ordinal))
        self._news_of_another_story(votes, recent, anchors)

    def _news_of_another_story(self, votes: dict[tuple[str, ...], dict[When, float]],
                               recent: dict[tuple[str, ...], set[When]], anchors: dict[str, date | None]) -> None:
        """A story whose articles are all dated, and which names no day of the week before them,
        has no main day of its own: the days it names (if any) are its background ("Shoigu hôm
        4/5 thông báo ..." in reports of 2/6). When another story of the cluster has a main day
        in that week before them, this story tells that news too (two outlets on one interview,
        worded apart): its main day is that one, the most voted if several."""
        for group in sorted(set(self.scope.values())):
            dated = [anchors.get(a) for a in group]
            if recent.get(group) or not dated or any(d is None for d in dated):
                continue
            first = min(d for d in dated if d is not None).toordinal()
            others = [(sum(votes.get(g, {}).values()), main) for g, (main, _) in self.main.items()
                      if g != group and main in recent.get(g, set()) and main.year is not None
                      and -_RECENT_DAYS <= main.ordinal() - first <= 1]
            if others:
                main = max(others, key=lambda pair: (pair[0], pair[1].ordinal()))[1]
                self.main[group] = (main, [main])
                self.recalled_only.discard(group)

    def _inherit(self, cluster: Cluster, anchors: dict[str, date | None]) -> None:
        stale = self._stale_stories(cluster, anchors)
        fallback: dict[str, When | None] = {}
        for i, s in enumerate(cluster.sentences):
            told = self.told[i]
            story = self.scope[s.article_id]
            # (not under a stale main day: that day is background, "năm 2015" is no more of it)
            main = self.main.get(story) if story not in stale else None
            if (told is not None and main is not None and told.precision != DAY and told.year == main[0].year \
                    and told.precision == YEAR) or (told is not None and main is not None and told.precision == MONTH
                                                   and (told.year, told.month) == (main[0].year, main[0].month)):
                self.told[i] = main[0]  # "năm 2024" in a story of 20/3/2024: told under that day
                continue
            if told is not None:
                continue
            for back in range(1, _INHERIT_REACH + 1):
                j = i - back
                if j < 0:
                    break
                p = cluster.sentences[j]
                if p.article_id != s.article_id or p.paragraph != s.paragraph:
                    break
                before = self.own[j]
                if before is not None:
                    started = self.since[i] if self.since else None
                    if not _years_before(before, anchors.get(s.article_id)) \
                            and not (started is not None and before.year is not None and before.year < started):
                        self.told[i] = self.told[j]
                    break
            if self.told[i] is None:
                if s.article_id not in fallback:  # one answer per article
                    fallback[s.article_id] = self._fallback(s.article_id, anchors.get(s.article_id), stale)
                self.told[i] = fallback[s.article_id]
        self.news = [(main, self.year_from.get(story) if main.year is None else main.year)
                     for story, (main, _) in self.main.items() if story not in stale and story not in self.recalled_only]
        seen = {day for day, _ in self.news}
        for a in cluster.articles:
            day = fallback[a.id] if a.id in fallback else self._fallback(a.id, anchors.get(a.id), stale)
            if day is not None and day not in seen:
                seen.add(day)
                self.news.append((day, day.year if day.year is not None else self.year_from.get(self.scope[a.id])))

    def before_the_news(self, when: When) -> bool:
        """Is ``when`` background to every story's news (:attr:`news`): of a known year, and
        before each news day by more than ``_BACKGROUND_DAYS`` (a day of unknown year: before the
        year its story's news is at least)? "Hay khi Oliver Kahn giải nghệ năm 2008, ..." in
        reports of a transfer of 2022 is; a story's steps of the weeks before its news are not
        (a crime of 21/5 before its police briefing of 27/5). False when there is no news day to
        compare with."""
        if when.year is None or not self.news:
            return False
        last_year = when.until or when.year
        for day, floor in self.news:
            if day.year is None:
                if floor is None or last_year >= floor:
                    return False
            elif when.precision == DAY:
                if when.ordinal() >= day.ordinal() - _BACKGROUND_DAYS:
                    return False
            elif when.precision == MONTH:
                if 12 * when.year + (when.month or 1) >= 12 * day.year + (day.month or 1) - _BACKGROUND_DAYS // 30:
                    return False
            elif last_year >= day.year:
                return False
        return True

    def _stale_stories(self, cluster: Cluster, anchors: dict[str, date | None]) -> set[tuple[str, ...]]:
        """Stories whose main day is background to what they report: their articles are all
        dated and it is more than ``_RECENT_DAYS`` before the first of them (a letter of 13/5
        recalled in interviews published on 24/5), or they are undated and it is of a year more
        than one before both the latest a sentence of theirs is dated in and the latest they
        speak of as past (a resolution of 12/3/2012 at its ten-year review, a plane's first
        flight of 1957, in stories of 2022; both, as a plan's year misread as past can raise
        either: "từ ngày 1/8/2022 đến hết ngày 31/12/2025")."""
        stale: set[tuple[str, ...]] = set()
        undated: list[tuple[tuple[str, ...], int]] = []  # stories to compare with their latest year
        for story, (main, _) in self.main.items():
            if main.year is None:
                continue
            dated = [anchors.get(a) for a in story]
            if all(d is not None for d in dated):
                first = min(d for d in dated if d is not None)
                if (_days_after(main, first) or 0) < -_RECENT_DAYS:
                    stale.add(story)
            elif not any(dated) and main.year < (self.year_from.get(story) or main.year) - 1:
                undated.append((story, main.year))
        if undated:  # most stories are not: the sentences are read only for these
            latest: dict[tuple[str, ...], int] = {}  # per story, the latest year a sentence is dated in
            for s, when in zip(cluster.sentences, self.own):
                if when is not None and when.year is not None:
                    story = self.scope[s.article_id]
                    latest[story] = max(latest.get(story, when.year), when.year)
            stale.update(story for story, year in undated if year < latest.get(story, year) - 1)
        return stale

    def _fallback(self, article_id: str, anchor: date | None, stale: set[tuple[str, ...]]) -> When | None:
        """The day a sentence naming none is told under: its story's main day, when that is its
        news; for a dated article whose story names no day of the week before it (only older
        ones: "văn bản hỏa tốc ngày 13/5" in reports of 24/5), or none at all, its own date,
        the day it reports (a hand check read the interviews of 24/5 under 13/5); in an undated
        one whose story's main day is years older than its news, none."""
        story = self.scope[article_id]
        main = self.main.get(story) if story not in self.recalled_only else None
        if anchor is not None and (main is None or story in stale):
            return When(DAY, anchor.year, anchor.month, anchor.day)
        return main[0] if main is not None and story not in stale else None

    def season_blocks(self, cluster: Cluster) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Stories of unknown year that tell one year's news, each to the first of its block
        (:func:`~tomtat.story.timeline.season_blocks`: main days a few days apart, or a fortnight
        apart and a day both name)."""
        named: dict[tuple[str, ...], set[tuple[int, int]]] = {}
        for s, when in zip(cluster.sentences, self.own):
            if when is not None and when.precision == DAY and when.year is None and when.month and when.day:
                named.setdefault(self.scope[s.article_id], set()).add((when.month, when.day))
        return season_blocks({story: (main.month, main.day) for story, (main, _) in self.main.items()
                              if main.year is None and main.month is not None and main.day is not None}, named)

    def happenings(self) -> list[tuple[When, list[tuple[str, ...]]]]:
        """The cluster's distinct main happenings: stories whose main days are near, merged."""
        out: list[tuple[When, list[tuple[str, ...]]]] = []
        for story, (main, _) in self.main.items():
            for day, stories in out:
                if self.near(day, main) or (None in (day.year, main.year) and
                                            abs(When(DAY, None, day.month, day.day).ordinal()
                                                - When(DAY, None, main.month, main.day).ordinal()) <= self.window_days):
                    stories.append(story)
                    break
            else:
                out.append((main, [story]))
        return out


def _years_from_the_month(own: list[When | None], cluster: Cluster, scope: dict[str, tuple[str, ...]],
                          year_from: dict[tuple[str, ...], int | None], written: dict[tuple[str, int], set[int]],
                          written_days: list[set[date]]) -> None:
    """A day or month without its year ("ngày 27/8") takes the year its story writes with that
    month ("tháng 8-2022", "ngày 2/8/2022", "8 tháng đầu năm 2022"), or else the year that puts
    it within ``_NEAR_DAYS`` of the days its sentence writes in full ("Sáng 31-8, ... đợt
    2-9-2022"), when that is one year and the latest the story speaks of as past: the year is
    read, not guessed (a month written with another year too, "tháng 8/2021" beside it, leaves
    it unknown). Only its own sentence's days: a sapo's "31/8" is not of 1945 because a later
    paragraph recalls "ngày 2/9/1945"."""
    for i, when in enumerate(own):
        if when is None or when.year is not None or when.month is None:
            continue
        group = scope[cluster.sentences[i].article_id]
        floor = year_from.get(group)
        if floor is None:
            continue
        years = set().union(*(written.get((a, when.month), set()) for a in group))
        if not years:
            years = {y for y in (_nearest_year(when.month, when.day, d) for d in written_days[i]) if y is not None}
        if years == {floor}:
            own[i] = When(when.precision, floor, when.month, when.day)


def _years_from_the_same_day(own: list[When | None], cluster: Cluster, scope: dict[str, tuple[str, ...]],
                             year_from: dict[tuple[str, ...], int | None]) -> None:
    """A day without its year ("Sáng 31/8") takes the year its story writes with that very day
    elsewhere ("đúng 15 giờ ngày 31/8/2022" in the other outlet's report), when the story writes
    it with one year only and not below its floor: the articles of a story share a year, and a
    day is one day. (A hand check read "31/8 (năm chưa rõ)" over a story writing 31/8/2022.)"""
    years: dict[tuple[tuple[str, ...], int | None, int | None], set[int]] = {}
    for i, when in enumerate(own):
        if when is not None and when.precision == DAY and when.year is not None:
            years.setdefault((scope[cluster.sentences[i].article_id], when.month, when.day), set()).add(when.year)
    if not years:
        return
    for i, when in enumerate(own):
        if when is None or when.precision != DAY or when.year is not None:
            continue
        group = scope[cluster.sentences[i].article_id]
        written = years.get((group, when.month, when.day), set())
        floor = year_from.get(group)
        if len(written) == 1 and (floor is None or min(written) >= floor):
            own[i] = When(DAY, min(written), when.month, when.day)


_NEAR_DAYS = 31


def _nearest_year(month: int, day: int | None, written: date) -> int | None:
    """The year that puts day/month (a month: its 15th) nearest the written day, if within
    ``_NEAR_DAYS`` of it ("31/8" beside 2/9/2022: 2022; "28/12" beside 3/1/2023: 2022)."""
    nearest = min(((abs(date(y, month, day or 15).toordinal() - written.toordinal()), y)
                   for y in (written.year - 1, written.year, written.year + 1) if valid_date(y, month, day or 15)),
                  default=None)
    return nearest[1] if nearest is not None and nearest[0] <= _NEAR_DAYS else None


def _told_by(text: str, index: int, mention: DateMention, anchor: date | None,
             last_day: tuple[int, When] | None) -> When | None:
    """The time ``mention`` tells its sentence under, if any: none for a plan or a background
    year, a time after the article's date (a schedule, not its news) or a week (its Monday is no
    day of the fact: the sentence is told as one naming no date is); "cùng ngày" takes the day
    named up to ``_INHERIT_REACH`` sentences before (``last_day``: that day and its sentence)."""
    if is_plan(text, mention) or is_background(text, mention):
        return None
    if mention.kind == "same_time":
        return last_day[1] if last_day is not None and index - last_day[0] <= _INHERIT_REACH else None
    when = when_of(mention)
    return None if when is not None and _after_its_article(when, anchor) else when


def _cited_earlier(text: str, mention: DateMention, anchor: date | None) -> bool:
    """A cited document's or rule's date ("Thông tư số 36/2014/TT-NHNN ngày 20/11/2014") that is
    not among its article's news days: never a sentence's own date."""
    if not is_cited(text, mention):
        return False
    when = when_of(mention)
    after = _days_after(when, anchor) if when is not None else None
    return after is None or not -_RECENT_DAYS <= after <= 1


_BUCKET_LIMIT = 200  # sentences of one day compared at most: memory stays bounded on a huge article
_ONE_PRODUCT_ROWS = 400  # days' sentences compared in one product up to this many (1.3 MB dense)


def _same_day_links(cluster: Cluster, own: list[When | None], guessed: list[bool],
                    similarity: float = 0.3) -> list[set[str]]:
    """Articles that tell one day's happening in similar words share a year: link them, and
    give a day without its year the year the other outlet wrote ("sáng 12/3" and "12/3/2024"),
    also where its year was only guessed from its article's date (a look back published a
    year later). Only sentences naming the same day and month, of different articles, are compared."""
    buckets: dict[tuple[int | None, int | None], list[int]] = {}
    for i, w in enumerate(own):
        if w is not None and w.precision == DAY:
            buckets.setdefault((w.month, w.day), []).append(i)
    compared = [members[:_BUCKET_LIMIT] for members in buckets.values()]
    compared = [members for members in compared if len({cluster.sentences[i].article_id for i in members}) >= 2]
    # Usually one product for every day's sentences: scipy's cost is per call, not per row, and
    # each pair's cosine sums the same terms in the same order as in a product per day.
    rows = sorted({i for members in compared for i in members})
    together = len(rows) <= _ONE_PRODUCT_ROWS
    every = cluster.similarity_rows(rows, rows) if together and rows else None
    at = {i: k for k, i in enumerate(rows)}
    links = []
    for members in compared:
        if every is not None:
            places = [at[i] for i in members]
            sims = every[np.ix_(places, places)]
        else:
            sims = cluster.similarity_rows(members, members)
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                i, j = members[a], members[b]
                wi, wj = own[i], own[j]
                assert wi is not None and wj is not None
                if cluster.sentences[i].article_id == cluster.sentences[j].article_id or sims[a, b] < similarity \
                        or (None not in (wi.year, wj.year) and wi.year != wj.year and guessed[i] == guessed[j]):
                    continue
                links.append({cluster.sentences[i].article_id, cluster.sentences[j].article_id})
                # how sure each year is: 0 unknown, 1 guessed from the article's date, 2 written
                sure_i, sure_j = (0 if w.year is None else 1 if guessed[k] else 2 for w, k in ((wi, i), (wj, j)))
                if sure_i < sure_j:
                    own[i], guessed[i] = wj, guessed[j]
                elif sure_j < sure_i:
                    own[j], guessed[j] = wi, guessed[i]
    return links


def _label(days: Sequence[When], year_from: int | None) -> str:
    first, last = days[0], days[-1]
    if first.precision == YEAR:
        return "–".join(part for part in (f"năm {first.year}", span_end(first.until)) if part)
    if first.precision == MONTH:
        text = f"tháng {first.month}/{first.year}" if first.year else f"tháng {first.month}"
    elif (first.month, first.day) == (last.month, last.day):
        text = f"{first.day}/{first.month}"
    elif first.month == last.month:
        text = f"{first.day}–{last.day}/{first.month}"
    else:
        text = f"{first.day}/{first.month}–{last.day}/{last.month}"
    if first.year is not None:
        return text if first.precision == MONTH else f"{text}/{first.year}"
    return f"{text} ({f'năm chưa rõ, không trước năm {year_from}' if year_from else 'năm chưa rõ'})"


def _iso(when: When) -> str:
    if when.precision == YEAR:
        return f"{when.year:04d}"
    tail = f"{when.month:02d}" + (f"-{when.day:02d}" if when.precision == DAY else "")
    return f"{when.year:04d}-{tail}" if when.year is not None else f"--{tail}"


def _end(days: Sequence[When]) -> str | None:
    """The last day of an event that spans several, or the last year of a span of years."""
    if len(days) > 1:
        return _iso(days[-1])
    return span_end(days[0].until)


@dataclass
class _Group:
    when: When | None
    scope: tuple[str, ...] | None  # year unknown: its story
    days: list[When] = field(default_factory=list)
    chains: list[list[int]] = field(default_factory=list)  # positions in the reading order, each with the ones leaning on it
    floors: list[int] = field(default_factory=list)  # year unknown: the years its stories speak of as past
    scopes: list[tuple[str, ...]] = field(default_factory=list)  # year unknown: its stories (for the label's floor)


_LEDE_INDEX = 1  # an article's first two sentences (its sapo's or its body's opening) tell its news


def _in_day_order(chains: list[list[int]], own: Sequence[When | None], year: int | None = None) -> list[list[int]]:
    """An event of several days told day by day: each chain that names its own day starts a
    block with the chains after it that name none (they go on with it), and the blocks are
    put in the order of their days, stably (a hand check read "Hôm 21-5, Bộ Quốc phòng Mỹ xác
    nhận ..." after two reports of 22/5, and an accident's aftermath before the accident).
    Chains before the first dated one stay first: the event's opening. A day without its year
    is of the event's ``year``."""
    def day(chain: list[int]) -> When | None:
        when = own[chain[0]]
        return when if when is not None and when.precision == DAY else None

    blocks: list[tuple[tuple[int, int, int], list[list[int]]]] = []
    for chain in chains:
        when = day(chain)
        if when is not None or not blocks:
            key = (when.year or year or 0, when.month or 0, when.day or 0) if when is not None else (0, 0, 0)
            blocks.append((key, [chain]))
        else:
            blocks[-1][1].append(chain)
    if len({key for key, _ in blocks}) < 2:
        return chains
    return [chain for _, block in sorted(blocks, key=lambda b: b[0]) for chain in block]


def _article_lengths(cluster: Cluster) -> dict[str, int]:
    """Sentences per article (its last sentence's index + 1)."""
    length: dict[str, int] = {}
    for s in cluster.sentences:
        length[s.article_id] = max(length.get(s.article_id, 0), s.index + 1)
    return length


def _news_first(cluster: Cluster, ordered: Sequence[int], chains: list[list[int]],
                length: Mapping[str, int]) -> list[list[int]]:
    """An event's chains told as one report of several outlets: the lede first
    (:func:`_lede_first`), then the others by how far into its article each comes (share of
    the article's sentences before it; ``length``: :func:`_article_lengths`), so every
    outlet's news comes before any outlet's details and each article's own sentences keep
    their order. A hand check read the reaction to a roof blown off before the incident
    itself, told later in another outlet's article."""

    def depth(chain: list[int]) -> float:
        s = cluster.sentences[ordered[chain[0]]]
        return s.index / length[s.article_id]

    # Sentences next to each other in one article move as one (the second often goes on with
    # the first without an opener: "Hai cầu thủ này ...").
    # (The lede moved first keeps its next sentence too.)
    units: list[list[list[int]]] = []
    for chain in _lede_first(cluster, ordered, chains):
        before = predecessor(cluster, ordered[chain[0]])
        unit = next((u for u in units if before >= 0 and ordered[u[-1][-1]] == before), None)
        if unit is not None:
            unit.append(chain)
        else:
            units.append([chain])
    first, *rest = units
    return [chain for unit in [first, *sorted(rest, key=lambda u: depth(u[0]))] for chain in unit]


def _lede_first(cluster: Cluster, ordered: Sequence[int], chains: list[list[int]]) -> list[list[int]]:
    """An event's chains with the sentence that opens an article's telling of it first (with
    what leans on it), the rest in their order: an event reads from its news, not from a detail
    of the outlet that happens to come first."""
    opening = [c for c in chains if cluster.sentences[ordered[c[0]]].index <= _LEDE_INDEX]
    if opening:
        first = min(opening, key=lambda c: cluster.sentences[ordered[c[0]]].index)
        chains = [first, *(c for c in chains if c is not first)]
    return chains


def _named_first(chains: list[list[int]], by_kind: Callable[[int], bool],
                 own: Sequence[When | None]) -> list[list[int]]:
    """An event's chains with the first one that does not name its subject by a kind alone
    ("Dự án tọa lạc tại ...": ``by_kind`` of a position) moved before those that do and open the
    event: the event opens with a sentence that stands alone, which most often names what the
    others mean ("Khu nghiên cứu phần mềm Quy Hòa sẽ ..." before "Dự án do ..."). Not when that
    chain names a day of its own other than one of theirs (the event is told day by day)."""
    first = next((k for k, chain in enumerate(chains) if not by_kind(chain[0])), 0)
    if first == 0:
        return chains
    days = [when if when is not None and when.precision == DAY else None for when in (own[c[0]] for c in chains)]
    if days[first] is not None and any(d is not None and d != days[first] for d in days[:first]):
        return chains
    return [chains[first], *chains[:first], *chains[first + 1:]]


def story_events(cluster: Cluster, ordered: Sequence[int], dates: ClusterDates,
                 leans: Callable[[int], bool],
                 namings: Sequence[Namings] | None = None, *,
                 interleave: bool = False,
                 by_kind: Callable[[int], bool] | None = None) -> tuple[list[int], list[StoryEvent]]:
    """Group ``ordered`` (cluster indexes, reading order) into events; return the new reading
    order (events in time order, the background after the news; each event's sentences in
    their old order but for the two rules below) and the events, whose ``sentences`` index
    that new order. A sentence that leans on the one before it ("Cùng ngày,", "Ông này") stays
    in the event of that sentence.

    Inside an event the sentence that opens an article's telling of it comes first; with
    ``interleave`` (the articles are dated, so an event is one day's happening told by several
    outlets) the others follow by how far into their articles they come (:func:`_news_first`),
    else in their order (each article's telling together: undated articles' events may join
    several sub-stories, and a blind reading preferred them kept apart). Then, with
    ``namings`` (how each sentence of ``ordered`` names its people, from
    :class:`~tomtat.story.cohesion.PersonReferences`), a sentence that introduces a person
    ("Chủ tịch Kim Jong-un") moves with its chain to just before the first one that named them
    short ("ông Kim"), even when that one is the lede (:func:`introductions_first`). With
    ``by_kind`` (does the sentence of cluster index i name its subject by a kind alone, "Dự án
    tọa lạc tại ..."), such a sentence does not open its event where another can
    (:func:`_named_first`)."""
    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}
    for k, i in enumerate(ordered):
        if k and ordered[k - 1] == predecessor(cluster, i) and leans(i):
            group = group_of[ordered[k - 1]]
            group.chains[-1].append(k)
        else:
            group = _place(groups, dates, cluster.sentences[i].article_id, dates.told[i])
            group.chains.append([k])
        told = dates.told[i]
        # A day joins the event's label only in the event's own precision and year: a sentence
        # leaning on the one before it stays in that event, but its date of another kind (a
        # month, a day of another or unknown year) is not the event's ("19/8–None/None").
        if told is not None and group.when is not None and (told.precision, told.year, told.until) == (
                group.when.precision, group.when.year, group.when.until):
            group.days.append(told)
        group_of[i] = group
    first_seen: dict[tuple[str, ...], int] = {}
    # (only with two stories of unknown year in the summary is there an order to share)
    season = dates.season_blocks(cluster) if len({g.scope for g in groups if g.scope is not None}) > 1 else {}
    for g in groups:
        if g.scope is not None:
            first_seen.setdefault(season.get(g.scope, g.scope), len(first_seen))

    def key(g: _Group) -> tuple[int, int, int, int, int, int]:
        # The news first, then the background it recalls, each in time order: a side fact of
        # years before ("năm 2008: Hay khi Oliver Kahn giải nghệ ...") does not open the story
        # (a hand check found five of 20 summaries opening so).
        if g.when is None:
            return (0, 2, 0, 0, 0, 0)
        background = int(all(dates.before_the_news(d) for d in (g.days or [g.when])))
        w = min(g.days, key=When.ordinal) if g.days else g.when
        if g.scope is None:
            return (background, 0, w.year or 0, w.month or 0, w.day or 0, 0)
        return (background, 1, first_seen[season.get(g.scope, g.scope)], w.month or 0, w.day or 0, 0)

    groups.sort(key=key)
    office_floors: dict[tuple[str, ...], int | None] = {}  # per story: its titled holders', read for labels only

    def label_floor(g: _Group) -> int | None:
        for scope in g.scopes:
            if scope not in office_floors:
                office_floors[scope] = label_year_floor(
                    None, (f"{a.title}\n{a.text}" for a in cluster.articles if a.id in scope))
        return max((y for y in (*g.floors, *(office_floors[s] for s in g.scopes)) if y is not None), default=None)

    new_order: list[int] = []
    events: list[StoryEvent] = []
    known: dict[str, Naming] = {}  # how the events so far named each person
    length = _article_lengths(cluster) if interleave else {}  # once for all the events
    own = [dates.own[i] for i in ordered]
    for g in groups:
        chains = _in_day_order(_news_first(cluster, ordered, g.chains, length) if interleave
                               else _lede_first(cluster, ordered, g.chains), own,
                               g.when.year if g.when is not None else None)
        if namings is not None:
            chains = introductions_first(chains, namings, known)
        if by_kind is not None:
            moved = _named_first(chains, lambda k: by_kind(ordered[k]), own)
            # (not where it would name someone short before their introduction)
            if namings is None or late_introductions([namings[k] for c in moved for k in c], known) <= \
                    late_introductions([namings[k] for c in chains for k in c], known):
                chains = moved
        if namings is not None:
            for k in (k for c in chains for k in c):
                for person, naming in namings[k].items():
                    known[person] = naming.join(known.get(person))
        members = [k for c in chains for k in c]
        positions = list(range(len(new_order), len(new_order) + len(members)))
        new_order.extend(ordered[k] for k in members)
        articles = tuple(dict.fromkeys(cluster.sentences[ordered[k]].article_id for k in members))
        if g.when is None:
            # "Chưa rõ thời điểm" sets undated sentences apart from dated ones; over a summary
            # with no date at all it is noise (a hand check read it as a label on an opinion).
            label = "Chưa rõ thời điểm" if len(groups) > 1 else ""
            events.append(StoryEvent(label, None, "unknown", tuple(positions), articles))
            continue
        days = sorted(set(g.days), key=When.ordinal) or [g.when]
        year_from = label_floor(g) if g.scope else None
        precision = {DAY: "day", MONTH: "month", YEAR: "year"}[days[0].precision]
        if days[0].year is None:
            precision = "range" if year_from else "unknown"
        events.append(StoryEvent(_label(days, year_from), _iso(days[0]), precision, tuple(positions), articles,
                                 year_from=year_from, date_end=_end(days)))
    return new_order, events


def _place(groups: list[_Group], dates: ClusterDates, article_id: str, when: When | None) -> _Group:
    scope = dates.scope[article_id] if when is not None and when.year is None else None
    floor = dates.year_from.get(scope) if scope is not None else None
    for g in groups:
        if g.when is None or when is None:
            if g.when is None and when is None:
                return g
            continue
        if g.scope != scope or g.when.precision != when.precision:
            continue
        if (when.precision == DAY and any(dates.near(d, when) for d in g.days)) \
                or (when.precision != DAY and (g.when.year, g.when.month, g.when.until) == (when.year, when.month, when.until)):
            return g
    same = _same_day_told_elsewhere(groups, when, scope, floor)
    if same is not None:
        assert when is not None
        if same.when is not None and same.when.year is None and when.year is not None:
            same.when, same.scope, same.days, same.floors, same.scopes = when, None, [], [], []  # its year is now written
        else:
            same.floors.extend([floor] if floor is not None else [])
            same.scopes.extend([scope] if scope is not None else [])
        return same
    group = _Group(when, scope, floors=[floor] if floor is not None else [], scopes=[scope] if scope is not None else [])
    groups.append(group)
    return group


def _same_day_told_elsewhere(groups: list[_Group], when: When | None, scope: tuple[str, ...] | None,
                             floor: int | None) -> _Group | None:
    """The event of another story of the cluster that names the same day and month, where one
    or both years are unknown and can be the same: two outlets on one topic naming one day tell
    one happening ("26/8" in one, "26/8" after a "năm 2022" in the other), not two events
    with one label. Only the exact day: days some apart may be another year's (the seed
    cluster's "18/7" and "24/7"), and only an event of that day alone: one that spans days
    ("24–26/8 (năm chưa rõ)") keeps them, whatever order the articles come in."""
    if when is None or when.precision != DAY:
        return None
    for g in groups:
        if g.when is None or g.when.precision != DAY or g.scope == scope \
                or (g.when.year is not None and when.year is not None):
            continue
        if not g.days or any((d.month, d.day) != (when.month, when.day) for d in g.days):
            continue
        if when.year is not None and any(when.year < f for f in g.floors):
            continue
        if g.when.year is not None and floor is not None and g.when.year < floor:
            continue
        return g
    return None
