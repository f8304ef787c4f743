#!/usr/bin/env bash
# Runs a command as a fresh machine would: in a private mount namespace where the system's own
# Prometheus files are hidden (Debian's /usr/share/prometheus and /etc/prometheus behind empty
# read-only tmpfs mounts, its Prometheus programs behind /dev/null), so anything the project forgets
# to install fails here, not only on a new machine. Needs root (CI runs as root); the system itself
# is left as it is: the mounts live and die with the namespace.
#   bash .ci/without-system-prometheus.sh npm test
set -euo pipefail

if [ "${SEXTANT_SYSTEM_PROMETHEUS_HIDDEN:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "without-system-prometheus: needs root for a private mount namespace" >&2; exit 1; }
  export SEXTANT_SYSTEM_PROMETHEUS_HIDDEN=1
  exec unshare --mount --propagation private bash "$0" "$@"
fi

for dir in /usr/share/prometheus /etc/prometheus; do
  if [ -d "$dir" ]; then mount -t tmpfs -o ro,mode=0755 sextant-hidden "$dir"; fi
done
for program in /usr/bin/prometheus /usr/bin/prometheus-* /usr/bin/promtool /usr/bin/amtool /usr/sbin/prometheus*; do
  if [ -f "$program" ]; then mount --bind /dev/null "$program"; fi
done
exec "$@"
