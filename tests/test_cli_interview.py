"""``legcramps interview`` (``legcramps._cli.interview``): one question at a time.

Driven here through text streams and pipes; ``test_cli_pty.py`` plays it on a
pseudo-terminal, as a person types (line editing, Ctrl-C).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
from helpers import run, run_in_process
from legcramps._cli import main
from legcramps._cli._talk import Talk
from legcramps._cli.interview import TRIES, Interview, interview

K = legcramps.KNOWLEDGE
#: Wide enough that no question is wrapped, so that a transcript has one line per question.
WIDE = 10_000


def play(text: str) -> tuple[legcramps.Assessment, str]:
    """Play the interview on the answers in *text*, echoed; return the result and transcript."""
    out = io.StringIO()
    a = interview(K, io.StringIO(text), out, echo=True, width=WIDE)
    return a, out.getvalue()


def asked(transcript: str) -> list[str]:
    """Return the questions asked in *transcript*, in order (a question asked again, again)."""
    lines = transcript.splitlines()
    return [lines[n - 1] for n, line in enumerate(lines) if line.startswith("[")]


def question(factor_id: str) -> str:
    return K.factor(factor_id).question


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
        assert "Sorry, 'maybe' is not an answer I can use: expected yes or no." in transcript
        assert transcript.endswith("No more answers: the questions left stay unknown.")

    def test_interview_echoes_piped_answers(self) -> None:
        """With piped input, `interview` writes each answer after its prompt, then the report."""
        status, out, _ = run_in_process("interview", stdin="no\n")

        assert 0 == status
        assert "cooling down?\n[yes/no] > no\n" in out
        expected = legcramps.assess(emergency_signs=False)
        assert out.endswith(f"\n\n{expected}\n")

    def test_json_prints_the_result_alone(self) -> None:
        """With `--json` and piped answers, standard output holds only the result as JSON."""
        result = run("interview", "--json", stdin="no\nno\n")

        assert 0 == result.returncode
        expected = legcramps.assess(emergency_signs=False, leg_signs=False).to_dict()
        assert expected == json.loads(result.stdout)
        assert result.stderr.startswith("Answer each question")

    def test_save_writes_what_assess_reads(self, tmp_path: Path) -> None:
        """`--save FILE` writes the answers (a skipped one as null); `assess FILE` agrees."""
        path = tmp_path / "answers.json"

        status, out, _ = run_in_process("interview", "-s", str(path), stdin="no\nno\nskip\n")

        assert 0 == status
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert {"emergency_signs": False, "leg_signs": False, "body_signs": None} == saved
        assert f"The answers are saved in {str(path)!r}.\n" in out
        _, again, _ = run_in_process("assess", str(path))
        assert out.endswith(f"\n\n{again}")

    def test_input_prefills_the_answers(self, tmp_path: Path) -> None:
        """`--input FILE` answers its inputs; a null there is asked and unknown, not asked again
        (so the signs of that screen come next, as after a skip)."""
        path = tmp_path / "answers.json"
        path.write_text('{"emergency_signs": false, "leg_signs": null}', encoding="utf-8")

        status, out, err = run_in_process("interview", "--input", str(path), "--json", stdin="no\n")

        assert 0 == status
        assert {"emergency_signs": False, "leg_swelling": False} == json.loads(out)["answers"]
        assert f"Read 2 answers from {str(path)!r}." in err
        assert question("emergency_signs") not in err
        assert question("leg_signs") not in err

    def test_a_saved_interview_goes_on(self, tmp_path: Path) -> None:
        """Saved, then read back with --input: the interview goes on from where it was."""
        path = tmp_path / "answers.json"
        run_in_process("interview", "--save", str(path), stdin="no\n")

        status, out, _ = run_in_process("interview", str(path), "--save", str(path), stdin="no\n")

        assert 0 == status
        assert {"emergency_signs": False, "leg_signs": False} == json.loads(path.read_text())
        assert question("emergency_signs") not in out

    @pytest.mark.parametrize(
        ("file", "message"),
        [
            (
                '{"hot_weather": "yes"}',
                'hot_weather: received "yes" (string); expected true, false or null (unknown)',
            ),
            ('{"hot_wether": true}', "hot_wether: received true (boolean); expected one of"),
        ],
    )
    def test_a_bad_input_file_stops_before_the_first_question(
        self, tmp_path: Path, file: str, message: str
    ) -> None:
        """A problem in the --input file is said in JSON's words, with 2, before any question."""
        path = tmp_path / "answers.json"
        path.write_text(file, encoding="utf-8")

        status, out, err = run_in_process("interview", "--input", str(path), stdin="no\n")

        assert 2 == status
        assert "" == out
        assert message in err

    def test_input_cannot_be_standard_input(self) -> None:
        """The answers typed come on standard input, so it cannot hold the --input file too."""
        status, out, err = run_in_process("interview", "--input", "-", stdin="{}\n")

        assert 2 == status
        assert "" == out
        assert "argument --input: cannot be standard input" in err

    @pytest.mark.parametrize("save", ["-", "no/such/folder/answers.json", "."])
    def test_a_save_file_that_cannot_be_written_stops_before_the_first_question(
        self, save: str
    ) -> None:
        """A --save file that cannot be written is refused at once, not after the questions."""
        status, out, err = run_in_process("interview", "--save", save, stdin="no\n")

        assert 2 == status
        assert "" == out
        assert f"legcramps interview: error: argument --save: cannot write {save!r}" in err

    def test_a_save_that_fails_at_the_end_is_reported(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If writing --save fails at the end (a full disk), the error says so, with 4."""
        import os

        def full(*_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", full)
        path = tmp_path / "answers.json"

        status, _, err = run_in_process("interview", "--save", str(path), stdin="no\n")

        assert 4 == status
        assert (
            f"legcramps interview: error: argument --save: cannot write {str(path)!r}:"
            " No space left on device\n"
        ) == err
        assert [] == list(tmp_path.iterdir())

    def test_help_lists_exit_statuses(self) -> None:
        """`interview --help` says what its exit statuses mean, 130 after Ctrl-C among them."""
        _, out, _ = run_in_process("interview", "--help")

        assert "130  interrupted (Ctrl-C), after offering to save the answers" in out


class TestInterview:
    """The interview, driven in-process through text streams."""

    def test_red_flag_questions_come_first(self) -> None:
        """The first question is the screen for the signs that need emergency help."""
        _, transcript = play("")

        assert [question("emergency_signs")] == asked(transcript)

    def test_a_yes_to_a_screen_asks_its_signs_one_by_one(self) -> None:
        """After a yes to a screen, its warning is told, then its first sign is asked."""
        _, transcript = play("no\nyes\n")

        flag = K.red_flag("leg_sign_reported")
        first_sign = legcramps.assess(emergency_signs=False, leg_signs=True).next_questions[0]
        assert transcript.endswith(
            f"[yes/no] > yes\n  Warning sign: {flag.name}. {flag.advice}\n"
            f"{first_sign.question}\n[yes/no] > \n"
            "No more answers: the questions left stay unknown.\n"
        )

    def test_stops_at_once_on_an_emergency(self) -> None:
        """A red flag calling for emergency help ends the questions at once: here a yes to the
        screen of the signs that need emergency help, before saying which."""
        a, transcript = play("yes\nyes\nno\nno\n")

        assert legcramps.Urgency.EMERGENCY == a.urgency
        assert {"emergency_signs": True} == dict(a.answers)
        assert transcript.endswith("so the questions stop here.\n")

    def test_a_skipped_question_is_not_asked_again(self) -> None:
        """Each question is asked once when skipped; with all skipped, the interview ends."""
        a, transcript = play("skip\n" * (len(K.factors) + 5))

        assert {} == dict(a.answers)
        assert [f.question for f in a.next_questions] == asked(transcript)
        assert "No more answers" not in transcript

    def test_a_warning_sign_is_told_at_once(self) -> None:
        """An answer that raises a red flag is followed at once by the flag's advice."""
        _, transcript = play("no\nyes\nyes\n")

        flag = K.red_flag("deep_vein_thrombosis")
        assert f"[yes/no] > yes\n  Warning sign: {flag.name}. {flag.advice}\n" in transcript

    @pytest.mark.parametrize("word", ["done", "quit", "Stop", "exit"])
    def test_done_ends_the_interview(self, word: str) -> None:
        """Typing "done" (or quit, stop, exit) ends the interview; the rest stays unknown."""
        a, _ = play(f"no\n{word}\nno\n")

        assert {"emergency_signs": False} == dict(a.answers)

    def test_out_of_range_is_asked_again_with_the_reason(self) -> None:
        """A number out of range is asked again, saying what is expected."""
        a, transcript = play("no\nno\nno\n-5\nnan\n5 min\n")

        assert 5 == a.answers["exercise_minutes"]
        expected = "expected a number of minutes from 0 to 1440."
        assert [
            f"  Sorry, '-5' is not an answer I can use: {expected}",
            f"  Sorry, 'nan' is not an answer I can use: {expected}",
        ] == [line for line in transcript.splitlines() if "Sorry" in line]
        assert f"{question('exercise_minutes')}\n[minutes, 0 to 1440] > -5\n" in transcript
        assert (
            "  Please try again, type '?' for help, or 'skip'.\n[minutes, 0 to 1440] > 5 min\n"
            in (transcript)
        )

    def test_a_misspelt_choice_gets_a_suggestion(self) -> None:
        """A choice that is nearly right is answered with the one it is close to."""
        _, transcript = play("no\nno\nno\n30\nvigourous\n")

        assert (
            "  Sorry, 'vigourous' is not an answer I can use: expected one of 'light',"
            " 'moderate', 'vigorous' (did you mean 'vigorous'?).\n"
        ) in transcript

    def test_choices_and_units_are_read_as_typed(self) -> None:
        """An answer is read as parse_answer reads it: any case, a start, a unit."""
        a, _ = play("no\nno\nno\n1.5 h\nVIG\n")

        assert 90 == a.answers["exercise_minutes"]
        assert "vigorous" == a.answers["exercise_intensity"]

    def test_an_answer_that_cannot_be_used_is_left_unknown_after_a_few_tries(self) -> None:
        """After TRIES answers that cannot be used, the question is left unknown, and it says so."""
        a, transcript = play("maybe\n" * TRIES + "no\n")

        assert "emergency_signs" not in a.answers
        assert TRIES == transcript.count("[yes/no] > maybe\n")
        assert (
            "  Sorry, 'maybe' is not an answer I can use either. Moving on: this question stays"
            " unknown ('back' asks it again).\n"
        ) in transcript
        assert {"chest_pain_or_breathlessness": False} == dict(a.answers)

    @pytest.mark.parametrize("word", ["?", "help"])
    def test_a_question_mark_explains_the_question(self, word: str) -> None:
        """`?` shows the question's help and the answers it takes, then asks it again."""
        a, transcript = play(f"no\nno\nno\n{word}\n2h\n")

        factor = K.factor("exercise_minutes")
        assert (
            f"[minutes, 0 to 1440] > {word}\n  {factor.help}\n"
            "  Answer a number of minutes from 0 to 1440; a unit may follow, such as '90 min'"
            " or '2 h'.\n"
            "  Or type 'skip' (or press Enter) if you don't know, 'back' to change the last"
            " answer, or 'done' to stop here.\n"
            "[minutes, 0 to 1440] > 2h\n"
        ) in transcript
        assert 120 == a.answers["exercise_minutes"]

    def test_a_question_mark_never_skips_a_warning_sign_question(self) -> None:
        """`?` at a warning-sign screen explains it, and the screen is still to answer."""
        a, transcript = play("?\n")

        assert "emergency_signs" not in a.answers
        assert "[yes/no] > ?\n  Answer yes if any one of them applies" in transcript
        assert [question("emergency_signs")] * 1 == asked(transcript)[:1]

    @pytest.mark.parametrize("word", ["back", "undo", "BACK"])
    def test_back_changes_the_last_answer(self, word: str) -> None:
        """`back` forgets the last answer and asks its question again."""
        a, transcript = play(f"no\nyes\n{word}\nno\n")

        assert {"emergency_signs": False, "leg_signs": False} == dict(a.answers)
        assert [
            question("emergency_signs"),
            question("leg_signs"),
            legcramps.assess(emergency_signs=False, leg_signs=True).next_questions[0].question,
            question("leg_signs"),
            question("body_signs"),
        ] == asked(transcript)

    def test_back_twice_goes_back_twice(self) -> None:
        """Each `back` goes one answer further back, skipped answers included."""
        a, transcript = play("no\nskip\nback\nback\nyes\n")

        assert legcramps.Urgency.EMERGENCY == a.urgency
        assert [question("emergency_signs"), question("leg_signs")] == asked(transcript)[:2]
        assert question("emergency_signs") == asked(transcript)[-1]

    def test_back_at_the_first_question_says_so(self) -> None:
        """There is nothing to go back to before the first answer."""
        _, transcript = play("back\n")

        assert "[yes/no] > back\n  There is no answer to go back to.\n" in transcript

    def test_back_does_not_undo_answers_given_beforehand(self) -> None:
        """Answers known before the interview (from --input) are not undone by `back`."""
        out = io.StringIO()
        talk = Talk(io.StringIO("back\nno\n"), out, echo=True)
        a = Interview(K, talk, answers={"emergency_signs": False}).run()
        transcript = out.getvalue()

        assert {"emergency_signs": False, "leg_signs": False} == dict(a.answers)
        assert "There is no answer to go back to." in transcript

    def test_questions_are_wrapped_to_the_width(self) -> None:
        """A long question is filled to the width: no line is longer."""
        out = io.StringIO()

        interview(K, io.StringIO("no\nno\nyes\nmaybe\n?\n"), out, echo=True, width=60)

        assert max(len(line) for line in out.getvalue().splitlines()) <= 60

    def test_follow_ups_only_when_they_apply(self) -> None:
        """After 0 minutes of exercise, how hard it was is not asked."""
        _, transcript = play("no\nno\nno\n0\n")

        assert question("exercise_intensity") not in transcript

    def test_saved_holds_the_answers_then_the_unknown(self) -> None:
        """What --save writes: each answer given, then null for each left unknown."""
        talk = Talk(io.StringIO("no\nskip\n"), io.StringIO())
        session = Interview(K, talk, unknown=["cramp_minutes"])

        session.run()

        assert {"emergency_signs": False, "cramp_minutes": None, "leg_signs": None} == (
            session.saved()
        )

    @settings(max_examples=30, deadline=None)
    @given(st.lists(st.text(alphabet=st.characters(exclude_characters="\r\n")), max_size=30))
    def test_any_input_ends_in_an_assessment(self, lines: list[str]) -> None:
        """Whatever is typed, the interview ends with an assessment of valid answers."""
        a = interview(K, io.StringIO("".join(line + "\n" for line in lines)), io.StringIO())

        assert a == legcramps.assess(dict(a.answers))


class TestInterrupted:
    """Ctrl-C on piped input: the answers are saved where --save says, or not at all."""

    @staticmethod
    def _interrupt_after(answers: int, monkeypatch: pytest.MonkeyPatch) -> None:
        """Make the interview's reading raise KeyboardInterrupt after *answers* lines."""
        original = Talk.ask
        count = {"n": 0}

        def ask(self: Talk, prompt: str) -> str:
            if count["n"] == answers:
                raise KeyboardInterrupt
            count["n"] += 1
            return original(self, prompt)

        monkeypatch.setattr(Talk, "ask", ask)

    def test_saved_to_the_save_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """With --save, Ctrl-C saves the answers so far there, says how to go on, exits 130."""
        path = tmp_path / "answers.json"
        self._interrupt_after(2, monkeypatch)

        status, out, _ = run_in_process("interview", "--save", str(path), stdin="no\nno\nno\n")

        assert 130 == status
        assert {"emergency_signs": False, "leg_signs": False} == json.loads(path.read_text())
        assert (
            f"The answers are saved in {str(path)!r}. To go on later: legcramps interview"
            f" --input {path} --save {path}\n"
        ) in out
        assert "Leg cramp assessment" not in out

    def test_not_saved_without_a_save_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --save, piped input cannot be asked where to save: it says so, exits 130."""
        self._interrupt_after(1, monkeypatch)

        status, out, _ = run_in_process("interview", stdin="no\nno\n")

        assert 130 == status
        assert out.endswith("\nThe answers were not saved.\n")

    def test_before_any_answer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C at the first question has nothing to save."""
        self._interrupt_after(0, monkeypatch)

        status, out, _ = run_in_process("interview", stdin="no\n")

        assert 130 == status
        assert out.endswith("Interrupted, before any answer: there is nothing to save.\n")


class Tty(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def typed(monkeypatch: pytest.MonkeyPatch, *lines: str | type[BaseException]) -> list[str]:
    """Make `input()` return *lines* one by one (an exception class: raise it).

    Returns the prompts input() was given.
    """
    prompts: list[str] = []
    replies = list(lines)

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        reply = replies.pop(0) if replies else EOFError
        if isinstance(reply, str):
            return reply
        raise reply

    monkeypatch.setattr("builtins.input", fake_input)
    return prompts


class TestOnATerminal:
    """Where the interview talks, and how it reads a terminal (input() with readline)."""

    def _streams(
        self, monkeypatch: pytest.MonkeyPatch, *, stdin_tty: bool, stdout_tty: bool
    ) -> tuple[io.StringIO, io.StringIO]:
        stdout, stderr = (Tty() if stdout_tty else io.StringIO()), io.StringIO()
        monkeypatch.setattr("sys.stdin", Tty() if stdin_tty else io.StringIO("no\n"))
        monkeypatch.setattr("sys.stdout", stdout)
        monkeypatch.setattr("sys.stderr", stderr)
        return stdout, stderr

    def test_a_terminal_reads_through_input(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a terminal, each answer is read by input() at a short prompt; the report follows."""
        stdout, _ = self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        prompts = typed(monkeypatch, "no", "no")

        assert 0 == main(["interview"])

        assert ["[yes/no] > "] * 3 == prompts
        expected = legcramps.assess(emergency_signs=False, leg_signs=False)
        assert stdout.getvalue().endswith(f"\n\n{expected}\n")

    def test_without_readline_input_still_works(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Where readline is missing, the lines are read without editing."""
        import sys

        self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        monkeypatch.setitem(sys.modules, "readline", None)
        typed(monkeypatch, "no")

        assert 0 == main(["interview"])

    def test_a_person_with_the_output_redirected(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A person types, the output goes to a file: the questions go to standard error."""
        stdout, stderr = self._streams(monkeypatch, stdin_tty=True, stdout_tty=False)
        monkeypatch.setattr("sys.stdin", Tty("no\n"))

        assert 0 == main(["interview"])

        assert "Do you have any of these now: chest pain" in stderr.getvalue()
        assert f"{legcramps.assess(emergency_signs=False)}\n" == stdout.getvalue()

    def test_standard_input_closed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No standard input: CommandError with 4."""
        self._streams(monkeypatch, stdin_tty=False, stdout_tty=False)
        monkeypatch.setattr("sys.stdin", None)

        assert 4 == main(["interview"])

    def test_standard_error_closed_when_needed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With --json on a pipe, the questions need standard error: closed, it is 4."""
        self._streams(monkeypatch, stdin_tty=False, stdout_tty=False)
        monkeypatch.setattr("sys.stderr", None)

        assert 4 == main(["interview", "--json"])

    def test_ctrl_c_then_a_file_name(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """Ctrl-C on a terminal asks for a file name, and saves there."""
        stdout, _ = self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        path = tmp_path / "kept.json"
        typed(monkeypatch, "no", KeyboardInterrupt, str(path))

        assert 130 == main(["interview"])

        assert {"emergency_signs": False} == json.loads(path.read_text(encoding="utf-8"))
        assert "To go on later: legcramps interview --input" in stdout.getvalue()

    @pytest.mark.parametrize("reply", ["", "y", "YES"])
    def test_ctrl_c_with_save_agreed(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reply: str
    ) -> None:
        """With --save, Ctrl-C asks to save there: Enter or yes saves."""
        self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        path = tmp_path / "answers.json"
        prompts = typed(monkeypatch, "no", KeyboardInterrupt, reply)

        assert 130 == main(["interview", "--save", str(path)])

        assert f"Interrupted. Save the 1 answer so far to {str(path)!r}? [Y/n] " == prompts[-1]
        assert path.exists()

    @pytest.mark.parametrize("reply", ["n", EOFError, KeyboardInterrupt])
    def test_ctrl_c_with_save_declined(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reply: str | type[BaseException]
    ) -> None:
        """No, Ctrl-D or another Ctrl-C at the offer: nothing is saved."""
        stdout, _ = self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        path = tmp_path / "answers.json"
        typed(monkeypatch, "no", KeyboardInterrupt, reply)

        assert 130 == main(["interview", "--save", str(path)])

        assert not path.exists()
        assert stdout.getvalue().endswith("The answers were not saved.\n")

    def test_ctrl_c_then_enter(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --save, Enter at the offer leaves without saving."""
        stdout, _ = self._streams(monkeypatch, stdin_tty=True, stdout_tty=True)
        prompts = typed(monkeypatch, "no", "no", KeyboardInterrupt, "")

        assert 130 == main(["interview"])
        assert "Interrupted. Save the 2 answers so far? File name (Enter: no): " == prompts[-1]
        assert stdout.getvalue().endswith("The answers were not saved.\n")

    def test_a_second_warning_sign_is_told_once(self) -> None:
        """A warning sign already told is not told again when the next answer comes."""
        _, transcript = play("no\nyes\nyes\nno\n")

        flag = K.red_flag("deep_vein_thrombosis")
        assert 1 == transcript.count(f"Warning sign: {flag.name}.")
