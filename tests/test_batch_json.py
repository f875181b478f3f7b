"""The batch's JSON: byte for byte what json.dumps(to_dict()) gives, with or without orjson.

``legcramps batch`` writes a result from pre-encoded parts (without orjson) or
through orjson (the ``fast`` extra); both must give exactly the standard
library's output, and read input exactly as :func:`json.loads` with duplicate
keys refused.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import legcramps
from legcramps._batch import Plan
from legcramps._cli import _jsonio, _resultjson
from legcramps._cli._encode import Job, encode_chunk
from legcramps._cli._io import DuplicateKey
from legcramps._cli.batch import run
from strategies import answers

DUMPS = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode


def standard(record: dict[str, Any]) -> bytes:
    return DUMPS(record).encode("ascii")


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


class TestResultWriter:
    @settings(max_examples=300, deadline=None)
    @given(answers())
    def test_writes_to_dict(self, given_answers: dict[str, Any]) -> None:
        """The pre-encoded writer gives json.dumps(to_dict()) exactly, for any answers."""
        result = legcramps.assess(given_answers)
        write = _resultjson.result_writer(legcramps.KNOWLEDGE)

        assert write is not None
        assert DUMPS(result.to_dict()) == write(result)

    def test_unrecognised_names_and_floats(self) -> None:
        """Names with quotes, accents and control characters, and floats, are written alike."""
        write = _resultjson.result_writer(legcramps.KNOWLEDGE)
        result = legcramps.assess(
            medications=['Na\u00efve "x"\n\u2028', "\ud800"], fluid_litres=1e-05
        )

        assert write is not None
        assert DUMPS(result.to_dict()) == write(result)

    def test_checked_for_another_knowledge(self) -> None:
        """For another knowledge, the writer is checked on sample results when made."""
        mine = attrs.evolve(legcramps.KNOWLEDGE, version="mine-\u00e9")
        write = _resultjson.result_writer(mine)

        assert write is not None
        result = mine.assess(sitting_hours=8, medications=["Lasix"])
        assert DUMPS(result.to_dict()) == write(result)

    def test_none_when_it_would_differ(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the writer's text differed from to_dict()'s, none is given (to_dict() is used)."""
        monkeypatch.setattr(_resultjson.ResultWriter, "write", lambda _, __: "{}")
        mine = attrs.evolve(legcramps.KNOWLEDGE, version="mine-2")

        assert _resultjson.result_writer(mine) is None

    def test_none_for_the_built_in_knowledge_if_it_differed(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The built-in knowledge is checked once, at import; a failed check means none."""
        monkeypatch.setattr(_resultjson, "_BUILT_IN_WRITTEN_RIGHT", False)

        assert _resultjson.result_writer(legcramps.KNOWLEDGE) is None

    def test_a_result_of_another_knowledge(self) -> None:
        """A result whose causes the writer does not know is written through to_dict()."""
        k = legcramps.KNOWLEDGE
        mine = k.replace_cause(attrs.evolve(k.cause("posture"), name="Posture"), version="mine-3")
        writer = _resultjson.ResultWriter(legcramps.KNOWLEDGE)
        result = mine.assess(sitting_hours=8)

        assert DUMPS(result.to_dict()) == writer.write(result)

    def test_texts_remembered_up_to_a_bound(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Past the bound, texts are encoded each time, not remembered."""
        monkeypatch.setattr(_resultjson, "_MAX_TEXTS", 0)
        writer = _resultjson.ResultWriter(legcramps.KNOWLEDGE)
        result = legcramps.assess(sitting_hours=8)

        assert (DUMPS(result.to_dict()), {}) == (writer.write(result), writer._texts)  # noqa: SLF001


@pytest.fixture(params=["orjson", "json"])
def way(request: pytest.FixtureRequest) -> dict[str, bool]:
    """Both ways: with orjson (if installed) and with the standard library alone."""
    if request.param == "orjson":
        pytest.importorskip("orjson", reason="the accelerator is the optional 'fast' extra")
        return {"accelerate": True}
    return {"accelerate": False}


class TestEncoder:
    @settings(max_examples=300, deadline=None)
    @given(st.dictionaries(st.text(), json_values, max_size=5))
    # Each float form orjson writes otherwise (exponents -5 to -9), at depth; and the
    # edges it writes alike: 1e-4, exponent -10, 1e16 and up, subnormals, -0.0, big ints.
    @example({"x": [1.192092896e-07]})
    @example({"x": {"y": 2e-05}})
    @example({"x": [[-9.999999999999999e-05, 1e-06, -3e-08, 1e-09]]})
    @example({"x": [1e-4, 1e-10, 1e16, -1.5e16, 1.7976931348623157e308]})
    @example({"x": [5e-324, 2.2250738585072014e-308, -0.0, 0.0]})
    @example({"x": [2**64, -(2**63) - 1, 2**63, 10.00001]})
    def test_writes_as_json_does(self, record: dict[str, Any]) -> None:
        """Any JSON record is written as json.dumps writes it, with orjson as without."""
        pytest.importorskip("orjson", reason="the accelerator is the optional 'fast' extra")

        assert standard(record) == _jsonio.encoder()(record, record.values())

    @pytest.mark.parametrize(
        "record",
        [
            {"x": 1e-05},
            {"x": "caf\u00e9"},
            {"x": "\x7f"},
            {"x": "\ud800"},
            {"x": 2**70},
            {"x": [1.5e300, -0.0, 1e16]},
            {"x": [{"y": 1e-07}]},
            {"x": float("nan")},
            {"x": [float("inf")]},
            {"x": {"y": -float("inf")}},
        ],
    )
    def test_what_orjson_would_write_otherwise(
        self, record: dict[str, Any], way: dict[str, bool]
    ) -> None:
        """Small floats, NaN, infinities, non-ASCII, DEL, lone surrogates, huge ints: as json."""
        assert standard(record) == _jsonio.encoder(**way)(record, record.values())

    def test_without_orjson(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without orjson installed, the standard library writes."""
        monkeypatch.setitem(sys.modules, "orjson", None)

        assert _jsonio.plain is _jsonio.encoder()


class TestDecoder:
    @settings(max_examples=300, deadline=None)
    @given(st.dictionaries(st.text(), json_values, max_size=5), st.sampled_from([None, 1, 2]))
    def test_reads_as_json_does(self, row: dict[str, Any], indent: int | None) -> None:
        """Any object is read as json.loads reads it, with orjson as without."""
        raw = json.dumps(row, indent=indent, ensure_ascii=indent == 1).encode()

        for accelerate in (True, False):
            assert json.loads(raw) == _jsonio.decoder(accelerate=accelerate)(raw)

    @pytest.mark.parametrize(
        "raw",
        [
            b'{"a": 1, "a": 2}',
            b'{"a":1,"a":2}',
            b'{"a" :1,"a":2}',
            b'{"a": {"b": 1, "b": 2}}',
            b'[{"a": 1, "a": 2}]',
        ],
    )
    def test_a_key_given_twice(self, raw: bytes, way: dict[str, bool]) -> None:
        """A key given twice, at any depth, is refused, however it is spaced."""
        with pytest.raises(DuplicateKey):
            _jsonio.decoder(**way)(raw)

    @pytest.mark.parametrize(
        "raw",
        [
            b"NaN",
            b'{"x": NaN}',
            b'{"x": 1e400}',
            b'{"x": "\\ud800"}',
            b'{"x": 99999999999999999999999}',
        ],
    )
    def test_what_orjson_refuses(self, raw: bytes, way: dict[str, bool]) -> None:
        """What json reads and orjson would refuse is read as json reads it."""
        assert repr(json.loads(raw)) == repr(_jsonio.decoder(**way)(raw))

    @pytest.mark.parametrize("raw", [b"{", b"\xff", b"[1,"])
    def test_errors_as_json_raises_them(self, raw: bytes, way: dict[str, bool]) -> None:
        """Bad input raises what json raises, with its message."""
        with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)) as expected:
            json.loads(raw.decode("utf-8"))
        with pytest.raises((json.JSONDecodeError, UnicodeDecodeError)) as actual:
            _jsonio.decoder(**way)(raw)

        assert (type(expected.value), str(expected.value)) == (
            type(actual.value),
            str(actual.value),
        )

    def test_without_orjson(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without orjson installed, the standard library reads."""
        monkeypatch.setitem(sys.modules, "orjson", None)

        assert _jsonio._quick_loads is _jsonio.decoder()  # noqa: SLF001


def _chunk(lines: list[bytes]) -> tuple[int, list[tuple[int, bytes | str]], int]:
    return 1, [(n, line) for n, line in enumerate(lines, 1)], 0


class TestChunksAlike:
    LINES: tuple[bytes, ...] = (
        b'{"rid": 1, "sitting_hours": 8, "medications": ["Lasix", "caf\\u00e9"]}',
        b'{"rid": "\\u00e9", "fluid_litres": 1e-05}',
        b'{"rid": 2.5, "hot_weather": "yes"}',
        b"not json",
        (
            b'{"rid": 3, "x1": 1, "x2": 1, "x3": 1, "x4": 1, "x5": 1, "x6": 1, "x7": 1, "x8": 1, '
            b'"x9": 1, "x10": 1, "x11": 1, "x12": 1, "x13": 1, "x14": 1, "x15": 1, "x16": 1, '
            b'"x17": 1, "x18": 1, "x19": 1, "x20": 1, "x21": 1}'
        ),
    )

    @pytest.mark.parametrize("keep", [(), ("rid",)])
    @pytest.mark.parametrize("output", ["dict", "flat"])
    def test_the_same_bytes_every_way(self, keep: tuple[str, ...], output: str) -> None:
        """orjson, pre-encoded parts, and to_dict()+json all write the same bytes."""
        pytest.importorskip("orjson", reason="the accelerator is the optional 'fast' extra")
        plan = Plan(None, keep, ignore_unknown=False, output=output)
        fast = encode_chunk(Job(plan, "jsonl", "jsonl"), _chunk(list(self.LINES)))
        plain = encode_chunk(
            Job(plan, "jsonl", "jsonl", accelerate=False), _chunk(list(self.LINES))
        )

        assert fast == plain

    @settings(max_examples=50, deadline=None)
    @given(
        st.lists(st.tuples(json_scalars, answers()), min_size=1, max_size=5),
        st.sampled_from(["dict", "flat"]),
    )
    @example([(2e-05, {"fluid_litres": 1.192092896e-07})], "dict")
    @example([(-1e-09, {"sitting_hours": 3e-06, "medications": ["Lasix"]})], "flat")
    def test_the_same_bytes_for_any_rows(self, rows: list[tuple[Any, Any]], output: str) -> None:
        """For any rows and kept values, floats included, orjson writes what json writes."""
        pytest.importorskip("orjson", reason="the accelerator is the optional 'fast' extra")
        plan = Plan(None, ("rid",), ignore_unknown=False, output=output)
        raw = [json.dumps({"rid": rid, **row}).encode() for rid, row in rows]

        fast = encode_chunk(Job(plan, "jsonl", "jsonl"), _chunk(raw))
        plain = encode_chunk(Job(plan, "jsonl", "jsonl", accelerate=False), _chunk(raw))

        assert plain == fast

    @settings(max_examples=50, deadline=None)
    @given(st.lists(answers(), min_size=1, max_size=5))
    def test_rows_without_kept_columns(self, rows: list[dict[str, Any]]) -> None:
        """Good rows, no kept columns: each line is json.dumps of record, line and result."""
        plan = Plan(None, (), output="dict")
        raw = [json.dumps(r).encode() for r in rows]

        data, _, _, _ = encode_chunk(Job(plan, "jsonl", "jsonl", accelerate=False), _chunk(raw))

        assert (
            b"".join(
                standard({"record": n, "line": n, "result": legcramps.assess(r).to_dict()}) + b"\n"
                for n, r in enumerate(rows, 1)
            )
            == data
        )

    def test_as_json_dumps_writes_the_records(self) -> None:
        """Each line is json.dumps of the record: record, line, kept, result or problems."""
        plan = Plan(None, ("rid",), output="dict")
        data, rows, bad, _ = encode_chunk(
            Job(plan, "jsonl", "jsonl", accelerate=False), _chunk(list(self.LINES[:1]))
        )
        row = json.loads(self.LINES[0])

        expected = {"record": 1, "line": 1, "rid": 1, "result": legcramps.assess(
            sitting_hours=8, medications=row["medications"]).to_dict()}  # fmt: skip
        assert (standard(expected) + b"\n", 1, 0) == (data, rows, bad)

    def test_more_than_twenty_problems(self) -> None:
        """A row with more problems than are listed says how many more."""
        plan = Plan(None, (), output="dict")
        data, _, _, _ = encode_chunk(
            Job(plan, "jsonl", "jsonl", accelerate=False), _chunk(list(self.LINES[-1:]))
        )

        assert isinstance(data, bytes)
        assert 2 == json.loads(data)["more"]  # 21 unknown keys, and rid

    def test_the_command_without_orjson(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The command without orjson writes what it writes with it (or json alone would)."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"\n".join(self.LINES) + b"\n")

        def output(*argv: str) -> bytes:
            target = tmp_path / "out.jsonl"
            args = _parse("--input", str(source), "--output", str(target), "--id", "rid", *argv)
            run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.StringIO())
            return target.read_bytes()

        before = output()
        monkeypatch.setitem(sys.modules, "orjson", None)

        assert before == output()


def _parse(*argv: str) -> Any:
    import argparse

    from legcramps._cli.batch import add_parser

    parser = argparse.ArgumentParser(prog="legcramps")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["batch", *argv])
