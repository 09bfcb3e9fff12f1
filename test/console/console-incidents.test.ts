import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REACHABLE_TEAM, testInventory } from '../handlers/test-inventory.js';
import { obliterateBotQueues, testQueueNamespace } from '../support/bot-queues.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';
import { runMain } from './run-main.js';

// The console is built by the same composition root as the Slack bot: with the bot's database and
// Redis set, incidents, on-call and maintenance work there too.
let scratch: ScratchDatabase;
const namespace = testQueueNamespace();
const fixture = testInventory({ team: REACHABLE_TEAM });

beforeAll(async () => {
  scratch = await createScratchDatabase();
});

afterAll(async () => {
  await obliterateBotQueues(namespace);
  await scratch?.drop();
  fixture.remove();
});

describe('console mode with the bot database and Redis', () => {
  it('opens an incident and shows who is on call', async () => {
    const { code, stdout, stderr } = await runMain(
      ['--script', '/sama incident open N2 "test"; /sama oncall'],
      {
        SAMAOPS_CONFIG: fixture.file,
        DATABASE_URL: scratch.url,
        REDIS_URL: 'redis://127.0.0.1:6379/0',
        SAMAOPS_QUEUE_NAMESPACE: namespace,
      },
    );
    expect(stderr).not.toContain('DATABASE_URL');
    expect(code).toBe(0);
    expect(stdout).not.toContain('DATABASE_URL');
    expect(stdout).toContain('Incident #1 ouvert en N2.');
    expect(stdout).toContain('Joignables maintenant');
    expect(stdout).toContain('✔ devops : @UTESTOPS1');
    // In the bot's own database, where its replicas deliver it.
    const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    try {
      const { rows } = await pool.query('SELECT title, level, state FROM incidents');
      expect(rows).toEqual([{ title: 'test', level: 'N2', state: 'open' }]);
    } finally {
      await pool.end();
    }
  });
});
