"""Property-based runs (Hypothesis) over the readers and the options: no traceback, no internal error,
exit codes 0, 1 or 2 only, and every good article of a mixed input used.

Bounded in count and time (``TOMTAT_FUZZ_EXAMPLES``, default 40 a property; derandomized so a
failure reproduces). The service side is fuzzed by schemathesis in ``test_service_schema.py``.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis not installed: pip install -e '.[dev]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import run_cli  # noqa: E402
from service_helpers import BAI_1, BAI_2  # noqa: E402
from tomtat.apps.cli import main  # noqa: E402
from tomtat.core.errors import OptionsError, Problems, TomtatError  # noqa: E402
from tomtat.core.options import Options  # noqa: E402
from tomtat.ingest import read_inputs  # noqa: E402
from tomtat.story.summarizer import Summarizer  # noqa: E402

EXAMPLES = int(os.environ.get("TOMTAT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))

# Pieces a careless or hostile file is made of: Vietnamese words, marks, odd code points, edge dates.
WORDS = ["Hà Nội", "khánh thành", "cây cầu", "người dân", "ngày 5/6", "31/12/9999", "Thứ sáu,", "(GMT+7)", "😀",
         "\u200b", "\ufeff", "\x00", "\r\n", "\n\n", ".", "…", "?", ",", "—", "\"", "«", "TP.HCM", "GS.TS.", "12.000",
         "9999-12-31", "0001-01-01", "<p>", "</p>", "<script>", "{", "}", "[", "]", "null", "\\u0000"]
TEXT = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "raw_text", "title", "anchor_text", "published", "id", "url", "source",
                         "single_documents", "extra"]), inner, max_size=5),
    max_leaves=12)
ARTICLE = st.fixed_dictionaries({"text": TEXT}, optional={
    "title": TEXT, "anchor_text": TEXT, "published": st.sampled_from(["9999-12-31", "0001-01-01", "31/12/9999", "x", ""])
    | TEXT, "id": TEXT | st.integers()})


@st.composite
def junk_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and bytes: random bytes, text, JSON, JSON lines or HTML, in an encoding or not."""
    kind = draw(st.sampled_from(["bytes", "txt", "json", "json-list", "jsonl", "html"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=300))
        return draw(st.sampled_from(["x.txt", "x.json", "x.jsonl", "x.html"])), data
    if kind == "txt":
        text, name = draw(TEXT), "x.txt"
    elif kind == "json":
        text, name = json.dumps(draw(JSON_VALUES | ARTICLE), ensure_ascii=draw(st.booleans())), "x.json"
    elif kind == "json-list":
        text, name = json.dumps(draw(st.lists(ARTICLE | JSON_VALUES, max_size=5)), ensure_ascii=False), "x.json"
    elif kind == "jsonl":
        lines = draw(st.lists(st.builds(json.dumps, ARTICLE | JSON_VALUES) | TEXT, max_size=5))
        text, name = "\n".join(lines), "x.jsonl"
    else:
        text, name = f"<html><body><article><p>{draw(TEXT)}</p></article></body></html>", "x.html"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # a bad byte somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"])) + data[at:]
    return name, data


@FUZZ
@given(files=st.lists(junk_file(), min_size=1, max_size=3))
def test_readers_keep_every_good_article_beside_any_junk(files):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "good-1.txt").write_text(BAI_1, encoding="utf-8")
        (root / "good-2.json").write_text(json.dumps({"text": BAI_2}, ensure_ascii=False), encoding="utf-8")
        for n, (name, data) in enumerate(files):
            (root / f"junk{n}-{name}").write_bytes(data)
        problems = Problems()
        articles = read_inputs([root], problems)
        ids = {a.id for a in articles}
        assert {"good-1", "good-2"} <= ids, (ids, [str(w) for w in problems.warnings])
        result = Summarizer().summarize_articles(articles)  # timeline and entities included
        assert result.sentences


@FUZZ
@given(articles=st.lists(ARTICLE, min_size=1, max_size=4))
def test_any_article_mapping_is_summarized_or_refused_by_name(articles):
    try:
        result = Summarizer().summarize(articles)
    except TomtatError as error:
        assert str(error)
        return
    assert {a.id for a in result.articles}


SETTINGS = st.dictionaries(
    st.sampled_from(["syllables", "sentences", "ratio", "order", "ranker", "redundancy", "strict", "trim",
                     "duplicate_sentence_threshold", "selection_pool", "auto_exponent", "colour"]),
    st.none() | st.booleans() | st.integers(-10, 10**9) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8) | st.sampled_from(["auto", "date", "lead", "chronological"]),
    max_size=4)


@FUZZ
@given(values=SETTINGS)
def test_any_options_mapping_is_accepted_or_refused_by_name(values):
    try:
        Options.from_mapping(values)
    except OptionsError as error:
        assert error.field_name


FLAGS = ["--syllables", "--sentences", "--ratio", "--order", "--ranker", "--redundancy", "--selection-pool",
         "--long-sentence-syllables", "--auto-exponent", "--strict", "--no-trim", "--json", "--bogus"]
FLAG_VALUES = st.sampled_from(["0", "-1", "3", "50", "1e9", "nan", "inf", "0.5", "2", "date", "lead", "x", ""])


@FUZZ
@given(argv=st.lists(st.tuples(st.sampled_from(FLAGS), FLAG_VALUES), max_size=4))
def test_any_command_line_exits_0_1_or_2_without_a_traceback(argv, example_files):
    args = ["summarize", str(example_files)]
    for flag, value in argv:
        args += [flag] if flag in ("--strict", "--no-trim", "--json") else [flag, value]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exit_:  # argparse refuses a flag or value
            code = int(exit_.code or 0)
    assert code in (0, 1, 2), (args, code, err.getvalue())
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def example_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cluster")
    (folder / "bai-1.txt").write_text(BAI_1, encoding="utf-8")
    (folder / "bai-2.txt").write_text(BAI_2, encoding="utf-8")
    return folder


def test_mixed_input_on_the_command_line_uses_every_good_article(tmp_path):
    """Every bad kind of issue 15 at once, beside two good articles: exit 0, both good ones used."""
    (tmp_path / "good-1.txt").write_text(BAI_1, encoding="utf-8")
    (tmp_path / "good-2.json").write_text(json.dumps([{"text": BAI_2, "id": "good-2"}, {"text": 5}],
                                                     ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfTin \xff nay")
    (tmp_path / "emoji.json").write_text(json.dumps({"text": "😀🎉"}), encoding="utf-8")
    (tmp_path / "edge.json").write_text(json.dumps({"text": "Thứ sáu, 31/12/9999 08:00 (GMT+7)\n" + BAI_1,
                                                    "published": "9999-12-31", "id": "edge"}), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    code, out, err = run_cli("summarize", str(tmp_path), "--json")
    assert code == 0 and "Traceback" not in err and "internal error" not in err, err
    ids = {a["id"] for a in json.loads(out)["articles"]}
    assert {"good-1", "good-2", "edge"} <= ids, (ids, err)
    for name in ("bom.txt", "emoji.json", "deep.json", "binary.txt", "good-2.json[1]"):
        assert name in err, (name, err)
