#!/usr/bin/env bash
# Makes PostgreSQL and a NATS server with JetStream reachable for local development (npm run infra:up).
# Idempotent: whatever already answers is used as it is; only what is missing gets installed or started.
# Anything started here keeps its files under the git-ignored .infra/ folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA="$ROOT/.infra"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/yikouban}"
NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
WAIT_SECONDS=30

log() { echo "[infra] $*"; }
die() { echo "[infra] ERROR: $*" >&2; exit 1; }
# sudo only when we are not root already (containers usually run as root without sudo installed).
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
is_local() { case "$1" in 127.0.0.1 | localhost | ::1 | 0.0.0.0) return 0 ;; *) return 1 ;; esac; }
# Never echo a password that DATABASE_URL or NATS_URL may carry.
redact() { sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#g' <<<"$1"; }
tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
wait_for() { # wait_for <what> <command...>: retry once a second, bounded
  local what="$1" i
  shift
  for ((i = 0; i < WAIT_SECONDS; i++)); do
    if "$@"; then return 0; fi
    sleep 1
  done
  die "$what did not become ready within ${WAIT_SECONDS}s"
}
apt_install() { # apt_install <package>: only when dpkg does not know it yet
  if dpkg -s "$1" >/dev/null 2>&1; then return 0; fi
  command -v apt-get >/dev/null || die "$1 is missing and apt-get is not available; install it by hand"
  log "installing Debian package $1"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

# as_postgres <command...>: initdb and pg_ctl refuse root, so the local cluster belongs to postgres.
as_postgres() {
  if [ "$(id -u)" -ne 0 ]; then "$@"
  elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

start_debian_cluster() { # prints nothing and fails when no Debian cluster listens on $PGPORT
  command -v pg_lsclusters >/dev/null || return 1
  local ver name port status
  while read -r ver name port status _; do
    [ "$port" = "$PGPORT" ] || continue
    if [ "$status" != "online" ]; then
      log "starting Debian cluster $ver/$name on port $port"
      as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
    fi
    return 0
  done < <(pg_lsclusters -h 2>/dev/null)
  return 1
}

start_local_cluster() {
  local bin data="$INFRA/pg/data"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$bin/initdb" ] || die "initdb not found under /usr/lib/postgresql/*/bin"
  mkdir -p "$INFRA/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$INFRA/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising a local cluster in $data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Listen only on loopback; the socket lives beside the data so no system folder is needed.
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\n" \
      "$PGPORT" "$INFRA/pg" | as_postgres tee -a "$data/postgresql.conf" >/dev/null
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "local cluster in $data is already running"
  else
    log "starting local cluster in $data on 127.0.0.1:$PGPORT (log: .infra/pg/postgres.log)"
    as_postgres "$bin/pg_ctl" -D "$data" -l "$INFRA/pg/postgres.log" -o "-p $PGPORT" start >/dev/null
  fi
}

ensure_postgres() {
  if pg_ready; then
    log "PostgreSQL is already running on $PGHOST:$PGPORT"
  else
    is_local "$PGHOST" || die "PostgreSQL on $PGHOST:$PGPORT does not answer and is not local; start it there"
    apt_install postgresql
    start_debian_cluster || start_local_cluster
    wait_for "PostgreSQL on $PGHOST:$PGPORT" pg_ready
    log "PostgreSQL is ready on $PGHOST:$PGPORT"
  fi
  # Database name: the path of DATABASE_URL without its query string.
  local db="${DATABASE_URL##*/}"
  db="${db%%\?*}"
  [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "unexpected database name '$db' in DATABASE_URL"
  local psql=(psql -X -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
  if [ "$("${psql[@]}" -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")" = "1" ]; then
    log "database $db exists"
  else
    "${psql[@]}" -c "CREATE DATABASE \"$db\""
    log "database $db created"
  fi
}

# ---------------------------------------------------------------------------------------------
# NATS with JetStream
nats_jetstream() { # the server's INFO line says whether JetStream is on
  timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2; IFS= read -r -t 2 line <&3; [[ \$line == *'\"jetstream\":true'* ]]" 2>/dev/null
}

nats_running() { # a live (not zombie) nats-server under this pid, not a recycled pid
  local comm state
  read -r _ comm state _ <"/proc/$1/stat" 2>/dev/null || return 1
  [ "$comm" = "(nats-server)" ] && [ "$state" != Z ]
}

ensure_nats() {
  # First server of a possibly comma-separated list; drop scheme and credentials.
  local first="${NATS_URL%%,*}"
  first="${first#*://}"
  first="${first##*@}"
  local host="${first%%:*}" port="4222"
  [[ "$first" == *:* ]] && port="${first##*:}"
  port="${port%%/*}"

  if tcp_open "$host" "$port"; then
    log "NATS is already running on $host:$port"
  else
    is_local "$host" || die "NATS on $host:$port does not answer and is not local; start it there"
    local bin
    bin="$(command -v nats-server || true)"
    [ -z "$bin" ] && [ -x /usr/sbin/nats-server ] && bin=/usr/sbin/nats-server
    if [ -z "$bin" ]; then
      apt_install nats-server
      bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
    fi
    mkdir -p "$INFRA/nats"
    local pid_file="$INFRA/nats.pid"
    if [ -f "$pid_file" ] && nats_running "$(cat "$pid_file")"; then
      log "nats-server (pid $(cat "$pid_file")) is starting; waiting for it"
    else
      log "starting nats-server with JetStream on 127.0.0.1:$port (store: .infra/nats, log: .infra/nats.log)"
      # setsid + nohup: the server outlives this script and a Ctrl-C in the terminal that ran it.
      setsid nohup "$bin" -a 127.0.0.1 -p "$port" -js -sd "$INFRA/nats" >>"$INFRA/nats.log" 2>&1 </dev/null &
      echo $! >"$pid_file"
    fi
    wait_for "NATS on 127.0.0.1:$port" tcp_open 127.0.0.1 "$port"
    log "NATS is ready on 127.0.0.1:$port (pid $(cat "$pid_file"))"
  fi
  nats_jetstream "$host" "$port" ||
    log "WARNING: the server on $host:$port does not announce JetStream; start it with -js"
}

ensure_postgres
ensure_nats
log "infrastructure is up: DATABASE_URL=$(redact "$DATABASE_URL") NATS_URL=$(redact "$NATS_URL")"
