#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster, with
# BACKLOAD_TEST_POSTGRES naming it, then stops the cluster and deletes it.
# `make test` runs the unit tests through it, so that every store test runs
# on PostgreSQL as well as on SQLite.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# The cluster lives in a temporary folder, listens on a free port of
# 127.0.0.1 and in a socket folder of its own, and trades durability for
# speed (fsync off): it holds nothing worth keeping. initdb and pg_ctl are
# looked up in PG_BINDIR when set, else on PATH, else in Debian's
# /usr/lib/postgresql/*/bin; when they are missing and we are root, the
# `postgresql` package is installed. PostgreSQL refuses to run as root, so
# as root the cluster runs as the `postgres` system user.
#
# When PostgreSQL cannot be had, the command runs without the variable
# after a warning (the PostgreSQL store tests then skip), except under
# CI=true, where this fails: CI must never pass on SQLite alone.
# A BACKLOAD_TEST_POSTGRES already set is used as it is.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
cmd=("$@")
dir=""

if [ -n "${BACKLOAD_TEST_POSTGRES:-}" ]; then
  exec "${cmd[@]}"
fi

# unavailable reports why there is no PostgreSQL, then fails under CI or
# runs the command without it.
unavailable() {
  [ -z "$dir" ] || cleanup
  trap - EXIT
  if [ "${CI:-}" = true ]; then
    echo "with-postgres: FAILED: no PostgreSQL for the tests: $1." >&2
    echo "with-postgres: under CI=true the store tests must run on PostgreSQL; install the postgresql package (or set PG_BINDIR)." >&2
    exit 1
  fi
  echo "with-postgres: WARNING: no PostgreSQL for the tests: $1; running without it (the PostgreSQL store tests skip)." >&2
  exec "${cmd[@]}"
}

# find_bindir prints the folder holding initdb and pg_ctl.
find_bindir() {
  local d
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ] && echo "$PG_BINDIR"
    return
  fi
  if d=$(command -v pg_ctl 2>/dev/null) && [ -x "$(dirname "$d")/initdb" ]; then
    dirname "$d"
    return
  fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return
    fi
  done
}

t0=$(date +%s.%N)
bindir=$(find_bindir)
if [ -z "$bindir" ] && [ -z "${PG_BINDIR:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing the postgresql package..." >&2
  aptlog=$(mktemp)
  # The binaries are what we need: a package script that fails to start
  # the distribution's own cluster (no init system in a container) does
  # not matter, so look for them whatever apt-get returns.
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >"$aptlog" 2>&1
  bindir=$(find_bindir)
  [ -n "$bindir" ] || tail -5 "$aptlog" >&2
  rm -f "$aptlog"
fi
[ -n "$bindir" ] || unavailable "initdb and pg_ctl not found${PG_BINDIR:+ in PG_BINDIR=$PG_BINDIR}"

# as_pg runs a command as the user the cluster belongs to: ourselves, or
# the postgres system user when we are root.
pguser=""
if [ "$(id -u)" = 0 ]; then
  pguser=postgres
  if ! id "$pguser" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$pguser" ||
      unavailable "cannot create the $pguser user to run PostgreSQL as"
  fi
fi
as_pg() {
  if [ -z "$pguser" ]; then
    "$@"
  elif command -v runuser >/dev/null; then
    runuser -u "$pguser" -- "$@"
  else
    su -s /bin/sh "$pguser" -c "$(printf '%q ' "$@")"
  fi
}

# The cluster's user must reach the folder, so as root it goes in /tmp
# rather than a TMPDIR that may sit inside root's home.
if [ -n "$pguser" ]; then base=/tmp; else base=${TMPDIR:-/tmp}; fi
dir=$(mktemp -d "$base/backload-pg.XXXXXX") || unavailable "cannot make a temporary folder"
data=$dir/data
cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    # Immediate: nothing in the cluster is worth a checkpoint.
    as_pg "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[ -z "$pguser" ] || chown "$pguser" "$dir"
chmod 700 "$dir"

# A random password: the port is open to every local user while it runs.
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$dir/pwfile"
[ -z "$pguser" ] || chown "$pguser" "$dir/pwfile"
if ! as_pg "$bindir/initdb" -D "$data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
  -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  unavailable "initdb failed"
fi
rm -f "$dir/pwfile"
as_pg mkdir "$dir/sock"
cat >>"$data/postgresql.conf" <<EOF
# A throwaway test cluster: speed over durability.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
logging_collector = off
EOF

# A free port: pick at random until one answers nothing, and try again when
# another process takes it between the check and the start.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=""
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  port_taken "$port" && continue
  if as_pg "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
    started=1
    break
  fi
  grep -q "in use" "$dir/server.log" 2>/dev/null || break
done
if [ -z "$started" ]; then
  cat "$dir/server.log" >&2 2>/dev/null
  unavailable "the PostgreSQL server did not start"
fi

export BACKLOAD_TEST_POSTGRES="postgres://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable"
version=$("$bindir/pg_ctl" --version | awk '{print $3}')
echo "with-postgres: PostgreSQL $version on 127.0.0.1:$port, ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2

"${cmd[@]}"
exit $?
