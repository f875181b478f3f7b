"""``legcramps interview`` (``legcramps._cli.interview``): one question at a time."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
from helpers import run, run_in_process
from legcramps._cli.interview import interview

K = legcramps.KNOWLEDGE


class TestProgram:
    """The interview through the real command line."""

    def test_interview_through_a_pipe(self) -> None:
        """The interview reads piped answers: a skip stays unknown, an invalid one is re-asked."""
        answers = ["no", "no", "maybe", "no", "30", "light", "skip", "no", "no", "no", "Lasix"]
        expected = legcramps.assess(
            emergency_signs=False,
            leg_signs=False,
            body_signs=False,
            exercise_minutes=30,
            exercise_intensity="light",
            leg_changes=False,
            health_conditions=False,
            clot_risks=False,
            medications=["Lasix"],
        )

        result = run("interview", stdin="\n".join(answers) + "\n")

        assert "" == result.stderr
        assert 0 == result.returncode
        transcript, report = result.stdout.split("\n\nLeg cramp assessment", 1)
        assert str(expected) + "\n" == "Leg cramp assessment" + report
        assert 1 == transcript.count(K.factor("hot_weather").question)
        assert 2 == transcript.count(K.factor("body_signs").question)
        assert "Sorry, 'maybe' is not an answer I can use: expected yes or no." in transcript
        assert transcript.endswith("No more answers: the questions left stay unknown.")

    def test_interview_echoes_piped_answers(self) -> None:
        """With piped input, `interview` writes each answer after its question, then the report."""
        status, out, _ = run_in_process("interview", stdin="no\n")

        assert 0 == status
        assert f"{K.factor('emergency_signs').question} [yes/no] no\n" in out
        expected = legcramps.assess(emergency_signs=False)
        assert out.endswith(f"\n\n{expected}\n")


class TestInterview:
    """The interview, driven in-process through text streams."""

    def test_red_flag_questions_come_first(self) -> None:
        """The first question is the screen for the signs that need emergency help."""
        out = io.StringIO()

        interview(K, io.StringIO(""), out)

        assert f"{K.factor('emergency_signs').question} [yes/no] " in out.getvalue()

    def test_a_yes_to_a_screen_asks_its_signs_one_by_one(self) -> None:
        """After a yes to a screen, its warning is told, then its first sign is asked."""
        out = io.StringIO()

        interview(K, io.StringIO("no\nyes\n"), out, echo=True)

        flag = K.red_flag("leg_sign_reported")
        first_sign = next(
            q for q in legcramps.assess(emergency_signs=False, leg_signs=True).next_questions
        ).question
        assert out.getvalue().endswith(
            f"[yes/no] yes\n  Warning sign: {flag.name}. {flag.advice}\n"
            f"{first_sign} [yes/no] \nNo more answers: the questions left stay unknown.\n"
        )

    def test_stops_at_once_on_an_emergency(self) -> None:
        """A red flag calling for emergency help ends the questions at once: here a yes to the
        screen of the signs that need emergency help, before saying which."""
        out = io.StringIO()

        a = interview(K, io.StringIO("yes\nyes\nno\nno\n"), out)

        assert legcramps.Urgency.EMERGENCY == a.urgency
        assert {"emergency_signs": True} == dict(a.answers)
        assert out.getvalue().endswith("so the questions stop here.\n")

    def test_a_skipped_question_is_not_asked_again(self) -> None:
        """Each question is asked once when skipped; with all skipped, the interview ends."""
        out = io.StringIO()

        a = interview(K, io.StringIO("skip\n" * (len(K.factors) + 5)), out, echo=True)

        assert {} == dict(a.answers)
        assert [f.question for f in a.next_questions] == [
            line.rsplit(" [", 1)[0] for line in out.getvalue().splitlines() if " [" in line
        ]
        assert "No more answers" not in out.getvalue()

    def test_a_warning_sign_is_told_at_once(self) -> None:
        """An answer that raises a red flag is followed at once by the flag's advice."""
        out = io.StringIO()

        interview(K, io.StringIO("no\nyes\nyes\n"), out, echo=True)

        flag = K.red_flag("deep_vein_thrombosis")
        assert f"[yes/no] yes\n  Warning sign: {flag.name}. {flag.advice}\n" in out.getvalue()

    def test_done_ends_the_interview(self) -> None:
        """Typing "done" ends the interview; the questions left stay unknown."""
        a = interview(K, io.StringIO("no\ndone\nno\n"), io.StringIO())

        assert {"emergency_signs": False} == dict(a.answers)

    def test_out_of_range_is_asked_again_with_the_reason(self) -> None:
        """A number out of range is asked again, saying what is expected."""
        out = io.StringIO()

        a = interview(K, io.StringIO("no\nno\nno\n-5\nnan\n5 min\n"), out, echo=True)

        assert 5 == a.answers["exercise_minutes"]
        expected = "expected a number of minutes from 0 to 1440."
        assert [
            f"  Sorry, '-5' is not an answer I can use: {expected}",
            f"  Sorry, 'nan' is not an answer I can use: {expected}",
        ] == [line for line in out.getvalue().splitlines() if "Sorry" in line]
        question = K.factor("exercise_minutes").question
        assert f"{question} [minutes, 0 to 1440] 5 min\n" in out.getvalue()

    @settings(max_examples=30, deadline=None)
    @given(st.lists(st.text(alphabet=st.characters(exclude_characters="\r\n")), max_size=30))
    def test_any_input_ends_in_an_assessment(self, lines: list[str]) -> None:
        """Whatever is typed, the interview ends with an assessment of valid answers."""
        a = interview(K, io.StringIO("".join(line + "\n" for line in lines)), io.StringIO())

        assert a == legcramps.assess(dict(a.answers))
