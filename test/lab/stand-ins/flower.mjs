// Stand-in for Flower: GET /api/workers returns the Celery workers that are alive, keyed by name
// as real Flower does ({"celery@host": {...}}); with `?status=1`, every worker it has heard of,
// each with a boolean (true while alive). A worker is alive while its heartbeat file in
// CELERY_DIR/workers is fresh (< 3 s; Celery's worker-heartbeat interval is 2 s) and does not
// say it went offline (Celery's worker-offline event, sent at a warm shutdown).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { onStop, startHeartbeat } from './heartbeat.mjs';

const workersDir = join(process.env.CELERY_DIR ?? '/tmp', 'workers');
const STALE_MS = 3000;

function knownWorkers() {
  const workers = {};
  let files = [];
  try {
    files = readdirSync(workersDir).filter((file) => file.endsWith('.json'));
  } catch {
    return workers;
  }
  for (const file of files) {
    try {
      const beat = JSON.parse(readFileSync(join(workersDir, file), 'utf8'));
      const alive = !beat.offline && Date.now() - beat.ts <= STALE_MS;
      workers[beat.hostname] = {
        alive,
        stats: { pid: beat.pid, total: { processed: beat.processed }, broker: { transport: 'amqp' } },
        active_queues: beat.active.map((name) => ({ name, durable: true, exclusive: false })),
        active: [],
        reserved: [],
        scheduled: [],
        timestamp: beat.ts / 1000,
      };
    } catch {
      // A file being rewritten: the worker is reported at the next request.
    }
  }
  return workers;
}

function apiWorkers(query) {
  const workers = Object.entries(knownWorkers());
  if (query.get('status') === '1')
    return Object.fromEntries(workers.map(([name, info]) => [name, info.alive]));
  return Object.fromEntries(
    workers.filter(([, info]) => info.alive).map(([name, { alive, ...info }]) => [name, info]),
  );
}

// Flower's --basic_auth (the runbook's `--user admin:admin`); /healthcheck stays open, as in Flower.
const expectedAuth = process.env.FLOWER_BASIC_AUTH
  ? `Basic ${Buffer.from(process.env.FLOWER_BASIC_AUTH).toString('base64')}`
  : undefined;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://flower');
  const path = url.pathname;
  if (expectedAuth && path !== '/healthcheck' && request.headers.authorization !== expectedAuth) {
    response.writeHead(401, { 'www-authenticate': 'Basic realm="flower"' });
    response.end();
    return;
  }
  const routes = { '/api/workers': () => apiWorkers(url.searchParams), '/healthcheck': () => 'OK' };
  const route = routes[path];
  response.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(route ? route() : { error: 'Not Found' }));
});
server.listen(Number(process.env.PORT), process.env.BIND, () => startHeartbeat(() => server.listening));
onStop(() => new Promise((resolve) => server.close(resolve)));
