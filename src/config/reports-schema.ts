import { z } from 'zod';
import { cronPattern } from './cron-pattern.js';
import { identifier, safeAbsolutePath } from './identifiers.js';

/** Scheduled maintenance reports (issue 7): when each kind runs, in the inventory's timezone, and where it is posted. */
export const reportsSchema = z
  .strictObject({
    schedules: z
      .strictObject({
        /** Daily report. Default `0 6 * * *` (06:00, runbook §9.1 crontab). */
        daily: cronPattern.default('0 6 * * *'),
        /** Weekly report. Default `0 3 * * 0` (Sunday 03:00, runbook §9.2). */
        weekly: cronPattern.default('0 3 * * 0'),
        /** Monthly report. Default `0 6 1 * *` (the 1st at 06:00). */
        monthly: cronPattern.default('0 6 1 * *'),
      })
      .prefault({}),
    /** Backup directories per server, whose files older than `backupRetentionDays` the weekly report counts. Default none. */
    backups: z
      .array(
        z.strictObject({
          server: identifier,
          directory: safeAbsolutePath,
          /** Let the scheduled weekly report delete this directory's backups past retention (audited). Default false. */
          deleteOld: z.boolean().default(false),
        }),
      )
      .default([]),
    /** Age in days past which a backup is reported as due for deletion. Default 30 (runbook §9.2). */
    backupRetentionDays: z.number().int().min(1).max(3650).default(30),
    /** Age in days past which a log file matched by `logGlobs` should be gzipped. Default 7 (runbook §9.2). */
    logCompressAfterDays: z.number().int().min(1).max(3650).default(7),
    /** Servers whose log files past `logCompressAfterDays` the scheduled weekly report gzips (audited). Default none. */
    gzipLogsOn: z.array(identifier).default([]),
    /** Servers where the scheduled weekly report prunes unused images older than remediationTargets.imagePruneHours (audited). Default none. */
    pruneImagesOn: z.array(identifier).default([]),
    /** HTTPS endpoint whose certificate expiry the monthly report shows, e.g. https://samaconso.senelec.sn. Default none. */
    publicEndpoint: z.url({ protocol: /^https$/ }).optional(),
    /** Auth log whose failed logins the monthly report counts on every server. Default /var/log/auth.log (Debian, Ubuntu). */
    authLog: safeAbsolutePath.default('/var/log/auth.log'),
    /** Channel the scheduled reports are posted to. Default: the first of `slack.channels`. */
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,20}$/, 'config.slackChannelId')
      .optional(),
  })
  .prefault({});

/** The reports section of the inventory. */
export type ReportsConfig = z.infer<typeof reportsSchema>;
