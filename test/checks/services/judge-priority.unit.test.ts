import { describe, expect, it } from 'vitest';
import {
  consumersBusy,
  judgePriority,
  type LoadSource,
  type QueueLoad,
} from '../../../src/checks/services/judge-priority.js';
import { translate } from '../../../src/i18n/translate.js';

const QUEUES = ['urgent', 'high_priority', 'normal', 'low_priority'];

/** A queue's load; over AMQP (`unacked` omitted) nothing unacknowledged can be seen. */
function load(ready: number, consumers: number, unacked: number | null = null): QueueLoad {
  return { ready, consumers, unacked };
}

const idle = (source: LoadSource) => (source === 'management' ? load(0, 1, 0) : load(0, 1));

interface Case {
  name: string;
  source: LoadSource;
  loads: Record<string, QueueLoad>;
  queues?: string[];
  status: 'ok' | 'warn';
  value: number | null;
  /** The English detail, in full. */
  detail: string;
  pairs?: [string, string][];
}

const cases: Case[] = [
  {
    name: 'no inversion: backlogs nowhere, lower consumers busy',
    source: 'management',
    loads: {
      urgent: load(0, 1, 0),
      high_priority: load(3, 1, 4),
      normal: load(0, 1, 2),
      low_priority: load(0, 4, 12),
    },
    status: 'ok',
    value: 3,
    detail:
      'no priority inversion: no queue has more than 10 messages waiting while the consumers of a lower-priority queue are busy (management API)',
  },
  {
    name: 'inversion: urgent waits while low_priority holds 12 unacknowledged',
    source: 'management',
    loads: {
      urgent: load(120, 1, 1),
      high_priority: idle('management'),
      normal: idle('management'),
      low_priority: load(0, 4, 12),
    },
    status: 'warn',
    value: 120,
    detail:
      'urgent: 120 waiting while low_priority keeps 4 consumers busy (12 unacknowledged), per the management API',
    pairs: [['urgent', 'low_priority']],
  },
  {
    name: 'backlog at the threshold is not above it',
    source: 'management',
    loads: {
      urgent: load(10, 0, 0),
      high_priority: idle('management'),
      normal: idle('management'),
      low_priority: load(0, 4, 12),
    },
    status: 'ok',
    value: 10,
    detail:
      'no priority inversion: no queue has more than 10 messages waiting while the consumers of a lower-priority queue are busy (management API)',
  },
  {
    name: 'the reverse is no inversion: low_priority waits while urgent works',
    source: 'management',
    loads: {
      urgent: load(0, 2, 8),
      high_priority: idle('management'),
      normal: idle('management'),
      low_priority: load(500, 1, 4),
    },
    status: 'ok',
    value: 0,
    detail:
      'no priority inversion: no queue has more than 10 messages waiting while the consumers of a lower-priority queue are busy (management API)',
  },
  {
    name: 'consumers holding nothing unacknowledged are idle, whatever the backlog above',
    source: 'management',
    loads: {
      urgent: load(120, 0, 0),
      high_priority: idle('management'),
      normal: idle('management'),
      low_priority: load(0, 4, 0),
    },
    status: 'ok',
    value: 0,
    detail:
      'no priority inversion: no queue has more than 10 messages waiting while the consumers of a lower-priority queue are busy (management API)',
  },
  {
    name: 'several pairs: the highest waiting queue and the lowest busy one are named, all pairs kept',
    source: 'management',
    loads: {
      urgent: load(50, 1, 1),
      high_priority: load(200, 1, 1),
      normal: load(0, 2, 3),
      low_priority: load(0, 4, 12),
    },
    status: 'warn',
    value: 50,
    detail:
      'urgent: 50 waiting while low_priority keeps 4 consumers busy (12 unacknowledged), per the management API',
    pairs: [
      ['urgent', 'high_priority'],
      ['urgent', 'normal'],
      ['urgent', 'low_priority'],
      ['high_priority', 'normal'],
      ['high_priority', 'low_priority'],
    ],
  },
  {
    name: 'missing queue: an undeclared low_priority takes no part, normal still inverts',
    source: 'management',
    loads: { urgent: load(30, 0, 0), high_priority: idle('management'), normal: load(0, 1, 1) },
    status: 'warn',
    value: 30,
    detail:
      'urgent: 30 waiting while normal keeps 1 consumers busy (1 unacknowledged), per the management API',
    pairs: [['urgent', 'normal']],
  },
  {
    name: 'missing queue: only one of the configured queues exists',
    source: 'management',
    loads: { low_priority: load(0, 4, 12) },
    status: 'ok',
    value: null,
    detail: 'fewer than two existing queues to compare (low_priority)',
  },
  {
    name: 'single queue configured',
    source: 'amqp',
    queues: ['urgent'],
    loads: { urgent: load(500, 1) },
    status: 'ok',
    value: null,
    detail: 'fewer than two existing queues to compare (urgent)',
  },
  {
    name: 'AMQP: lower consumers that keep their queue empty cannot be seen working',
    source: 'amqp',
    loads: {
      urgent: load(120, 1),
      high_priority: idle('amqp'),
      normal: idle('amqp'),
      low_priority: load(0, 4),
    },
    status: 'ok',
    value: 0,
    detail:
      'no inversion visible over AMQP: no queue has more than 10 messages waiting while a lower-priority queue saturates its consumers; AMQP does not show unacknowledged messages (services.rabbitmq.managementUrl would)',
  },
  {
    name: 'AMQP: ready messages beside consumers mean they are all at their prefetch limit',
    source: 'amqp',
    loads: {
      urgent: load(120, 0),
      high_priority: idle('amqp'),
      normal: idle('amqp'),
      low_priority: load(3, 4),
    },
    status: 'warn',
    value: 120,
    detail:
      'urgent: 120 waiting while low_priority keeps its 4 consumers busy, all at their prefetch limit (3 waiting behind them), per AMQP',
    pairs: [['urgent', 'low_priority']],
  },
];

