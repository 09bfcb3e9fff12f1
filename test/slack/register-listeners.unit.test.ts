import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { HandlerServices } from '../../src/handlers/handler-context.js';
import { registerListeners } from '../../src/slack/register-listeners.js';

type Listener = (args: Record<string, unknown>) => Promise<void>;

/** The listeners registerListeners gives Bolt, called as Bolt calls them. */
function registered(events: string[]) {
  const listeners: { command?: Listener; action?: Listener } = {};
  const app = {
    command: (_name: string, listener: Listener) => {
      listeners.command = listener;
    },
    action: (_constraints: unknown, listener: Listener) => {
      listeners.action = listener;
    },
    error: () => undefined,
  } as unknown as App;
  // A redelivery is the first thing a listener looks at after its ack: its log line marks where
  // the listener's own work starts.
  const services = {
    inventory: { locale: 'fr' },
    logger: { info: () => events.push('work'), error: () => undefined },
  } as unknown as HandlerServices;
  registerListeners(app, services);
  const redelivered = (n: number) => ({
    ack: async () => {
      events.push(`ack ${n}`);
    },
    context: { retryNum: 1, retryReason: 'http_timeout' },
    command: { user_id: 'U1', channel_id: 'C1', text: 'diagnose' },
    action: { type: 'button', action_id: 'sama.diagnose', value: 'all' },
    body: { user: { id: 'U1' }, channel: { id: 'C1' } },
  });
  return { listeners, redelivered };
}

/** Two requests whose bytes arrive in the same turn of the event loop, one I/O callback each. */
async function arriveTogether(listener: Listener, args: (n: number) => Record<string, unknown>) {
  const done = [1, 2].map(
    (n) =>
      new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          listener(args(n)).then(resolve, reject);
        }),
      ),
  );
  await Promise.all(done);
}

describe('registerListeners', () => {
  it('acks every slash command that has arrived before any of them starts its work', async () => {
    const events: string[] = [];
    const { listeners, redelivered } = registered(events);
    await arriveTogether(listeners.command as Listener, redelivered);
    expect(events).toEqual(['ack 1', 'ack 2', 'work', 'work']);
  });

  it('acks every button press that has arrived before any of them starts its work', async () => {
    const events: string[] = [];
    const { listeners, redelivered } = registered(events);
    await arriveTogether(listeners.action as Listener, redelivered);
    expect(events).toEqual(['ack 1', 'ack 2', 'work', 'work']);
  });
});
