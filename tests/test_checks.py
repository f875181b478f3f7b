"""The knowledge checks (``legcramps._checks``, ``_typecheck``): a malformed or inconsistent
knowledge is refused when it is built.

Every problem is an :class:`~legcramps.InvalidKnowledge` problem named by its path in
the knowledge, such as ``causes[2].signs[0].weight``; a knowledge that passes is
known to be safe to compile and assess.
"""

from __future__ import annotations

import functools
import math
import typing
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from helpers import NOTE, knowledge, with_sign
from legcramps import (
    AllOf,
    Condition,
    FactorKind,
    InvalidKnowledge,
    Knowledge,
    RedFlag,
    RiskFactor,
    RiskNote,
    Sign,
    Urgency,
)
from legcramps._typecheck import _name

K = legcramps.KNOWLEDGE


def problems_of(**changes: Any) -> list[str]:
    """Return the problems, as text, of the built-in knowledge with *changes*."""
    with pytest.raises(InvalidKnowledge) as info:
        knowledge(**changes)
    return [str(p) for p in info.value.problems]


def problems_with_sign(sign: Sign, cause: int = 0) -> list[str]:
    """Return the problems of the knowledge whose cause *cause* has *sign* as its only sign."""
    causes = list(K.causes)
    causes[cause] = attrs.evolve(K.causes[cause], signs=(sign,))
    return problems_of(causes=tuple(causes))


def with_factor(factor: RiskFactor) -> list[str]:
    """Return the problems of the knowledge with *factor* added last."""
    return problems_of(factors=(*K.factors, factor))


class TestTypes:
    """Each field is checked against its declared type, all the way down."""

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"version": 3}, "version: received 3 (int); expected a string"),
            ({"version": " "}, "version: received ' ' (str); expected a non-empty string"),
            ({"disclaimer": None}, "disclaimer: received None (NoneType); expected a string"),
            ({"disclaimer": ""}, "disclaimer: received '' (str); expected a non-empty string"),
            ({"likely_at": "3"}, "likely_at: received '3' (str); expected a whole number"),
            ({"possible_at": True}, "possible_at: received True (bool); expected a whole number"),
            ({"likely_at": 2.5}, "likely_at: received 2.5 (float); expected a whole number"),
            (
                {"factors": None},
                "factors: received None (NoneType); expected a tuple of RiskFactor",
            ),
            (
                {"red_flags": list(K.red_flags)},
                (
                    "red_flags: received [RedFlag(id='pulmonary_embolism', name='Chest pain or "
                    "breathlessness', why='M... (list); expected a tuple of RedFlag"
                ),
            ),
            (
                {"medications": (1,)},
                "medications[0]: received 1 (int); expected a Medication",
            ),
        ],
    )
    def test_top_level_fields(self, changes: dict[str, Any], expected: str) -> None:
        """Each of the knowledge's own fields must have its declared type, and is named."""
        assert [expected] == problems_of(**changes)

    def test_a_list_inside_a_value_is_refused(self) -> None:
        """A list where a tuple belongs would be shared by every result, and mutable."""
        cause = attrs.evolve(K.causes[0], advice=list(K.causes[0].advice))  # type: ignore[arg-type]
        assert [
            (
                "causes[0].advice: received ['Build up the length and intensity of exercise"
                " gradually,"
                " and rest between h... (list); expected a tuple of strings"
            )
        ] == problems_of(causes=(cause, *K.causes[1:]))

    def test_a_string_where_an_enum_belongs(self) -> None:
        """A string where an Urgency belongs is refused, even the enum's own value."""
        flag = attrs.evolve(K.red_flags[0], urgency="emergency")  # type: ignore[arg-type]
        assert [
            "red_flags[0].urgency: received 'emergency' (str); expected an Urgency"
        ] == problems_of(red_flags=(flag, *K.red_flags[1:]))

    def test_an_int_id(self) -> None:
        """An id must be a string."""
        factor = attrs.evolve(K.factors[0], id=7)  # type: ignore[arg-type]
        assert "factors[0].id: received 7 (int); expected a string" in problems_of(
            factors=(factor, *K.factors[1:])
        )

    def test_a_nan_bound(self) -> None:
        """A bound of NaN would compare false with everything: it is refused."""
        sign = Sign(Condition("fluid_litres", below=math.nan), 2, "Little fluid.", NOTE)
        assert [
            "causes[0].signs[0].when.below: received nan (float); expected a finite number or None"
        ] == problems_with_sign(sign)

    def test_a_string_bound(self) -> None:
        """A bound given as text is refused: bounds are numbers."""
        factor = attrs.evolve(K.factor("fluid_litres"), maximum="20")  # type: ignore[arg-type]
        factors = tuple(factor if f.id == "fluid_litres" else f for f in K.factors)
        assert [
            "factors[10].maximum: received '20' (str); expected a finite number or None"
        ] == problems_of(factors=factors)

    def test_an_empty_reason(self) -> None:
        """A sign's reason must say something."""
        sign = Sign(Condition("hot_weather"), 1, " ", NOTE)
        assert [
            "causes[0].signs[0].reason: received ' ' (str); expected a non-empty string"
        ] == problems_with_sign(sign)

    def test_an_empty_reason_among_filled_in_strings(self) -> None:
        """An empty reason is found when every other string of its sign is filled in too."""
        source = attrs.evolve(NOTE, url="https://example.org/notes", read_on="2026-12-01")
        sign = Sign(Condition("hot_weather"), 1, " ", source, advice="Drink.")
        assert [
            "causes[0].signs[0].reason: received ' ' (str); expected a non-empty string"
        ] == problems_with_sign(sign)

    def test_an_empty_source_title(self) -> None:
        """A source must have a title, however deep it is cited."""
        sign = Sign(Condition("hot_weather"), 1, "Hot.", attrs.evolve(NOTE, title=""))
        assert "causes[0].signs[0].basis.title: received '' (str); expected a non-empty string" in (
            problems_with_sign(sign)
        )

    def test_a_unit_and_a_signs_advice_may_be_empty(self) -> None:
        """Those two strings mean "none" when empty: the built-in knowledge has both."""
        assert "" == K.factor("hot_weather").unit
        assert "" == K.cause("overuse").signs[0].advice


