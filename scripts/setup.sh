#!/usr/bin/env bash
# Installs what gkdesk needs on a fresh Debian/Ubuntu machine: system libraries for Qt, CJK fonts,
# (with --test) LibreOffice and poppler for the render tests, then a virtual environment in .venv with the
# pinned versions of requirements/app.txt (or, with --test, requirements/lock.txt: tests and portable build).
# Runs pip only when .venv is missing or pyproject.toml / the lock file changed since the last install, so
# after one set-up with the network every later run works offline.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

packages=(fonts-noto-cjk libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
          libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-shape0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 libxcb-xinerama0)
if [ "$want_test" = 1 ]; then
    packages+=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils xvfb xauth strace)
fi

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
apt_wait_limit="${GKDESK_APT_WAIT:-900}"

# Run apt-get; while another program (software updater, unattended-upgrades, another apt) holds the apt lock,
# say so and wait for it instead of failing at once.
apt_get() {
    local waited=0 output
    while :; do
        if output="$(DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=30 "$@" 2>&1)"; then
            [ -n "$output" ] && printf '%s\n' "$output"
            return 0
        fi
        if ! grep -qiE 'could not get lock|unable to lock|unable to acquire' <<<"$output"; then
            printf '%s\n' "$output" >&2
            echo "apt-get $* 失败（见上方信息）。" >&2
            return 1
        fi
        holder="$(grep -oiE 'held by process [0-9]+ \([^)]*\)' <<<"$output" | head -1 \
                  | sed -E 's/held by process ([0-9]+) \((.*)\)/进程 \1：\2/I' || true)"
        if [ "$waited" -ge "$apt_wait_limit" ]; then
            echo "系统软件安装程序 apt 已被另一个程序占用 ${waited} 秒（${holder:-未知进程}），放弃等待。" >&2
            echo "请等它结束（或关闭“软件更新”）后重新运行：bash scripts/setup.sh" >&2
            return 1
        fi
        echo "apt 正被另一个程序使用（${holder:-未知进程}），等待它结束……已等待 ${waited} 秒" >&2
        sleep 10
        waited=$((waited + 10))
    done
}

if command -v apt-get >/dev/null 2>&1; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)  # Debian ships venv separately
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_get update -qq
        apt_get install -y -qq --no-install-recommends "${missing[@]}"
    fi
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "gkdesk 需要 Python 3.11 或更新版本" >&2; exit 1; }

if [ "$want_test" = 1 ]; then
    lock=requirements/lock.txt; kind=test
else
    lock=requirements/app.txt; kind=app
fi
stamp=.venv/gkdesk-installed
# What was installed: the kind and the fingerprint of pyproject.toml and the lock file it came from.
wanted="$(cat pyproject.toml "$lock" | sha256sum | cut -d' ' -f1)"
installed_ok() {
    [ -x .venv/bin/python ] && [ -f "$stamp" ] || return 1
    grep -qx "$kind $wanted" "$stamp" && return 0
    # A test set-up contains everything the program needs.
    [ "$kind" = app ] && grep -qx "test $(cat pyproject.toml requirements/lock.txt | sha256sum | cut -d' ' -f1)" "$stamp"
}
# The program's modules compiled once, as pip compiles an installed package: a start that may not write
# (PYTHONDONTWRITEBYTECODE=1, a read-only folder) reads them instead of compiling every module again.
# Only what changed since the last set-up is compiled; a module edited later is compiled in memory.
compile_program() {
    .venv/bin/python -m compileall -q gkdesk >/dev/null || echo "注意：预编译 gkdesk 模块失败，启动会稍慢。" >&2
}
if installed_ok; then
    compile_program
    exit 0
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
echo "正在安装 gkdesk 所需的 Python 软件包（$lock）……" >&2
.venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
echo "$kind $wanted" > "$stamp"
compile_program
