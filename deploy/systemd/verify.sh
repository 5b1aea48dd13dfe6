#!/bin/sh
# Checks leadrouter.service with "systemd-analyze verify" (syntax, unknown keys, dependencies, ExecStart)
# inside a throw-away root, so it runs on a CI machine where leadrouter is not installed and systemd is not
# running. Any message from systemd-analyze fails the check. Needs systemd-analyze (Debian: apt-get install systemd).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
unit="$here/leadrouter.service"

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "verify.sh: systemd-analyze is missing (Debian/Ubuntu: apt-get install -y systemd)" >&2
  exit 2
fi
units=""
for d in /usr/lib/systemd/system /lib/systemd/system; do
  if [ -f "$d/multi-user.target" ]; then units=$d; break; fi
done
if [ -z "$units" ]; then
  echo "verify.sh: cannot find systemd's unit directory (multi-user.target)" >&2
  exit 2
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT INT TERM
# The targets the unit refers to (multi-user.target, network-online.target, ...), the unit itself, and a
# stand-in for the launcher: verify insists that ExecStart's binary exists and is executable.
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system" "$root/usr/bin"
cp -R "$units" "$root/usr/lib/systemd/system"
cp "$unit" "$root/etc/systemd/system/leadrouter.service"
printf '#!/bin/sh\nexit 0\n' > "$root/usr/bin/leadrouter"
chmod 0755 "$root/usr/bin/leadrouter"

status=0
# --man=no: the man page the unit names comes with the package (the container test reads it there)
messages=$(systemd-analyze verify --man=no --root="$root" leadrouter.service 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$messages" ]; then
  printf '%s\n' "$messages" >&2
  echo "verify.sh: leadrouter.service FAILED systemd-analyze verify (status $status)" >&2
  exit 1
fi

# The hardening the deployment relies on must stay in place.
for setting in 'Type=notify' 'NotifyAccess=all' 'WatchdogSec=60s' 'User=leadrouter' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' \
    'PrivateDevices=yes' 'ProtectKernelTunables=yes' 'ProtectKernelModules=yes' \
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' 'ReadWritePaths=/var/data/leads /var/lib/leadrouter' \
    'StateDirectory=leadrouter' 'UMask=0027' 'LoadCredential=vtiger-access-key:/etc/leadrouter/access-key' \
    'Restart=on-failure' 'SystemCallFilter=@system-service' 'ProtectProc=invisible'; do
  if ! grep -qxF "$setting" "$unit"; then
    echo "verify.sh: leadrouter.service lacks '$setting'" >&2
    exit 1
  fi
done

# systemd's own exposure score for the unit (0 safest, 10 unsafe) must stay at 2.0 or below.
score=$(systemd-analyze security --offline=true --root="$root" leadrouter.service 2>/dev/null \
  | sed -n 's/.*Overall exposure level for leadrouter.service: \([0-9.]*\).*/\1/p')
if [ -z "$score" ] || ! awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
  echo "verify.sh: leadrouter.service's exposure is '${score:-unknown}', above 2.0" >&2
  exit 1
fi
echo "verify.sh: exposure $score (systemd-analyze security)"
echo "verify.sh: leadrouter.service OK"
