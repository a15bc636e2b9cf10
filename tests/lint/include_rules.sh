#!/usr/bin/env bash
# The include rules of docs/ARCHITECTURE.md, checked on every build (CTest `include_rules`):
# - only ui/ (and its tests) include Qt;
# - each layer includes only the layers below it (the table below); in particular pkcs11/ and
#   certs/ include only the ground floor (core/), nothing under the front ends includes src/cli
#   or ui/, and src/jobs includes no front end;
# - src/cli and ui/ never include each other; inside src/cli, kyso/ (the executable) includes no
#   module's folder; inside ui/, common/ includes no tab and a tab no other tab (the Sign tab
#   uses the Tokens tab's list of certificates).
# Usage: include_rules.sh SOURCE_DIR. Prints every broken rule as FILE:LINE: text; exit 1 if any.
set -u
root=${1:?source dir}
cd "$root" || exit 2

# layer -> the folders its files may include ("self" is always allowed).
declare -A allowed=(
  [core]=""
  [pkcs11]="core"
  [certs]="core"
  [src/cms]="core certs"
  [src/appearance]="core"
  [src/pdf]="core certs src/cms src/appearance"
  [src/pdfverify]="core certs src/cms"
  [src/inventory]="core pkcs11"
  [src/letter]="core"
  [src/xml]="core certs src/cms"
  [src/jobs]="core pkcs11 certs src/cms src/appearance src/pdf src/pdfverify src/inventory src/xml"
  [src/service]="core pkcs11 certs src/cms src/appearance src/pdf src/pdfverify src/xml src/jobs"
  [src/cli]="core pkcs11 certs src/cms src/appearance src/pdf src/pdfverify src/inventory src/letter src/xml src/jobs src/service"
  [ui]="core pkcs11 certs src/cms src/appearance src/pdf src/pdfverify src/inventory src/letter src/xml src/jobs src/service"
)

fail=0
report() {
  echo "$1"
  fail=1
}

# The folder (layer) an include names, into $target: "src/cms/x.h" -> src/cms, "certs/x.h" ->
# certs, "x.h" -> "" (same folder). No subprocess per line: the tree has thousands of includes.
layer_of() {
  local rest
  case "$1" in
    src/*/*) rest=${1#src/}; target="src/${rest%%/*}" ;;
    */*) target=${1%%/*} ;;
    *) target="" ;;
  esac
}

# check FOLDER RESOLVER ALLOWED...: every quoted include of FOLDER's files names (through
# RESOLVER, which sets $target) FOLDER itself, nothing it resolves, or one of ALLOWED.
check() {
  local folder=$1 resolver=$2
  shift 2
  [ -d "$folder" ] || { report "$folder: listed in include_rules.sh but missing"; return; }
  local hit file rest line inc ok a
  while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    [[ $rest =~ \"([^\"]+)\" ]] || continue
    inc=${BASH_REMATCH[1]}
    "$resolver" "$inc"
    [ -z "$target" ] || [ "$target" = "$folder" ] && continue
    ok=0
    for a in "$@"; do [ "$a" = "$target" ] && ok=1; done
    [ $ok = 1 ] || report "$file:$line: $folder must not include $inc (allowed: ${*:-nothing else})"
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$folder" \
             --include='*.h' --include='*.cpp' --include='*.in')
}

for layer in "${!allowed[@]}"; do
  # shellcheck disable=SC2086  # the table's entries are word lists
  check "$layer" layer_of ${allowed[$layer]}
done

# Inside the front ends: folder -> the folders of the same front end it may include.
declare -A inner=(
  [src/cli/kyso]="src/cli/kyso"
  [src/cli/detached]="src/cli/detached src/cli/kyso"
  [src/cli/commands]="src/cli/commands src/cli/detached src/cli/kyso"
  [src/cli/service]="src/cli/service src/cli/kyso"
  [ui/common]="ui/common"
  [ui/sign]="ui/sign ui/common ui/tokens"
  [ui/verify]="ui/verify ui/common"
  [ui/tokens]="ui/tokens ui/common"
  [ui/inventory]="ui/inventory ui/common"
  [ui/service]="ui/service ui/common ui/sign ui/tokens"
)
# The folder inside a front end that an include names: "ui/sign/x.h" -> ui/sign,
# "src/cli/kyso/args.h" -> src/cli/kyso, "ui/main_window.h" -> ui (the shell).
inner_of() {
  local rest
  case "$1" in
    src/cli/*/*) rest=${1#src/cli/}; target="src/cli/${rest%%/*}" ;;
    ui/*/*) rest=${1#ui/}; target="ui/${rest%%/*}" ;;
    ui/*) target="ui" ;;
    *) target="" ;;
  esac
}
for folder in "${!inner[@]}"; do
  # shellcheck disable=SC2086
  check "$folder" inner_of ${inner[$folder]}
done
for d in src/cli/*/ ui/*/; do
  d=${d%/}
  case "$d" in ui/translations) continue ;; esac
  [ -n "${inner[$d]+x}" ] || report "$d: a front-end folder that include_rules.sh does not know"
done

# Qt only in ui/ and tests/ui/.
while IFS= read -r hit; do
  case "$hit" in ui/* | tests/ui/*) ;; *) report "$hit: Qt outside ui/" ;; esac
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<Q[A-Za-z]*(/|>)' \
           src pkcs11 certs ui tests bench --include='*.h' --include='*.cpp' 2>/dev/null)

# Every folder of code is in the table (a new layer must say what it may include).
for d in src/*/; do
  d=${d%/}
  [ -n "${allowed[$d]+x}" ] || report "$d: a folder of code that include_rules.sh does not know"
done

[ $fail = 0 ] && echo "include rules hold"
exit $fail
