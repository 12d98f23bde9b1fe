"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``): no driver, no
websocket library and no browser download, only Debian's ``chromium``.

The browser reads NUL-terminated JSON commands on its file descriptor 3 and writes replies and events on 4. The
tests load a report, read facts from the DOM with ``Runtime.evaluate``, and look at every request and console
message the page caused; ``make screenshots`` uses the same class for the README pictures.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--no-default-browser-check", "--remote-debugging-pipe"]


def find_chromium() -> str | None:
    """The Chromium binary: ``$CHROMIUM``, else Debian's ``chromium`` (or another name on the PATH)."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (path := shutil.which(name)):
            return path
    return None


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One headless browser with one page. Use as a context manager; ``events`` holds every event received."""

    def __init__(self, binary: str, width: int = 1400, height: int = 1000, timeout: float = 60.0) -> None:
        self.binary, self.width, self.height, self.timeout = binary, width, height, timeout
        self.events: list[dict[str, Any]] = []
        self._replies: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._next = 0
        self._inbox: queue.Queue[dict[str, Any]] = queue.Queue()

    def __enter__(self) -> Chromium:
        self.profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:  # in the child, before exec: the protocol's descriptors 3 and 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={self.width},{self.height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, pass_fds=(3, 4), close_fds=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target_id = page["targetId"] if page else self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target_id, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.call("Browser.close")
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- the protocol ------------------------------------------------------------------------------------------
    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._replies[-1] = {"error": {"message": "the browser closed its pipe"}}
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self._cond:
                    if "id" in msg:
                        self._replies[msg["id"]] = msg
                    else:
                        self.events.append(msg)
                        if msg.get("method") == "Page.javascriptDialogOpening":
                            self._inbox.put(msg)
                    self._cond.notify_all()

    def _command(self, method: str, session: bool, params: dict[str, Any]) -> dict[str, Any]:
        with self._cond:
            self._next += 1
            cid = self._next
        msg: dict[str, Any] = {"id": cid, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while cid not in self._replies:
                if -1 in self._replies:
                    raise BrowserError(f"{method}: {self._replies[-1]['error']['message']}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"{method}: no answer in {self.timeout:.0f} s")
                self._cond.wait(left)
            reply = self._replies.pop(cid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """A browser-level command (``Target.*``, ``Browser.*``)."""
        return self._command(method, False, params)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self._command(method, True, params)

    # -- what the tests use ------------------------------------------------------------------------------------
    def _wait_event(self, method: str, since: int) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while True:
                for ev in self.events[since:]:
                    if ev.get("method") == method:
                        return ev
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no {method} in {self.timeout:.0f} s")
                self._cond.wait(left)

    def load(self, url: str) -> None:
        """Navigate and wait for the load event (a dialog a page opens is dismissed and recorded)."""
        since = len(self.events)
        result = self.send("Page.navigate", url=url)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self._wait_event("Page.loadEventFired", since)
        while not self._inbox.empty():
            self._inbox.get()
            self.send("Page.handleJavaScriptDialog", accept=False)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (DevTools evaluates it even where the page's own
        Content-Security-Policy forbids scripts)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:60]}…: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def requests(self) -> list[str]:
        return [ev["params"]["request"]["url"] for ev in self.events if ev.get("method") == "Network.requestWillBeSent"]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations among them)."""
        out = []
        for ev in self.events:
            method, params = ev.get("method"), ev.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                out.append(params.get("exceptionDetails", {}).get("text", "exception"))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                out.append(params["entry"].get("text", ""))
        return out

    def dialogs(self) -> list[str]:
        return [ev["params"].get("message", "") for ev in self.events
                if ev.get("method") == "Page.javascriptDialogOpening"]

    def screenshot(self, path: str | Path, full_page: bool = False, max_height: int = 6000) -> Path:
        """A PNG of the page: the window, or the whole page up to ``max_height`` pixels."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = min(max_height, int(self.evaluate("document.documentElement.scrollHeight")))
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1})
        data = base64.b64decode(self.send("Page.captureScreenshot", **params)["data"])
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def screenshot_clip(self, path: str | Path, y: int, height: int, x: int = 0, width: int | None = None) -> Path:
        """A PNG of a region of the page (page coordinates, so it may lie below the window)."""
        clip = {"x": x, "y": y, "width": width or self.width, "height": height, "scale": 1}
        data = base64.b64decode(self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                          clip=clip)["data"])
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path
