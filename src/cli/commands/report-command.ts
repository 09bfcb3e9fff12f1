import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sloPorts } from '../../app/slo-ports.js';
import { inventoryPath, loadInventory } from '../../config/load-inventory.js';
import { formatBytes } from '../../i18n/format-number.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { createLogger } from '../../logging/logger.js';
import { createPlatformClients } from '../../platform/platform-clients.js';
import { renderMessageText } from '../../render/message-terminal.js';
import { hasCharts, reportChartFile } from '../../reports/charts/report-chart-file.js';
import { produceReport } from '../../reports/produce-report.js';
import { reportMessage } from '../../reports/report-message.js';
import { isReportKind, reportKinds } from '../../reports/report-model.js';
import { createBotDatabase } from '../../store/bot-database.js';
import { migrate } from '../../store/migrate.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { terminalProgress } from '../terminal-progress.js';
import { UsageError } from '../usage-error.js';

/**
 * `samaops report KIND [--json] [--chart FILE] [--config FILE]`: produces a report now and prints
 * it. With DATABASE_URL it is stored and compared with the previous one of its kind; without, no
 * trend. `--chart FILE` also writes the charts the report carries in Slack (weekly, monthly).
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      chart: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const [kind, ...rest] = positionals;
  if (kind === undefined || rest.length > 0 || !isReportKind(kind))
    throw new UsageError(msg('cli.error.reportKind', { valid: reportKinds.join(', ') }));
  if (values.chart !== undefined && !hasCharts(kind)) throw new UsageError(msg('cli.error.chartKind'));
  const inventory = loadInventory(inventoryPath(values.config, io.env), io.env);
  if (values.chart !== undefined && !io.env.DATABASE_URL) {
    io.stderr.write(`${translate(inventory.locale, msg('cli.chart.noDatabase'))}\n`);
    return EXIT.config;
  }
  const logger = createLogger({ level: io.env.LOG_LEVEL ?? 'warn' });
  const clients = createPlatformClients(inventory, logger);
  const pool = io.env.DATABASE_URL ? createBotDatabase(io.env.DATABASE_URL, logger, { max: 2 }) : undefined;
  // Progress goes to a terminal's stderr, never into JSON or a pipe.
  const progress = values.json ? undefined : terminalProgress(io.stderr, inventory.locale);
  try {
    if (pool) await migrate(pool);
    const { report } = await produceReport(kind, { inventory, clients }, { pool, progress });
    progress?.stop();
    if (values.chart !== undefined && pool) {
      const slo = sloPorts(pool, inventory)?.charts;
      const chart = await reportChartFile(kind, { inventory, pool, slo, now: new Date(report.createdAt) });
      writeFileSync(values.chart, chart.bytes);
      const size = formatBytes(chart.bytes.length, inventory.locale);
      io.stderr.write(
        `${translate(inventory.locale, msg('cli.chart.written', { file: values.chart, size }))}\n`,
      );
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const message = reportMessage(report, {
        locale: inventory.locale,
        platform: inventory.platform,
        timezone: inventory.timezone,
      });
      io.stdout.write(
        `${renderMessageText(message, { colour: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }).text}\n`,
      );
    }
    return exitCodeFor(report.status);
  } finally {
    progress?.stop();
    await clients.close();
    await pool?.end();
  }
}
