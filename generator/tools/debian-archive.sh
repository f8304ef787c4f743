#!/usr/bin/env bash
# Prints the Debian archive this machine's apt already uses (its mirror or proxy): the URI of the
# source that apt lists for the machine's own release. apt reads its sources itself, so one-line
# `deb` entries and deb822 `URIs:` files both count, and APT_CONFIG is honoured.
set -euo pipefail

release=$(. /etc/os-release 2>/dev/null && [ "${ID:-}" = debian ] && echo "${VERSION_CODENAME:-}" || true)
if [ -z "$release" ]; then
  echo "debian-archive: this is not a Debian system (/etc/os-release names no ID=debian with a VERSION_CODENAME); the tools come from Debian's archive" >&2
  exit 1
fi
archive=$(apt-get indextargets --no-release-info --format '$(RELEASE) $(REPO_URI)' 'Identifier: Packages' | awk -v release="$release" '$1 == release { print $2; exit }')
if [ -z "$archive" ]; then
  echo "debian-archive: apt's sources name no Debian archive for '$release'. Add the machine's Debian mirror as a 'URIs:' line in /etc/apt/sources.list.d/debian.sources or a 'deb' line in /etc/apt/sources.list" >&2
  exit 1
fi
echo "${archive%/}"
