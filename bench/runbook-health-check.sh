#!/usr/bin/env bash
# The runbook's health_check_complet.sh (§10.2), extended to the same checks samaops runs, done the
# runbook's way: one ssh / psql / redis-cli / curl after another. Used by `npm run bench` as the
# baseline. Every value comes from the environment the bench sets from config/lab.yml.
#   SSH_TARGETS   "user@host:key:mount:logglob ..."   KNOWN_HOSTS  known_hosts file (pinned keys)
#   API_URLS      "url url"   PG_URL   REDIS_HOST REDIS_PORT   FLOWER_URL FLOWER_AUTH   MINIO_URL
set -u
ssh_opts=(-o BatchMode=yes -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$KNOWN_HOSTS" -o ConnectTimeout=3)

echo "=== DIAGNOSTIC SAMA CONSO ==="
echo "1. État des serveurs:"
for target in $SSH_TARGETS; do
  IFS=: read -r login key _mount _glob <<<"$target"
  ssh "${ssh_opts[@]}" -i "$key" "$login" true >/dev/null 2>&1 && echo "  ✅ $login" || echo "  ❌ $login"
done

echo "2. État des services:"
for url in $API_URLS; do
  curl -sf --max-time 3 "$url" >/dev/null && echo "  ✅ $url" || echo "  ❌ $url"
done
psql "$PG_URL" -Atc "SELECT 1;" >/dev/null 2>&1 && echo "  ✅ PostgreSQL" || echo "  ❌ PostgreSQL"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && echo "  ✅ Redis" || echo "  ❌ Redis"
curl -sf --max-time 3 "$FLOWER_URL/api/workers" --user "$FLOWER_AUTH" >/dev/null && echo "  ✅ Flower" || echo "  ❌ Flower"
curl -sf --max-time 3 "$MINIO_URL/minio/health/live" >/dev/null && echo "  ✅ MinIO" || echo "  ❌ MinIO"

echo "3. Base de données (10.1 Problème 3):"
psql "$PG_URL" -Atc "SELECT count(*), state FROM pg_stat_activity GROUP BY state;" >/dev/null 2>&1
psql "$PG_URL" -Atc "SELECT pid FROM pg_stat_activity WHERE state != 'idle' AND age(clock_timestamp(), query_start) > interval '5 minutes';" >/dev/null 2>&1
psql "$PG_URL" -Atc "SELECT pid, pg_blocking_pids(pid) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;" >/dev/null 2>&1
psql "$PG_URL" -Atc "SELECT sum(heap_blks_hit) / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0) FROM pg_statio_user_tables;" >/dev/null 2>&1
psql "$PG_URL" -Atc "SELECT query FROM pg_stat_statements WHERE mean_exec_time > 1000 ORDER BY mean_exec_time DESC LIMIT 10;" >/dev/null 2>&1
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" INFO memory >/dev/null 2>&1
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" DBSIZE >/dev/null 2>&1

echo "4. Ressources, conteneurs et logs:"
for target in $SSH_TARGETS; do
  IFS=: read -r login key mount glob <<<"$target"
  ssh "${ssh_opts[@]}" -i "$key" "$login" df -P "$mount" >/dev/null 2>&1
  ssh "${ssh_opts[@]}" -i "$key" "$login" "docker ps -a --format '{{json .}}'" >/dev/null 2>&1
  ssh "${ssh_opts[@]}" -i "$key" "$login" "grep -c 'ERROR\|CRITICAL' $glob" >/dev/null 2>&1
done
echo "=== FIN DU DIAGNOSTIC ==="
