# Sourced by the bench scripts: start_docsystem FOLDER starts the test document system
# (tests/service/docsystem.py) serving the files of FOLDER (in the current folder: uploads go to
# ./uploaded, its log to ./docsystem.log) and sets DOC_PID, DOC_PORT and DOC_TOKEN (exported: the
# page's short-lived token). Needs SRC (the source tree), python3 and curl. The caller kills DOC_PID.
start_docsystem() {
  python3 "$SRC/tests/service/docsystem.py" --files "$1" --out uploaded --log docsystem.log >doc.port &
  DOC_PID=$!
  for _ in $(seq 50); do grep -q PORT doc.port 2>/dev/null && break; sleep 0.1; done
  DOC_PORT=$(awk '/PORT/{print $2}' doc.port)
  DOC_TOKEN=$(curl -s "http://127.0.0.1:$DOC_PORT/token")
  export DOC_TOKEN
}
