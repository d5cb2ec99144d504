"""The footer shows the focused place's keys, and is rebuilt only when those keys change."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tui.app import AlineaApp


def footer_keys(app: AlineaApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def descriptions(app: AlineaApp) -> list[str]:
    return [key.description for key in footer_keys(app)]


async def test_the_footer_follows_the_pane_and_stays_put_between_board_columns(workspace: Workspace) -> None:
    workspace.create("tasks", title="One card")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert {"New", "Move ←", "Filter", "Sync", "Help"} <= set(descriptions(app))
        shown = footer_keys(app)
        await press(app, pilot, "l", "l", "h")
        assert footer_keys(app) == shown, "the same keys: the footer is not rebuilt"
        await press(app, pilot, "1")
        assert "Add metric" in descriptions(app) and "Move ←" not in descriptions(app)
        await press(app, pilot, "4")
        assert "Move ←" in descriptions(app)


def test_textual_footer_still_has_what_the_steady_footer_relies_on() -> None:
    """SteadyFooter copies what Footer.compose reads and checks its private ``_bindings_ready``:
    a Textual upgrade that changes either must fail here, not quietly show stale keys."""
    import inspect

    from textual.widgets import Footer

    assert isinstance(Footer()._bindings_ready, bool)
    compose = inspect.getsource(Footer.compose)
    for relied_on in ("_bindings_ready", "active_bindings", "binding.show", "binding.action", "binding.description",
                      "show_command_palette", "COMMAND_PALETTE_BINDING", "tooltip"):
        assert relied_on in compose, f"Footer.compose no longer reads {relied_on}: review SteadyFooter"
    assert "bindings_changed" in dict(inspect.getmembers(Footer))


def visible_keys(app: AlineaApp) -> list[str]:
    """The keys a person can read in the footer: shown and inside the window."""
    width = app.size.width
    return [key.key_display for key in footer_keys(app)
            if key.display and key.region.width and key.region.right <= width]


async def test_at_80_columns_the_footer_drops_minor_keys_and_keeps_help_and_quit(tmp_path) -> None:
    from tests.tui.app_harness import demo_app

    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = visible_keys(app)
        assert {"?", "q", "n", "e", "u"} <= set(shown), shown
        assert "s" not in shown, "sync, a global extra, goes first"
        keys = [key for key in footer_keys(app) if key.display]
        assert max(key.region.right for key in keys) <= 80
        await press(app, pilot, "n")
        assert {"^s", "esc"} <= set(visible_keys(app))
        await press(app, pilot, "escape")
    wide = demo_app(tmp_path / "wide")
    async with wide.run_test(size=(120, 40)) as pilot:
        await settle(wide, pilot)
        assert {"s", "u", "?", "q", "m", "/"} <= set(visible_keys(wide)), "at 120 columns every key shows"