class TestConsistency:
    """A knowledge whose types are right must also hold together."""

    @pytest.mark.parametrize(
        ("condition", "expected"),
        [
            (
                Condition("nope"),
                (
                    "causes[0].signs[0].when.factor: received 'nope' (str); expected the id of one"
                    " of the knowledge's factors"
                ),
            ),
            (
                Condition("hot_weather", at_least=1),
                (
                    "causes[0].signs[0].when: received hot_weather >= 1 on yes_no factor"
                    " 'hot_weather'; expected no comparison (raised by yes)"
                ),
            ),
            (
                Condition("fluid_litres"),
                (
                    "causes[0].signs[0].when: received fluid_litres is yes on number factor"
                    " 'fluid_litres'; expected exactly one of at_least, above, below"
                ),
            ),
            (
                Condition("fluid_litres", at_least=1, below=2),
                (
                    "causes[0].signs[0].when: received fluid_litres >= 1 on number factor"
                    " 'fluid_litres'; expected exactly one of at_least, above, below"
                ),
            ),
            (
                Condition("exercise_intensity", one_of=("crazy",)),
                (
                    "causes[0].signs[0].when: received exercise_intensity in {crazy} on choice"
                    " factor 'exercise_intensity'; expected one_of with choices from ('light',"
                    " 'moderate', 'vigorous')"
                ),
            ),
            (
                Condition("medications", one_of=("aspirin",)),
                (
                    "causes[0].signs[0].when: received medications in {aspirin} on medications"
                    " factor 'medications'; expected one_of with DrugClass values"
                ),
            ),
        ],
    )
    def test_a_sign_must_fit_its_factor(self, condition: Condition, expected: str) -> None:
        """A sign's condition must fit its factor's kind and name a factor that exists."""
        assert [expected] == problems_with_sign(Sign(condition, 1, "r", NOTE))

    @pytest.mark.parametrize("weight", [0, -2])
    def test_a_weight_must_be_above_zero(self, weight: int) -> None:
        """A sign's weight is a whole number above 0: a sign adds evidence."""
        sign = Sign(Condition("hot_weather"), weight, "Hot.", NOTE)
        assert [
            f"causes[0].signs[0].weight: received {weight} (int); expected a whole number above 0"
        ] == problems_with_sign(sign)

    @pytest.mark.parametrize("urgency", [Urgency.SELF_CARE, Urgency.UNDETERMINED])
    def test_a_red_flag_must_override_a_score(self, urgency: Urgency) -> None:
        """A flag of self-care or undetermined would let self-care through while it is raised."""
        flag = attrs.evolve(K.red_flags[0], urgency=urgency)
        assert [
            (
                f"red_flags[0].urgency: received {urgency!r} (Urgency); expected one of EMERGENCY,"
                " URGENT, SEE_DOCTOR"
            )
        ] == problems_of(red_flags=(flag, *K.red_flags[1:]))

    def test_a_signs_minimum_urgency_must_override_too(self) -> None:
        """A sign's minimum urgency, like a red flag's, must override a score."""
        sign = Sign(Condition("hot_weather"), 1, "Hot.", NOTE, min_urgency=Urgency.SELF_CARE)
        assert [
            (
                "causes[0].signs[0].min_urgency: received <Urgency.SELF_CARE: 'self_care'>"
                " (Urgency);"
                " expected None, or EMERGENCY, URGENT, SEE_DOCTOR"
            )
        ] == problems_with_sign(sign)

    @pytest.mark.parametrize("bad_id", ["Not an id", "1st", "hot-weather", "HOT"])
    def test_a_factor_id_is_a_keyword(self, bad_id: str) -> None:
        """A factor id is a keyword of assess(): lowercase letters, digits and _."""
        factor = RiskFactor(bad_id, "Question?", FactorKind.YES_NO)
        assert [
            (
                f"factors[{len(K.factors)}].id: received {bad_id!r} (str); expected an id "
                "matching [a-z][a-z0-9_]*"
            )
        ] == with_factor(factor)

    def test_a_source_id_is_a_slug(self) -> None:
        """A source id is a slug."""
        sign = Sign(Condition("hot_weather"), 1, "Hot.", attrs.evolve(NOTE, id="My Notes"))
        assert [
            (
                "causes[0].signs[0].basis.id: received 'My Notes' (str); expected an id matching"
                " [a-z0-9][a-z0-9._-]*"
            )
        ] == problems_with_sign(sign)

    def test_one_source_id_names_one_source(self) -> None:
        """Two different sources may not share an id."""
        other = attrs.evolve(K.causes[0].sources[0], title="Another title")
        sign = Sign(Condition("hot_weather"), 1, "Hot.", other)
        assert [
            (
                "causes[0].signs[0].basis.id: received 'seed-text' (str); expected an id that names"
                " one source only"
            )
        ] == problems_with_sign(sign)

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [
            (
                RiskFactor("laps", "Laps?", FactorKind.NUMBER),
                (
                    "factors[NEW]: received minimum None (NoneType), maximum None (NoneType);"
                    " expected"
                    " a number factor with a minimum and a maximum"
                ),
            ),
            (
                RiskFactor("laps", "Laps?", FactorKind.NUMBER, minimum=5, maximum=1),
                (
                    "factors[NEW]: received minimum 5 (int), maximum 1 (int); expected a minimum no"
                    " greater than the maximum"
                ),
            ),
            (
                RiskFactor("cold", "Cold?", FactorKind.YES_NO, unit="degrees"),
                "factors[NEW]: received a yes_no factor with a unit or bounds; expected neither",
            ),
            (
                RiskFactor("feel", "How?", FactorKind.CHOICE),
                "factors[NEW].choices: received an empty tuple; expected at least one",
            ),
            (
                RiskFactor("feel", "How?", FactorKind.CHOICE, choices=("ok", "ok")),
                "factors[NEW].choices[1]: received 'ok' (str); expected a value not used before",
            ),
            (
                RiskFactor("cold", "Cold?", FactorKind.YES_NO, choices=("yes",)),
                (
                    "factors[NEW].choices: received ('yes',) (tuple); expected () for a factor"
                    " without choices"
                ),
            ),
        ],
    )
    def test_a_factor_fits_its_kind(self, factor: RiskFactor, expected: str) -> None:
        """A factor's unit, bounds and choices fit its kind."""
        assert [expected.replace("NEW", str(len(K.factors)))] == with_factor(factor)

    def test_ids_are_unique(self) -> None:
        """Two factors, or two causes, may not share an id."""
        assert [
            (
                f"factors[{len(K.factors)}].id: received 'exercise_minutes' (str); expected a "
                "value not used before"
            ),
            (
                f"causes[{len(K.causes)}].id: received 'overuse' (str); expected a value not "
                "used before"
            ),
        ] == problems_of(factors=(*K.factors, K.factors[0]), causes=(*K.causes, K.causes[0]))

    @pytest.mark.parametrize("name", ["advice", "sources", "signs"])
    def test_a_cause_has_advice_sources_and_signs(self, name: str) -> None:
        """A cause has at least one piece of advice, one source and one sign."""
        cause = attrs.evolve(K.causes[0], **{name: ()})  # type: ignore[arg-type]
        assert [f"causes[0].{name}: received an empty tuple; expected at least one"] == (
            problems_of(causes=(cause, *K.causes[1:]))
        )

    @pytest.mark.parametrize("name", ["sources", "when"])
    def test_a_red_flag_has_sources_and_conditions(self, name: str) -> None:
        """A red flag has at least one source and one condition."""
        flag = attrs.evolve(K.red_flags[0], **{name: ()})  # type: ignore[arg-type]
        assert [f"red_flags[0].{name}: received an empty tuple; expected at least one"] == (
            problems_of(red_flags=(flag, *K.red_flags[1:]))
        )

    def test_there_is_a_red_flag(self) -> None:
        """A knowledge without red flags is refused: they override every score."""
        assert [
            (
                "red_flags: received an empty tuple; expected at least one red flag: they override"
                " every score"
            )
        ] == problems_of(red_flags=())

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"possible_at": 0}, "possible_at: received 0 (int); expected a whole number above 0"),
            (
                {"likely_at": 1, "possible_at": 2},
                "likely_at: received 1 (int); expected a whole number of at least possible_at (2)",
            ),
        ],
    )
    def test_the_level_cut_offs(self, changes: dict[str, int], expected: str) -> None:
        """possible_at is above 0, and likely_at no lower than possible_at."""
        assert [expected] == problems_of(**changes)

    def test_a_medication_name_belongs_to_one_medication(self) -> None:
        """A name that two medications claim would recognise either: it is refused."""
        clash = attrs.evolve(K.medications[1], brands=("Lasix",))
        assert [
            (
                "medications[1]: received 'Lasix', also a name of furosemide; expected names of"
                " this"
                " medication only"
            )
        ] == problems_of(medications=(K.medications[0], clash))

    def test_many_problems_are_counted_past_twenty(self) -> None:
        """However malformed, the error lists 20 problems and counts the rest."""
        factors = tuple(RiskFactor(f"F{n}", "?", FactorKind.YES_NO) for n in range(30))
        with pytest.raises(InvalidKnowledge) as info:
            knowledge(factors=(*K.factors, *factors))
        assert 20 == len(info.value.problems)
        assert 10 == info.value.more
        assert str(info.value).endswith("\n- and 10 more")

    def test_a_yes_no_condition_with_two_comparisons_is_rejected(self) -> None:
        """A condition on a yes/no input may not compare at all, even with two comparisons."""
        sign = Sign(Condition("overtired", at_least=1, one_of=("x",)), 1, "r", NOTE)
        with pytest.raises(legcramps.InvalidKnowledge, match="no comparison"):
            with_sign("fatigue", sign)

    def test_a_yes_no_condition_with_one_of_is_rejected(self) -> None:
        """A condition on a yes/no input may not use one_of."""
        sign = Sign(Condition("overtired", one_of=("x",)), 1, "r", NOTE)
        with pytest.raises(legcramps.InvalidKnowledge, match="no comparison"):
            with_sign("fatigue", sign)

    def test_one_of_may_list_every_choice_or_every_class(self) -> None:
        """one_of may hold all of a choice's values, or all drug classes."""
        every_choice = Sign(
            Condition("exercise_intensity", one_of=("light", "moderate", "vigorous")), 1, "r", NOTE
        )
        classes = tuple(c.value for c in legcramps.DrugClass)
        every_class = Sign(Condition("medications", one_of=classes), 1, "r", NOTE)
        assert (
            2
            == with_sign("overuse", every_choice)
            .assess(exercise_intensity="vigorous")
            .finding("overuse")
            .score
        )
        assert (
            1
            == with_sign("fatigue", every_class)
            .assess(medications=["Zocor"])
            .finding("fatigue")
            .score
        )

    def test_a_question_applies_only_by_one_that_always_applies(self) -> None:
        """A question that applies sometimes is controlled by one that always applies."""
        first = RiskFactor(
            "applies_by_intensity",
            "Q?",
            FactorKind.YES_NO,
            applies_when=(Condition("exercise_intensity", one_of=("vigorous",)),),
        )
        expected = (
            f"factors[{len(K.factors)}].applies_when[0].factor: received 'exercise_intensity' "
            "(str); expected a factor that always applies (not this one, nor one that applies "
            "sometimes)"
        )
        assert [expected] == with_factor(first)

    def test_a_screening_question_is_yes_no(self) -> None:
        """Only a yes/no question may screen for other questions."""
        screen = RiskFactor(
            "how_many", "Q?", FactorKind.NUMBER, minimum=0, maximum=9, members=("numbness",)
        )
        where = f"factors[{len(K.factors)}].members"
        assert [
            f"{where}: received members on a number factor; expected a yes/no screening question",
            (
                f"{where}[0]: received 'numbness' (str); expected a factor in one screening "
                "question only (it is in 'leg_signs')"
            ),
        ] == with_factor(screen)

    def test_a_screening_questions_members_are_plain_yes_no_questions(self) -> None:
        """A member is a yes/no question of the knowledge, and no screen itself."""
        screen = RiskFactor(
            "nested", "Q?", FactorKind.YES_NO, members=("leg_signs", "fluid_litres", "nope")
        )
        expected = "expected the id of a yes/no factor that is no screening question"
        where = f"factors[{len(K.factors)}].members"
        assert [
            f"{where}[0]: received 'leg_signs' (str); {expected}",
            f"{where}[1]: received 'fluid_litres' (str); {expected}",
            f"{where}[2]: received 'nope' (str); {expected}",
        ] == with_factor(screen)

    def test_a_condition_on_a_screen_only_as_a_red_flags_own_alternative(self) -> None:
        """A sign may not test a screening question: its conditions go on the members."""
        sign = Sign(Condition("leg_signs"), 1, "r", NOTE)
        expected = (
            "causes[0].signs[0].when: received leg_signs is yes on yes_no factor 'leg_signs'; "
            "expected no condition on a screening question (conditions go on its members), "
            "but for a red flag's alternative of its own"
        )
        assert [expected] == problems_with_sign(sign)