describe('judgePriority', () => {
  it.each(cases)('$name', ({ source, loads, queues = QUEUES, status, value, detail, pairs = [] }) => {
    const outcome = judgePriority(queues, new Map(Object.entries(loads)), source, 10);
    expect(outcome.status).toBe(status);
    expect(outcome.value).toBe(value);
    expect(translate('en', outcome.detail)).toBe(detail);
    const inversions = (outcome.data?.inversions ?? []) as { higher: string; lower: string }[];
    expect(inversions.map((each) => [each.higher, each.lower])).toEqual(pairs);
    expect(outcome.data?.source).toBe(source);
    expect(outcome.data?.missing).toEqual(queues.filter((queue) => !(queue in loads)));
  });

  it('holds the backlog against priorityBacklog, warn only', () => {
    const loads = new Map(Object.entries({ urgent: load(120, 1, 1), low_priority: load(0, 4, 12) }));
    expect(judgePriority(['urgent', 'low_priority'], loads, 'management', 10).threshold).toEqual({
      direction: 'above',
      warn: 10,
      unit: 'count',
    });
    expect(judgePriority(['urgent', 'low_priority'], loads, 'management', 120).status).toBe('ok');
    expect(judgePriority(['urgent', 'low_priority'], loads, 'management', 119).status).toBe('warn');
  });

  it('reads in French as the runbook team writes', () => {
    const loads = new Map(Object.entries({ urgent: load(120, 1, 1), low_priority: load(0, 4, 12) }));
    const outcome = judgePriority(['urgent', 'low_priority'], loads, 'management', 10);
    expect(translate('fr', outcome.detail)).toBe(
      'urgent : 120 en attente pendant que low_priority occupe 4 consommateurs (12 non acquittés), selon l’API de gestion',
    );
  });
});

describe('consumersBusy', () => {
  it.each([
    ['no consumer', load(5, 0, 0), false],
    ['management: unacknowledged messages held', load(0, 2, 1), true],
    ['management: consumers holding nothing', load(7, 2, 0), false],
    ['AMQP: ready messages beside consumers', load(1, 2), true],
    ['AMQP: an empty queue with consumers', load(0, 2), false],
  ] as const)('%s', (_name, queueLoad, busy) => {
    expect(consumersBusy(queueLoad)).toBe(busy);
  });
});
