"""Languages: a :class:`Catalog` of translations, keyed by the English text, and its checks.

The engine is language-free: results hold ids, values and the knowledge's English
texts. Text in another language is produced where text is produced (the report,
``to_dict(language=...)``, error messages), by looking the English up in a catalog.
The built-in catalogs are JSON files under ``legcramps/locales``, read on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from legcramps import _texts
from legcramps._errors import InvalidInput, InvalidKnowledge, Problem, Problems, describe
from legcramps._public import publish
from legcramps._shown import Shown

if TYPE_CHECKING:
    import os

    from legcramps._model import KnowledgeFields

#: The languages legcramps has texts for: English, the source, and Spanish.
LANGUAGES = ("en", "es")

_SOURCE = "en"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
# A number as a text writes it: 38, 1.6 or 1,6 (a decimal comma is read as a point).
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
# A dose: a number with a unit of medicine. No text of legcramps names one, in any language.
_DOSE = re.compile(
    r"\d\s*(?:mg|mcg|µg|μg|microgram|milligram|g|ml|mL|IU|UI|units? of|tablets?|pills?|"
    r"capsules?|drops?|doses?|comprimidos?|pastillas?|tabletas?|cápsulas?|gotas?|dosis|"
    r"miligramos?|microgramos?)\b",
    re.IGNORECASE,
)
# A value as legcramps.describe() shows it, "'lots' (str)": it ends in its type.
_VALUE = r".+ \([\w.]+\)"
_DESCRIBED = frozenset({"value", "other"})
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@attrs.frozen(repr=False, weakref_slot=False)
class Catalog(Shown):
    """The texts of one language: each English text of legcramps, and its translation.

    *language* is a language tag (``"es"``), *name* the language's own name for
    itself. *texts* maps each English text (a question, a piece of advice, a label of
    the report) to its translation; a text missing from it, or translated as ``""``,
    is shown in English. *words* lists, for each idea of urgency (``"emergency"``,
    ``"urgent"``, ``"today"``, ``"now"``, ``"right away"``), the words that express it
    in this language, so that :meth:`check` can tell whether each translation keeps the
    urgency of its English. *reviewed* says whether a clinician has reviewed the
    texts; *about* says who translated them and how.

    Every translation must keep the ``{placeholders}`` and the numbers of its English
    text, and name no dose: a catalog that does not is refused when it is made.

    :raises InvalidInput: listing every translation that breaks those rules.

    >>> import legcramps
    >>> es = legcramps.catalog("es")
    >>> es.language, es.name, es.reviewed
    ('es', 'Español', False)
    >>> es.text("Hot weather.")
    'Tiempo caluroso.'
    >>> es.text("Leg cramp assessment (knowledge {version})", version="1")
    'Evaluación de calambres en las piernas (base de conocimiento 1)'
    >>> legcramps.Catalog("es", "Español", {"Keep warm.": "Abríguese a 20 grados."})
    Traceback (most recent call last):
    ...
    legcramps.InvalidInput: 1 problem with the input:
    - texts['Keep warm.']: received 'Abríguese a 20 grados.' (str); expected the numbers of the English text (none), no more and no fewer
    """  # noqa: E501 - a doctest's output is one line

    language: str
    name: str
    texts: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    reviewed: bool = False
    about: str = ""

    def __attrs_post_init__(self) -> None:
        problems = Problems()
        if not (isinstance(self.language, str) and _TAG.fullmatch(self.language)):
            problems.add("language", describe(self.language), "a language tag, such as 'es'")
        if not (isinstance(self.name, str) and self.name.strip()):
            problems.add("name", describe(self.name), "the language's name (a string)")
        texts: dict[str, str] = {}
        if isinstance(self.texts, Mapping):
            texts = {
                english: text
                for english, text in self.texts.items()
                if _check_text(english, text, problems)
            }
        else:
            problems.add("texts", describe(self.texts), "a mapping of translations by English text")
        object.__setattr__(self, "texts", MappingProxyType(texts))
        object.__setattr__(self, "words", MappingProxyType(_words(self.words, problems)))
        if type(self.reviewed) is not bool:
            problems.add("reviewed", describe(self.reviewed), "True or False")
        if not isinstance(self.about, str):
            problems.add("about", describe(self.about), "a string")
        if problems:
            raise problems.error()

    # --- reading and writing ---------------------------------------------------------

    @classmethod
    def from_dict(cls, data: object) -> Catalog:
        """Return the catalog that *data*, a dict in the form :meth:`to_dict` gives, holds.

        :raises InvalidInput: if *data* is not such a dict, or a translation breaks the rules.

        >>> import legcramps
        >>> fr = legcramps.Catalog.from_dict(
        ...     {"language": "fr", "name": "Français", "texts": {"Hot weather.": "Temps chaud."}})
        >>> fr.text("Hot weather."), fr.text("Heavy sweating.")
        ('Temps chaud.', 'Heavy sweating.')
        """
        problems = Problems()
        if not isinstance(data, Mapping):
            problems.add("catalog", describe(data), "an object with a language, a name and texts")
            raise problems.error()
        known = {"language", "name", "texts", "words", "reviewed", "about"}
        for key in data:
            if key not in known:
                expected = "no such key: the keys are " + ", ".join(sorted(known))
                problems.add(str(key), describe(data[key]), expected)
        if problems:
            raise problems.error()
        return cls(
            language=data.get("language"),  # type: ignore[arg-type]  # checked on creation
            name=data.get("name"),  # type: ignore[arg-type]
            texts=data.get("texts", {}),
            words=data.get("words", {}),
            reviewed=data.get("reviewed", False),
            about=data.get("about", ""),
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Catalog:
        """Return the catalog in the JSON file at *path* (UTF-8), in the form of :meth:`to_dict`.

        :raises InvalidInput: if the file is not such a catalog.
        :raises OSError: if the file cannot be read.
        """
        import json
        from pathlib import Path

        text = Path(path).read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except ValueError as e:
            problems = Problems()
            problems.add("catalog", f"the file {str(path)!r}", f"a JSON object ({e})")
            raise problems.error() from None
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """Return the catalog as a JSON-ready dict, which :meth:`from_dict` reads back.

        >>> import legcramps
        >>> d = legcramps.catalog("es").to_dict()
        >>> sorted(d), d["texts"]["Dehydration"]
        (['about', 'language', 'name', 'reviewed', 'texts', 'words'], 'Deshidratación')
        """
        return {
            "language": self.language,
            "name": self.name,
            "reviewed": self.reviewed,
            "about": self.about,
            "words": {idea: list(words) for idea, words in self.words.items()},
            "texts": dict(self.texts),
        }

    def extend(self, texts: Mapping[str, str]) -> Catalog:
        """Return a copy with *texts* added, replacing any translation of the same English.

        For custom knowledge: bring the translations of its own texts.

        >>> import legcramps
        >>> mine = legcramps.catalog("es").extend({"Cold exposure": "Exposición al frío"})
        >>> mine.text("Cold exposure"), mine.text("Dehydration")
        ('Exposición al frío', 'Deshidratación')
        """
        return attrs.evolve(self, texts={**self.texts, **texts})

    # --- looking texts up ------------------------------------------------------------

    def text(self, english: str, /, **values: object) -> str:
        """Return the translation of *english*, or *english* itself if there is none.

        With *values*, the text is a template and they fill its ``{placeholders}``.
        """
        found = self.texts.get(english) or english
        return found.format(**values) if values else found

    def problem(self, problem: Problem) -> Problem:
        """Return *problem* with its words translated; values, ids and names stay as given.

        Its ``str()`` is still English; :meth:`message` writes a whole error in this language.

        >>> import legcramps
        >>> try:
        ...     legcramps.assess(fluid_litres=-1)
        ... except legcramps.InvalidInput as e:
        ...     p = legcramps.catalog("es").problem(e.problems[0])
        >>> p.input, p.received, p.expected
        ('fluid_litres', '-1 (int)', 'un número de litros de 0 a 20, o None (desconocido)')
        """
        hint = problem.hint and (self._form(problem.hint, _expected_forms()) or problem.hint)
        return Problem(
            problem.input,
            self._form(problem.received, _received_forms()) or problem.received,
            self._form(problem.expected, _expected_forms()) or problem.expected,
            hint,
        )

    def line(self, problem: Problem) -> str:
        """Return *problem* as one line in this language: what ``str(problem)`` says in English.

        >>> import legcramps
        >>> p = legcramps.Problem("hot_weather", "'yes' (str)", "True or False")
        >>> legcramps.catalog("es").line(p)
        "hot_weather: se recibió 'yes' (str); se esperaba True o False"
        >>> legcramps.catalog("en").line(p) == str(p)
        True
        """
        p = self.problem(problem)
        text = self.text(_texts.PROBLEM, input=p.input, received=p.received, expected=p.expected)
        return self.text(_texts.WITH_HINT, problem=text, hint=p.hint) if p.hint else text

    def message(self, error: InvalidInput | InvalidKnowledge) -> str:
        """Return the message of *error* in this language: what ``str(error)`` says in English.

        >>> import legcramps
        >>> try:
        ...     legcramps.assess(hot_weather="yes")
        ... except legcramps.InvalidInput as e:
        ...     print(legcramps.catalog("es").message(e))
        1 problema con la entrada:
        - hot_weather: se recibió 'yes' (str); se esperaba True, False o None (desconocido)
        """
        what = _texts.THE_KNOWLEDGE if isinstance(error, InvalidKnowledge) else _texts.THE_INPUT
        what = self.text(what)
        count = len(error.problems) + error.more
        if count == 1:
            head = self.text(_texts.ONE_PROBLEM, what=what)
        else:
            head = self.text(_texts.PROBLEMS, count=count, what=what)
        lines = [head]
        lines += [f"- {self.line(p)}" for p in error.problems]
        if error.more:
            lines.append("- " + self.text(_texts.MORE, more=error.more))
        return "\n".join(lines)

    def translate(self, text: str, /) -> str:
        """Return *text*, an English message of legcramps' command line, in this language.

        The command line writes its help and its errors in English, from the texts of
        ``legcramps._texts`` (kind ``cli``) and the problems' words, and translates them
        where it writes them: a text whole, or by the template it was made from, whose
        placeholders that hold words (``{message}``, ``{reason}``...) are translated in
        turn; ids, option names, file names and values stay as they are. A text made
        from no template is returned as it is.

        >>> import legcramps
        >>> legcramps.catalog("es").translate("argument --json: ignored explicit argument '1'")
        "argumento --json: se ignoró el argumento explícito '1'"
        >>> legcramps.catalog("en").translate("argument --json: ignored explicit argument '1'")
        "argument --json: ignored explicit argument '1'"
        """
        if self.language == _SOURCE:
            return text
        return self._translated(text, "messages", {})[0]

    def _translated(
        self, text: str, forms: str, done: dict[tuple[str, str], tuple[str, int]]
    ) -> tuple[str, int]:
        """Return *text* translated, and how many of its characters the texts read.

        Of the ways *text* fits a template (each placeholder as short, or as long, as
        it can be), the one that reads most of it wins, with the words of its translated
        placeholders: ``"{message}; did you mean {close}?"`` around ``"unrecognized
        option {name}"`` reads more than the latter alone. *forms* names the templates
        to try: the messages', or the examples' (``'90 min' or '2 h'``) of a placeholder
        that holds examples. *done* holds the parts of a text translated so far.
        """
        if self.texts.get(text):
            return self.texts[text], len(text)
        if (text, forms) in done:
            return done[text, forms]
        best, most = text, 0
        for english, words, pattern in (
            _examples_forms() if forms == "examples" else _message_forms()
        ):
            match = all(w in text for w in words) and pattern.fullmatch(text)
            if not match:
                continue
            values: dict[str, str] = {}
            read = len(_PLACEHOLDER.sub("", english))
            for name, value in match.groupdict().items():
                if name in _texts.CLI_TRANSLATED:
                    value, inner = self._translated(value, "messages", done)  # noqa: PLW2901
                    read += inner
                elif name in _texts.CLI_EXAMPLES_IN:
                    value, inner = self._translated(value, "examples", done)  # noqa: PLW2901
                    read += inner
                values[name] = value
            if read > most:
                best, most = self.text(english, **values), read
        done[text, forms] = best, most
        return best, most

    def _form(self, text: str, forms: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
        """Return *text*, written in one of *forms*, translated; None if it is in none."""
        if text in self.texts or self.language == _SOURCE:
            return self.text(text)
        for english, pattern in forms:
            match = pattern.fullmatch(text)
            if match is not None:
                values = {
                    name: self.text(value) if name in _texts.TRANSLATED_PLACEHOLDERS else value
                    for name, value in match.groupdict().items()
                }
                return self.text(english, **values)
        return None

    # --- checking a translation ------------------------------------------------------

    def missing(self, knowledge: KnowledgeFields) -> tuple[str, ...]:
        """Return the English texts of *knowledge* and of legcramps that have no translation.

        English, the source language, misses none.

        >>> import legcramps
        >>> legcramps.catalog("es").missing(legcramps.KNOWLEDGE)
        ()
        >>> legcramps.Catalog("fr", "Français").missing(legcramps.KNOWLEDGE)[0]
        'EMERGENCY: get emergency help now.'
        """
        if self.language == _SOURCE:
            return ()
        texts = self.texts
        return tuple(
            dict.fromkeys(text for _, _, text in _texts.texts_of(knowledge) if not texts.get(text))
        )

    def unused(self, knowledge: KnowledgeFields) -> tuple[str, ...]:
        """Return the English texts translated here that neither *knowledge* nor legcramps has.

        A text whose English changed leaves its old translation unused: review it.

        >>> import legcramps
        >>> legcramps.catalog("es").unused(legcramps.KNOWLEDGE)
        ()
        """
        used = {text for _, _, text in _texts.texts_of(knowledge)}
        return tuple(text for text in self.texts if text not in used)

    def check(self, knowledge: KnowledgeFields) -> tuple[Problem, ...]:
        """Return what is wrong with this catalog as the translation of *knowledge*.

        A text of *knowledge* or of legcramps without a translation is a problem, and so
        is a translation that tells of more or less urgency than its English: each idea
        of urgency (see *words*) must be in the translation exactly when it is in the
        English, for every text that may say how soon to get help (headlines, time
        frames, red flags, advice, the report). Run it on a catalog before it is used.

        >>> import legcramps
        >>> legcramps.catalog("es").check(legcramps.KNOWLEDGE)
        ()
        >>> late = legcramps.catalog("es").extend(
        ...     {"Call your local emergency number now.": "Llame a su médico mañana."})
        >>> for p in late.check(legcramps.KNOWLEDGE)[:2]:
        ...     print(p)
        red_flags.pulmonary_embolism.advice: received 'Llame a su médico mañana.' (str); expected words for 'emergency', as the English has (emergencia, servicio de urgencias)
        red_flags.pulmonary_embolism.advice: received 'Llame a su médico mañana.' (str); expected words for 'now', as the English has (ahora)
        """  # noqa: E501 - a doctest's output is one line
        problems: list[Problem] = []
        missing = set(self.missing(knowledge))
        words = {
            idea: re.compile("|".join(rf"\b{re.escape(w)}" for w in found), re.IGNORECASE)
            for idea, found in self.words.items()
        }
        if self.language != _SOURCE:
            for idea in _texts.URGENCY_WORDS.keys() - words.keys():
                expected = f"the words of {idea!r} in this language, in the catalog's words"
                problems.append(Problem("words", describe(dict(self.words)), expected))
        for where, kind, english in _texts.texts_of(knowledge):
            if english in missing:
                expected = f"a translation into {self.language} of {english!r}"
                problems.append(Problem(where, "none", expected))
                continue
            if self.language == _SOURCE or kind not in _texts.URGENCY_KINDS:
                continue
            text = self.text(english)
            for idea, pattern in words.items():
                has = pattern.search(text) is not None
                if has == (_texts.URGENCY_WORDS[idea].search(english) is not None):
                    continue
                listed = ", ".join(self.words[idea])
                if has:
                    expected = f"no words for {idea!r}, as the English has none ({listed})"
                else:
                    expected = f"words for {idea!r}, as the English has ({listed})"
                problems.append(Problem(where, describe(text), expected))
        return tuple(problems)


def _words(words: object, problems: Problems) -> dict[str, tuple[str, ...]]:
    """Return the words of urgency in *words*, checked; add a problem for each bad one."""
    found: dict[str, tuple[str, ...]] = {}
    if not isinstance(words, Mapping):
        problems.add("words", describe(words), "a mapping of lists of words by idea of urgency")
        return found
    for idea, listed in words.items():
        where = f"words[{idea!r}]"
        if idea not in _texts.URGENCY_WORDS:
            expected = "one of " + ", ".join(map(repr, _texts.URGENCY_WORDS))
            problems.add(where, describe(idea), expected)
        elif not (
            isinstance(listed, (list, tuple))
            and listed
            and all(isinstance(w, str) and w.strip() for w in listed)
        ):
            problems.add(where, describe(listed), "a list of words (non-empty strings)")
        else:
            found[idea] = tuple(listed)
    return found


def _check_text(english: object, text: object, problems: Problems) -> bool:
    """Return whether *text* translates *english* by the rules; add a problem for each break."""
    where = f"texts[{english!r}]"
    if not isinstance(english, str) or not english:
        problems.add(where, describe(english), "an English text (a non-empty string)")
        return False
    if not isinstance(text, str):
        problems.add(where, describe(text), "the translation (a string; '' if there is none)")
        return False
    if not text:  # not translated yet: shown in English
        return True
    before = len(problems)
    if sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(english)):
        named = ", ".join("{" + p + "}" for p in _PLACEHOLDER.findall(english)) or "none"
        problems.add(where, describe(text), f"the placeholders of the English text ({named})")
    if _numbers(text) != _numbers(english):
        named = ", ".join(_NUMBER.findall(english)) or "none"
        problems.add(
            where,
            describe(text),
            f"the numbers of the English text ({named}), no more and no fewer",
        )
    if _DOSE.search(text):
        problems.add(where, describe(text), "no dose of a medicine: legcramps never gives one")
    return len(problems) == before


def _numbers(text: str) -> list[str]:
    """Return the numbers in *text*, sorted, with a decimal comma read as a point."""
    return sorted(n.replace(",", ".") for n in _NUMBER.findall(text))


@functools.cache
def _pattern(form: str, *, shortest: bool = False) -> re.Pattern[str]:
    """Return the pattern that matches a text written in *form* (a template).

    A placeholder matches as much as it can, or, if *shortest*, as little.
    """
    parts = _PLACEHOLDER.split(form)
    anything = ".+?" if shortest else ".+"
    regex = "".join(
        re.escape(part)
        if n % 2 == 0
        else f"(?P<{part}>{_VALUE if part in _DESCRIBED else anything})"
        for n, part in enumerate(parts)
    )
    return re.compile(regex, re.DOTALL)


@functools.cache
def _expected_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((form, _pattern(form)) for form in _texts.EXPECTED if "{" in form)


@functools.cache
def _received_forms() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((form, _pattern(form)) for form in _texts.RECEIVED)


@functools.cache
def _message_forms() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """Return the templates of the command line's messages, each with its patterns.

    Each template comes twice: its placeholders matching as little as they can (the
    first ``": "`` of ``"argument {argument}: {message}"`` ends the argument), and as
    much (the last ``" ("`` of ``"{problem} ({hint})"`` starts the hint).
    """
    forms = dict.fromkeys(
        form
        for form in (*_texts.CLI, *_texts.MESSAGE, *_texts.EXPECTED, *_texts.RECEIVED)
        if _PLACEHOLDER.search(form)
    )
    return _both_ways(forms)


@functools.cache
def _examples_forms() -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """Return the template of examples (``'90 min' or '2 h'``), with its patterns."""
    return _both_ways((_texts.EXAMPLES,))


def _both_ways(forms: Iterable[str]) -> tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]:
    """Return each of *forms*, its own words (a text it fits holds each), and its patterns."""
    return tuple(
        (form, tuple(w for w in _PLACEHOLDER.split(form)[::2] if w), _pattern(form, shortest=s))
        for form in forms
        for s in (True, False)
    )


@functools.cache
def _builtin(language: str) -> Catalog:
    """Return the built-in catalog of *language* (one of :data:`LANGUAGES`), read once."""
    if language == _SOURCE:
        return Catalog(
            _SOURCE,
            "English",
            words={idea: (idea,) for idea in _texts.URGENCY_WORDS},
            reviewed=True,
            about="The source texts of legcramps.",
        )
    import json
    from importlib.resources import files

    data = json.loads((files("legcramps") / "locales" / f"{language}.json").read_text("utf-8"))
    return Catalog.from_dict(data)


def catalog(language: str = "es") -> Catalog:
    """Return the built-in catalog of *language*, one of :data:`LANGUAGES`.

    Its texts are read from the package's data the first time they are asked for.

    :raises InvalidInput: if legcramps has no texts in *language*.

    >>> import legcramps
    >>> legcramps.catalog("es").text("Dehydration")
    'Deshidratación'
    >>> legcramps.catalog("en").text("Dehydration")
    'Dehydration'
    """
    if isinstance(language, str) and language in LANGUAGES:
        return _builtin(language)
    raise _unknown_language(language)


def resolve(language: object) -> Catalog:
    """Return the catalog for *language*: a :class:`Catalog`, or a code of :data:`LANGUAGES`.

    :raises InvalidInput: for anything else.
    """
    if isinstance(language, Catalog):
        return language
    if isinstance(language, str) and language in LANGUAGES:
        return _builtin(language)
    raise _unknown_language(language)


def _unknown_language(language: object) -> InvalidInput:
    expected = "one of " + ", ".join(map(repr, LANGUAGES)) + ", or a legcramps.Catalog"
    hint = ""
    if isinstance(language, str):
        close = _choose(language, {tag: tag for tag in LANGUAGES})
        if close is not None:
            hint = f"did you mean {close!r}? legcramps.choose_language() reads tags like this one"
    return InvalidInput((Problem("language", describe(language), expected, hint),))


def choose_language(
    *preferences: str | None, available: Iterable[str] = LANGUAGES, fallback: str = "en"
) -> str:
    """Return the language of *available* that a person asks for, or *fallback*.

    Each preference is what a person's settings say: a locale as in ``LC_ALL``,
    ``LC_MESSAGES`` or ``LANG`` (``"es_MX.UTF-8"``), a list as in ``LANGUAGE``
    (``"es:en"``), or an HTTP ``Accept-Language`` header (``"es-MX,es;q=0.9,en;q=0.5"``).
    The first preference that is set (not ``None`` or empty) decides, as the environment
    variables do; ``"C"`` and ``"POSIX"`` ask for no translation (English). Within it,
    the most preferred language that *available* has wins, by its full tag or by its
    first part (``es-MX`` gives ``es``).

    :raises InvalidInput: if a preference is neither a string nor ``None``.

    >>> import legcramps, os
    >>> legcramps.choose_language("es_ES.UTF-8")
    'es'
    >>> legcramps.choose_language("fr-CH, fr;q=0.9, es;q=0.8, *;q=0.5")
    'es'
    >>> legcramps.choose_language(None, "", "C.UTF-8", "es_ES.UTF-8")
    'en'
    >>> legcramps.choose_language(os.environ.get("NO_SUCH_VARIABLE"))
    'en'
    """
    offered = {tag.lower(): tag for tag in available}
    for preference in preferences:
        if preference is None or preference == "":
            continue
        if not isinstance(preference, str):
            expected = "a locale or an Accept-Language value (a string), or None"
            raise InvalidInput((Problem("preferences", describe(preference), expected),))
        return _choose(preference, offered) or fallback
    return fallback


def _choose(preference: str, offered: Mapping[str, str]) -> str | None:
    """Return the tag of *offered* (by its lower-case form) that *preference* asks for most."""
    for tag in _ranked(preference):
        if tag in {"c", "posix"}:
            return offered.get(_SOURCE)
        for wanted in (tag, tag.partition("-")[0]):
            if wanted in offered:
                return offered[wanted]
    return None


def _ranked(preference: str) -> list[str]:
    """Return the language tags in *preference*, most preferred first, normalised."""
    ranked: list[tuple[float, int, str]] = []
    for n, item in enumerate(re.split(r"[,:]", preference)):
        tag, *parameters = (part.strip() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        tag = re.split(r"[.@]", tag, maxsplit=1)[0].replace("_", "-").lower()
        if tag and tag != "*" and weight > 0:
            ranked.append((-weight, n, tag))
    return [tag for _, _, tag in sorted(ranked)]


def translated_dict(result: dict[str, Any], language: object) -> dict[str, Any]:
    """Return *result*, a fresh ``Assessment.to_dict()``, with its texts in *language*.

    Only the texts change: ids, values and the shape stay as they are.
    """
    text = resolve(language).text
    for finding in result["findings"]:
        for evidence in finding["evidence"]:
            evidence["reason"] = text(evidence["reason"])
    for flag in result["red_flags"]:
        for key in ("name", "why", "time_frame"):
            flag[key] = text(flag[key])
        flag["risk_factors"] = [text(r) for r in flag["risk_factors"]]
    result["advice"] = [text(a) for a in result["advice"]]
    result["disclaimer"] = text(result["disclaimer"])
    return result


for _public in (Catalog, catalog, choose_language):
    publish(_public)
del _public
