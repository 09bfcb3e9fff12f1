#!/bin/sh
# Test double for the Docker CLI (the engine cannot run here). It answers only the two read-only
# commands of the docker.containers check, with output recorded from a real Docker 24 engine:
# one container healthy, one exited, one unhealthy, one not expected by the inventory.
case "$1" in
  ps)
    cat <<'JSON'
{"Command":"\"gunicorn samaconso.wsgi…\"","CreatedAt":"2026-11-02 08:14:03 +0000 UTC","ID":"4b1f0c9d2e7a","Image":"samaconso/api:1.4.2","Labels":"com.docker.compose.project=samaconso,com.docker.compose.service=api_1","LocalVolumes":"0","Mounts":"/opt/samaconso/l…","Names":"samaconso_api_1","Networks":"samaconso_default","Ports":"0.0.0.0:8001->8000/tcp","RunningFor":"2 hours ago","Size":"0B","State":"running","Status":"Up 2 hours (healthy)"}
{"Command":"\"gunicorn samaconso.wsgi…\"","CreatedAt":"2026-11-02 08:14:03 +0000 UTC","ID":"9a3e5d7c1b2f","Image":"samaconso/api:1.4.2","Labels":"com.docker.compose.project=samaconso,com.docker.compose.service=api_2","LocalVolumes":"0","Mounts":"/opt/samaconso/l…","Names":"samaconso_api_2","Networks":"samaconso_default","Ports":"0.0.0.0:8002->8000/tcp","RunningFor":"2 hours ago","Size":"0B","State":"running","Status":"Up 2 hours (unhealthy)"}
{"Command":"\"celery -A samaconso…\"","CreatedAt":"2026-11-02 08:14:05 +0000 UTC","ID":"c2d8e4f6a1b3","Image":"samaconso/worker:1.4.2","Labels":"com.docker.compose.project=samaconso,com.docker.compose.service=celery_worker_2","LocalVolumes":"0","Mounts":"","Names":"samaconso_celery_worker_2","Networks":"samaconso_default","Ports":"","RunningFor":"2 hours ago","Size":"0B","State":"exited","Status":"Exited (1) 12 minutes ago"}
{"Command":"\"docker-entrypoint.s…\"","CreatedAt":"2026-10-28 17:40:11 +0000 UTC","ID":"e7f1a2b3c4d5","Image":"redis:7-alpine","Labels":"","LocalVolumes":"1","Mounts":"3c1e…","Names":"redis","Networks":"bridge","Ports":"6379/tcp","RunningFor":"5 days ago","Size":"0B","State":"running","Status":"Up 5 days"}
JSON
    ;;
  inspect)
    # docker inspect --format '{{.Name}} {{.RestartCount}}' NAME...
    shift 3
    for name in "$@"; do
      case "$name" in
        samaconso_api_1) echo "/samaconso_api_1 0" ;;
        samaconso_api_2) echo "/samaconso_api_2 4" ;;
        samaconso_celery_worker_2) echo "/samaconso_celery_worker_2 1" ;;
        *) echo "Error: No such object: $name" >&2; status=1 ;;
      esac
    done
    exit "${status:-0}"
    ;;
  *)
    echo "docker-ps-double: unsupported command: $*" >&2
    exit 2
    ;;
esac
