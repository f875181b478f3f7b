"""What follows from an assessment: the advice, and the questions still to ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from legcramps._model import AnswerValue, RiskFactor, Urgency
from legcramps._state import State, truth

if TYPE_CHECKING:
    from legcramps._compile import Tables
    from legcramps._result import Finding, RaisedFlag
    from legcramps._state import Source


def advice(  # noqa: PLR0913 - the parts of a result that advice depends on
    knowledge: Source,
    flags: tuple[RaisedFlag, ...],
    sign_advice: list[str],
    raised: list[Finding],
    *,
    no_cause: bool,
    unrecognized: bool,
    open_rank: int,
    urgency: Urgency,
) -> list[str]:
    """Return the advice, most pressing first, leaving out what a slower path would say.

    Only the most urgent red flags' advice is given: a less urgent flag's ("see a doctor
    within 1 to 2 days") would say to wait. At an emergency only what to do now is said:
    the flags' advice and the signs' (such as telling the doctor about a new medicine),
    never self-care tips. Above "see a doctor", the no-obvious-cause advice (see a doctor
    some time) is left out. Self-care and see-a-doctor results say what to do if it gets
    worse.
    """
    advice = [flag.advice for flag in flags if flag.urgency is urgency]
    advice += sign_advice
    if urgency < Urgency.EMERGENCY:
        for finding in raised:
            advice += finding.cause.advice
        if no_cause and urgency <= Urgency.SEE_DOCTOR:
            advice.append(knowledge.no_obvious_cause_advice)
        if unrecognized:
            advice.append(knowledge.unrecognized_medications_advice)
    if open_rank > urgency.rank:
        advice.append(knowledge.unanswered_red_flags_advice)
    if urgency is Urgency.UNDETERMINED:
        advice.append(knowledge.undetermined_advice)
    elif urgency is Urgency.SELF_CARE:
        advice.append(knowledge.self_care_advice)
    if urgency is Urgency.SELF_CARE or urgency is Urgency.SEE_DOCTOR:
        advice.append(knowledge.worsening_advice)
    return advice


def apply_rules(tables: Tables, s: State, advice: list[str]) -> tuple[str, ...]:
    """Return *advice* with each advice rule that holds applied, without duplicates.

    A rule that holds puts its advice in place of the first text it replaces, and
    takes the others out; a rule whose texts are not there changes nothing.
    """
    for tests, replaces, text in tables.advice_rules:
        if replaces.isdisjoint(advice):
            continue
        if any(truth(t, s) for t in tests):
            first = next(n for n, a in enumerate(advice) if a in replaces)
            advice = [
                text if n == first else a
                for n, a in enumerate(advice)
                if n == first or a not in replaces
            ]
    return tuple(dict.fromkeys(advice))


def next_questions(
    tables: Tables, s: State, values: dict[str, AnswerValue]
) -> tuple[RiskFactor, ...]:
    """Return the questions still to ask, in the order to ask them.

    A question answered, implied by a screening "no", or that cannot apply is not
    asked. A screening question is asked while it is pending (not answered, and none
    of its members answered, an answer to a member that cannot apply aside); its
    members follow it, so that whoever skips it is asked them one by one.
    """
    effective, na = s.effective, s.na
    if not effective:
        return tables.first_questions
    if len(effective) + len(na - effective.keys()) == len(tables.question_order):
        return ()  # everything is answered, or cannot apply
    pending = {
        screen
        for screen, members in tables.screens
        if screen not in values and not any(m in effective and m not in na for m in members)
    }
    return tuple(
        [
            f
            for fid, f in tables.question_order
            if fid not in effective and fid not in na and (not f.members or fid in pending)
        ]
    )
