#!/usr/bin/env bash
# Shows that include_rules.sh fails on broken rules: a tree with a token layer that includes the
# CLI, a CMS file that includes Qt and an unknown folder must give exit 1 and name all three.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{core,pkcs11,certs,src/cms,src/appearance,src/pdf,src/pdfverify,src/inventory,src/letter,src/jobs,src/cli/kyso,src/cli/commands,src/cli/detached,ui/common,ui/sign,ui/verify,ui/tokens,ui/inventory,src/newlayer}
printf '#include "src/cli/commands/cmd_sign.h"\n' > "$tmp/src/cli/kyso/main.cpp"
printf '#include "ui/sign/sign_tab.h"\n' > "$tmp/ui/verify/verify_tab.cpp"
printf '#include "src/cli/kyso/args.h"\n' > "$tmp/pkcs11/bad.cpp"
printf '#include <QString>\n' > "$tmp/src/cms/bad.cpp"
printf '#include "core/result.h"\n#include "pkcs11/module.h"\n' > "$tmp/certs/ok_then_bad.cpp"
printf '#include "ui/main_window.h"\n' > "$tmp/src/jobs/bad.cpp"
out=$(bash "$here/include_rules.sh" "$tmp")
rc=$?
echo "$out"
[ $rc = 1 ] || { echo "SELFTEST FAILED: exit $rc, expected 1"; exit 1; }
for want in "pkcs11/bad.cpp:1: pkcs11 must not include src/cli/kyso/args.h" \
            "src/cms/bad.cpp:1:#include <QString>: Qt outside ui/" \
            "certs/ok_then_bad.cpp:2: certs must not include pkcs11/module.h" \
            "src/jobs/bad.cpp:1: src/jobs must not include ui/main_window.h" \
            "src/newlayer: a folder of code" \
            "src/cli/kyso/main.cpp:1: src/cli/kyso must not include src/cli/commands/cmd_sign.h" \
            "ui/verify/verify_tab.cpp:1: ui/verify must not include ui/sign/sign_tab.h"; do
  grep -qF "$want" <<<"$out" || { echo "SELFTEST FAILED: missing: $want"; exit 1; }
done
echo "include_rules.sh catches what it should"
