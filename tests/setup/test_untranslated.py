"""No words reach a person without gettext: a literal at a call site that shows text fails.

The catalog test (test_catalog.py) checks that every *marked* string has its Spanish words;
this one finds the strings nobody marked. It walks the syntax tree of store/, tui/ and
themes/ and looks at the places that put text in front of a person: notices, key bindings'
descriptions and tooltips, widgets' labels, ``.update(...)`` of a widget, the CLI's
``print``, error messages, argparse help, palette commands, titles and placeholders. A string
literal (or f-string, or ``"...".format()``) there that holds words is a finding; one inside
``_()``, ``N_()``, ``ngettext()`` or ``pgettext()`` is not. Symbols, keys, markup and
placeholders alone ("·", "—", "ctrl+s", "[b]{title}[/]") are not words.

    python -m tests.setup.test_untranslated     # every finding, one "path:line: 'text'" a line
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("store", "tui", "themes")

#: callee name -> the positional arguments that are shown ("*": all of them)
SHOWN_ARGS: dict[str, tuple[int, ...] | str] = {
    "notify": (0,),
    "Binding": (2,),  # key, action, description
    "Static": (0,),
    "Label": (0,),
    "Button": (0,),
    "RadioButton": (0,),
    "Checkbox": (0,),
    "Option": (0,),
    "Tab": (0,),
    "TabPane": (0,),
    "Markdown": (0,),
    "Content": (0,),
    "Text": (0,),
    "from_markup": (0,),  # Content.from_markup, Text.from_markup
    "assemble": "*",  # Content.assemble, Text.assemble: strings and (text, style) pairs
    "update": (0,),  # a widget's new content, its only argument (Workspace.update takes a table, an id, fields)
    "add_column": (0,),
    "add_columns": "*",
    "SystemCommand": (0, 1),  # the palette's title and help
    "ConfirmScreen": "*",  # question and detail
    "command": (2,),  # tui/cli's AddCommand: name, handler, help
}
#: keyword arguments that are shown, whatever the callee
SHOWN_KEYWORDS = frozenset({"title", "placeholder", "tooltip", "description", "help", "prompt", "label",
                            "yes", "no", "sub_title", "border_title", "border_subtitle"})
#: ``message=`` is shown by these (a notice, the line the app leaves on exit); a commit's is not
SHOWN_MESSAGES = frozenset({"notify", "exit"})
#: ``print`` shows its arguments only in the command line (elsewhere it is a debugging aid)
PRINT_PACKAGES = ("tui/cli/",)
#: a ``Select`` shows the first item of each (prompt, value) pair of its options
SELECTS = frozenset({"Select", "SelectionList", "set_options"})
TRANSLATED = frozenset({"_", "N_", "ngettext", "pgettext"})
#: errors that tell a programmer about a bug, never a person about their input or the files
PROGRAMMER_ERRORS = frozenset({"TypeError", "IndexError", "KeyError", "AttributeError", "AssertionError",
                               "NotImplementedError", "RuntimeError", "LookupError"})
#: attributes whose assignment shows a string (a widget's border, the app's header)
SHOWN_ATTRIBUTES = frozenset({"border_title", "border_subtitle", "sub_title"})
SHOWN_CLASS_ATTRIBUTES = frozenset({"BINDING_GROUP_TITLE", "SUB_TITLE"})

#: (path, text) -> why it is not translated. Keep it short: every entry is a reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("tui/cli/serve.py", "alinea · {}"): "the browser tab's title: the app's name and the workspace folder's",
    ("store/positions.py", "{} does not sort before {}"): "a bug's message: callers always pass keys in order",
}

LETTERS = re.compile(r"[^\W\d_]{2,}")
MARKUP = re.compile(r"\[/?[a-z$@#][^\[\]]*\]|\[/\]")  # [b], [/], [$accent], [@click=…]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
KEY = re.compile(r"\b(?:ctrl|shift|alt|meta|super)\+\S+", re.IGNORECASE)
KEY_NAMES = frozenset({"esc", "escape", "enter", "tab", "space", "pageup", "pagedown", "backspace"})
#: one token with no spaces that reads as code: snake_case, kebab-case, dotted, #id, $variable
IDENTIFIER = re.compile(r"^[#$@.]?[a-z0-9]+(?:[_.\-:/][a-z0-9]+)+$|^[#$@][\w\-]+$|^[a-z]+\d+$")


def has_words(text: str) -> bool:
    """Whether ``text`` holds words a person reads (not only symbols, keys, markup or code)."""
    bare = KEY.sub(" ", PLACEHOLDER.sub(" ", MARKUP.sub(" ", text))).strip()
    if not LETTERS.search(bare):
        return False
    if bare.lower() in KEY_NAMES or IDENTIFIER.match(bare):
        return False
    return not _looks_like_css(bare)


def _looks_like_css(text: str) -> bool:
    """TCSS rules or a style ("bold $accent", "color: $error;")."""
    return bool(re.search(r"[{};]\s*$|^\s*[\w\-]+\s*:\s*[$\w\-#]+\s*;", text)) or bool(
        re.fullmatch(r"(?:(?:bold|italic|underline|dim|reverse|not|on|strike)\s*|\$[\w\-]+\s*)+", text)
    )


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def literal_texts(node: ast.AST, constants: dict[str, ast.AST] | None = None) -> Iterator[tuple[int, str]]:
    """The untranslated literal text ``node`` shows: a string, an f-string (placeholders as
    {}), ``"...".format(...)``, ``"a" + b``, ``"a %s" % b``, ``x if c else "y"``, or a name
    the module (or one of its classes) sets to one of those (``EMPTY = "No tasks yet"``)."""
    constants = constants or {}
    if isinstance(node, ast.Name) and node.id in constants:
        yield from literal_texts(constants[node.id])
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, node.value
    elif isinstance(node, ast.JoinedStr):
        parts = [part.value if isinstance(part, ast.Constant) else "{}" for part in node.values]
        yield node.lineno, "".join(str(part) for part in parts)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        yield from literal_texts(node.left, constants)
        if isinstance(node.op, ast.Add):
            yield from literal_texts(node.right, constants)
    elif isinstance(node, ast.IfExp):
        yield from literal_texts(node.body, constants)
        yield from literal_texts(node.orelse, constants)
    elif isinstance(node, ast.BoolOp):  # counts or "none"
        for value in node.values:
            yield from literal_texts(value, constants)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        yield from literal_texts(node.func.value, constants)


def module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    """The strings the module and its classes name at their top level (``NO_MATCH = "…"``)."""
    bodies = [tree.body] + [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    found: dict[str, ast.AST] = {}
    for statement in (statement for body in bodies for statement in body):
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and isinstance(value, ast.Constant | ast.JoinedStr):
            found[target.id] = value
    return found


def exception_names(trees: list[ast.Module]) -> set[str]:
    """Every exception class: the builtins, and each class of ours that derives from one."""
    names = {name for name, value in vars(builtins).items()
             if isinstance(value, type) and issubclass(value, BaseException) and name not in PROGRAMMER_ERRORS}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for node in classes:
            bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in node.bases}
            if node.name not in names and bases & names:
                names.add(node.name)
                grown = True
    return names


def _shown_arguments(node: ast.Call, path: str, errors: set[str]) -> Iterator[ast.AST]:
    name = _callee(node)
    positions = SHOWN_ARGS.get(name, ())
    if name == "print" and path.startswith(PRINT_PACKAGES):
        positions = "*"
    if name in errors and isinstance(node.func, ast.Name | ast.Attribute):
        positions = (0,)
    if name == "update" and (not isinstance(node.func, ast.Attribute) or len(node.args) != 1):
        positions = ()
    for index, argument in enumerate(node.args):
        if positions == "*" or index in positions:
            pair = name == "assemble" and isinstance(argument, ast.Tuple) and argument.elts
            yield argument.elts[0] if pair else argument
    for keyword in node.keywords:
        if keyword.arg in SHOWN_KEYWORDS or (name in SHOWN_MESSAGES and keyword.arg == "message"):
            yield keyword.value
    if name in SELECTS and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
        for option in node.args[0].elts:
            if isinstance(option, ast.Tuple) and option.elts:
                yield option.elts[0]


def scan(source: str, path: str, errors: set[str]) -> Iterator[Finding]:
    tree = ast.parse(source, filename=path)
    constants = module_constants(tree)
    for node in ast.walk(tree):
        shown: list[ast.AST] = []
        if isinstance(node, ast.Call) and _callee(node) not in TRANSLATED:
            shown = list(_shown_arguments(node, path, errors))
        elif isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES for target in node.targets
        ):
            shown = [node.value]
        elif isinstance(node, ast.ClassDef):  # Textual shows a class's BINDING_GROUP_TITLE in the help
            shown = [statement.value for statement in node.body if isinstance(statement, ast.Assign)
                     and any(isinstance(target, ast.Name) and target.id in SHOWN_CLASS_ATTRIBUTES
                             for target in statement.targets)]
        for argument in shown:
            for line, text in literal_texts(argument, constants):
                if has_words(text) and (path, text) not in ALLOWED:
                    yield Finding(path, line, text)


def findings() -> list[Finding]:
    files = sorted(file for package in PACKAGES for file in (ROOT / package).rglob("*.py"))
    sources = {file.relative_to(ROOT).as_posix(): file.read_text(encoding="utf-8") for file in files}
    errors = exception_names([ast.parse(source) for source in sources.values()])
    found = {finding for path, source in sources.items() for finding in scan(source, path, errors)}
    return sorted(found, key=lambda finding: (finding.path, finding.line, finding.text))


# -- the guard's own rules, on small examples --------------------------------------------
def _scan(source: str, path: str = "tui/cli/example.py") -> list[str]:
    found = scan(source, path, exception_names([ast.parse(source)]) | {"InvalidInput"})
    return [finding.text for finding in sorted(found, key=lambda finding: (finding.line, finding.text))]


def test_words_are_told_from_symbols_keys_markup_and_code() -> None:
    for words in ("Saved", "{count} cards", "No tasks yet — press n", "delete", "Ventas", "esc closes"):
        assert has_words(words), words
    for not_words in ("·", " — ", "", " ", "{count}", "[b]{title}[/]", "ctrl+s", "escape", "board.move",
                      "welcome-go", "#board-status", "$accent", "bold $warning", "color: $error;", "x", "{}: {}",
                      "h1", "%H:%M", "{value:,.0f}"):
        assert not has_words(not_words), not_words


def test_it_flags_literals_where_text_is_shown_and_nothing_else() -> None:
    source = '''
from store.i18n import _, N_
BINDINGS = [Binding("n", "new_task", "New task", id="board.new"), Binding("d", "done", N_("Done"), id="x")]
def f(self, title, n):
    self.notify(f"Saved {title}")
    self.notify(_("Saved {title}").format(title=title))
    self.query_one(Static).update("Nothing here yet")
    self.query_one(Static).update(f"{n} · {title}")
    settings.update({"theme": "alinea-dark"})
    print("Created {folder}".format(folder=title))
    raise InvalidInput("no such table" if n else _("bad"))
    run_git(folder, "commit", "--message", "Load the sample quarter")
    commit_all(folder, message="Load the sample quarter")
    log.debug("reading the file again")
    yield Input(placeholder="Title", id="title-input", classes="field wide")
    self.border_title = "Agenda"
    yield Static(EMPTY if n else MARKED)
    yield Static(Content.assemble(("Owner  ", ".label"), title or "nobody", (" · ", "$accent")))
EMPTY = "No tasks yet — press n to add one"
MARKED = N_("No cards match")
class Pane:
    BINDING_GROUP_TITLE = "Board"
    CSS = "Pane { height: 1fr; }"
'''
    assert _scan(source) == ["New task", "Saved {}", "Nothing here yet", "Created {folder}", "no such table",
                             "Title", "Agenda", "Owner  ", "nobody", "No tasks yet — press n to add one", "Board"]


def test_print_counts_only_in_the_command_line() -> None:
    assert _scan('print("hello there")', "tui/app.py") == []
    assert _scan('print("hello there")', "tui/cli/start.py") == ["hello there"]


def test_every_string_a_person_reads_goes_through_gettext() -> None:
    found = findings()
    assert not found, f"{len(found)} strings are shown without _() (first 40):\n" + "\n".join(
        str(finding) for finding in found[:40]
    )


if __name__ == "__main__":
    for finding in findings():
        print(finding)