class TestMessages:
    def test_the_whole_message_of_invalid_knowledge(self) -> None:
        """InvalidKnowledge names each problem on its own line, with where it is."""
        bad_sign = Sign(Condition("nowhere"), 1, "r", NOTE)
        flag = K.red_flags[0]
        bad_flag = attrs.evolve(flag, when=(Condition("nowhere"),))
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            knowledge(
                causes=(attrs.evolve(K.causes[0], signs=(bad_sign,)), *K.causes[1:]),
                red_flags=(*K.red_flags, bad_flag),
            )
        message = (
            "3 problems with the knowledge:\n"
            f"- red_flags[{len(K.red_flags)}].id: received 'pulmonary_embolism' (str); expected"
            " a value not used before\n"
            "- causes[0].signs[0].when.factor: received 'nowhere' (str); expected the id of one"
            " of the knowledge's factors\n"
            f"- red_flags[{len(K.red_flags)}].when[0].factor: received 'nowhere' (str);"
            " expected the id of one of the knowledge's factors"
        )
        assert (message,) == info.value.args

    def test_the_message_for_knowledge_without_red_flags(self) -> None:
        """Knowledge without red flags is refused with one whole, exact message."""
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            knowledge(red_flags=())
        message = (
            "1 problem with the knowledge:\n"
            "- red_flags: received an empty tuple; expected at least one red flag: they override"
            " every score"
        )
        assert (message,) == info.value.args

    def test_the_message_for_fields_of_the_wrong_type(self) -> None:
        """Every field of the wrong type is named, with what it got, in the fields' order."""
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            Knowledge(
                version=" ",
                factors=[],  # type: ignore[arg-type]
                causes=[],  # type: ignore[arg-type]
                red_flags=[1],  # type: ignore[arg-type]
                medications=(1,),  # type: ignore[arg-type]
                disclaimer="",
                no_obvious_cause_advice=" ",
                unanswered_red_flags_advice="",
                self_care_advice=" ",
                undetermined_advice="",
                unrecognized_medications_advice=" ",
                likely_at=1.5,  # type: ignore[arg-type]
                possible_at="2",  # type: ignore[arg-type]
            )
        message = (
            "13 problems with the knowledge:\n"
            "- version: received ' ' (str); expected a non-empty string\n"
            "- factors: received [] (list); expected a tuple of RiskFactor\n"
            "- causes: received [] (list); expected a tuple of Cause\n"
            "- red_flags: received [1] (list); expected a tuple of RedFlag\n"
            "- medications[0]: received 1 (int); expected a Medication\n"
            "- likely_at: received 1.5 (float); expected a whole number\n"
            "- possible_at: received '2' (str); expected a whole number\n"
            "- disclaimer: received '' (str); expected a non-empty string\n"
            "- no_obvious_cause_advice: received ' ' (str); expected a non-empty string\n"
            "- unanswered_red_flags_advice: received '' (str); expected a non-empty string\n"
            "- self_care_advice: received ' ' (str); expected a non-empty string\n"
            "- undetermined_advice: received '' (str); expected a non-empty string\n"
            "- unrecognized_medications_advice: received ' ' (str); expected a non-empty string"
        )
        assert (message,) == info.value.args


