#!/usr/bin/env bash
# Fetches Debian trixie's promtool (2.53) into .tools/promtool-trixie/, for two reasons:
# Debian bookworm's Prometheus 2.42 is built without Kubernetes discovery, so its promtool refuses
# `kubernetes_sd_configs` (trixie's is built with it); and 2.53 is the minor of the Prometheus image
# in docker-compose.yml, so the rules and configs are also checked by the version users run. This downloads trixie's `promtool`
# package with apt-get, verified against the Debian archive keyring, and unpacks it inside the project:
# nothing on the system changes (apt's lists and cache for trixie live under .tools/ too), and the
# bookworm Prometheus the other tests run stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=.tools/promtool-trixie
if [ -x "$dest/usr/bin/promtool" ]; then exit 0; fi

command -v apt-get >/dev/null || { echo "install-trixie-promtool: apt-get not found (Debian or Ubuntu needed)" >&2; exit 1; }

apt_dir="$PWD/.tools/apt-trixie"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$apt_dir/sources.list"
apt_options=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir"
  -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_options[@]}" update -qq
# No version pin: trixie is a stable release, so its promtool stays 2.53.x, and an exact pin would
# break when a point release replaces the package in the archive.
(cd "$apt_dir/archives" && rm -f promtool_*.deb && apt-get "${apt_options[@]}" download promtool/trixie)

staging="$dest.staging"
rm -rf "$staging" && mkdir -p "$staging"
dpkg-deb -x "$apt_dir"/archives/promtool_*.deb "$staging"
"$staging/usr/bin/promtool" --version >/dev/null
rm -rf "$dest" && mv "$staging" "$dest"
rm -f "$apt_dir"/archives/promtool_*.deb
echo "install-trixie-promtool: $("$dest/usr/bin/promtool" --version 2>&1 | head -1) in $dest"
