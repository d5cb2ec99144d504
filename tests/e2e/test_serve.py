"""`alinea serve` in a real browser: headless Chromium, driven through its DevTools protocol.

The test starts the server on a free loopback port and Chromium itself, and stops both.
What the app draws reaches the page over a WebSocket as terminal output; a small script
added to the page keeps that output as text, so the test can wait for words on screen
instead of sleeping for a guessed time.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from store.demo import build_demo
from store.workspace import Workspace
from tui.cli.serve import APP_MAIN

pytestmark = pytest.mark.e2e

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
                None)
DEADLINE = 90.0  # seconds: a cold start of Chromium and of the app on a busy 2-core machine
#: Keeps what the app writes to the page (terminal output) as text, without escape sequences.
SPY = r"""
(() => {
  window.__screenText = "";
  const decoder = new TextDecoder();
  const Native = window.WebSocket;
  function Spied(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      const text = typeof event.data === "string" ? event.data : decoder.decode(event.data, {stream: true});
      window.__screenText += text.replace(/\x1b\[[0-9;?<>=]*[ -\/]*[@-~]/g, "").replace(/\x1b[^\[]/g, "");
    });
    return socket;
  }
  Spied.prototype = Native.prototype;
  Object.assign(Spied, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Spied;
})();
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"alinea serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)  # the server's own start-up, not the app's: nothing to await here
    raise AssertionError("alinea serve never listened")


def stop(process: subprocess.Popen[bytes]) -> None:
    """The process and everything it started (its own process group)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The sample quarter served on a free loopback port: (page url, workspace folder)."""
    folder = build_demo(tmp_path / "demo")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", APP_MAIN, "-w", str(folder), "serve", "--port", str(port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}/", folder
    finally:
        stop(server)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[str]:
    """Headless Chromium; yields its DevTools WebSocket address."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the browser test needs it")
    browser = subprocess.Popen(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
         f"--user-data-dir={tmp_path / 'chromium'}", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    found: list[str] = []
    ready = threading.Event()

    def read_stderr() -> None:
        assert browser.stderr is not None
        for line in iter(browser.stderr.readline, b""):
            match = re.search(rb"DevTools listening on (ws://\S+)", line)
            if match and not found:
                found.append(match.group(1).decode())
                ready.set()
        ready.set()

    threading.Thread(target=read_stderr, daemon=True).start()
    try:
        assert ready.wait(DEADLINE) and found, "Chromium did not start its DevTools endpoint"
        yield found[0]
    finally:
        stop(browser)


class Tab:
    """One page of the browser, through a DevTools session."""

    def __init__(self, devtools: Devtools, session: str) -> None:
        self.devtools = devtools
        self.session = session

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.devtools.send(method, session=self.session, **params)

    async def screen_text(self) -> str:
        answer = await self.send("Runtime.evaluate", expression="window.__screenText || ''", returnByValue=True)
        return str(answer["result"].get("value", ""))

    async def wait_for_text(self, *words: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            text = await self.screen_text()
            if all(word in text for word in words):
                return
            await asyncio.sleep(0.2)  # polling the page: its frames arrive over the network
        raise AssertionError(f"the page never showed {words}; it showed: {(await self.screen_text())[-800:]!r}")

    async def press(self, key: str, code: str, key_code: int) -> None:
        await self.send("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
        await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, text=key, unmodifiedText=key,
                        windowsVirtualKeyCode=key_code, nativeVirtualKeyCode=key_code)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code,
                        windowsVirtualKeyCode=key_code, nativeVirtualKeyCode=key_code)

    async def screenshot(self, path: Path) -> Path:
        answer = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(answer["data"]))
        return path


class Devtools:
    """A minimal Chrome DevTools Protocol client over aiohttp's WebSocket (flattened sessions)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = message.json()
            future = self.pending.pop(data.get("id", -1), None)
            if future is not None and not future.done():
                if "error" in data:
                    future.set_exception(AssertionError(f"DevTools: {data['error']}"))
                else:
                    future.set_result(data.get("result", {}))

    async def send(self, method: str, *, session: str | None = None, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[message_id] = future
        payload: dict[str, Any] = {"id": message_id, "method": method, "params": params}
        if session:
            payload["sessionId"] = session
        await self.ws.send_json(payload)
        return await asyncio.wait_for(future, DEADLINE)

    async def open_tab(self, url: str) -> Tab:
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        tab = Tab(self, attached["sessionId"])
        await tab.send("Page.enable")
        await tab.send("Page.addScriptToEvaluateOnNewDocument", source=SPY)
        await tab.send("Emulation.setDeviceMetricsOverride", width=1280, height=800, deviceScaleFactor=1,
                       mobile=False)
        await tab.send("Page.navigate", url=url)
        return tab


@pytest.fixture
async def devtools(chromium: str) -> AsyncIterator[Devtools]:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.ws_connect(chromium, max_msg_size=0) as ws:
        client = Devtools(ws)
        yield client
        client.reader.cancel()


def deleted_tasks(folder: Path) -> int:
    return sum(task.deleted for task in Workspace(folder).records("tasks", include_deleted=True))


async def test_the_board_in_a_browser_edits_the_file_and_a_second_tab_only_reads(
    served: tuple[str, Path], devtools: Devtools, tmp_path: Path
) -> None:
    url, folder = served
    before = deleted_tasks(folder)
    first = await devtools.open_tab(url)
    await first.wait_for_text("Objectives", "Board")
    await first.press("4", "Digit4", 52)
    await first.wait_for_text("To do", "Blocked", "Draft webinar 2 landing page")  # the columns and a card
    shot = await first.screenshot(tmp_path / "board.png")
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one

    await first.press("d", "KeyD", 68)  # delete the selected card: a tombstone written to alinea.json
    deadline = time.monotonic() + DEADLINE
    while deleted_tasks(folder) == before and time.monotonic() < deadline:
        await asyncio.sleep(0.2)  # the app saves in its own process; the file is what we can watch
    assert deleted_tasks(folder) == before + 1

    second = await devtools.open_tab(url)
    await second.wait_for_text("Read-only", "read-only because another alinea window")


def test_serving_beyond_this_computer_warns_that_anyone_can_edit(tmp_path: Path) -> None:
    folder = build_demo(tmp_path / "demo")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", APP_MAIN, "-w", str(folder), "serve", "--host", "0.0.0.0", "--port", str(port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for_port(port, server)
    finally:
        stop(server)
    assert server.stderr is not None
    warning = server.stderr.read().decode()
    assert f"serving on 0.0.0.0:{port}" in warning and "Anyone who can reach this port can open and edit" in warning


def test_the_default_listens_on_loopback_only(tmp_path: Path) -> None:
    from tui.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