# --- one field broken at a time ----------------------------------------------------------


#: The string fields that may be empty ("none"), by class name and field.
MAY_BE_EMPTY = {
    ("RiskFactor", "unit"),
    ("RiskFactor", "help"),
    ("Sign", "advice"),
    ("RedFlag", "time_frame"),
    ("Source", "url"),
    ("Source", "read_on"),
}

Field = tuple[tuple[str | int, ...], Any, bool]


def _fields(value: Any, path: tuple[str | int, ...]) -> list[Field]:
    """Return (path, declared type, whether it may be empty) of every field below *value*."""
    found: list[Field] = []
    hints = typing.get_type_hints(type(value))
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        kind = hints[field.name]
        where = (*path, field.name)
        found.append((where, kind, (type(value).__name__, field.name) in MAY_BE_EMPTY))
        item = getattr(value, field.name)
        if attrs.has(type(item)):
            found += _fields(item, where)
        elif typing.get_origin(kind) is tuple:
            for n, element in enumerate(item):
                if attrs.has(type(element)):
                    found += _fields(element, (*where, n))
    return found


#: Every field of the built-in knowledge (filled-in factor links aside), with its type.
FIELDS = [
    field
    for field in _fields(K, ())
    if not (field[0][0] == "factors" and field[0][-1] in ("causes", "red_flags"))
]


