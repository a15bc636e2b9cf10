#!/usr/bin/env bash
# install_test.sh BUILD_DIR PREFIX SYSCONFDIR LIBDIR SHARED_DIR
#
# `cmake --install` into a staging folder (DESTDIR), then the installed kyso run from there with an
# empty HOME, outside any source or build tree, with no KYSO_* variable: it must find its modules
# in PREFIX/LIBDIR/kyso and its data in PREFIX/share/kyso on its own. Also checks what the session
# autostart and the systemd user unit would run, and that no test module is installed.
set -euo pipefail
build=$1 prefix=$2 sysconf=$3 libdir=$4 shared=$5
stage=$(mktemp -d /tmp/kyso-install-XXXXXX)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" cmake --install "$build" > "$stage/install.log"
root="$stage$prefix"
fail() { echo "install_test: $*" >&2; exit 1; }

[ -x "$root/bin/kyso" ] || fail "bin/kyso not installed"
for m in kyso-commands kyso-detached kyso-service kyso-xml kyso-poppler kyso-render kyso-http kyso-letter; do
  [ -f "$root/$libdir/kyso/$m.so" ] || fail "$libdir/kyso/$m.so not installed"
done
[ ! -e "$root/$libdir/kyso/kyso-test-log.so" ] || fail "a test module was installed"
ls "$root/share/kyso/certs/anchors" | grep -q . || fail "no trust anchors installed"
[ -f "$root/share/kyso/resources/samples/cong-van-286-SYT-VP.txt" ] || fail "no sample letter"

home="$stage/home"
mkdir -p "$home"
run() { (cd "$home" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }
out=$(run "$root/bin/kyso" --version) || fail "kyso --version: $out"
case $out in "kyso "*" (commit "*")") ;; *) fail "kyso --version said: $out" ;; esac
# The manual pages, one per command of `kyso --help`, made from the help texts at build time.
mandir="$root/share/man/man1"
[ -f "$mandir/kyso.1" ] || fail "no kyso(1) manual page"
for c in $(run "$root/bin/kyso" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && !/^  / { exit }'); do
  [ -f "$mandir/kyso-$c.1" ] || fail "no kyso-$c(1) manual page"
done
if command -v man > /dev/null; then
  said=$(MANWIDTH=80 man --warnings -l "$mandir/kyso-sign.1" 2>&1 >/dev/null) || fail "man kyso-sign: $said"
  [ -z "$said" ] || fail "man --warnings kyso-sign: $said"
  MANWIDTH=80 man -l "$mandir/kyso-sign.1" 2>/dev/null | grep -q -- "--out-dir" || fail "kyso-sign(1) lacks --out-dir"
fi
# A command in a module (kyso-commands.so) and the shipped anchors (a missing anchor folder is
# exit 4), from the staged tree only.
set +e
out=$(run "$root/bin/kyso" verify --offline "$shared/corpus/pdf/pyhanko__minimal.pdf" 2>&1)
rc=$?
set -e
[ $rc -eq 3 ] || fail "kyso verify of an unsigned PDF: exit $rc (3 expected): $out"
grep -q "no signature" <<< "$out" || fail "kyso verify said: $out"
# What the session starts: the installed app, in the tray.
if [ -x "$root/bin/kyso-gui" ]; then
  auto="$stage$sysconf/xdg/autostart/kyso-service.desktop"
  unit="$root/lib/systemd/user/kyso-service.service"
  [ -f "$auto" ] || fail "no autostart entry at $sysconf/xdg/autostart"
  [ -f "$unit" ] || fail "no systemd user unit"
  grep -qx "Exec=$prefix/bin/kyso-gui --service --in-tray" "$auto" || fail "autostart Exec: $(grep Exec "$auto")"
  grep -qx "ExecStart=$prefix/bin/kyso-gui --service --in-tray" "$unit" || fail "unit ExecStart"
  grep -q "^Name\[vi\]=" "$auto" || fail "autostart entry without a Vietnamese name"
  [ -f "$root/share/applications/kyso-gui.desktop" ] || fail "no menu entry"
  [ -f "$mandir/kyso-gui.1" ] || fail "no kyso-gui(1) manual page"
  ! grep -q "$build" "$mandir/kyso-gui.1" || fail "kyso-gui(1) names the build folder"
  # The menu entry's icon in the hicolor theme, and the AppStream metadata.
  [ -f "$root/share/icons/hicolor/scalable/apps/kyso.svg" ] || fail "no scalable icon"
  for s in 16 32 48 64 128 256; do
    [ -f "$root/share/icons/hicolor/${s}x${s}/apps/kyso.png" ] || fail "no ${s}x${s} icon"
  done
  meta="$root/share/metainfo/kyso-gui.metainfo.xml"
  [ -f "$meta" ] || fail "no AppStream metainfo"
  if command -v appstreamcli > /dev/null; then
    said=$(appstreamcli validate --no-net "$meta" 2>&1) || fail "appstreamcli validate: $said"
  fi
  if command -v desktop-file-validate > /dev/null; then
    said=$(desktop-file-validate "$root/share/applications/kyso-gui.desktop" 2>&1) || fail "desktop-file-validate: $said"
  fi
  out=$(run env QT_QPA_PLATFORM=offscreen "$root/bin/kyso-gui" --version 2>&1) || fail "kyso-gui --version: $out"
  if command -v systemd-analyze > /dev/null; then
    # The unit's syntax (its ExecStart points into the staging folder for the check).
    sed "s#$prefix/bin#$root/bin#" "$unit" > "$stage/kyso-service.service"
    said=$(systemd-analyze verify "$stage/kyso-service.service" 2>&1) \
      || fail "systemd-analyze verify: $said"
    [ -z "$said" ] || fail "systemd-analyze verify: $said"
  fi
fi
echo "install_test: the staged install runs from $prefix"
