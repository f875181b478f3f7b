"""``legcramps causes`` and ``legcramps factors``: what the knowledge holds, listed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from legcramps import _texts
from legcramps._cli._io import BROKEN_PIPE, IO_FAILED, print_json, write
from legcramps._cli._parser import add_language, chosen_language, epilog
from legcramps._cli.assess import metavar, option_name, singular_option
from legcramps._model import FactorKind, RiskFactor
from legcramps._parse import expected_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from legcramps._catalog import Catalog
    from legcramps._knowledge import Knowledge


_STATUSES = (
    (0, _texts.CLI_LIST_PRINTED),
    (IO_FAILED, _texts.CLI_NOT_WRITTEN),
    (BROKEN_PIPE, _texts.CLI_READER_GONE),
)


def add_parsers(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``causes`` and ``factors`` to *subparsers*."""
    causes = subparsers.add_parser(
        "causes",
        help=_texts.CLI_CAUSES_HELP,
        description=_texts.CLI_CAUSES_DESCRIPTION,
        epilog=epilog(_STATUSES, ["legcramps causes --json"]),
    )
    causes.add_argument("-j", "--json", action="store_true", help=_texts.CLI_CAUSES_JSON)
    add_language(causes, hidden=True)
    causes.set_defaults(func=_causes)

    factors = subparsers.add_parser(
        "factors",
        help=_texts.CLI_FACTORS_HELP,
        description=_texts.CLI_FACTORS_DESCRIPTION,
        epilog=epilog(_STATUSES, ["legcramps factors | grep -A4 '^fluid_litres'"]),
    )
    factors.add_argument("-j", "--json", action="store_true", help=_texts.CLI_FACTORS_JSON)
    add_language(factors, hidden=True)
    factors.set_defaults(func=_factors)


def _causes(args: argparse.Namespace) -> int:
    knowledge: Knowledge = args.knowledge
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "summary": c.summary,
                    "mechanism": c.mechanism,
                    "advice": list(c.advice),
                    "evidence_note": c.evidence_note,
                    "inputs": [f.id for f in knowledge.inputs_of(c.id)],
                    "sources": [
                        {"id": s.id, "title": s.title, "citation": s.citation} for s in c.sources
                    ],
                }
                for c in knowledge.causes
            ]
        )
        return 0
    text = _catalog(args).text
    blocks = []
    for c in knowledge.causes:
        inputs = ", ".join(f.id for f in knowledge.inputs_of(c.id))
        evidence = text(_texts.CLI_EVIDENCE, note=text(c.evidence_note))
        lines = [f"{c.id}: {text(c.name)}", f"  {text(c.summary)}", f"  {evidence}"]
        lines.append("  " + text(_texts.CLI_INPUTS, inputs=inputs))
        blocks.append("\n".join(lines))
    write("\n\n".join(blocks) + "\n")
    return 0


def _catalog(args: argparse.Namespace) -> Catalog:
    """Return the catalog of the language of the command line."""
    from legcramps._catalog import catalog

    return catalog(chosen_language(args))


def _factor_options(factor: RiskFactor, text: Callable[..., str]) -> str:
    if factor.kind is FactorKind.YES_NO:
        return f"{option_name(factor)} / --no-{factor.id.replace('_', '-')}"
    if factor.kind is FactorKind.NUMBER:
        return f"{option_name(factor)} {metavar(factor)}"
    if factor.kind is FactorKind.CHOICE:
        return f"{option_name(factor)} {{{','.join(factor.choices)}}}"
    no = f"--no-{factor.id.replace('_', '-')}"
    return text(_texts.CLI_REPEATABLE, option=singular_option(factor), no=no)


def _factors(args: argparse.Namespace) -> int:
    knowledge: Knowledge = args.knowledge
    if args.json:
        print_json(
            [
                {
                    "id": f.id,
                    "question": f.question,
                    "kind": f.kind.value,
                    "unit": f.unit or None,
                    "minimum": f.minimum,
                    "maximum": f.maximum,
                    "choices": list(f.choices),
                    "causes": list(f.causes),
                    "red_flags": list(f.red_flags),
                    "option": option_name(f),
                }
                for f in knowledge.factors
            ]
        )
        return 0
    words = _catalog(args)
    text = words.text
    blocks = []
    for f in knowledge.factors:
        lines = [f"{f.id} ({f.kind.value}): {text(f.question)}"]
        lines.append("  " + text(_texts.CLI_EXPECTS, expected=words.translate(expected_text(f))))
        if f.causes:
            lines.append("  " + text(_texts.CLI_SPEAKS_TO, causes=", ".join(f.causes)))
        if f.red_flags:
            lines.append("  " + text(_texts.CLI_RED_FLAGS, flags=", ".join(f.red_flags)))
        lines.append("  " + text(_texts.CLI_OPTION, options=_factor_options(f, text)))
        blocks.append("\n".join(lines))
    write("\n\n".join(blocks) + "\n")
    return 0
