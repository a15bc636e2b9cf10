#!/usr/bin/env bash
# completion_test.sh COMPLETION_FILE: the bash completion made from the help texts
# (resources/completion/make-completion.py) completes commands, subcommands below them, options
# of the command typed, the values an option lists, and skips an option's value when it decides
# which command is being typed.
set -euo pipefail
file=${1:?COMPLETION_FILE}
[ -f "$file" ] || { echo "completion_test: $file was not made" >&2; exit 1; }
# shellcheck source=/dev/null
source "$file"
failed=0
expect() {
  local want=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _kyso
  local got="${COMPREPLY[*]}"
  if [ "$got" != "$want" ]; then
    echo "completion_test: '$*' completed to '$got', not '$want'" >&2
    failed=1
  fi
}
cd "$(mktemp -d)"
touch letter.pdf
expect "sign" kyso si
expect "change-pin change-so-pin" kyso token ch
expect "--level" kyso sign --lev
expect "B-B B-T B-LT B-LTA" kyso sign --level ""
expect "issued incoming invisible" kyso --lang vi sign --kind i
expect "add show list edit" kyso inventory unit ""
expect "add" kyso inventory --db x.sqlite unit a
expect "--parent" kyso inventory unit add --pa
expect "gov public all none" kyso verify --trust-group ""
expect "vi en" kyso --lang ""
expect "run status trust untrust sites log" kyso service ""
expect "letter.pdf" kyso sign let
expect "letter.pdf" kyso sign --out-dir x let
expect "letter.pdf" kyso sign --image let
rm -rf "$PWD"
[ "$failed" = 0 ] && echo "completion_test: every case completes as the help texts say"
exit "$failed"