def _breaking(kind: Any, *, may_be_empty: bool) -> st.SearchStrategy[Any]:
    """Return values that no field of type *kind* may hold."""
    wrong_type = st.sampled_from([object(), b"bytes", 1 + 2j])
    if kind is str:
        empty = st.nothing() if may_be_empty else st.sampled_from(["", "  "])
        return st.one_of(wrong_type, st.integers(), empty)
    if kind is int:
        return st.one_of(wrong_type, st.sampled_from([True, 1.5, "3"]))
    if typing.get_origin(kind) is tuple:
        return st.one_of(wrong_type, st.just(["a list"]), st.just((object(),)))
    return st.one_of(wrong_type, st.sampled_from(["text", math.nan, math.inf]))


def _replaced(value: Any, path: tuple[str | int, ...], new: Any) -> Any:
    """Return *value* with the part at *path* replaced by *new*."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = _replaced(items[head], rest, new)
        return tuple(items)
    return attrs.evolve(value, **{head.lstrip("_"): _replaced(getattr(value, head), rest, new)})


class Broken(NamedTuple):
    """The path of one broken field, and the fields of a knowledge with it broken."""

    path: str
    new: Any
    fields: dict[str, Any]

    def __repr__(self) -> str:  # the fields hold the whole knowledge: show the break only
        return f"Broken({self.path!r}, {self.new!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ARG002, FBT001 - the protocol's
        printer.text(repr(self))


@st.composite
def broken_knowledge(draw: st.DrawFn) -> Broken:
    """Return a knowledge's fields with one field broken, and that field's path."""
    path, kind, may_be_empty = draw(st.sampled_from(FIELDS))
    new = draw(_breaking(kind, may_be_empty=may_be_empty))
    fields: dict[str, Any] = {
        str(a.alias): getattr(K, a.name) for a in attrs.fields(Knowledge) if a.init
    }
    fields["version"] = "broken"
    top = str(path[0])  # the knowledge's own fields are named by their aliases
    fields[top] = _replaced(fields[top], path[1:], new) if len(path) > 1 else new
    shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return Broken(shown, new, fields)


@given(broken_knowledge())
def test_one_broken_field_is_refused_and_named(broken: Broken) -> None:
    """Any one field of a valid knowledge made the wrong type is refused, naming its path."""
    with pytest.raises(InvalidKnowledge) as info:
        Knowledge(**broken.fields)
    assert any(p.input.startswith(broken.path) for p in info.value.problems)


def test_a_valid_custom_knowledge_passes(cold_water: Knowledge) -> None:
    """A new cause with a new input and a new red flag builds, and assesses."""
    assert Urgency.URGENT == cold_water.assess(water_celsius=2).urgency


@attrs.frozen(cache_hash=True, weakref_slot=False)
class ClinicKnowledge(Knowledge):
    """A knowledge with a field of its own, declared where annotations are text."""

    clinic: str = "ours"


def _clinic(clinic: object) -> ClinicKnowledge:
    fields = {a.alias: getattr(K, a.name) for a in attrs.fields(Knowledge) if a.init}
    return ClinicKnowledge(**{**fields, "version": "clinic"}, clinic=clinic)  # type: ignore[arg-type]


def test_a_subclass_is_checked_by_its_resolved_annotations() -> None:
    """A Knowledge subclass whose annotations are text has its own fields checked too."""
    with pytest.raises(InvalidKnowledge) as info:
        _clinic(3)
    assert ["clinic: received 3 (int); expected a string"] == [str(p) for p in info.value.problems]


def test_a_valid_subclass_builds_and_assesses() -> None:
    """A well-formed Knowledge subclass builds, and assesses like the knowledge it extends."""
    assert K.assess(hot_weather=True).findings == _clinic("ours").assess(hot_weather=True).findings


def test_the_built_in_knowledge_passes_every_check() -> None:
    """The built-in data is not checked at import, to keep it cheap: it is checked here."""
    from legcramps._checks import check

    problems = check(K)
    assert [] == problems.found
    assert 0 == problems.more


class TestPaths:
    """Each part of a knowledge that does not fit is named by its own path."""

    @pytest.mark.parametrize("name", ["when", "replaces", "sources"])
    def test_an_advice_rule_has_conditions_texts_and_sources(self, name: str) -> None:
        """An advice rule has at least one condition, one text it replaces and one source."""
        rule = attrs.evolve(K.advice_rules[1], **{name: ()})  # type: ignore[arg-type]
        assert [f"advice_rules[1].{name}: received an empty tuple; expected at least one"] == (
            problems_of(advice_rules=(K.advice_rules[0], rule))
        )

    def test_an_advice_rules_condition_names_a_factor(self) -> None:
        """An advice rule's condition must name a factor, and is named by its place."""
        rule = attrs.evolve(K.advice_rules[1], when=(Condition("hot_weather"), Condition("nope")))
        assert [
            (
                "advice_rules[1].when[1].factor: received 'nope' (str); expected the id of one of"
                " the knowledge's factors"
            )
        ] == problems_of(advice_rules=(K.advice_rules[0], rule))

    def test_a_cause_id_is_a_keyword(self) -> None:
        """A cause id is a JSON key and a keyword: lowercase letters, digits and _."""
        cause = attrs.evolve(K.causes[1], id="Fatigue")
        assert [
            "causes[1].id: received 'Fatigue' (str); expected an id matching [a-z][a-z0-9_]*"
        ] == problems_of(causes=(K.causes[0], cause, *K.causes[2:]))

    def test_a_red_flag_id_is_a_keyword(self) -> None:
        """A red flag id is a JSON key too: lowercase letters, digits and _."""
        flag = attrs.evolve(K.red_flags[1], id="long-cramp")
        assert [
            "red_flags[1].id: received 'long-cramp' (str); expected an id matching [a-z][a-z0-9_]*"
        ] == problems_of(red_flags=(K.red_flags[0], flag, *K.red_flags[2:]))

    def test_a_combination_has_conditions(self) -> None:
        """An AllOf of a red flag holds at least one condition."""
        flag = attrs.evolve(K.red_flags[0], when=(*K.red_flags[0].when, AllOf(())))
        at = f"red_flags[0].when[{len(K.red_flags[0].when)}]"
        assert [f"{at}.conditions: received an empty tuple; expected at least one"] == (
            problems_of(red_flags=(flag, *K.red_flags[1:]))
        )

    def test_a_combinations_condition_is_named_by_its_place(self) -> None:
        """A condition inside an AllOf that names no factor is named by its place in it."""
        combination = AllOf((Condition("leg_swelling"), Condition("nope")))
        flag = attrs.evolve(K.red_flags[0], when=(Condition("palpitations"), combination))
        assert [
            (
                "red_flags[0].when[1].conditions[1].factor: received 'nope' (str); expected the id"
                " of one of the knowledge's factors"
            )
        ] == problems_of(red_flags=(flag, *K.red_flags[1:]))

    def test_a_risk_notes_condition_names_a_factor(self) -> None:
        """A red flag's risk note must test a factor of the knowledge."""
        notes = (*K.red_flags[0].risk_factors, RiskNote(Condition("nope"), "a made-up risk"))
        flag = attrs.evolve(K.red_flags[0], risk_factors=notes)
        assert [
            (
                f"red_flags[0].risk_factors[{len(notes) - 1}].when.factor: received 'nope' (str);"
                " expected the id of one of the knowledge's factors"
            )
        ] == problems_of(red_flags=(flag, *K.red_flags[1:]))

    def test_a_condition_under_which_a_question_applies_names_a_factor(self) -> None:
        """A question applies under conditions on factors of the knowledge."""
        factor = RiskFactor("laps", "Laps?", FactorKind.YES_NO, applies_when=(Condition("nope"),))
        assert [
            (
                f"factors[{len(K.factors)}].applies_when[0].factor: received 'nope' (str);"
                " expected the id of one of the knowledge's factors"
            )
        ] == with_factor(factor)


