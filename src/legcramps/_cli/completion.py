"""``legcramps completion SHELL``: print a completion script for bash, zsh or fish.

The scripts are made from the parser itself, so every command and option,
including those made from the knowledge, completes without an edit here: the
commands, their options, the choices of an option (``--exercise-intensity``
offers ``light moderate vigorous``) and file names where a file is expected.
They run nothing when completing, so completion is instant.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from legcramps import _texts
from legcramps._cli._io import BROKEN_PIPE, IO_FAILED, USAGE, write
from legcramps._cli._parser import epilog

if TYPE_CHECKING:
    from collections.abc import Callable

    from legcramps._cli._parser import Parser

SHELLS = ("bash", "zsh", "fish")
#: The metavars of options and arguments that name a file.
_FILES = frozenset({"FILE", "PATH"})
_CHOICES = re.compile(r"\{([^{}]+)\}")
#: The class of ``action="append"``: an option given once for each value.
_APPEND = type(argparse.ArgumentParser().add_argument("--x", action="append"))


class Option(NamedTuple):
    """One option of a command, as a shell completes it."""

    names: tuple[str, ...]
    #: Whether a value follows the option.
    value: bool
    #: The values to offer, if it has a fixed set of them.
    words: tuple[str, ...]
    #: Whether the value is a file name.
    file: bool
    help: str
    #: Whether the option may be given more than once.
    repeat: bool


class Command(NamedTuple):
    """One command, with its options and what its positional argument takes."""

    name: str
    help: str
    options: tuple[Option, ...]
    #: The words its positional argument takes (the command names of ``help``).
    words: tuple[str, ...]
    #: Whether its positional argument is a file.
    file: bool


def _summary(text: str | None) -> str:
    """Return the first sentence of a help text, short, for a completion menu."""
    text = " ".join((text or "").replace("%%", "%").split())
    first = re.split(r"(?<=[.?!;:])\s|\s\(", text, maxsplit=1)[0].rstrip(".;:")
    return first if len(first) <= 70 else first[:67] + "..."


def _words(action: argparse.Action) -> tuple[str, ...]:
    if action.choices is not None and not isinstance(action.choices, dict):
        return tuple(str(c) for c in action.choices)
    match = _CHOICES.fullmatch(str(action.metavar or ""))
    return tuple(match[1].split(",")) if match else ()


def _command(name: str, parser: Parser, summary: str, commands: tuple[str, ...]) -> Command:
    options = []
    words: tuple[str, ...] = ()
    file = False
    for action in parser.arguments():
        if action.help == argparse.SUPPRESS:  # hidden: -l/--language before the command
            continue
        if not action.option_strings:  # a positional argument: a file, a choice, a command
            words = words or (commands if action.metavar == "COMMAND" else _words(action))
            file = file or action.metavar in _FILES
            continue
        options.append(
            Option(
                names=tuple(action.option_strings),
                value=action.nargs != 0,
                words=_words(action),
                file=action.metavar in _FILES,
                help=_summary(action.help),
                repeat=action.__class__ is _APPEND,
            )
        )
    return Command(name, summary, tuple(options), words, file)


def commands(parser: Parser) -> tuple[Command, tuple[Command, ...]]:
    """Return the program (its own options, its commands as words) and each command."""
    helps = {name: _summary(text) for name, text in parser.command_helps().items()}
    names = tuple(parser.commands())
    subcommands = tuple(
        _command(name, sub, helps.get(name, ""), names) for name, sub in parser.commands().items()
    )
    return _command(parser.prog, parser, "", names)._replace(words=names), subcommands


# --- bash -------------------------------------------------------------------------------


def _bash_words(words: list[str] | tuple[str, ...]) -> str:
    return "'" + " ".join(words) + "'"


def _bash_case(command: Command) -> list[str]:
    lines = [f"    {command.name})", "        case $prev in"]
    for option in command.options:
        if not option.value:
            continue
        names = "|".join(option.names)
        if option.words:
            reply = f'COMPREPLY=($(compgen -W {_bash_words(option.words)} -- "$cur"))'
        elif option.file:
            reply = '_legcramps_files "$cur"'
        else:
            reply = ":"  # a value to type: nothing to offer
        lines.append(f"        {names}) {reply}; return;;")
    lines.append("        esac")
    flags = [name for option in command.options for name in option.names]
    compgen = f'COMPREPLY=($(compgen -W {_bash_words(flags)} -- "$cur"))'
    lines.append(f"        if [[ $cur == -* ]]; then {compgen}")
    if command.words:
        lines.append(
            f'        else COMPREPLY=($(compgen -W {_bash_words(command.words)} -- "$cur"))'
        )
    elif command.file:
        lines.append('        else _legcramps_files "$cur"')
    lines += ["        fi", "        return;;"]
    return lines


def bash(parser: Parser) -> str:
    """Return the bash completion script of *parser*'s program."""
    top, subcommands = commands(parser)
    flags = [name for option in top.options for name in option.names]
    lines = [
        "# bash completion for legcramps. Load it in this shell with",
        "#     source <(legcramps completion bash)",
        "# or, for every new shell, save it where bash-completion looks:",
        "#     legcramps completion bash > ~/.local/share/bash-completion/completions/legcramps",
        "_legcramps_files() {",
        "    local IFS=$'\\n'",
        '    COMPREPLY=($(compgen -f -- "$1"))',
        "    compopt -o filenames 2>/dev/null",
        "}",
        "_legcramps() {",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command= i",
        "    COMPREPLY=()",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        if [[ ${COMP_WORDS[i]} != -* ]]; then command=${COMP_WORDS[i]}; break; fi",
        "    done",
        "    case $command in",
        "    '')",
        f'        COMPREPLY=($(compgen -W {_bash_words([*flags, *top.words])} -- "$cur"))',
        "        return;;",
    ]
    for command in subcommands:
        lines += _bash_case(command)
    lines += ["    esac", "}", "complete -F _legcramps legcramps"]
    return "\n".join(lines) + "\n"


