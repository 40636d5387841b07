#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests and the benchmarks.
#
#   scripts/postgres-cluster.sh start DIR [SETTING=VALUE...]   # prints the cluster's URL
#   scripts/postgres-cluster.sh stop DIR                        # stops it and deletes DIR
#
# Uses the newest PostgreSQL server installed (Debian's postgresql package, 15 or later).
# Started as root, the server runs as the postgres user. Extra settings are passed to the
# server as -c SETTING=VALUE (the benchmarks size its memory this way).
set -euo pipefail

command=${1:-}; dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [SETTING=VALUE...]" >&2; exit 2; }
shift 2

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -x "$pgbin/initdb" ] || { echo "postgres-cluster: no PostgreSQL server installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; echo "postgres-cluster: initdb failed" >&2; exit 1; }
    # A free port: the first of 55432-55631 nobody listens on.
    port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
        [ "$port" -lt 55632 ] || { echo "postgres-cluster: no free port" >&2; exit 1; }
    done
    options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
    for setting in "$@"; do options="$options -c $setting"; done
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$options" -w -t 60 start >/dev/null \
        || { cat "$dir/server.log" >&2; echo "postgres-cluster: the server did not start" >&2; exit 1; }
    echo "$port" > "$dir/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR [SETTING=VALUE...]" >&2; exit 2
    ;;
esac
