"""A DISPLAY where no X server answers: the window says so in Chinese and exits 2 (Qt would abort in English);
--screenshot and the PDF export still work, offscreen. Displays that answer (a local socket, TCP) are let
through; one that answers but refuses the window is said in Chinese too."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qWarning

from gkdesk.ui import display
from gkdesk.ui.display import X11_SOCKETS, X_TCP_PORT, parse_display, platform_failure_in_chinese, unreachable_display
from tests.conftest import ROOT, SAMPLE_GKR

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are Linux's")


def _answers(number: int) -> bool:
    """Whether anything listens for display `number` (its socket file, the abstract socket, TCP)."""
    if os.path.exists(f"{X11_SOCKETS}/X{number}"):
        return True
    places = ((socket.AF_UNIX, f"\0{X11_SOCKETS}/X{number}"), (socket.AF_INET, ("127.0.0.1", X_TCP_PORT + number)))
    for family, address in places:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
                return True
            except OSError:
                pass
    return False


def _unused_display() -> int:
    return next(number for number in range(90, 400) if not _answers(number))


def _environment(tmp_path: Path, display_name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    return env | {"DISPLAY": display_name, "GKDESK_RECOVERY_DIR": str(tmp_path / "recovery"),
                  "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}


def _main(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], env=env, capture_output=True, text=True, timeout=120,
        encoding="utf-8",
    )


def test_an_unreachable_display_is_said_in_chinese_and_exits_2(tmp_path: Path) -> None:
    name = f":{_unused_display()}"
    _assert_said_in_chinese(_main(_environment(tmp_path, name), str(SAMPLE_GKR)), f"无法连接显示器 DISPLAY={name}")


def _assert_said_in_chinese(result: subprocess.CompletedProcess[str], said: str) -> None:
    """Exit 2 with `said` and the ways out, and none of Qt's English."""
    assert result.returncode == 2, result.stderr
    assert said in result.stderr
    assert "xvfb-run -a" in result.stderr and "--screenshot" in result.stderr
    assert "qt." not in result.stderr.lower() and "Aborted" not in result.stderr
    assert "could not connect" not in result.stderr and "platform plugin" not in result.stderr


def test_screenshots_are_still_taken_offscreen(tmp_path: Path) -> None:
    env = _environment(tmp_path, f":{_unused_display()}.0")
    result = _main(env, str(SAMPLE_GKR), "--screenshot", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "s").glob("*.png"))) == 7
    assert result.stderr == ""


def test_the_pdf_export_renders_offscreen(tmp_path: Path) -> None:
    pdf = tmp_path / "报告.pdf"
    result = _main(_environment(tmp_path, f":{_unused_display()}"), "export", str(SAMPLE_GKR), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.fixture
def abstract_x_socket() -> Iterator[int]:
    """An X-like listener for an unused display number in the abstract namespace (no file is created)."""
    number = _unused_display()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0{X11_SOCKETS}/X{number}")
        server.listen(1)
        yield number


@pytest.fixture
def tcp_x_server() -> Iterator[int]:
    """An X-like TCP listener on localhost; yields its display number (port - 6000)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        assert port > X_TCP_PORT
        yield port - X_TCP_PORT


def _env(display_name: str, **more: str) -> dict[str, str]:
    return {"DISPLAY": display_name, **more}


def test_a_display_that_answers_is_let_through(abstract_x_socket: int, tcp_x_server: int) -> None:
    assert unreachable_display(_env(f":{abstract_x_socket}")) is None
    assert unreachable_display(_env(f"unix:{abstract_x_socket}.0")) is None
    assert unreachable_display(_env(f"localhost:{tcp_x_server}.0")) is None
    assert unreachable_display(_env(f"127.0.0.1:{tcp_x_server}")) is None


def test_a_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    number = _unused_display()
    for name in (f":{number}", f":{number}.0", f"unix:{number}", f"localhost:{number}", f"tcp/localhost:{number}"):
        assert unreachable_display(_env(name)) == name
    assert unreachable_display(_env(f"nosuchhost.invalid:{number}")) == f"nosuchhost.invalid:{number}"


def test_nothing_is_refused_when_qt_goes_elsewhere() -> None:
    name = f":{_unused_display()}"
    assert unreachable_display(_env(name, QT_QPA_PLATFORM="offscreen")) is None
    assert unreachable_display(_env(name, WAYLAND_DISPLAY="wayland-0")) is None
    assert unreachable_display(_env(name, XDG_SESSION_TYPE="wayland")) is None
    assert unreachable_display(_env(name, QT_QPA_PLATFORM="xcb")) == name
    assert unreachable_display({}) is None  # no DISPLAY at all: app.no_display() says so


def test_a_local_socket_file_is_taken_without_connecting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "X0"))
        monkeypatch.setattr(display, "X11_SOCKETS", str(tmp_path))
        monkeypatch.setattr(display, "_connects", lambda *_: pytest.fail("connected although the socket file is there"))
        assert unreachable_display(_env(":0")) is None


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        (":0", ("", "", 0)),
        (":12.1", ("", "", 12)),
        ("unix:3", ("", "unix", 3)),
        ("localhost:10.0", ("", "localhost", 10)),
        ("tcp/example.org:2", ("tcp", "example.org", 2)),
        ("::1:0", ("", "::1", 0)),
        ("[::1]:5", ("", "::1", 5)),
    ],
)
def test_display_names_are_read_as_x_clients_read_them(text: str, parsed: tuple[str, str, int]) -> None:
    display_ = parse_display(text)
    assert display_ is not None and (display_.protocol, display_.host, display_.number) == parsed


@pytest.mark.parametrize("text", ["", "0", ":x", ":1.x", "host::0", "/private/tmp/launchd/org.xquartz:0", "decnet/h:0"])
def test_names_not_understood_are_left_to_qt(text: str) -> None:
    assert parse_display(text) is None
    assert unreachable_display(_env(text)) is None


@pytest.fixture
def refusing_x_server() -> Iterator[int]:
    """A display whose socket answers but closes every connection at once, as a server that refuses the client
    (or a socket left by a server that died) looks to Qt: the look-ahead lets it through, Qt's start fails."""
    number = _unused_display()
    stop = threading.Event()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0{X11_SOCKETS}/X{number}")
        server.listen(5)
        server.settimeout(0.1)

        def refuse() -> None:
            while not stop.is_set():
                with contextlib.suppress(OSError):  # the timeout: look at `stop` again
                    server.accept()[0].close()

        thread = threading.Thread(target=refuse)
        thread.start()
        try:
            yield number
        finally:
            stop.set()
            thread.join()


def test_a_display_that_refuses_the_window_is_said_in_chinese(tmp_path: Path, refusing_x_server: int) -> None:
    name = f":{refusing_x_server}"
    assert unreachable_display(_env(name)) is None  # answers: Qt is let try
    result = _main(_environment(tmp_path, name), str(SAMPLE_GKR))
    _assert_said_in_chinese(result, f"图形界面无法在显示器 DISPLAY={name} 上启动")


def test_qt_messages_while_starting_still_reach_the_handler_installed(qtlog: Any) -> None:
    with platform_failure_in_chinese():
        qWarning("启动时的一条提示")
    assert "启动时的一条提示" in [record.message for record in qtlog.records]
