#!/usr/bin/env bash
# Renders kyso.svg to the PNG sizes the hicolor icon theme and the app use (kyso-SIZE.png), with
# rsvg-convert (Debian librsvg2-bin). Run after changing kyso.svg; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" -o "kyso-$s.png" kyso.svg
done
