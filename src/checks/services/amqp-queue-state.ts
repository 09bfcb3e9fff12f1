import type { Channel, ChannelModel } from 'amqplib';
import { abortable } from '../../lifecycle/reconnecting.js';

/** What AMQP tells of one queue: ready messages only (not the unacknowledged ones) and consumers. */
export interface AmqpQueueState {
  messageCount: number;
  consumerCount: number;
}

/**
 * `checkQueue` on a throwaway channel (a missing queue makes the server close it with 404):
 * the queue's state, or null when it does not exist. Bounded by `signal`.
 */
export async function readAmqpQueueState(
  connection: ChannelModel,
  queue: string,
  signal: AbortSignal,
): Promise<AmqpQueueState | null> {
  const opening = connection.createChannel();
  const channel = await abortable(opening, signal).catch((error: unknown) => {
    // Timed out while opening: release the channel whenever it does arrive.
    opening.then(closeQuietly, () => undefined);
    throw error;
  });
  channel.on('error', () => undefined);
  try {
    const { messageCount, consumerCount } = await abortable(channel.checkQueue(queue), signal);
    return { messageCount, consumerCount };
  } catch (error) {
    if (!signal.aborted && isNotFound(error)) return null;
    throw error;
  } finally {
    closeQuietly(channel);
  }
}

/** The server's 404 NOT_FOUND channel close, as amqplib reports it. */
function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 404;
}

/** Closes without waiting: a channel the server already closed throws, and a hung peer never answers. */
function closeQuietly(channel: Channel): void {
  try {
    channel.close().catch(() => undefined);
  } catch {
    // Already closed by the server's 404: nothing left to release.
  }
}
