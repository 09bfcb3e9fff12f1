// Stand-in for a Celery worker: a real AMQP consumer of its queues (QUEUES) that acks every
// message, and announces itself alive to the Flower stand-in with a heartbeat file every second
// (Celery's worker-heartbeat event), marked offline at a warm shutdown (worker-offline). Queues named in CELERY_DIR/cancelled/<container> are not
// consumed (Celery's `control cancel_consumer`); SIGUSR2 re-reads that file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import amqp from 'amqplib';
import { appLog, onStop, startHeartbeat } from './heartbeat.mjs';

const container = process.env.CONTAINER_NAME ?? 'celery_worker';
const hostname = `celery@${container}`;
const queues = (process.env.QUEUES ?? '').split(',').filter(Boolean);
const celeryDir = process.env.CELERY_DIR ?? '/tmp';
const heartbeatFile = join(celeryDir, 'workers', `${hostname}.json`);
const cancelledFile = join(celeryDir, 'cancelled', container);
mkdirSync(join(celeryDir, 'workers'), { recursive: true });

const connection = await amqp.connect(process.env.AMQP_URL, {
  clientProperties: { connection_name: hostname },
});
connection.on('close', () => process.exit(1));
const channel = await connection.createChannel();
await channel.prefetch(20);
const consumers = new Map();
let processed = 0;

async function applyCancelled() {
  const cancelled = existsSync(cancelledFile) ? readFileSync(cancelledFile, 'utf8').split(/\s+/) : [];
  for (const queue of queues) {
    const active = consumers.get(queue);
    if (cancelled.includes(queue) && active) {
      consumers.delete(queue);
      await channel.cancel(active);
      appLog('INFO', `cancelled consumer for queue ${queue}`);
    } else if (!cancelled.includes(queue) && !active) {
      await channel.assertQueue(queue, { durable: true });
      const { consumerTag } = await channel.consume(queue, (message) => {
        if (!message) return;
        processed += 1;
        channel.ack(message);
        appLog('INFO', `Task ${message.properties.messageId ?? processed} succeeded (queue ${queue})`);
      });
      consumers.set(queue, consumerTag);
    }
  }
}

await applyCancelled();
process.on('SIGUSR2', () => void applyCancelled());
appLog('INFO', `${hostname} ready. queues: ${queues.join(', ')}`);

startHeartbeat();
const beat = (offline = false) =>
  writeFileSync(
    heartbeatFile,
    JSON.stringify({
      hostname,
      pid: process.pid,
      queues,
      active: [...consumers.keys()],
      processed,
      ts: Date.now(),
      offline,
    }),
  );
beat();
setInterval(() => beat(), 1000).unref();
// Keeps the event loop alive between messages.
setInterval(() => {}, 60_000);

onStop(async () => {
  beat(true);
  await connection.close().catch(() => undefined);
});
