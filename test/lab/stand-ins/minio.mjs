// Stand-in for MinIO: only its liveness endpoint, GET /minio/health/live (200, empty body).
import { createServer } from 'node:http';
import { appLog, onStop, startHeartbeat } from './heartbeat.mjs';

const server = createServer((request, response) => {
  const live = (request.url ?? '').split('?')[0] === '/minio/health/live';
  response.writeHead(live ? 200 : 403, { server: 'MinIO' });
  response.end();
  appLog('INFO', `"${request.method} ${request.url} HTTP/1.1" ${live ? 200 : 403}`);
});
server.listen(Number(process.env.PORT), process.env.BIND, () => {
  appLog('INFO', `API: http://${process.env.BIND}:${process.env.PORT}`);
  startHeartbeat(() => server.listening);
});
onStop(() => new Promise((resolve) => server.close(resolve)));
