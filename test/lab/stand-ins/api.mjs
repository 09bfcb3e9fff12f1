// Stand-in for a SamaConso API container (samaconso_api_N): answers /health with 200 JSON and
// writes one access-log line per request, like the real API behind the load balancer.
import { createServer } from 'node:http';
import { appLog, onStop, startHeartbeat } from './heartbeat.mjs';

const name = process.env.CONTAINER_NAME ?? 'samaconso_api';
const started = Date.now();

const server = createServer((request, response) => {
  const path = (request.url ?? '/').split('?')[0];
  const status = path === '/health' ? 200 : 404;
  const body =
    status === 200
      ? { status: 'healthy', instance: name, uptime_s: Math.round((Date.now() - started) / 1000) }
      : { detail: 'Not Found' };
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
  appLog('INFO', `"${request.method} ${path} HTTP/1.1" ${status}`);
});

server.listen(Number(process.env.PORT), process.env.BIND, () => {
  appLog('INFO', `Uvicorn running on http://${process.env.BIND}:${process.env.PORT}`);
  startHeartbeat(() => server.listening);
});
onStop(() => new Promise((resolve) => server.close(resolve)));
