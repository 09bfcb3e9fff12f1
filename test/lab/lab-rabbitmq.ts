import amqp from 'amqplib';
import { ensureRabbitmqManagement } from '../support/rabbitmq-management.js';
import { run } from './lab-process.js';
import { celeryQueues, labServices } from './lab-topology.js';

/**
 * The machine's RabbitMQ, borrowed through a vhost of the lab's own (`samaconso`), with the
 * runbook's four Celery queues declared durable. rabbitmqctl is slow (an Erlang VM per call), so
 * it only runs when the vhost cannot be opened yet.
 */

/** True when guest can open the lab's vhost. */
export async function vhostReady(): Promise<boolean> {
  try {
    const connection = await amqp.connect(labServices.rabbitmq.url, { timeout: 2000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

/** Creates the vhost (once) and declares the queues (idempotent). */
export async function prepareRabbitmq(): Promise<void> {
  const { vhost } = labServices.rabbitmq;
  // The inventory's managementUrl: the weekly report reads the queues' rates there.
  await ensureRabbitmqManagement();
  if (!(await vhostReady())) {
    const vhosts = await run('rabbitmqctl', ['-q', 'list_vhosts']);
    if (!vhosts.split('\n').includes(vhost)) await run('rabbitmqctl', ['-q', 'add_vhost', vhost]);
    await run('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  }
  const connection = await amqp.connect(labServices.rabbitmq.url, { timeout: 5000 });
  try {
    const channel = await connection.createChannel();
    for (const queue of celeryQueues) await channel.assertQueue(queue, { durable: true });
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Publishes `count` persistent messages to a queue of the lab's vhost. */
export async function publish(queue: string, count: number, marker: string): Promise<void> {
  const connection = await amqp.connect(labServices.rabbitmq.url, { timeout: 5000 });
  try {
    const channel = await connection.createConfirmChannel();
    for (let index = 0; index < count; index += 1) {
      channel.sendToQueue(queue, Buffer.from(JSON.stringify({ task: 'samaconso.notify', marker, index })), {
        persistent: true,
        messageId: `${marker}-${index}`,
      });
    }
    await channel.waitForConfirms();
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Ready messages and consumers of a queue of the lab's vhost. */
export async function queueState(queue: string): Promise<{ messageCount: number; consumerCount: number }> {
  const connection = await amqp.connect(labServices.rabbitmq.url, { timeout: 5000 });
  try {
    const channel = await connection.createChannel();
    const { messageCount, consumerCount } = await channel.checkQueue(queue);
    await channel.close();
    return { messageCount, consumerCount };
  } finally {
    await connection.close();
  }
}

/** Drops the ready messages of a queue (heal of a backlog the lab created). */
export async function purge(queue: string): Promise<void> {
  const connection = await amqp.connect(labServices.rabbitmq.url, { timeout: 5000 });
  try {
    const channel = await connection.createChannel();
    await channel.purgeQueue(queue);
    await channel.close();
  } finally {
    await connection.close();
  }
}
