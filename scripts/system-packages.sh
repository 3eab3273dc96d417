#!/usr/bin/env bash
# Installs the Debian packages bereik builds against (GEOS, PROJ, GDAL and the
# command-line tools the tests compare against). As root it installs them with
# apt-get; otherwise it prints the exact command and stops.
set -euo pipefail

packages=(pkg-config libgeos-dev libproj-dev libgdal-dev libssl-dev gdal-bin proj-bin librsvg2-bin)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "bereik needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
