"""Whether a window can open on the display, said in Chinese when it cannot (Qt would abort in English).

`unreachable_display()` looks before Qt tries whether the X server named by DISPLAY answers. It runs at every
start, so it stays cheap: a local display whose socket file is there costs one stat; a connection is tried
only when that file is missing (an abstract socket, then TCP) or the display is remote.

`platform_failure_in_chinese()` covers what that cannot see (a server that died leaving its socket file, one
that refuses the connection, missing system libraries): while QApplication is made, Qt's fatal message that no
platform plugin could start is replaced by a Chinese one and the process exits 2.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

X11_SOCKETS = "/tmp/.X11-unix"
X_TCP_PORT = 6000
CONNECT_TIMEOUT_S = 1.0
PROTOCOLS = ("", "unix", "tcp", "inet", "inet6")


class XDisplay:
    """[protocol/][host]:number[.screen], as X clients read DISPLAY. (No dataclass and no regular expression:
    importing this module is part of every start.)"""

    __slots__ = ("host", "number", "protocol")

    def __init__(self, protocol: str, host: str, number: int) -> None:
        self.protocol = protocol  # "" when DISPLAY names none
        self.host = host  # "" or "unix" for this machine's sockets
        self.number = number

    @property
    def local(self) -> bool:  # this machine's sockets
        return self.protocol in ("", "unix") and self.host in ("", "unix")


def _whole_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 5


def parse_display(text: str) -> XDisplay | None:
    """DISPLAY as an XDisplay; None for anything this module does not understand (then nothing is refused)."""
    protocol, slash, rest = text.strip().rpartition("/")
    if (slash and not protocol) or protocol not in PROTOCOLS:  # a path (XQuartz) or an unknown protocol
        return None
    host, colon, place = rest.rpartition(":")  # an IPv6 host keeps its colons: "::1:0"
    number, dot, screen = place.partition(".")
    if not colon or host.endswith(":") or not _whole_number(number) or (dot and not _whole_number(screen)):
        return None  # "host::0" is DECnet
    return XDisplay(protocol, host.strip("[]"), int(number))


def _connects(family: int, address: str | tuple[Any, ...]) -> bool:
    """Whether a stream socket of `family` connects to `address` (closed at once)."""
    import _socket  # the C module only: `socket` would cost milliseconds at every start

    try:
        connection = _socket.socket(family, _socket.SOCK_STREAM)
    except OSError:
        return False
    try:
        connection.settimeout(CONNECT_TIMEOUT_S)
        connection.connect(address)
    except OSError:
        return False
    finally:
        connection.close()
    return True


def _tcp_connects(host: str, port: int) -> bool:
    import _socket

    try:
        addresses = _socket.getaddrinfo(host or "localhost", port, 0, _socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return any(_connects(family, address) for family, _kind, _proto, _name, address in addresses)


def reachable(display: XDisplay) -> bool:
    """Whether an X server listens for `display`, looked for where libxcb looks (a socket file that exists is
    taken to be listened on)."""
    if display.local:
        path = f"{X11_SOCKETS}/X{display.number}"
        try:
            if stat.S_ISSOCK(os.stat(path).st_mode):
                return True
        except OSError:
            pass
        import _socket

        if sys.platform.startswith("linux") and _connects(_socket.AF_UNIX, "\0" + path):  # abstract namespace
            return True
        if display.protocol == "unix" or display.host == "unix":
            return False
    return _tcp_connects(display.host, X_TCP_PORT + display.number)  # as libxcb, an empty host falls back to TCP


def unreachable_display(environ: Mapping[str, str] = os.environ) -> str | None:
    """DISPLAY, when on Linux a window would go to an X server that does not answer (no Qt platform or Wayland
    session chosen instead); None when it answers, or when this cannot be told."""
    if not sys.platform.startswith("linux") or (environ.get("QT_QPA_PLATFORM") or "xcb") != "xcb":
        return None
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return None
    text = environ.get("DISPLAY", "")
    display = parse_display(text) if text else None
    if display is None or reachable(display):
        return None
    return text


def unreachable_message(display: str) -> str:
    """What is wrong and what to do, in Chinese."""
    return (
        f"无法打开窗口：无法连接显示器 DISPLAY={display}（该显示器上没有正在运行的 X 服务器）。"
        "请检查 DISPLAY 设置；也可用 xvfb-run -a python main.py [文件] 在虚拟屏幕中运行，"
        "或用 --screenshot 目录 把各页保存为截图。"
    )


def platform_failure_message(environ: Mapping[str, str] = os.environ) -> str:
    """What to say when Qt could start no platform plugin, in Chinese."""
    display = environ.get("DISPLAY")
    where = f"在显示器 DISPLAY={display} 上" if display else ""
    return (
        f"无法打开窗口：图形界面无法{where}启动（显示服务器拒绝连接或已停止运行，或缺少所需的系统库；"
        "设置环境变量 QT_DEBUG_PLUGINS=1 再运行可看到详细原因）。"
        "也可用 xvfb-run -a python main.py [文件] 在虚拟屏幕中运行，或用 --screenshot 目录 把各页保存为截图。"
    )


@contextmanager
def platform_failure_in_chinese() -> Iterator[None]:
    """While QApplication is made: a fatal Qt message (no platform plugin could start; Qt would abort) is
    replaced by platform_failure_message and exit code 2. Qt's other messages meanwhile go where they went
    before (to the handler installed, else to stderr once the application stands, as Qt prints them)."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            print(platform_failure_message(), file=sys.stderr, flush=True)
            os._exit(2)  # nothing is open yet; returning would let Qt abort
        if previous is not None:
            previous(kind, context, message)
        else:
            category = context.category
            held.append(f"{category}: {message}" if category and category != "default" else message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for line in held:
            print(line, file=sys.stderr)
