#!/usr/bin/env bash
# Build the one-folder Linux bundle from scratch and prove it works: the frozen program must
# pass --version and --selftest (once with only its own fonts), and its window must open.
#
#   tools/build_and_selftest.sh            (after: python3 -m venv .venv && .venv/bin/pip
#                                           install -r requirements-dev.txt)
#
# No cache: build/ and dist/TaskLedger are wiped first, so a missing file or module shows up.
set -euo pipefail
cd "$(dirname "$0")/.."
PYINSTALLER=${PYINSTALLER:-.venv/bin/pyinstaller}
BUNDLE=dist/TaskLedger
BUNDLE_ABS="$PWD/$BUNDLE"
started=$(date +%s)

# Qt's xcb platform plugin needs these X libraries; the bundle carries whatever the build
# machine has, so install them here (a bureau PC cannot install anything).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  need=()
  for pkg in libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 \
             libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
      || echo "warning: could not install ${need[*]}; the bundle's window may not open on X11"
  fi
fi

rm -rf build/build "$BUNDLE"
echo "+ $PYINSTALLER build.spec --noconfirm --clean"
"$PYINSTALLER" build.spec --noconfirm --clean --log-level WARN

echo "+ $BUNDLE/taskledger-cli --version"
version=$("$BUNDLE/taskledger-cli" --version)
echo "$version"
expected="TaskLedger 任务台账 $(.venv/bin/python -c 'from models.version import __version__; print(__version__)')"
if [ "$version" != "$expected" ]; then
  echo "frozen --version printed '$version', expected '$expected'" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TASKLEDGER_DATA_DIR="$work/data"   # never the builder's own data folder

echo "+ $BUNDLE/taskledger-cli --selftest"
(cd "$work" && "$BUNDLE_ABS/taskledger-cli" --selftest)
# Again with no system fonts: the PDF must come out with the fonts the bundle ships.
echo "+ TASKLEDGER_FONT_DIRS=<empty> $BUNDLE/taskledger-cli --selftest"
mkdir -p "$work/nofonts"
(cd "$work" && TASKLEDGER_FONT_DIRS="$work/nofonts" "$BUNDLE_ABS/taskledger-cli" --selftest)

# The window, frozen: offscreen always; on a real X server (Xvfb) when there is one.
"$BUNDLE/taskledger-cli" --db "$work/w.db" init --unit 洛阳市 --user 自检 >/dev/null
t0=$(date +%s%N)
QT_QPA_PLATFORM=offscreen "$BUNDLE/TaskLedger" --db "$work/w.db" --screenshot "$work/offscreen.png"
t1=$(date +%s%N)
test -s "$work/offscreen.png"
xcb_plugin=$(find "$BUNDLE" -name libqxcb.so | head -1)
missing=$(LD_LIBRARY_PATH="$BUNDLE_ABS/_internal" ldd "$xcb_plugin" 2>/dev/null | grep "not found" || true)
if [ -n "$missing" ]; then
  echo "WARNING: the bundle's X11 plugin lacks libraries (install them and rebuild):" >&2
  echo "$missing" >&2
elif command -v xvfb-run >/dev/null 2>&1; then
  env -u QT_QPA_PLATFORM xvfb-run -a "$BUNDLE/TaskLedger" --db "$work/w.db" --screenshot "$work/xcb.png"
  test -s "$work/xcb.png"
  echo "frozen window opened on X11 (Xvfb)"
fi

echo "bundle: $(du -sh "$BUNDLE" | cut -f1)  ($BUNDLE)"
# A Linux bundle runs only where glibc is at least as new as what its libraries were built
# against: build on the oldest system it must run on (see README).
if command -v objdump >/dev/null 2>&1; then
  glibc=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
  echo "bundle needs ${glibc:-GLIBC_?} or newer (this machine: $(ldd --version | head -1 | grep -o '[0-9.]*$'))"
fi
echo "frozen window start-up to first screenshot: $(( (t1 - t0) / 1000000 )) ms (offscreen)"
echo "build and checks took $(( $(date +%s) - started )) s"
