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
case $out in "kyso "*) ;; *) fail "kyso --version said: $out" ;; esac
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
