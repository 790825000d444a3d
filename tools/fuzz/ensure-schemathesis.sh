#!/bin/sh
# Prints the path of the pinned schemathesis CLI, installing it first when missing: a Python virtual environment in
# the per-user tool cache (where tools/devstack keeps the Temporal CLI), shared by every clone on the machine and
# filled from PyPI. Needs Python 3.10+ with its venv module (Debian: apt-get install python3 python3-venv);
# FUZZ_PYTHON names another interpreter. Progress goes to stderr, the path alone to stdout.
set -eu
VERSION=4.32.5
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/haochaping"
VENV="$CACHE/schemathesis-$VERSION"
# The marker is written last: an environment without it is half-installed (an interrupted run) and is made again.
if [ -f "$VENV/.installed" ]; then
  echo "$VENV/bin/schemathesis"
  exit 0
fi
PYTHON="${FUZZ_PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
  echo "[fuzz] schemathesis $VERSION needs Python 3.10+ with its venv module: install them (Debian: apt-get install python3 python3-venv) or set FUZZ_PYTHON." >&2
  exit 1
fi
mkdir -p "$CACHE"
# One installer at a time on the machine (a venv names its own path inside, so it is built in place, not renamed).
exec 9>"$CACHE/.schemathesis.lock"
flock 9
if [ ! -f "$VENV/.installed" ]; then
  echo "[fuzz] installing schemathesis $VERSION from PyPI into $VENV (once per machine, about a minute) ..." >&2
  started=$(date +%s)
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" >&2
  "$VENV/bin/pip" install --disable-pip-version-check --progress-bar off "schemathesis==$VERSION" >&2
  touch "$VENV/.installed"
  echo "[fuzz] schemathesis $VERSION installed in $(( $(date +%s) - started )) s" >&2
fi
echo "$VENV/bin/schemathesis"
