#!/usr/bin/env bash
# `sextant tools`: fetches the Debian trixie programs a pins file lists (Prometheus, promtool, Alertmanager, node_exporter, exporters) into
# PROJECT/.tools/trixie/ (programs in .tools/trixie/usr/bin): the packages a pins file lists, at the
# minor it pins. Usage: fetch-debian-tools.sh PROJECT PINS. The pins are the package's
# (tools/versions.json) unless the project passes its own (the reference project's versions.json, the
# versions its compose stack and Kubernetes manifests run): same shape, `debian` per program.
#
# Why trixie's and not the machine's: Debian bookworm ships Prometheus 2.42, Alertmanager 0.25 and
# node_exporter 1.5, whose metrics differ from the compose images' (new labels), and its promtool is
# built without Kubernetes discovery. This downloads the packages with apt-get, verified against the
# Debian archive keyring, from the archive (mirror or proxy) the machine's apt sources name, and
# unpacks them inside the project: nothing on the system changes (apt's lists and cache for trixie
# live under .tools/ too).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { echo "usage: fetch-debian-tools.sh PROJECT PINS" >&2; exit 2; }
pins_file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$1"

# The pins, read with node (the runtime sextant runs on): "package minor binary..." per line.
tools=$(node -e '
  const pins = require(process.argv[1]);
  for (const [name, pin] of Object.entries(pins)) {
    if (name === "$comment") continue;
    for (const [pkg, binaries] of Object.entries(pin.debian ?? {})) console.log(pkg, pin.version.split(".").slice(0, 2).join("."), ...binaries);
  }
' "$pins_file")
packages=() minors=() binaries=()
while read -r package minor bins; do
  packages+=("$package")
  for binary in $bins; do binaries+=("$binary"); minors+=("$minor"); done
done <<<"$tools"
dest=.tools/trixie

complete=true
for binary in "${binaries[@]}"; do [ -x "$dest/usr/bin/$binary" ] || complete=false; done
if $complete; then exit 0; fi

command -v apt-get >/dev/null || { echo "sextant tools: apt-get not found (the tools come from Debian's archive)" >&2; exit 1; }

archive=$(bash "$here/debian-archive.sh")

apt_dir="$PWD/.tools/apt-trixie"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive trixie main" >"$apt_dir/sources.list"
apt_options=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir"
  -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_options[@]}" update -qq
# No exact pins: trixie is a stable release, so each stays at its minor, and an exact pin would break
# when a point release replaces a package in the archive. The minor is checked after unpacking.
(cd "$apt_dir/archives" && rm -f ./*.deb && apt-get "${apt_options[@]}" download "${packages[@]/%//trixie}")

staging="$dest.staging"
rm -rf "$staging" && mkdir -p "$staging"
for deb in "$apt_dir"/archives/*.deb; do dpkg-deb -x "$deb" "$staging"; done
for i in "${!binaries[@]}"; do
  binary=${binaries[$i]} minor=${minors[$i]}
  version=$("$staging/usr/bin/$binary" --version 2>&1 | head -1) || { echo "sextant tools: $binary does not run" >&2; exit 1; }
  # The minor the pins name (the images'): the catalogue is checked against these programs.
  # (Exporters print their version in their own words: "version 0.17.2", "Exporter 1.69.0-1".)
  grep -Eq "(^|[^0-9.])${minor//./\\.}\." <<<"$version" || { echo "sextant tools: $binary is '$version', not the $minor $pins_file pins" >&2; exit 1; }
done
rm -rf "$dest" && mv "$staging" "$dest"
rm -f "$apt_dir"/archives/*.deb
for binary in prometheus prometheus-alertmanager prometheus-node-exporter; do
  echo "sextant tools: $("$dest/usr/bin/$binary" --version 2>&1 | head -1)"
done
