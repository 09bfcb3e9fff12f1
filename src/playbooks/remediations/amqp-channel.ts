import type { Channel } from 'amqplib';
import type { RemediationContext } from '../../core/remediation/remediation.js';
import { msg } from '../../i18n/message.js';
import { abortable } from '../../lifecycle/reconnecting.js';
import { RemediationError } from './remediation-error.js';

/**
 * Runs `work` on a throwaway channel of the shared AMQP connection: a 404 (queue gone) closes the
 * channel it happens on, never the connection the checks use. A 404 becomes a coded error.
 */
export async function withAmqpChannel<T>(
  context: RemediationContext,
  queue: string,
  work: (channel: Channel) => Promise<T>,
): Promise<T> {
  const connection = await context.clients.amqp(context.signal);
  const channel = await abortable(connection.createChannel(), context.signal);
  channel.on('error', () => undefined);
  try {
    return await abortable(work(channel), context.signal);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 404) {
      throw new RemediationError(
        'REMEDIATION_TARGET_GONE',
        msg('fix.purge.missing', { queue }),
        `queue ${queue} does not exist`,
      );
    }
    throw error;
  } finally {
    try {
      channel.close().catch(() => undefined);
    } catch {
      // Already closed by the server's 404.
    }
  }
}
