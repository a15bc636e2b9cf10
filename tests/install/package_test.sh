#!/usr/bin/env bash
# package_test.sh DEB_DIR: what issue 21 asks of the Debian packages, on this machine (as root,
# with apt): lintian on the packages (errors fail), install kyso_*.deb and kyso-gui_*.deb from
# DEB_DIR with apt-get, run kyso --version, kyso demo from /usr/bin with an empty HOME and nothing
# of a source or build tree on any path, kyso-gui --version offscreen, man kyso-sign,
# desktop-file-validate and appstreamcli on what was installed, the settings conffile and bash
# completion, then apt-get purge and check that nothing of kyso is left outside the home folders.
# CI runs it (.ci/run) after the package build; not run by ctest: it changes the machine's packages.
#   bash scripts/package && sudo bash tests/install/package_test.sh out/deb
set -euo pipefail
dir=$(cd "${1:?DEB_DIR}" && pwd)
fail() { echo "package_test: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it installs and purges packages)"
debs=("$dir"/kyso_*.deb "$dir"/kyso-gui_*.deb)
for d in "${debs[@]}"; do [ -f "$d" ] || fail "no $d"; done
for tool in lintian desktop-file-validate appstreamcli man; do
  command -v $tool > /dev/null || fail "$tool is missing (.ci/packages.txt installs it)"
done
lintian --fail-on error "${debs[@]}" || fail "lintian found errors"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${debs[@]}" > /tmp/kyso-package-install.log 2>&1 ||
  fail "apt-get install: $(tail -5 /tmp/kyso-package-install.log)"
files=$(dpkg -L kyso kyso-gui | sort -u)
out=$(kyso --version); case $out in "kyso "*" (commit "*")") ;; *) fail "kyso --version: $out" ;; esac
home=$(mktemp -d /tmp/kyso-empty-home.XXXXXX)
(cd "$home" && env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 /usr/bin/kyso demo > "$home/demo.log" 2>&1) ||
  fail "kyso demo from /usr/bin: $(tail -5 "$home/demo.log")"
grep -q "the signed letter verifies" "$home/demo.log" || fail "kyso demo did not verify"
QT_QPA_PLATFORM=offscreen kyso-gui --version > /dev/null 2>&1 || fail "kyso-gui --version"
man -w kyso-sign > /dev/null || fail "man kyso-sign"
desktop-file-validate /usr/share/applications/kyso-gui.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/kyso-gui.metainfo.xml > /dev/null || fail "appstreamcli"
# The machine's settings file (a conffile, every line commented out) and bash completion.
grep -q '^\[sign\]' /etc/kyso/config.ini || fail "no /etc/kyso/config.ini"
dpkg-query -W -f='${Conffiles}' kyso | grep -q /etc/kyso/config.ini || fail "config.ini is no conffile"
bash -c 'source /usr/share/bash-completion/completions/kyso && COMP_WORDS=(kyso si) COMP_CWORD=1 &&
  _kyso && [ "${COMPREPLY[*]}" = sign ]' || fail "bash completion"
apt-get purge -y -qq kyso kyso-gui > /tmp/kyso-package-purge.log 2>&1 || fail "apt-get purge"
rm -rf "$home"
while read -r f; do
  [ -z "$f" ] || [ -d "$f" ] || [ ! -e "$f" ] || fail "left after purge: $f"
done <<< "$files"
for d in /usr/lib/*/kyso /usr/share/kyso /usr/share/doc/kyso /usr/share/doc/kyso-gui /etc/kyso; do
  [ ! -e "$d" ] || fail "left after purge: $d"
done
echo "package_test: installed, ran the demo from /usr/bin, purged clean"
