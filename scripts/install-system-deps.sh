#!/bin/sh
# Installs the system programs argmap's demo and tests use, when they are missing:
# Graphviz (`dot`, required for SVG/PNG/PDF) and Chromium (optional: one browser test skips without it).
set -u
need_dot=0; need_chromium=0
command -v dot >/dev/null 2>&1 || need_dot=1
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need_chromium=1
[ "$need_dot$need_chromium" = "00" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo"
  packages=""
  [ $need_dot = 1 ] && packages="graphviz"
  [ $need_chromium = 1 ] && packages="$packages chromium"
  $SUDO apt-get update -qq || true
  if [ $need_dot = 1 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq graphviz >/dev/null || {
      echo "could not install Graphviz; install it by hand: apt-get install graphviz" >&2; exit 1; }
  fi
  if [ $need_chromium = 1 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 ||
      echo "note: Chromium could not be installed; the browser test will be skipped" >&2
  fi
elif command -v brew >/dev/null 2>&1; then
  [ $need_dot = 1 ] && brew install graphviz
  [ $need_chromium = 1 ] && echo "note: no Chromium; the browser test will be skipped" >&2
else
  if [ $need_dot = 1 ]; then
    echo "Graphviz is missing: install it from https://graphviz.org/download/ and rerun" >&2
    exit 1
  fi
fi
exit 0