class TestBounds:
    """A number factor has both bounds, the lower no greater than the upper; others have none."""

    @pytest.mark.parametrize(
        ("bounds", "received"),
        [
            ({"minimum": 0}, "minimum 0 (int), maximum None (NoneType)"),
            ({"maximum": 9}, "minimum None (NoneType), maximum 9 (int)"),
        ],
    )
    def test_a_number_factor_has_both_bounds(self, bounds: dict[str, int], received: str) -> None:
        """A number factor with one bound only is refused, showing both."""
        factor = RiskFactor("laps", "Laps?", FactorKind.NUMBER, **bounds)  # type: ignore[arg-type]
        assert [
            (
                f"factors[{len(K.factors)}]: received {received}; expected a number factor with a"
                " minimum and a maximum"
            )
        ] == with_factor(factor)

    def test_a_number_factor_may_have_one_value_only(self) -> None:
        """A minimum equal to the maximum is allowed: the input takes that one value."""
        factor = RiskFactor("laps", "Laps?", FactorKind.NUMBER, minimum=3, maximum=3)
        mine = knowledge(factors=(*K.factors, factor))
        assert {"laps": 3} == mine.assess(laps=3).answers

    @pytest.mark.parametrize("bounds", [{"minimum": 0}, {"maximum": 1}])
    def test_a_yes_no_factor_has_no_bound(self, bounds: dict[str, int]) -> None:
        """A yes/no factor with even one bound is refused."""
        factor = RiskFactor("cold", "Cold?", FactorKind.YES_NO, **bounds)  # type: ignore[arg-type]
        assert [
            (
                f"factors[{len(K.factors)}]: received a yes_no factor with a unit or bounds;"
                " expected neither"
            )
        ] == with_factor(factor)


