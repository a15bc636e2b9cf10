#!/bin/sh
# Screenshots of every tab of kyso-gui, in Vietnamese and English, under Xvfb (a real X server, so
# window decorations and fonts are what users see), taken on what `kyso demo` makes: its token,
# its inventory, its letter to sign and its signed letter on the Verify tab. Usage:
#   ui/screenshots.sh BUILD_DIR [OUT_DIR]
# OUT_DIR defaults to BUILD_DIR/screenshots-x11. The ctest ui_screenshots_test makes the same set
# with the offscreen platform into BUILD_DIR/screenshots. Settings go to a throwaway home.
set -eu
build=${1:?usage: ui/screenshots.sh BUILD_DIR [OUT_DIR]}
out=${2:-$build/screenshots-x11}
src=$(cd "$(dirname "$0")/.." && pwd)
gui=$build/bin/kyso-gui
[ -x "$gui" ] || { echo "screenshots.sh: $gui not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt-get install xvfb)" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
HOME=$home XDG_CONFIG_HOME=$home/config "$build/bin/kyso" demo --dir "$home/demo" >/dev/null
for lang in vi en; do
  HOME=$home XDG_CONFIG_HOME=$home/config QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1280x900x24" \
    "$gui" --lang "$lang" --demo-dir "$home/demo" --screenshots "$out"
done
echo "screenshots in $out"
