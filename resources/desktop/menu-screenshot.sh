#!/bin/bash
# The README's pictures of the menu entry: how an application launcher lists kyso (rofi's
# application list on Xvfb), from an installed prefix's desktop entry and icon, in Vietnamese and
# English. Needs rofi, xvfb and imagemagick (not CI's packages: the pictures are committed).
#   cmake --install build --prefix /tmp/stage
#   resources/desktop/menu-screenshot.sh /tmp/stage docs/screenshots
set -eu
prefix=${1:?usage: menu-screenshot.sh PREFIX OUT_DIR} out=${2:?usage: menu-screenshot.sh PREFIX OUT_DIR}
[ -f "$prefix/share/applications/kyso-gui.desktop" ] || { echo "no kyso-gui.desktop under $prefix" >&2; exit 1; }
for tool in rofi Xvfb import; do
  command -v $tool > /dev/null || { echo "menu-screenshot.sh: $tool missing" >&2; exit 1; }
done
home=$(mktemp -d)
Xvfb :77 -screen 0 900x420x24 > /dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
for lang in vi en; do
  DISPLAY=:77 HOME=$home XDG_CACHE_HOME=$home/cache XDG_DATA_DIRS=$prefix/share:/usr/share \
    LANGUAGE=$lang LANG=C.UTF-8 rofi -show drun -filter kyso -show-icons -icon-theme hicolor \
    -theme-str 'window {width: 760px; location: center;} listview {lines: 3;}
                element-icon {size: 48px;} * {font: "DejaVu Sans 14";}' \
    -drun-display-format '{name} — {generic} <span size="small">({comment})</span>' \
    > /dev/null 2>&1 &
  rpid=$!
  sleep 3
  DISPLAY=:77 import -window root -crop 780x110+60+108 "$out/menu-$lang.png"
  kill $rpid
  wait $rpid 2>/dev/null || true
done
echo "menu-screenshot.sh: $out/menu-vi.png, $out/menu-en.png"