# --- zsh --------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    """Quote *text* for zsh, as one word in single quotes."""
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_description(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def _zsh_spec(option: Option) -> str:
    names = option.names
    description = f"[{_zsh_description(option.help)}]"
    if option.value:
        if option.words:
            description += f":value:({' '.join(option.words)})"
        elif option.file:
            description += ":file:_files"
        else:
            description += ":value: "
    star = "*" if option.repeat else ""
    if names in {("-h", "--help"), ("-V", "--version")}:
        return "'(- *)'{" + ",".join(names) + "}" + _zsh_quote(description)
    if len(names) == 1:
        return _zsh_quote(star + names[0] + description)
    return star + "{" + ",".join(names) + "}" + _zsh_quote(description)


def zsh(parser: Parser) -> str:
    """Return the zsh completion script of *parser*'s program."""
    top, subcommands = commands(parser)
    lines = [
        "#compdef legcramps",
        "# zsh completion for legcramps. Load it in this shell (after compinit) with",
        "#     source <(legcramps completion zsh)",
        "# or, for every new shell, save it as _legcramps in a folder of your $fpath:",
        "#     legcramps completion zsh > ~/.zfunc/_legcramps",
        "_legcramps() {",
        "    local curcontext=$curcontext state line",
        "    typeset -A opt_args",
        "    _arguments -C \\",
        *(f"        {_zsh_spec(option)} \\" for option in top.options),
        "        '1:command:->command' \\",
        "        '*::argument:->argument'",
        "    case $state in",
        "    command)",
        "        local -a commands=(",
        *(f"            {_zsh_quote(f'{c.name}:{c.help}')}" for c in subcommands),
        "        )",
        "        _describe -t commands 'legcramps command' commands;;",
        "    argument)",
        "        case $line[1] in",
    ]
    for command in subcommands:
        specs = [_zsh_spec(option) for option in command.options]
        if command.words:
            specs.append(_zsh_quote(f"1:argument:({' '.join(command.words)})"))
        elif command.file:
            specs.append("'1:file:_files'")
        lines.append(f"        {command.name})")
        lines.append("            _arguments \\")
        lines += [f"                {spec} \\" for spec in specs[:-1]]
        lines.append(f"                {specs[-1]};;")
    lines += [
        "        esac;;",
        "    esac",
        "}",
        "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then",
        '    _legcramps "$@"',
        "else",
        "    compdef _legcramps legcramps",
        "fi",
    ]
    return "\n".join(lines) + "\n"


# --- fish -------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(condition: str, option: Option) -> str:
    parts = ["complete -c legcramps", f"-n {_fish_quote(condition)}"]
    parts += [f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in option.names]
    if option.value:
        if option.words:
            parts.append(f"-x -a {_fish_quote(' '.join(option.words))}")
        elif option.file:
            parts.append("-r -F")
        else:
            parts.append("-x")
    parts.append(f"-d {_fish_quote(option.help)}")
    return " ".join(parts)


def fish(parser: Parser) -> str:
    """Return the fish completion script of *parser*'s program."""
    top, subcommands = commands(parser)
    lines = [
        "# fish completion for legcramps. Load it in this shell with",
        "#     legcramps completion fish | source",
        "# or, for every new shell, save it where fish looks:",
        "#     legcramps completion fish > ~/.config/fish/completions/legcramps.fish",
        "complete -c legcramps -e",
        "complete -c legcramps -f",
    ]
    lines += [_fish_option("__fish_use_subcommand", option) for option in top.options]
    lines += [
        f"complete -c legcramps -n __fish_use_subcommand -a {c.name} -d {_fish_quote(c.help)}"
        for c in subcommands
    ]
    for command in subcommands:
        condition = f"__fish_seen_subcommand_from {command.name}"
        lines += [_fish_option(condition, option) for option in command.options]
        if command.words:
            words = _fish_quote(" ".join(command.words))
            lines.append(f"complete -c legcramps -n {_fish_quote(condition)} -a {words}")
        elif command.file:
            lines.append(f"complete -c legcramps -n {_fish_quote(condition)} -F")
    return "\n".join(lines) + "\n"


_SCRIPTS: dict[str, Callable[[Parser], str]] = {"bash": bash, "zsh": zsh, "fish": fish}


def add_parser(subparsers: argparse._SubParsersAction[Any], program: Parser) -> None:
    """Add ``completion`` to *subparsers*; its scripts complete every command of *program*."""
    parser = subparsers.add_parser(
        "completion",
        help=_texts.CLI_COMPLETION_HELP,
        description=_texts.CLI_COMPLETION_DESCRIPTION,
        epilog=epilog(
            [
                (0, _texts.CLI_SCRIPT_PRINTED),
                (USAGE, _texts.CLI_NO_SUCH_SHELL),
                (IO_FAILED, _texts.CLI_OUTPUT_FAILED),
                (BROKEN_PIPE, _texts.CLI_READER_GONE),
            ],
            [
                "source <(legcramps completion bash)",
                "legcramps completion zsh > ~/.zfunc/_legcramps",
                "legcramps completion fish > ~/.config/fish/completions/legcramps.fish",
            ],
        ),
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help=_texts.CLI_SHELL_HELP)
    parser.set_defaults(func=lambda args: _print(program, args.shell))


def _print(program: Parser, shell: str) -> int:
    write(_SCRIPTS[shell](program))
    return 0
