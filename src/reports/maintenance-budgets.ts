/**
 * Time budgets of the reports' long steps: the weekly mutating maintenance and the monthly apt
 * listing. A probe gets checkTimeoutMs (3 s by default) because a healthy answer is instant;
 * gzipping a week of logs, pruning images or deleting a month of backups takes minutes on a
 * loaded host, and a step cut short leaves the work half done and the report wrong. Constants,
 * not inventory keys: they bound a runaway, and a step that needs longer is a finding for the
 * report to show, not a setting to raise.
 */

/** Remote budget of one server's log gzip (all its `logGlobs` together), ms. 10 min. */
export const GZIP_LOGS_BUDGET_MS = 10 * 60_000;

/** Remote budget of one server's `docker image prune`, ms. 10 min. */
export const PRUNE_IMAGES_BUDGET_MS = 10 * 60_000;

/** Remote budget of one backup directory's deletion of old files, ms. 5 min. */
export const DELETE_BACKUPS_BUDGET_MS = 5 * 60_000;

/** Added to a step's remote budget for its collector's deadline: the SSH handshake and the audit writes around it, ms. */
export const MAINTENANCE_MARGIN_MS = 30_000;

/**
 * Per server, for `apt list --upgradable`: apt reads every package list, about 1 s on an idle
 * host and several on a busy one (three at once on one machine in the lab). A monthly report is
 * not in a hurry; a probe's budget would leave the line empty on exactly the busy host.
 */
export const APT_UPGRADES_BUDGET_MS = 60_000;
