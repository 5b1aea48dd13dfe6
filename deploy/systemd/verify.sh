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
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system" "$root/opt/leadrouter/bin"
cp -R "$units" "$root/usr/lib/systemd/system"
cp "$unit" "$root/etc/systemd/system/leadrouter.service"
printf '#!/bin/sh\nexit 0\n' > "$root/opt/leadrouter/bin/leadrouter"
chmod 0755 "$root/opt/leadrouter/bin/leadrouter"

status=0
messages=$(systemd-analyze verify --root="$root" leadrouter.service 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$messages" ]; then
  printf '%s\n' "$messages" >&2
  echo "verify.sh: leadrouter.service FAILED systemd-analyze verify (status $status)" >&2
  exit 1
fi

# The hardening the deployment relies on must stay in place.
for setting in 'User=leadrouter' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' \
    'PrivateDevices=yes' 'ProtectKernelTunables=yes' 'ProtectKernelModules=yes' \
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' 'ReadWritePaths=/var/data/leads /var/lib/leadrouter' \
    'StateDirectory=leadrouter' 'UMask=0027' 'LoadCredential=vtiger-access-key:/etc/leadrouter/access-key' \
    'Restart=on-failure'; do
  if ! grep -qxF "$setting" "$unit"; then
    echo "verify.sh: leadrouter.service lacks '$setting'" >&2
    exit 1
  fi
done

# Informational: systemd's own exposure score for the unit (lower is better).
systemd-analyze security --offline=true --root="$root" leadrouter.service 2>/dev/null | tail -1 || true
echo "verify.sh: leadrouter.service OK"