class TestMedicationConditions:
    """A condition on the medication list names drug classes, or (not in a sign) counts."""

    def flag_on(self, condition: Condition) -> list[str]:
        """Return the problems of the knowledge with a red flag on *condition* added last."""
        flag = RedFlag("pills", "Pills", "Made up.", Urgency.URGENT, "Ask.", (NOTE,), (condition,))
        return problems_of(red_flags=(*K.red_flags, flag))

    @pytest.mark.parametrize(
        "condition",
        [Condition("medications"), Condition("medications", above=2)],
        ids=["yes", "above"],
    )
    def test_a_red_flag_counts_with_at_least_only(self, condition: Condition) -> None:
        """A red flag on the medication list names classes or counts with at_least, nothing else."""
        assert [
            (
                f"red_flags[{len(K.red_flags)}].when[0]: received {condition} on medications"
                " factor 'medications'; expected one_of with DrugClass values, or at_least (a"
                " number of medications)"
            )
        ] == self.flag_on(condition)

    def test_a_red_flag_may_count_medications(self) -> None:
        """A red flag raised by taking 5 medications or more builds, and is raised by 5."""
        flag = RedFlag(
            "pills", "Pills", "Made up.", Urgency.URGENT, "Ask.", (NOTE,),
            (Condition("medications", at_least=5),),
        )  # fmt: skip
        mine = knowledge(red_flags=(*K.red_flags, flag))
        names = ["Lasix", "Zocor", "aspirin", "paracetamol", "Ventolin"]
        assert ["pills"] == [r.id for r in mine.assess(medications=names).red_flags]

    def test_a_sign_may_not_count_medications(self) -> None:
        """A sign scores the medications that match its classes: a count means nothing there."""
        sign = Sign(Condition("medications", at_least=2), 1, "Many.", NOTE)
        assert [
            (
                "causes[0].signs[0].when: received medications >= 2 on medications factor"
                " 'medications'; expected one_of with DrugClass values"
            )
        ] == problems_with_sign(sign)


