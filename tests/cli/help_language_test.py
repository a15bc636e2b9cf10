#!/usr/bin/env python3
"""help_language_test.py KYSO: every command and subcommand answers --help in English and in
Vietnamese (issue 17), and usage errors give their details in Vietnamese too. It walks what `kyso --help` lists, each command's subcommands and theirs
(as the manual pages and the bash completion do), and the other help pages of sign and verify (XML,
detached, CMS). For each page that English answers with exit code 0:
  - Vietnamese answers with exit code 0 too;
  - no help text is left in English (KYSO_HELP_CHECK=1 marks one "[untranslated]");
  - the page is not the English page;
  - every option the English page lists is on the Vietnamese page;
  - the page has a usage line or a command list in Vietnamese, and an example ("Ví dụ").
A failure names the page and what is wrong."""
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources"))
from help_texts import command_list, run_help, subcommands  # noqa: E402

kyso = sys.argv[1]
OPTION = re.compile(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)")


def run(args, lang):
    env = dict(os.environ, KYSO_LANG=lang, KYSO_HELP_CHECK="1", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    r = subprocess.run([kyso] + args + ["--help"], env=env, capture_output=True, text=True,
                       timeout=60)
    return r.returncode, r.stdout + r.stderr


pages = [[]]
code, top, _ = run_help(kyso, [])
if code != 0:
    sys.exit("help_language_test: `kyso --help` failed")
for command, _ in command_list(top):
    pages.append([command])
    _, text, _ = run_help(kyso, [command])
    for sub in subcommands(command, text):
        pages.append([command, sub])
        c2, out, _ = run_help(kyso, [command, sub])
        for s2 in subcommands(command + " " + sub, out) if c2 == 0 else []:
            pages.append([command, sub, s2])  # kyso inventory unit add
pages += [["sign", "x.xml"], ["sign", "x.docx", "--detached"], ["verify", "x.p7s"],
          ["verify", "x.xml"]]

failures, checked = [], 0
for args in pages:
    name = "kyso " + " ".join(args + ["--help"])
    en_code, en = run(args, "en")
    if en_code != 0:
        continue  # not a help page (a group that wants a subcommand first)
    checked += 1
    vi_code, vi = run(args, "vi")
    if vi_code != 0:
        failures.append("%s: exit code %d in Vietnamese" % (name, vi_code))
        continue
    if "[untranslated]" in vi:
        lines = [l.strip() for l in vi.split("\n") if "[untranslated]" in l]
        failures.append("%s: help left in English: %s" % (name, "; ".join(lines)))
    if vi == en:
        failures.append("%s: the Vietnamese page is the English one" % name)
    en_options = {m.group(1) for l in en.split("\n") for m in [OPTION.match(l)] if m}
    vi_options = {m.group(1) for l in vi.split("\n") for m in [OPTION.match(l)] if m}
    if en_options - vi_options:
        failures.append("%s: options missing in Vietnamese: %s" %
                        (name, " ".join(sorted(en_options - vi_options))))
    if not re.search(r"(Cách dùng|cách dùng|^Lệnh:)", vi, re.M):
        failures.append("%s: no Vietnamese usage line or command list" % name)
    if args and "Ví dụ" not in vi and "Example" in en:
        failures.append("%s: the example is not introduced in Vietnamese" % name)
    if args and len(args) >= 2 and "Example" not in en and "Examples" not in en:
        failures.append("%s: no example" % name)

# A usage error's details are in the CLI's language too, not only its sentence (issue 17).
for args, want in [(["sign", "a.pdf"], "hãy cho đúng một trong hai: -o hoặc --out-dir"),
                   (["sign", "a.pdf", "b.pdf", "-o", "x.pdf"],
                    "-o chỉ dùng cho một tệp đầu vào; hãy dùng --out-dir"),
                   (["verify", "a.pdf", "--bogus"], "không có tùy chọn --bogus"),
                   (["verify", "a.pdf", "--jobs"], "--jobs cần một giá trị"),
                   (["extend", "a.pdf", "-o", "b.pdf", "--level", "B-X"],
                    "--level phải là B-LT hoặc B-LTA"),
                   (["token", "keygen", "--type", "ec:P-256"], "cần --id HEX")]:
    env = dict(os.environ, KYSO_LANG="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    r = subprocess.run([kyso] + args, env=env, capture_output=True, text=True, timeout=60)
    if r.returncode != 64 or want not in r.stdout + r.stderr:
        failures.append("kyso %s: exit code %d, not the Vietnamese usage error %r: %s" %
                        (" ".join(args), r.returncode, want, (r.stdout + r.stderr).strip()))

# What failed is said in Vietnamese too, not only why (issue 17).
import tempfile
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, KYSO_LANG="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    r = subprocess.run([kyso, "inventory", "--db", os.path.join(tmp, "inv.sqlite"), "person", "add",
                        "--name", "Đặng Quốc Toàn"], env=env, capture_output=True, text=True,
                       timeout=60)
    out = r.stdout + r.stderr
    for want in ["Không thêm được người", "cần --unit: đơn vị người đó làm việc"]:
        if want not in out:
            failures.append("person add without --unit under vi: %r missing: %s" % (want, out.strip()))
    if "Adding the person failed" in out or "is required" in out:
        failures.append("person add without --unit under vi: English left: %s" % out.strip())
    # An unknown action lists the actions, in Vietnamese, and creates no register.
    db = os.path.join(tmp, "new.sqlite")
    r = subprocess.run([kyso, "inventory", "--db", db, "token", "transition", "X", "lost"],
                       env=env, capture_output=True, text=True, timeout=60)
    out = r.stdout + r.stderr
    if r.returncode != 64 or "không có việc 'transition': dùng add, list, show hoặc edit" not in out:
        failures.append("inventory token transition: %d %s" % (r.returncode, out.strip()))
    if os.path.exists(db):
        failures.append("an unknown inventory action created the register")

if checked < 40:
    failures.append("only %d help pages found; the walk is broken" % checked)
for f in failures:
    print("help_language_test: " + f, file=sys.stderr)
print("help_language_test: %d help pages checked, %d problems" % (checked, len(failures)))
sys.exit(1 if failures else 0)
