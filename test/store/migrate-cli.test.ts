import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createBotDatabase } from '../../src/store/bot-database.js';
import { shippedMigrations } from '../../src/store/migrate.js';
import { captureIo } from '../cli/capture-io.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database.js';

let scratch: ScratchDatabase;
beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(() => scratch.drop());

describe('samaops migrate (real PostgreSQL)', () => {
  it('names the migrations it applied, then says the database is up to date', async () => {
    const names = shippedMigrations().map((migration) => migration.name);
    const first = captureIo({ DATABASE_URL: scratch.url });
    expect(await runCli(['migrate'], first.io)).toBe(0);
    expect(first.stdout()).toBe(
      `${names.length} migrations appliquées sur ${names.length} : ${names.join(', ')}\n`,
    );

    const again = captureIo({ DATABASE_URL: scratch.url, SAMAOPS_LOCALE: 'en' });
    expect(await runCli(['migrate'], again.io)).toBe(0);
    expect(again.stdout()).toBe(`bot database up to date: ${names.length} migrations, none pending\n`);
  });

  it('exits 78 and changes nothing on a schema newer than the code, or without DATABASE_URL', async () => {
    const pool = createBotDatabase(scratch.url, silentLogger());
    await pool.query("INSERT INTO samaops_migrations (name) VALUES ('998-next-release.sql')");
    await pool.end();
    const ahead = captureIo({ DATABASE_URL: scratch.url });
    expect(await runCli(['migrate'], ahead.io)).toBe(78);
    expect(ahead.stderr()).toMatch(
      /^samaops : le schéma de la base du bot est plus récent que ce samaops \(il a 998-next-release\.sql\)/,
    );
    expect(ahead.stdout()).toBe('');

    const unset = captureIo({});
    expect(await runCli(['migrate'], unset.io)).toBe(78);
    expect(unset.stderr()).toContain('DATABASE_URL n’est pas défini');
  });

  it('exits 69 without the password in the message when the database does not answer', async () => {
    const down = captureIo({ DATABASE_URL: 'postgresql://samaops:s3cret-pw@127.0.0.1:1/samaops' });
    expect(await runCli(['migrate'], down.io)).toBe(69);
    expect(down.stderr()).toMatch(/^samaops : migrate : /);
    expect(down.stderr()).not.toContain('s3cret-pw');
  });
});
