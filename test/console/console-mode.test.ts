import { describe, expect, it } from 'vitest';
import { REACHABLE_TEAM, testInventory } from '../handlers/test-inventory.js';
import { runMain } from './run-main.js';

describe('console mode (no Slack credentials)', () => {
  it('runs a scripted /sama diagnose against the real services and presses the rerun button', async () => {
    const fixture = testInventory({ team: REACHABLE_TEAM });
    try {
      const { code, stdout } = await runMain(['--script', '/sama diagnose redis; 1; 9'], {
        SAMAOPS_CONFIG: fixture.file,
      });
      expect(code).toBe(0);
      expect(stdout).toContain('Vous agissez en tant que Awa Ndiaye (UTESTOPS1).');
      // Each diagnosis: "en cours" as message #n, then the report replacing it (#n ↻).
      expect(stdout).toMatch(/─── #1\n.*\nDiagnostic en cours… \(Redis mémoire pleine, 3 vérifications\)/);
      expect(stdout).toMatch(/─── #1 ↻\n. SamaConso \(local\) — Redis mémoire pleine/);
      expect(stdout).toContain('Redis répond (PING) · 127.0.0.1:6379/0');
      expect(stdout).toContain('[1] Relancer le diagnostic');
      // The button press ran the same playbook again, as message #2.
      expect(stdout).toMatch(/> 1\n\n─── #2\n/);
      expect(stdout).toMatch(/─── #2 ↻\n/);
      expect(stdout).toContain('Pas de bouton n° 9 sur le dernier message.');
    } finally {
      fixture.remove();
    }
  });

  it('reads commands from standard input and acts as a local operator when the team is empty', async () => {
    const fixture = testInventory({ team: [] });
    try {
      // Standard input is a pipe, not a terminal: console mode must be asked for.
      const { code, stdout } = await runMain(
        [],
        { SAMAOPS_CONFIG: fixture.file, SAMAOPS_MODE: 'console' },
        { stdin: '/sama nope\nexit\n' },
      );
      expect(code).toBe(0);
      expect(stdout).toContain('opérateur local (ULOCALOPS)');
      expect(stdout).toContain('Sous-commande inconnue « nope »');
    } finally {
      fixture.remove();
    }
  });

  it('exits 78 naming the variables it looked for, with no Slack credentials and no terminal', async () => {
    const fixture = testInventory({ team: REACHABLE_TEAM });
    try {
      const { code, stdout, stderr } = await runMain([], { SAMAOPS_CONFIG: fixture.file });
      expect(code).toBe(78);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      for (const name of ['SAMAOPS_MODE', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'])
        expect(stderr).toContain(name);
    } finally {
      fixture.remove();
    }
  });

  it('refuses to start for a console user outside the team', async () => {
    const fixture = testInventory({ team: REACHABLE_TEAM });
    try {
      const { code, stderr } = await runMain(['--script', '/sama help'], {
        SAMAOPS_CONFIG: fixture.file,
        SAMAOPS_CONSOLE_USER: 'UNOBODY99',
      });
      expect(code).toBe(1);
      expect(stderr).toContain('SAMAOPS_CONSOLE_USER=UNOBODY99 ne fait pas partie de l’équipe');
    } finally {
      fixture.remove();
    }
  });
});
