import { msg } from '../../i18n/message.js';
import type { CheckOutcome, Threshold } from '../check.js';

/** One queue's load as a source reports it. */
export interface QueueLoad {
  /** Messages waiting to be delivered. */
  ready: number;
  consumers: number;
  /** Messages delivered and not yet acknowledged; null over AMQP, which does not report them. */
  unacked: number | null;
}

/** Where the figures came from: the detail names it, since the two see different things. */
export type LoadSource = 'management' | 'amqp';

/** A higher-priority queue waiting while a lower-priority queue's consumers work. */
export interface PriorityInversion {
  higher: string;
  /** Ready messages in the higher-priority queue. */
  ready: number;
  lower: string;
  /** The lower-priority queue's consumers, its unacknowledged (null over AMQP) and ready messages. */
  consumers: number;
  unacked: number | null;
  lowerReady: number;
}

/**
 * Whether a queue's consumers are busy. The management API shows it: they hold unacknowledged
 * messages. AMQP does not report those; what it does show is ready messages beside consumers, and
 * RabbitMQ hands a ready message to any consumer under its prefetch limit, so that means every
 * consumer of the queue is at its limit. Consumers working through a queue they keep empty look
 * idle over AMQP: that inversion is invisible without the management API.
 */
export function consumersBusy(load: QueueLoad): boolean {
  if (load.consumers === 0) return false;
  return load.unacked === null ? load.ready > 0 : load.unacked > 0;
}

/**
 * Every pair (higher, lower) where `higher` comes first in `queues` (priority order), has more
 * than `backlog` ready messages, and `lower`'s consumers are busy. A ready backlog already means no
 * consumer of `higher` has room for it, as `consumersBusy` explains. Queues absent from `loads`
 * (not declared) take no part: `rabbitmq.queue` reports them.
 */
export function findInversions(
  queues: readonly string[],
  loads: ReadonlyMap<string, QueueLoad>,
  backlog: number,
): PriorityInversion[] {
  const inversions: PriorityInversion[] = [];
  queues.forEach((higher, index) => {
    const waiting = loads.get(higher);
    if (!waiting || waiting.ready <= backlog) return;
    for (const lower of queues.slice(index + 1)) {
      const working = loads.get(lower);
      if (!working || lower === higher || !consumersBusy(working)) continue;
      inversions.push({
        higher,
        ready: waiting.ready,
        lower,
        consumers: working.consumers,
        unacked: working.unacked,
        lowerReady: working.ready,
      });
    }
  });
  return inversions;
}

/**
 * PRODUCT.md §3: an urgent backlog while low-priority consumers are busy. `warn`, never `fail`:
 * the tasks still flow (a queue nobody consumes is `rabbitmq.queue`'s failure) and the runbook
 * sets no limit on it; it tells where the workers' capacity goes. The detail names the most
 * inverted pair (the highest-priority queue waiting, the lowest-priority queue working); every
 * pair is in `data.inversions`. The value is the messages waiting in front of busy lower-priority
 * consumers: the named queue's when inverted, else the largest such backlog, 0 when none.
 */
export function judgePriority(
  queues: readonly string[],
  loads: ReadonlyMap<string, QueueLoad>,
  source: LoadSource,
  backlog: number,
): CheckOutcome {
  const threshold: Threshold = { direction: 'above', warn: backlog, unit: 'count' };
  const present = queues.filter((queue) => loads.has(queue));
  const data = { source, missing: queues.filter((queue) => !loads.has(queue)) };
  if (new Set(present).size < 2) {
    return {
      status: 'ok',
      value: null,
      threshold: null,
      detail: msg('check.rabbitmq.priority.fewQueues', { queues: present.join(', ') || '—' }),
      data: { ...data, inversions: [] },
    };
  }
  const inversions = findInversions(queues, loads, backlog);
  const first = inversions[0];
  if (!first) {
    return {
      status: 'ok',
      value: largestWaitingBeforeBusy(present, loads),
      unit: 'count',
      threshold,
      detail: msg(source === 'management' ? 'check.rabbitmq.priority.ok' : 'check.rabbitmq.priority.okAmqp', {
        backlog,
      }),
      data: { ...data, inversions },
    };
  }
  const worst = inversions.filter((each) => each.higher === first.higher).at(-1) ?? first;
  const pair = { higher: worst.higher, ready: worst.ready, lower: worst.lower, consumers: worst.consumers };
  return {
    status: 'warn',
    value: worst.ready,
    unit: 'count',
    threshold,
    detail:
      source === 'management'
        ? msg('check.rabbitmq.priority.inversion', { ...pair, unacked: worst.unacked ?? 0 })
        : msg('check.rabbitmq.priority.inversionAmqp', { ...pair, lowerReady: worst.lowerReady }),
    data: { ...data, inversions },
  };
}

/** The largest ready count of a queue with a busy lower-priority queue behind it; 0 when none. */
function largestWaitingBeforeBusy(queues: readonly string[], loads: ReadonlyMap<string, QueueLoad>): number {
  let largest = 0;
  queues.forEach((higher, index) => {
    const busyBehind = queues.slice(index + 1).some((lower) => {
      const load = loads.get(lower);
      return lower !== higher && load !== undefined && consumersBusy(load);
    });
    if (busyBehind) largest = Math.max(largest, loads.get(higher)?.ready ?? 0);
  });
  return largest;
}
