#!/usr/bin/env bash
# The package under a real systemd: boots a minimal Debian with systemd-nspawn (its own systemd as PID 1, a private
# network), installs the leadrouter package into it with apt-get, runs the VTiger sandbox beside it and checks the
# service as an admin would: installed but not started without an access key, start reaches "active" only once
# leadrouter said it is ready, a dropped file is distributed and reported, the journal has priorities, a stop is
# clean, a start whose state database does not answer waits (extending the start timeout), a kill -9 is restarted without creating any lead twice, an upgrade keeps the edited settings and the state,
# removal keeps the data and purge removes the settings but never the leads.
#
#   container-test.sh <leadrouter_<version>_all.deb>    run the test (as root)
#   container-test.sh --prepare                          only build the cached root file system
#
# The Debian root file system is built once with debootstrap (from the mirror of this machine's own apt sources) and
# kept in $LEADROUTER_TEST_CACHE (default /var/cache/leadrouter-test), with the packages apt downloads for it.
# Prints one line per check and ends with "systemd: N passed, M failed"; exits 1 when a check failed. When this
# machine cannot boot a container (not root, no systemd-nspawn, no mirror, no namespaces) it prints SKIPPED and why.
set -uo pipefail

CACHE=${LEADROUTER_TEST_CACHE:-/var/cache/leadrouter-test}
# bump when the packages of the root file system change, so an old cache is not used
ROOTFS_PACKAGES=systemd,systemd-sysv,dbus,curl,man-db,procps
ROOTFS_ID=v1
SANDBOX_PORT=8081

skip() {
  echo "container test SKIPPED: $*"
  exit 0
}

log() { printf '%s %s\n' "$(date +%T)" "$*"; }

[ "$(id -u)" -eq 0 ] || skip "needs root (systemd-nspawn and debootstrap)"
for tool in systemd-nspawn debootstrap nsenter dpkg-deb flock; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing (Debian: apt-get install systemd-container debootstrap)"
done

suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$suite" ] || skip "cannot tell this machine's Debian release (/etc/os-release has no VERSION_CODENAME)"
# the mirror this machine's apt already uses (deb822 sources first, then the one-line format)
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || skip "no Debian mirror in this machine's apt sources"

base="$CACHE/rootfs-$suite-$ROOTFS_ID"

prepare_rootfs() {
  mkdir -p "$CACHE/apt-archives/partial"
  exec 9>"$CACHE/lock"
  flock 9
  if [ ! -x "$base/usr/lib/systemd/systemd" ]; then
    local tmp="$base.tmp"
    rm -rf "$tmp"
    log "building the $suite root file system (once; kept in $CACHE)"
    if ! debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" "$suite" "$tmp" "$mirror" \
        >"$CACHE/debootstrap.log" 2>&1; then
      tail -5 "$CACHE/debootstrap.log"
      rm -rf "$tmp"
      flock -u 9
      skip "debootstrap could not build a $suite root file system (see $CACHE/debootstrap.log)"
    fi
    # the container's apt uses the same sources as this machine
    rm -f "$tmp/etc/apt/sources.list"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      cp /etc/apt/sources.list.d/debian.sources "$tmp/etc/apt/sources.list.d/"
    else
      grep '^deb ' /etc/apt/sources.list >"$tmp/etc/apt/sources.list"
    fi
    echo leadrouter-test >"$tmp/etc/hostname"
    # downloaded packages stay in the shared cache, bound into the container
    echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$tmp/etc/apt/apt.conf.d/10keep-downloads"
    mv "$tmp" "$base"
  fi
  flock -u 9
}

if [ "${1:-}" = "--prepare" ]; then
  prepare_rootfs
  log "root file system ready: $base"
  exit 0
fi

