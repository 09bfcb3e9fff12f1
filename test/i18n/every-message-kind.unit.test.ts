import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommandNames } from '../../src/cli/command-help.js';
import { runCli } from '../../src/cli/run-cli.js';
import { ConfigError } from '../../src/config/config-error.js';
import { configErrorText, findingText } from '../../src/config/config-error-text.js';
import { DeploymentError } from '../../src/config/deployment-error.js';
import { describeInventory } from '../../src/config/describe-inventory.js';
import { inventoryFindings } from '../../src/config/findings/index.js';
import { loadInventory } from '../../src/config/load-inventory.js';
import { consoleReplies } from '../../src/console/console-replies.js';
import { helpMessage } from '../../src/handlers/help-message.js';
import { refusalMessage } from '../../src/handlers/refusal-message.js';
import { subCommands } from '../../src/handlers/sub-commands/index.js';
import { statusMessage } from '../../src/handlers/sub-commands/status-message.js';
import { usageMessage } from '../../src/handlers/usage-message.js';
import type { Locale } from '../../src/i18n/define-messages.js';
import { msg } from '../../src/i18n/message.js';
import { translate } from '../../src/i18n/translate.js';
import { renderDiagnosisText } from '../../src/render/diagnosis-terminal.js';
import { errorText } from '../../src/render/error-text.js';
import { progressLine } from '../../src/render/progress-line.js';
import { captureIo } from '../cli/capture-io.js';
import { englishWordsIn, frenchWordsIn } from '../support/language-audit.js';
import {
  diagnosisMessages,
  everyDiagnosis,
  incidentTexts,
  keysUnder,
  readText,
  reportMessages,
  requestMessages,
  sample,
} from './message-kinds.js';

/**
 * Issue 19's promise: console, Slack and CLI output in French has no English words but
 * identifiers and quoted raw errors, and in English no French. Every kind of message is rendered
 * in both languages, as people read it, and held to it (test/support/language-audit.ts).
 */

