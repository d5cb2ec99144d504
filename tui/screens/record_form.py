"""RecordForm: a modal form generated from a table's pydantic model.

One input per field (see form_fields.py for which). tab / shift+tab move; ctrl+s saves from
anywhere, and so does enter in a one-line input (in a select enter opens it, in a text area it
starts a new line); escape cancels, asking first when something was changed. The form saves
through the write queue itself (tui/writes.py), shows refused values under their fields, and dismisses with the saved
record (None on cancel). ``open_form`` is how panes and screens open one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from store.dates import local_format, parse_date, parse_datetime
from store.i18n import N_, _
from store.models import MODELS, Record
from store.text import printable
from tui.screens.form_fields import (
    FieldSpec,
    first_field,
    form_fields,
    format_date_hint,
    format_datetime_hint,
)
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.text_input import TextInput, suggest_from
from tui.writes import Host, Refused, Saved, host_of

ADD_MEMBER = "__add_member__"
FORM_KEYS = N_("ctrl+s saves (or enter in a one-line field) · esc cancels")
#: each table's form heading: whole phrases, as a noun's gender changes the words around it in Spanish
NEW_TITLES = {
    "members": N_("New member"), "objectives": N_("New objective"), "metrics": N_("New metric"),
    "measurements": N_("New measurement"), "meetings": N_("New meeting"), "agenda_items": N_("New agenda item"),
    "feedback": N_("New feedback entry"), "tasks": N_("New task"), "conflicts": N_("New conflict"),
}
EDIT_TITLES = {
    "members": N_("Edit member: {label}"), "objectives": N_("Edit objective: {label}"),
    "metrics": N_("Edit metric: {label}"), "measurements": N_("Edit measurement: {label}"),
    "meetings": N_("Edit meeting: {label}"), "agenda_items": N_("Edit agenda item: {label}"),
    "feedback": N_("Edit feedback entry: {label}"), "tasks": N_("Edit task: {label}"),
    "conflicts": N_("Edit conflict: {label}"),
}
MAX_CHOICES = 500


class RecordForm(ModalScreen[Record | None]):
    """Create or edit one record of ``table``."""

    CSS_PATH = "record_form.tcss"
    BINDING_GROUP_TITLE = N_("Form")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save_record", N_("Save"), id="form.save", priority=True,
                tooltip=N_("Save and close the form")),
        Binding("escape", "cancel_form", N_("Cancel"), id="form.cancel",
                tooltip=N_("Close the form without saving (asks first if you changed something)")),
    ]

    def __init__(self, table: str, record: Record | None = None, defaults: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.table = table
        self.record = record
        self.defaults = dict(defaults or {})
        self.model = MODELS[table]
        self.specs = form_fields(self.model)
        self._saving = False
        self._previous: dict[str, Any] = {}
        self._opened_with: dict[str, Any] = {}  # what each field showed when the form opened

    @property
    def host(self) -> Host:
        return host_of(self)

    # -- building ---------------------------------------------------------------------
    def initial(self, name: str) -> Any:
        if self.record is not None:
            return getattr(self.record, name)
        if name in self.defaults:
            return self.defaults[name]
        info = self.model.model_fields[name]
        return None if info.is_required() else info.get_default(call_default_factory=True)

    def compose(self) -> ComposeResult:
        noun = self.model.VOCAB.noun
        if self.record is not None:
            edit = EDIT_TITLES.get(self.table)
            heading = (_(edit) if edit else _("Edit {noun}: {label}")).format(noun=_(noun), label=self.record.label)
        else:
            new = NEW_TITLES.get(self.table)
            heading = _(new) if new else _("New {noun}").format(noun=_(noun))
        with Vertical(id="form"):
            yield Static(printable(heading), id="form-title", markup=False)
            with VerticalScroll(id="form-fields"):
                for spec in self.specs:
                    with Vertical(classes="form-field", id=f"box-{spec.name}"):
                        with Horizontal(classes="field-row"):
                            yield Label(_(spec.label) + ("" if spec.optional else " *"), classes="field-label")
                            yield self._input_for(spec)
                        if spec.kind in ("date", "datetime"):
                            yield Static("", id=f"hint-{spec.name}", classes="field-hint", markup=False)
                        yield Static("", id=f"error-{spec.name}", classes="field-error", markup=False)
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), variant="primary", id="form-save", compact=True)
                yield Button(_("Cancel"), id="form-cancel", compact=True)
            yield Static(_(FORM_KEYS), id="form-help", markup=False)
        yield SteadyFooter(translate=_)  # this screen's keys, over the main screen's footer

    def _input_for(self, spec: FieldSpec) -> Widget:
        value = self.initial(spec.name)
        widget_id = f"field-{spec.name}"
        if spec.kind == "markdown":
            area = TextArea(str(value or ""), id=widget_id, soft_wrap=True, tab_behavior="focus", compact=True)
            area.add_class("field-markdown")
            return area
        if spec.kind == "date":
            text = value.isoformat() if isinstance(value, date) else str(value or "")
            return TextInput(text, id=widget_id, placeholder=_(self.model.VOCAB.hint(spec.name)), compact=True)
        if spec.kind == "datetime":
            text = _local(value).strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else str(value or "")
            return TextInput(text, id=widget_id, placeholder=_(self.model.VOCAB.hint(spec.name)), compact=True)
        if spec.kind == "enum":
            options = [(_(self.model.VOCAB.choice(choice)), choice) for choice in spec.choices]  # the Board's words
            current = str(getattr(value, "value", value)) if value is not None else Select.NULL
            return Select(options, value=current, allow_blank=spec.nullable, id=widget_id, compact=True)
        if spec.kind in ("ref", "subject"):
            options = self._ref_options(spec, value)
            return Select(options, value=value or Select.NULL, allow_blank=spec.nullable, id=widget_id,
                          prompt=_("(none)") if spec.nullable else _("Select…"), compact=True)
        if spec.kind == "refs":
            chosen = set(value or ())
            options = self._choices(spec.target, chosen)
            choices = [(label, record_id, record_id in chosen) for label, record_id in options]
            return SelectionList[str](*choices, id=widget_id, classes="field-set", compact=True)
        if spec.kind == "names":
            hint = _(self.model.VOCAB.hint(spec.name))
            return TextInput(", ".join(sorted(value or ())), id=widget_id, placeholder=hint, compact=True)
        if spec.kind == "bool":
            return Checkbox(_(spec.label), bool(value), id=widget_id)
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
        kind: Literal["integer", "number", "text"] = (
            "integer" if spec.kind == "integer" else "number" if spec.kind == "number" else "text"
        )
        suggester = suggest_from(self.host.workspace.departments()) if spec.name == "department" else None
        return TextInput(text, id=widget_id, type=kind, compact=True, suggester=suggester)

    def _choices(self, table: str | None, keep: set[str]) -> list[tuple[str, str]]:
        """(label, id) of live records of ``table``, plus removed ones this record still names."""
        if not table:
            return []
        workspace = self.host.workspace
        records = [r for r in workspace.records(table, include_deleted=True) if not r.deleted or r.id in keep]
        if table == "meetings":
            records.sort(key=lambda m: m.starts_at, reverse=True)
        elif table == "members":
            records.sort(key=lambda m: (m.department.lower(), m.name.lower()))
        else:
            records.sort(key=lambda r: r.created_at, reverse=True)
        chosen = [r for r in records if r.id in keep]
        records = chosen + [r for r in records if r.id not in keep][: MAX_CHOICES - len(chosen)]
        return [(self._label(table, r), r.id) for r in records]

    @staticmethod
    def _label(table: str, record: Any) -> str:
        label = record.label
        if table == "members" and record.department:
            label = f"{label} ({record.department})"
        elif table == "meetings":
            label = f"{local_format(_local(record.starts_at), '%d %b %Y')} {label}"
        return _("{label} (removed)").format(label=label) if record.deleted else label

    def _ref_options(self, spec: FieldSpec, value: Any) -> list[tuple[str, str]]:
        keep = {value} if value else set()
        if spec.kind == "subject":
            table = self.initial("subject_table")
            table = str(getattr(table, "value", table)) if table else None
            return self._choices(table, keep)
        options = self._choices(spec.target, keep)
        if spec.target == "members":
            options.append((_("add a member…"), ADD_MEMBER))
        return options

    def on_mount(self) -> None:
        for spec in self.specs:
            if spec.kind in ("date", "datetime"):
                self._show_hint(spec, self.query_one(f"#field-{spec.name}", Input).value)
            if spec.kind in ("ref", "enum", "subject"):
                self._previous[spec.name] = self.query_one(f"#field-{spec.name}", Select).value
        name = first_field(self.specs)
        if name:
            self.query_one(f"#field-{name}").focus()
        self.call_after_refresh(self._remember_opened)

    def _remember_opened(self) -> None:
        self._opened_with = self._shown_values()

    def _shown_values(self) -> dict[str, Any]:
        """What each field shows now, as typed (compared to tell whether anything changed)."""
        shown: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                shown[spec.name] = widget.text
            elif isinstance(widget, SelectionList):
                shown[spec.name] = sorted(widget.selected)
            elif isinstance(widget, (Input, Select, Checkbox)):
                shown[spec.name] = widget.value
        return shown

    @property
    def changed(self) -> bool:
        """The person changed a field since the form opened."""
        return self._shown_values() != self._opened_with

    # -- live feedback ------------------------------------------------------------------
    def _spec(self, widget: Widget) -> FieldSpec | None:
        name = (widget.id or "").removeprefix("field-")
        return next((spec for spec in self.specs if spec.name == name), None)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        spec = self._spec(event.input)
        if spec is not None:
            self._set_error(spec.name, "")
            if spec.kind in ("date", "datetime"):
                self._show_hint(spec, event.value)

    def _show_hint(self, spec: FieldSpec, text: str) -> None:
        hint = self.query_one(f"#hint-{spec.name}", Static)
        try:
            if spec.kind == "date":
                words = format_date_hint(parse_date(text, self.host.today()))
            else:
                words = format_datetime_hint(parse_datetime(text, self.host.today()))
        except ValueError:
            words = ""
        hint.update(words)
        hint.set_class(bool(words), "-shown")

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        spec = self._spec(event.select)
        if spec is None:
            return
        if spec.name in self._previous and event.value == self._previous[spec.name]:
            return  # a select says its first value as the form opens: nothing changed
        self._set_error(spec.name, "")
        if event.value == ADD_MEMBER:
            self._add_member(event.select, spec)
            return
        self._previous[spec.name] = event.value
        if spec.name == "subject_table" and "subject_id" in self._names:
            subject = self.query_one("#field-subject_id", Select)
            table = None if event.value is Select.NULL else str(event.value)
            subject.set_options(self._choices(table, set()))

    @property
    def _names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def _add_member(self, select: Select[Any], spec: FieldSpec) -> None:
        previous = self._previous.get(spec.name, Select.NULL)

        def added(member: Record | None) -> None:
            keep = {member.id} if member is not None else set()
            current = previous if member is None else member.id
            if current not in (None, Select.NULL):
                keep.add(str(current))
            options = self._choices("members", keep) + [(_("add a member…"), ADD_MEMBER)]
            select.set_options(options)
            select.value = current if current not in (None,) else Select.NULL
            self._previous[spec.name] = select.value
            select.focus()

        self.app.push_screen(RecordForm("members"), added)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        """enter in a one-line input saves, like ctrl+s (a select opens, a text area starts a line)."""
        event.stop()
        if self._spec(event.input) is not None:
            self.action_save_record()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save_record()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel_form()

    # -- errors ---------------------------------------------------------------------------
    def _set_error(self, name: str, message: str) -> None:
        matches = self.query(f"#error-{name}")
        target = matches.first(Static) if matches else self.query_one("#form-error", Static)
        target.update(message)
        target.set_class(bool(message), "-shown")
        box = self.query(f"#box-{name}")
        if box:
            box.first().set_class(bool(message), "-invalid")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field and focus the first refused field."""
        for spec in self.specs:
            self._set_error(spec.name, errors.get(spec.name, ""))
        vocabulary = self.model.VOCAB
        general = [f"{_(vocabulary.label(name))}: {text}" if name != "record" else text for name, text in errors.items()
                   if name not in self._names]
        self._set_error("form", "; ".join(general))
        for spec in self.specs:
            if spec.name in errors:
                widget = self.query_one(f"#field-{spec.name}")
                widget.focus()
                self.query_one(f"#box-{spec.name}").scroll_visible()
                break

    # -- reading the values ---------------------------------------------------------------
    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values and, per field, what could not be read."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        today = self.host.today()
        for spec in self.specs:
            widget = self.query_one(f"#field-{spec.name}")
            try:
                value = self._value_of(spec, widget, today)
            except ValueError as error:
                errors[spec.name] = str(error)
                continue
            if value is _OMIT:
                continue
            values[spec.name] = value
        if "subject_id" in values and "subject_id" not in errors and (values.get("subject_table") is None) != (
            values["subject_id"] is None
        ):
            labels = self.model.VOCAB
            kind_label = _(labels.label("subject_table"))
            errors["subject_id"] = (
                _("pick the record it is about, or set {field} to none").format(field=kind_label)
                if values["subject_id"] is None
                else _("set {field} too").format(field=kind_label)
            )
        return values, errors

    def _value_of(self, spec: FieldSpec, widget: Widget, today: date) -> Any:
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, SelectionList):
            return sorted(widget.selected)
        if isinstance(widget, Checkbox):
            return widget.value
        if isinstance(widget, Select):
            value = widget.value
            return None if value in (Select.NULL, ADD_MEMBER) else value
        assert isinstance(widget, Input)
        text = widget.value
        if spec.kind == "date":
            return parse_date(text, today)
        if spec.kind == "datetime":
            moment = parse_datetime(text, today)
            if moment is None and not spec.optional:
                raise ValueError(_("a date and time is needed, e.g. 2026-12-01 10:00 or fri 14:30"))
            return moment
        if spec.kind == "names":
            return sorted({part.strip() for part in text.split(",") if part.strip()})
        if spec.kind in ("integer", "number") and not text.strip():
            if spec.optional:
                return _OMIT if self.record is None else self.model.model_fields[spec.name].get_default()
            raise ValueError(_("a number is needed here"))
        return text

    # -- saving ----------------------------------------------------------------------------
    def action_save_record(self) -> None:
        if self._saving:
            return
        values, errors = self.values()
        if errors:
            self.show_errors(errors)
            return
        self.show_errors({})
        self._saving = True
        table, record = self.table, self.record
        if record is None:
            hidden = {k: v for k, v in self.defaults.items() if k in self.model.data_fields() and k not in values}
            fields = {**hidden, **values}
            self.host.write(self, lambda ws: ws.create(table, **fields), purpose="save")
        else:
            # Only what the person changed: a teammate's edit pulled while the form was open
            # must not be overwritten by the values the form was opened with.
            record_id, changed = record.id, _changed_fields(record, values)
            self.host.write(self, lambda ws: ws.update(table, record_id, **changed), purpose="save")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        self._saving = False
        self.dismiss(event.result)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        from store.workspace import FieldErrors

        event.stop()  # said in the form, where the person is looking
        self._saving = False
        error = event.error
        if isinstance(error, FieldErrors):
            self.show_errors(error.errors)
            return
        message = str(error)
        self._set_error("form", message[:1].upper() + message[1:])

    def action_cancel_form(self) -> None:
        """Close without saving; with changes, ask first ("Discard changes?": enter keeps editing)."""
        if not self.changed:
            self.dismiss(None)
            return
        from tui.screens.discard import DiscardChanges

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardChanges(), answered)


def _changed_fields(record: Record, values: dict[str, Any]) -> dict[str, Any]:
    """The form's values that differ from the record as the form showed it."""
    changed = {}
    for name, value in values.items():
        current = getattr(record, name)
        same = current == frozenset(value or ()) if isinstance(current, frozenset) else current == value
        if not same:
            changed[name] = value
    return changed


class _Omit:
    """A field left empty that the model fills with its default."""


_OMIT = _Omit()


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo else moment


def open_form(
    node: DOMNode, table: str, *, record: Record | None = None, defaults: dict[str, Any] | None = None,
    then: Callable[[Any], None] | None = None,
) -> None:
    """Open the form for a new ``table`` record (or to edit ``record``) over ``node``'s screen.

    A read-only workspace says why instead of opening a form that could not be saved.
    """
    from tui.readonly import read_only_words

    workspace = host_of(node).workspace
    if workspace.read_only:
        node.app.notify(read_only_words(workspace), title=_("Read-only"), severity="warning")
        return
    node.app.push_screen(RecordForm(table, record=record, defaults=defaults), callback=then)