@attrs.frozen(cache_hash=True, weakref_slot=False)
class TaggedKnowledge(Knowledge):
    """A knowledge with fields of its own whose types the built-in classes do not use."""

    tags: tuple[str, ...] | None = None
    labels: typing.Optional[tuple[str, ...]] = None  # noqa: UP045 - typing.Union, not X | Y
    counts: tuple[int, ...] = ()
    weights: tuple[float, ...] = ()
    notes: tuple[str | None, ...] = ()


def _tagged(**fields: object) -> list[str]:
    """Return the problems of a TaggedKnowledge with *fields*."""
    base = {a.alias: getattr(K, a.name) for a in attrs.fields(Knowledge) if a.init}
    with pytest.raises(InvalidKnowledge) as info:
        TaggedKnowledge(**{**base, "version": "tagged"}, **fields)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


class TestTypeNames:
    """A problem says which type was expected, in words."""

    def test_a_list_of_alternatives(self) -> None:
        """A red flag's conditions as a list are refused, naming both kinds a tuple may hold."""
        flag = attrs.evolve(K.red_flags[1], when=[Condition("hot_weather")])  # type: ignore[arg-type]
        with pytest.raises(InvalidKnowledge) as info:
            knowledge(red_flags=(K.red_flags[0], flag, *K.red_flags[2:]))
        assert [("red_flags[1].when", "a tuple of Condition or AllOf")] == [
            (p.input, p.expected) for p in info.value.problems
        ]

    def test_a_tuple_that_may_be_none_is_walked_as_a_tuple(self) -> None:
        """A bad item in a tuple that may also be None is named by its own place."""
        assert ["tags[1]: received 1 (int); expected a string"] == _tagged(tags=("a", 1))

    def test_a_union_spelt_with_typing_is_walked_alike(self) -> None:
        """An Optional written with the typing module is walked as one written with |."""
        assert ["labels[1]: received 1 (int); expected a string"] == _tagged(labels=("a", 1))

    @pytest.mark.parametrize(
        ("fields", "expected"),
        [
            ({"tags": 1}, "tags: received 1 (int); expected a tuple of strings or None"),
            ({"counts": [1]}, "counts: received [1] (list); expected a tuple of whole numbers"),
            ({"weights": [1.5]}, "weights: received [1.5] (list); expected a tuple of numbers"),
            ({"notes": ["x"]}, "notes: received ['x'] (list); expected a tuple of strings or None"),
            ({"counts": (True,)}, "counts[0]: received True (bool); expected a whole number"),
            (
                {"weights": (math.inf,)},
                "weights[0]: received inf (float); expected a finite number",
            ),
            ({"notes": (1,)}, "notes[0]: received 1 (int); expected a string or None"),
        ],
    )
    def test_the_names_of_types(self, fields: dict[str, object], expected: str) -> None:
        """Each type is named in words, singular for one value, plural inside a tuple."""
        assert [expected] == _tagged(**fields)

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (Urgency, "an Urgency"),
            (legcramps.Level, "a Level"),
            (type("Xylophone", (), {}), "a Xylophone"),
            (functools.partial(int), "a functools.partial(<class 'int'>)"),
        ],
    )
    def test_the_article_before_a_name(self, kind: Any, expected: str) -> None:
        """A name starting with a vowel takes "an"; a type without a name is shown as text."""
        assert expected == _name(kind, plural=False)
