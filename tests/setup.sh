#!/bin/sh
# Installs what Principle Check needs from Debian 12, then configures and
# builds it in build/. Safe to run again: it installs only what is
# missing and reconfigures an existing build directory.
set -eu
cd "$(dirname "$0")/.."

packages="
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libcjson-dev libsodium-dev libicu-dev
  minisign python3 python3-jsonschema poppler-utils
  desktop-file-utils appstream groff-base
  xvfb xauth dbus dbus-x11 fonts-beng-extra
  clang libclang-rt-14-dev
"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

if [ -d build/meson-private ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup build >/dev/null
fi
meson compile -C build
