# Sourced by .ci/run (bash, set -euo pipefail): PostgreSQL and Redis for the scale-out tests (issue 14).
# Installs them from Debian's packages when missing, starts them, creates the test role and database, and
# exports TEST_DATABASE_URL and TEST_REDIS_URL. Idempotent: a second run finds everything up and changes nothing.
# CI runs as root on a machine where nothing is started for it, so every step is explicit (no systemd).

ci_pg_user=welcome
ci_pg_password=welcome
ci_pg_database=welcome_test
ci_redis_port=6379

ci_missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ci_missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || ci_missing+=(redis-server)
if ((${#ci_missing[@]})); then
  echo "Installing ${ci_missing[*]} from Debian for the scale-out tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${ci_missing[@]}" >/dev/null
fi

# PostgreSQL: Debian's package makes a "main" cluster; make one if an image removed it, then start it.
ci_pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ci_pg_version main"; then
  pg_createcluster "$ci_pg_version" main >/dev/null
fi
if ! pg_ctlcluster "$ci_pg_version" main status >/dev/null 2>&1; then
  pg_ctlcluster "$ci_pg_version" main start
fi
ci_pg_port=$(pg_lsclusters -h | awk -v v="$ci_pg_version" '$1 == v && $2 == "main" {print $3}')
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$ci_pg_port" && break
  sleep 1
done
ci_psql() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $ci_pg_port -tAc \"$1\""; }
if [ "$(ci_psql "SELECT 1 FROM pg_roles WHERE rolname = '$ci_pg_user'")" != 1 ]; then
  ci_psql "CREATE ROLE $ci_pg_user LOGIN PASSWORD '$ci_pg_password'"
fi
if [ "$(ci_psql "SELECT 1 FROM pg_database WHERE datname = '$ci_pg_database'")" != 1 ]; then
  ci_psql "CREATE DATABASE $ci_pg_database OWNER $ci_pg_user"
fi

# Redis: in memory only (no dump file left behind), on localhost.
if ! redis-cli -p "$ci_redis_port" ping >/dev/null 2>&1; then
  redis-server --daemonize yes --port "$ci_redis_port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 30); do
    redis-cli -p "$ci_redis_port" ping >/dev/null 2>&1 && break
    sleep 0.2
  done
fi

export TEST_DATABASE_URL="postgres://$ci_pg_user:$ci_pg_password@127.0.0.1:$ci_pg_port/$ci_pg_database"
export TEST_REDIS_URL="redis://127.0.0.1:$ci_redis_port"
echo "Scale-out test services: PostgreSQL $ci_pg_version on port $ci_pg_port, Redis on port $ci_redis_port."
