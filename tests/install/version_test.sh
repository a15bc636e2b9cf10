#!/usr/bin/env bash
# version_test.sh SOURCE_DIR BUILD_DIR: the version is written once, in project() of the top
# CMakeLists.txt; debian/changelog's newest entry and the AppStream metadata's newest release must
# say the same, and the built kyso prints it with its commit.
set -euo pipefail
src=$1 build=$2
fail() { echo "version_test: $*" >&2; exit 1; }
cmake_version=$(sed -n 's/^project(kyso VERSION \([0-9.]*\) .*/\1/p' "$src/CMakeLists.txt")
[ -n "$cmake_version" ] || fail "no VERSION in project() of CMakeLists.txt"
deb_version=$(head -1 "$src/debian/changelog" | sed -n 's/^kyso (\([^)]*\)).*/\1/p')
[ "${deb_version%%-*}" = "$cmake_version" ] ||
  fail "debian/changelog says $deb_version, CMakeLists.txt $cmake_version"
meta_version=$(grep -o '<release version="[^"]*"' "$src/resources/desktop/kyso-gui.metainfo.xml" |
  head -1 | cut -d'"' -f2)
[ "$meta_version" = "$cmake_version" ] ||
  fail "kyso-gui.metainfo.xml's newest release is $meta_version, CMakeLists.txt $cmake_version"
out=$("$build/bin/kyso" --version)
case $out in "kyso $cmake_version (commit "*")") ;; *) fail "kyso --version said: $out" ;; esac
echo "version_test: $cmake_version everywhere ($out)"