deb=${1:?usage: container-test.sh <leadrouter_<version>_all.deb> | --prepare}
[ -f "$deb" ] || { echo "no such package: $deb" >&2; exit 2; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
start_time=$(date +%s)

prepare_rootfs

work=$(mktemp -d /var/tmp/leadrouter-test.XXXXXX)
root="$work/root"
nspawn=""
cpid=""
cleanup() {
  if [ -n "$cpid" ] && kill -0 "$cpid" 2>/dev/null; then
    nsenter -t "$cpid" -a systemctl poweroff >/dev/null 2>&1 || true
  fi
  if [ -n "$nspawn" ]; then
    for _ in $(seq 1 100); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
    kill "$nspawn" 2>/dev/null || true
    wait "$nspawn" 2>/dev/null || true
  fi
  if [ "${KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

log "copying the root file system"
cp -a --reflink=auto "$base" "$root"
cp "$deb" "$root/root/"
debname=$(basename "$deb")
# The container has no network of its own: what the package depends on (Java) is fetched from the distribution's
# mirror before it boots, into apt's cache, where its "apt-get install" finds it.
log "fetching what $debname depends on from the distribution"
mount --bind "$CACHE/apt-archives" "$root/var/cache/apt/archives"
fetched=0
{ chroot "$root" apt-get update -qq && chroot "$root" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --download-only "/root/$debname"; } >"$work/download.log" 2>&1 && fetched=1
umount "$root/var/cache/apt/archives"
if [ "$fetched" != 1 ]; then
  tail -5 "$work/download.log"
  skip "cannot fetch Java from the distribution's mirror (see above)"
fi

log "booting it under systemd-nspawn"
setsid systemd-nspawn -D "$root" --register=no --keep-unit --private-network --console=pipe \
  --bind="$CACHE/apt-archives:/var/cache/apt/archives" -b </dev/null >"$work/boot.log" 2>&1 &
nspawn=$!

# the container's systemd: the process named systemd among systemd-nspawn's descendants
descendants() {
  local pid child
  for pid in "$@"; do
    for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
      echo "$child"
      descendants "$child"
    done
  done
}
for _ in $(seq 1 100); do
  for p in $(descendants "$nspawn"); do
    if [ "$(cat /proc/"$p"/comm 2>/dev/null)" = systemd ]; then cpid=$p; break; fi
  done
  [ -n "$cpid" ] && break
  kill -0 "$nspawn" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$cpid" ]; then
  tail -20 "$work/boot.log"
  skip "systemd-nspawn could not boot a container on this machine (see its messages above)"
fi

# a command inside the container, with a clean environment
ct() {
  nsenter -t "$cpid" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}
state=$(timeout 60 nsenter -t "$cpid" -a systemctl is-system-running --wait 2>/dev/null)
case "$state" in
  running|degraded) log "container booted ($state) in $(($(date +%s) - start_time)) s" ;;
  *) tail -20 "$work/boot.log"; skip "the container's systemd did not finish booting (state '$state')" ;;
esac

passed=0
failed=0
check() {
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   - $what"
  else
    failed=$((failed + 1))
    echo "FAIL - $what"
  fi
}
# waits up to $1 seconds for a command to succeed
within() {
  local limit=$1
  shift
  local end=$(($(date +%s) + limit))
  until "$@"; do
    [ "$(date +%s)" -lt "$end" ] || return 1
    sleep 0.5
  done
}
service() { ct systemctl show leadrouter -p "$1" --value; }
journal() { ct journalctl -u leadrouter --no-pager -o cat "$@"; }

# ------------------------------------------------------------------------------------------------ install
log "installing $debname with apt-get (and Java from the distribution)"
if ! ct env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "/root/$debname" >"$work/install.log" 2>&1; then
  tail -30 "$work/install.log"
  echo "FAIL - apt-get install of the package (and a Java 17 runtime) succeeds"
  echo "systemd: $passed passed, 1 failed"
  exit 1
fi
check "apt-get install of the package (and a Java 17 runtime) succeeds" true
check "the package says what to do next (the access key)" grep -q '/etc/leadrouter/access-key' "$work/install.log"
check "the service is enabled but not started without an access key" \
  test "$(ct systemctl is-enabled leadrouter)-$(ct systemctl is-active leadrouter)" = enabled-inactive
no_login() { ct getent passwd leadrouter | grep -q ':/usr/sbin/nologin$'; }
check "the system user leadrouter exists, without a login shell" no_login
check "the lead folders exist, owned by leadrouter" \
  test "$(ct stat -c %U /var/data/leads/inbox /var/data/leads/outbox /var/data/leads/archive /var/data/leads/error | sort -u)" = leadrouter
conffile() { ct dpkg-query -W -f='${Conffiles}' leadrouter | grep -q /etc/leadrouter/leadrouter.properties; }
check "the settings are a conffile" conffile
manual() { ct man -P cat leadrouter 2>/dev/null | grep -q 'daemon'; }
check "man leadrouter shows the manual" manual
check "bash completion for leadrouter is installed" \
  ct bash -c 'source /usr/share/bash-completion/completions/leadrouter && complete -p leadrouter >/dev/null'

# ------------------------------------------------------------------------------------------------ configure
# The access key: random, written to files only (never a command's argument), checked for leaks at the end.
key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
umask 077
printf '%s' "$key" >"$root/etc/leadrouter/access-key"
printf '%s' "$key" >"$root/root/sandbox-key"
umask 022
printf '%s' "$key" >"$work/key"
chmod 0600 "$work/key"
# The CRM: the project's VTiger sandbox inside the container, with an admin and three advisors; every request takes
# 100 ms, so that a file of leads takes a few seconds to create.
mkdir -p "$root/srv/vtiger"
cat >"$root/srv/vtiger/fixture.json" <<JSON
{
  "serverTimezone": "Europe/Madrid",
  "users": [
    {"user_name": "admin", "last_name": "Administrator", "email1": "admin@example.com", "is_admin": "on",
     "status": "Active", "accesskey": "$key"},
    {"user_name": "asesor.ana", "first_name": "Ana", "last_name": "López", "email1": "ana@example.com",
     "is_admin": "off", "status": "Active", "accesskey": "ana-key"},
    {"user_name": "asesor.luis", "first_name": "Luis", "last_name": "Pérez", "email1": "luis@example.com",
     "is_admin": "off", "status": "Active", "accesskey": "luis-key"},
    {"user_name": "asesor.marta", "first_name": "Marta", "last_name": "Ruiz", "email1": "marta@example.com",
     "is_admin": "off", "status": "Active", "accesskey": "marta-key"}
  ]
}
JSON
chmod 0644 "$root/srv/vtiger/fixture.json"
ct systemd-run --quiet --unit=vtiger-sandbox -p DynamicUser=yes \
  /usr/bin/leadrouter sandbox --port "$SANDBOX_PORT" --fixture /srv/vtiger/fixture.json --latency-ms 100
sandbox_up() { ct curl -sf -o /dev/null "http://127.0.0.1:$SANDBOX_PORT/webservice.php?operation=getchallenge&username=admin"; }
check "the VTiger sandbox answers inside the container" within 60 sandbox_up

# Leads in the sandbox, counted through VTiger's webservice as any client would (the key is read from a file).
crm_leads() {
  ct sh -c '
    u=http://127.0.0.1:'"$SANDBOX_PORT"'/webservice.php
    field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
    token=$(curl -sf "$u?operation=getchallenge&username=admin" | field token)
    digest=$(printf %s "$token$(cat /root/sandbox-key)" | md5sum | cut -d" " -f1)
    session=$(curl -sf --data-urlencode operation=login --data-urlencode username=admin \
      --data-urlencode "accessKey=$digest" "$u" | field sessionName)
    curl -sf -G "$u" --data-urlencode operation=query --data-urlencode "sessionName=$session" \
      --data-urlencode "query=SELECT count(*) FROM Leads;" | field count'
}

# An admin's edits of the settings (kept by the upgrade below).
cat >>"$root/etc/leadrouter/leadrouter.properties" <<PROPS

# --- local settings
vtiger.url=http://127.0.0.1:$SANDBOX_PORT
vtiger.username=admin
vtiger.server-timezone=Europe/Madrid
vtiger.max-concurrency=1
allocation.daily-cap=100
mode=apply
inbox.poll-interval=1s
PROPS

leads_file() { # name first-row rows: a CSV of leads with distinct emails
  local name=$1 first=$2 rows=$3 i
  {
    echo "Nombre,Email,Teléfono,Curso Interesado,Origen"
    for i in $(seq "$first" $((first + rows - 1))); do
      echo "Persona Prueba$i,persona$i@example.org,,Enfermería,Web"
    done
  } >"$root/var/data/leads/inbox/$name.tmp"
  mv "$root/var/data/leads/inbox/$name.tmp" "$root/var/data/leads/inbox/$name"
  : >"$root/var/data/leads/inbox/$name.done"
}
report_for() { compgen -G "$root/var/data/leads/outbox/${1%.csv}_*_report.csv" >/dev/null; }

ct /usr/share/leadrouter/check-as-service >"$work/check.log" 2>&1
check "leadrouter check passes as the service user in the service's sandbox" test $? -eq 0 \
  || tail -20 "$work/check.log"
check "... and logs in to VTiger there" grep -q 'VTiger: logged in as admin' "$work/check.log"

# ------------------------------------------------------------------------------------------------ start
log "systemctl start leadrouter"
t0=$(date +%s%N)
ct systemctl start leadrouter
rc=$?
t1=$(date +%s%N)
check "systemctl start succeeds" test $rc -eq 0
check "the service is active" test "$(ct systemctl is-active leadrouter)" = active
started_line=$(journal | grep -n 'Started leadrouter' | head -1 | cut -d: -f1)
ready_line=$(journal | grep -n 'VTiger reached' | head -1 | cut -d: -f1)
check "active only after readiness: 'VTiger reached' is logged before systemd's 'Started'" \
  test -n "$ready_line" -a -n "$started_line" -a "${ready_line:-0}" -lt "${started_line:-0}"
check "systemctl status shows leadrouter's own status line" test -n "$(service StatusText)"
exec_start=$(service ExecMainStartTimestampMonotonic)
active_enter=$(service ActiveEnterTimestampMonotonic)
ready_ms=$(((active_enter - exec_start) / 1000))
log "ready $((ready_ms / 1000)).$(printf %03d $((ready_ms % 1000))) s after the process started; systemctl start returned after $(((t1 - t0) / 1000000)) ms"
check "the watchdog is armed" test "$(service WatchdogUSec)" != 0 -a "$(service WatchdogUSec)" != infinity

# ------------------------------------------------------------------------------------------------ a file
before=$(crm_leads)
leads_file leads-one.csv 1 5
check "a file dropped in /var/data/leads/inbox is reported in the outbox" within 60 report_for leads-one.csv
check "its 5 leads are in VTiger" test "$(crm_leads)" -eq $((before + 5))
archived() { find "$root/var/data/leads/archive" -name "$1" | grep -q .; }
check "the input is archived" archived leads-one.csv

printf '%%PDF-1.4 not a list of leads\n' >"$root/var/data/leads/inbox/factura.csv"
: >"$root/var/data/leads/inbox/factura.csv.done"
rejected() { test -f "$root/var/data/leads/error/factura.csv.error.txt"; }
check "a PDF named .csv is moved to error/ with an explanation" within 60 rejected
warned() { journal -p warning..warning | grep -q 'factura.csv: rejected'; }
check "journalctl -u leadrouter -p warning shows the rejection as a warning" within 10 warned
info_only() { journal -p info..info | grep -q 'leadrouter started' && ! journal -p warning | grep -q 'leadrouter started'; }
check "journalctl shows the start as info, not as a warning" info_only
mainpid=$(service MainPID)
key_not_in_environment() {
  local environment
  environment=$(ct cat "/proc/$mainpid/environ" | tr '\0' '\n') && [ -n "$environment" ] \
    && ! grep -qF -f "$work/key" <<<"$environment"
}
check "the access key is not in the service's environment (a credential instead)" key_not_in_environment

# ------------------------------------------------------------------------------------------------ stop
log "systemctl stop leadrouter"
t0=$(date +%s)
ct systemctl stop leadrouter
stop_s=$(($(date +%s) - t0))
timeout_stop=$(service TimeoutStopUSec)
check "systemctl stop is clean (result success) in ${stop_s}s, within TimeoutStopSec ($timeout_stop)" \
  test "$(service Result)" = success -a "$stop_s" -lt 180
said_stopped() { journal | grep -q 'leadrouter stopped'; }
check "the log says it stopped" said_stopped

# ---------------------------------------------------------------------------- a state database that does not answer
# a shared state (PostgreSQL) where nothing listens, and a start timeout shorter than the wait: the start waits for
# the database, says so in its status line, and keeps extending systemd's start timeout instead of failing
log "a state database that does not answer (TimeoutStartSec=20s for this check)"
ct mkdir -p /run/systemd/system/leadrouter.service.d
ct tee /run/systemd/system/leadrouter.service.d/state-down.conf >/dev/null <<'UNIT'
[Service]
TimeoutStartSec=20s
Environment=LEADROUTER_STATE_URL=jdbc:postgresql://127.0.0.1:9/leadrouter LEADROUTER_STATE_USERNAME=leadrouter LEADROUTER_STATE_PASSWORD=unused
UNIT
ct systemctl daemon-reload
ct systemctl start --no-block leadrouter
waiting_for_state() {
  [ "$(service ActiveState)" = activating ] && service StatusText | grep -q 'waiting for the state database'
}
check "with its state database not answering, the service waits in 'activating' and its status says why" \
  within 30 waiting_for_state
waiting_pid=$(service MainPID)
sleep 25
# the same process: a start timeout would have killed it (and Restart= would show "activating" again, with a new one)
same_wait() { waiting_for_state && [ "$(service MainPID)" = "$waiting_pid" ] && [ "$waiting_pid" != 0 ]; }
check "... the same process still waiting 25 s later, past TimeoutStartSec=20s: each try extends it" same_wait
said_waiting() { [ "$(journal | grep -c 'leadrouter waits for it and starts once it answers')" -eq 1 ]; }
check "... and the journal says so once" said_waiting
ct systemctl stop leadrouter
check "a stop while it waits is clean" test "$(service Result)" = success
ct rm -f /run/systemd/system/leadrouter.service.d/state-down.conf
ct systemctl daemon-reload

# ------------------------------------------------------------------------------------------------ kill -9
ct systemctl start leadrouter
before=$(crm_leads)
leads_file leads-two.csv 101 40
some_created() { local n; n=$(crm_leads); [ -n "$n" ] && [ "$n" -gt "$before" ]; }
within 60 some_created
during=$(crm_leads)
mainpid=$(service MainPID)
log "kill -9 $mainpid with $((during - before)) of 40 leads created"
ct kill -9 "$mainpid"
restarted() { [ "$(service NRestarts)" -ge 1 ] && [ "$(ct systemctl is-active leadrouter)" = active ]; }
check "killed mid-file ($((during - before)) of 40 created), systemd restarts it" within 90 restarted
check "the restarted daemon finishes the file and reports it" within 90 report_for leads-two.csv
check "nothing was created twice: exactly 40 more leads in VTiger" test "$(crm_leads)" -eq $((before + 40))

# ------------------------------------------------------------------------------------------------ upgrade
state_id() { journal | sed -n "s/.*deferred-queue_\([^.]*\)\.csv.*/\1/p" | tail -1; }
id_before=$(state_id)
pid_before=$(service MainPID)
echo "logging.format=json" >>"$root/etc/leadrouter/leadrouter.properties"
sum_before=$(md5sum <"$root/etc/leadrouter/leadrouter.properties")
version=$(dpkg-deb -f "$deb" Version)
rm -rf "$work/upgrade"
dpkg-deb -R "$deb" "$work/upgrade"
sed -i "s/^Version: .*/Version: $version+1/" "$work/upgrade/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 -b "$work/upgrade" "$root/root/upgrade.deb" >/dev/null
log "upgrading to $version+1"
ct env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /root/upgrade.deb >"$work/upgrade.log" 2>&1
check "the upgrade installs" test $? -eq 0 -a "$(ct dpkg-query -W -f='${Version}' leadrouter)" = "$version+1" \
  || tail -20 "$work/upgrade.log"
check "the edited settings are kept" test "$(md5sum <"$root/etc/leadrouter/leadrouter.properties")" = "$sum_before"
check "the running service was restarted by the upgrade" \
  test "$(ct systemctl is-active leadrouter)" = active -a "$(service MainPID)" != "$pid_before"
restarted_again() { [ "$(journal | grep -c 'deferred-queue_')" -ge 3 ]; }
within 60 restarted_again
check "the state is kept (the same state id before and after)" test -n "$id_before" -a "$(state_id)" = "$id_before"
json_info() { journal -n 30 -p info..info | grep -q '^{.*"level":"INFO".*}$'; }
json_warning() { journal -p warning..warning | grep -q '^{.*"level":"WARN".*factura-2.csv: rejected.*}$'; }
check "logging.format=json: the journal gets one JSON object per line" within 30 json_info
printf '%%PDF-1.4 not a list of leads\n' >"$root/var/data/leads/inbox/factura-2.csv"
: >"$root/var/data/leads/inbox/factura-2.csv.done"
check "... and a JSON warning keeps its priority" within 60 json_warning

# ------------------------------------------------------------------------------------------------ leaks
key_in_logs() { ct journalctl --no-pager -o cat | grep -qF -f "$work/key"; }
key_in_files() { grep -rqF -f "$work/key" "$root/var/data/leads"; }
key_in_arguments() { cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\0' ' ' | grep -qF -f "$work/key"; }
check "the access key is in no log" eval '! key_in_logs'
check "the access key is in no report, archive or error file" eval '! key_in_files'
check "the access key is in no process's arguments" eval '! key_in_arguments' 

# ------------------------------------------------------------------------------------------------ remove, purge
ct env DEBIAN_FRONTEND=noninteractive dpkg -r leadrouter >"$work/remove.log" 2>&1
check "dpkg -r removes the package and stops the service" \
  test "$(ct systemctl is-active leadrouter)" != active -a ! -e "$root/usr/share/leadrouter"
check "dpkg -r keeps the settings, the state and the leads" \
  test -f "$root/etc/leadrouter/leadrouter.properties" -a -d "$root/var/lib/leadrouter" -a -d "$root/var/data/leads/archive"
ct env DEBIAN_FRONTEND=noninteractive dpkg -P leadrouter >"$work/purge.log" 2>&1
check "dpkg -P removes the settings and the state" test ! -e "$root/etc/leadrouter" -a ! -e "$root/var/lib/leadrouter"
check "dpkg -P keeps the archive of leads" archived leads-one.csv
check "dpkg -P leaves no enablement behind" test ! -e "$root/etc/systemd/system/multi-user.target.wants/leadrouter.service"

if [ "$failed" -gt 0 ]; then
  echo "--- journalctl -u leadrouter (last 60 lines)"
  ct journalctl -u leadrouter --no-pager -o short-monotonic | tail -60
fi
log "container test took $(($(date +%s) - start_time)) s"
echo "systemd: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
