#!/usr/bin/env bash
# Start a PostgreSQL server on 127.0.0.1 for coopwatch and print its URL as the last line.
#
# For Debian as root (CI and developers); safe to run again. Installs the `postgresql`
# package when no server binaries are present, then uses the Debian cluster
# (pg_ctlcluster) if there is one and its port is free, otherwise a private cluster
# under $COOPWATCH_PG_DIR (default /tmp/coopwatch-pg) on the first free port from 5432;
# COOPWATCH_PG_PRIVATE=1 leaves the Debian cluster alone and always uses the private one.
# Creates role and database (password auth over loopback) if they are missing.
#
#   export COOPWATCH_TEST_PG=$(scripts/postgres.sh | tail -n 1)
set -euo pipefail

ROLE=${COOPWATCH_PG_ROLE:-coopwatch}
PASSWORD=${COOPWATCH_PG_PASSWORD:-coopwatch}
DB=${COOPWATCH_PG_DB:-coopwatch_test}
PRIVATE=${COOPWATCH_PG_DIR:-/tmp/coopwatch-pg}
ONLY_PRIVATE=${COOPWATCH_PG_PRIVATE:-}

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Server binaries of the newest installed major version.
newest_bin() {
	local found=(/usr/lib/postgresql/*/bin/initdb)
	[ -x "${found[0]}" ] || return 1
	dirname "$(printf '%s\n' "${found[@]}" | sort -V | tail -n 1)"
}

# Run as the postgres user from a directory it can read.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

[ "$(id -u)" = 0 ] || die "run as root (it may install packages and start a server)"

if [ -z "$(newest_bin)" ]; then
	log "installing PostgreSQL with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
BIN=$(newest_bin) || die "no PostgreSQL server binaries under /usr/lib/postgresql"
id postgres >/dev/null 2>&1 ||
	useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres

PORT=
SOCKET=

# The Debian cluster: newest one listed by pg_lsclusters; started if down and its port free.
use_debian_cluster() {
	[ -z "$ONLY_PRIVATE" ] && command -v pg_lsclusters >/dev/null || return 1
	local ver name port status
	read -r ver name port status _ < <(pg_lsclusters -h 2>/dev/null | sort -V | tail -n 1) ||
		return 1
	[ -n "${ver:-}" ] || return 1
	if [[ $status != online* ]]; then
		if port_open "$port"; then
			log "port $port is taken by another server: not starting cluster $ver/$name"
			return 1
		fi
		install -d -o postgres -g postgres -m 2775 /var/run/postgresql
		log "starting cluster $ver/$name on port $port"
		pg_ctlcluster "$ver" "$name" start -- -o "-c listen_addresses=127.0.0.1" >&2 ||
			return 1
	fi
	BIN=/usr/lib/postgresql/$ver/bin
	PORT=$port
	SOCKET=/var/run/postgresql
}

# A cluster of our own under $PRIVATE, kept across runs.
use_private_cluster() {
	local data=$PRIVATE/data run=$PRIVATE/run
	install -d -o postgres -g postgres -m 700 "$PRIVATE" "$run"
	if [ ! -s "$data/PG_VERSION" ]; then
		log "creating cluster in $data"
		as_postgres "$BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
			--auth-local=peer --auth-host=scram-sha-256 >/dev/null
	fi
	if as_postgres "$BIN/pg_ctl" status -D "$data" >/dev/null 2>&1; then
		PORT=$(cat "$PRIVATE/port")
	else
		PORT=5432
		while port_open "$PORT"; do PORT=$((PORT + 1)); done
		echo "$PORT" >"$PRIVATE/port"
		log "starting cluster $data on port $PORT"
		as_postgres "$BIN/pg_ctl" start -w -D "$data" -l "$PRIVATE/server.log" \
			-o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$run" \
			>/dev/null || die "server did not start: see $PRIVATE/server.log"
	fi
	SOCKET=$run
}

use_debian_cluster || use_private_cluster

"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 30 || die "server on port $PORT is not ready"

as_postgres "$BIN/psql" -X -q -h "$SOCKET" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 \
	-v role="$ROLE" -v pw="$PASSWORD" -v db="$DB" <<'SQL' >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'pw';
-- C.UTF-8 whatever the cluster's default: full-text search lower-cases non-ASCII letters.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' LC_COLLATE ''C.UTF-8'' '
              'LC_CTYPE ''C.UTF-8'' TEMPLATE template0', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

# The URL must work as printed: log in over TCP with the password.
PGPASSWORD=$PASSWORD "$BIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" \
	-c 'SELECT 1' >/dev/null || die "cannot log in as $ROLE on 127.0.0.1:$PORT/$DB"

echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