const dir = mkdtempSync(join(tmpdir(), 'samaops-every-kind-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ROLES = '[support_n1, devops, dba, lead, architect]';
const WITH_GAPS = file(
  'gaps.yml',
  `slack: { channels: [C0SAMAPROD] }\nreports: { channel: C0OTHER01 }\nteam:\n  - { slackId: U0AWA0001, name: Awa, roles: ${ROLES}, availability: { from: "08:00", to: "18:00" } }\n  - { slackId: U0AWA0001, name: Awa, roles: [devops] }\n`,
);
const BROKEN = file(
  'broken.yml',
  'checkTimeoutMs: "x"\ncolour: blue\nthresholds: { diskPercent: { warn: 95, fail: 85 } }\nescalation: { levels: { N1: { ackTimeout: bientot } } }\nservices: { redis: { url: "http://nope" } }\nreports: { schedules: { daily: "99 6 * * *" } }\n',
);

/** Everything the CLI prints for help and for each kind of mistake. */
async function cliTexts(locale: Locale): Promise<string[]> {
  const runs = [
    ['--help'],
    [],
    ...cliCommandNames.map((name) => [name, '--help']),
    ['reboot'],
    ['diagnose', '--force'],
    ['diagnose', 'networking'],
    ['diagnose', 'db', 'api'],
    ['report', 'yearly'],
    ['audit', 'all'],
    ['audit', 'verify', 'now'],
    ['completion', 'zsh'],
    ['wait-ready', '--timeout', 'soon'],
    ['wait-ready', '--url', 'nope'],
    ['ssh-wrapper', '--sudoers', '--version'],
    ['ssh-wrapper', '--authorized-keys'],
    ['check-config', '--config', BROKEN],
    ['check-config', '--config', WITH_GAPS],
    ['migrate'],
    ['audit'],
    ['--locale', 'wo'],
  ];
  const out: string[] = [];
  for (const argv of runs) {
    const run = captureIo({ SAMAOPS_LOCALE: locale });
    await runCli(argv, run.io);
    out.push(run.stdout(), run.stderr());
  }
  return out;
}

/** Every kind of message, by name, as read in `locale`. */
async function everyKind(locale: Locale): Promise<Record<string, string[]>> {
  const t = (key: Parameters<typeof msg>[0]) => translate(locale, sample(key));
  const gaps = loadInventory(WITH_GAPS, { SAMAOPS_LOCALE: locale });
  const broken = (() => {
    try {
      loadInventory(BROKEN, { SAMAOPS_LOCALE: locale });
    } catch (error) {
      return error instanceof ConfigError ? configErrorText(error) : String(error);
    }
    return 'not refused';
  })();
  const consoleOut: string[] = [];
  const console = consoleReplies(
    { write: (text: string) => consoleOut.push(text) },
    { colour: false, locale },
  );
  await console.respondEphemeral(helpMessage(locale, subCommands));
  const errors = [
    new Error('connect ECONNREFUSED 10.0.0.5:6432'),
    new Error('certificate has expired'),
    new Error('password authentication failed for user "samaops"'),
    Object.assign(new Error('timed out'), { code: 'REMOTE_COMMAND_TIMEOUT' }),
    new DeploymentError('SCHEMA_AHEAD', sample('deploy.schemaAhead'), 'detail'),
  ];
  return {
    diagnosis: [
      ...diagnosisMessages(locale).map((message) => readText(message, locale)),
      renderDiagnosisText(everyDiagnosis(), { locale, platform: 'SamaConso', playbookTitle: 'db' }),
    ],
    status: [readText(statusMessage(everyDiagnosis(), locale, 'SamaConso'), locale)],
    help: [readText(helpMessage(locale, subCommands), locale)],
    usage: subCommands.map((command) =>
      readText(usageMessage(locale, sample('slack.help.unknownCommand'), command, undefined), locale),
    ),
    refusals: [
      readText(refusalMessage({ reason: 'channel', channels: ['C0SAMAPROD'] }, locale), locale),
      readText(refusalMessage({ reason: 'user' }, locale), locale),
    ],
    requests: requestMessages(locale).map((message) => readText(message, locale)),
    incidents: incidentTexts(locale),
    reports: reportMessages(locale).map((message) => readText(message, locale)),
    inventory: [
      broken,
      describeInventory(gaps, locale, new Date('2026-11-02T10:00:00Z')),
      ...inventoryFindings(gaps).map((finding) => findingText(finding, 4, locale)),
    ],
    cli: await cliTexts(locale),
    operations: [...keysUnder('deploy.'), ...keysUnder('cli.migrate.'), ...keysUnder('cli.waitReady.')].map(
      t,
    ),
    progress: [progressLine([{ label: msg('report.section.tlsExpiry'), since: 0 }], 4, 4200, locale, 200)],
    errors: errors.map((error) => errorText(error, locale)),
    console: [...consoleOut, ...keysUnder('console.').map(t), ...keysUnder('demo.').map(t)],
  };
}

/** `kind: the words of the other language found`, for each text that has any. */
function offenders(kinds: Record<string, string[]>, find: (text: string) => string[]): string[] {
  return Object.entries(kinds).flatMap(([kind, texts]) =>
    texts.flatMap((text) => {
      const found = find(text);
      return found.length > 0 ? [`${kind}: ${[...new Set(found)].join(', ')} — ${text.slice(0, 300)}`] : [];
    }),
  );
}

describe('every kind of message, in both languages', () => {
  it('has no English words in French', async () => {
    const kinds = await everyKind('fr');
    expect(Object.values(kinds).flat().length).toBeGreaterThan(200);
    expect(offenders(kinds, englishWordsIn)).toEqual([]);
  });

  it('has no French words in English, with --locale en or SAMAOPS_LOCALE=en', async () => {
    const kinds = await everyKind('en');
    expect(offenders(kinds, frenchWordsIn)).toEqual([]);
    const flag = captureIo({ SAMAOPS_LOCALE: 'fr' });
    await runCli(['--locale', 'en', 'check-config', '--config', WITH_GAPS], flag.io);
    expect(frenchWordsIn(flag.stdout() + flag.stderr())).toEqual([]);
  });
});
