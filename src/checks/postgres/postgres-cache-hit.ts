import type { Inventory } from '../../config/schema.js';
import { msg } from '../../i18n/message.js';
import { type CheckOutcome, defineCheck } from '../check.js';
import { below, grade } from '../grade.js';
import { postgresTargets } from './postgres-target.js';

/** The runbook's sums, as text: `sum(bigint)` is numeric, which pg returns as a string anyway. */
const CACHE_HIT_SQL = `
  SELECT coalesce(sum(heap_blks_hit), 0)::text AS hit,
         coalesce(sum(heap_blks_read), 0)::text AS read
  FROM pg_statio_user_tables`;

interface CacheHitRow {
  hit: string;
  read: string;
}

/**
 * Runbook 10.1 Problème 3 "Cache hit ratio (doit être > 99%)": heap blocks found in shared buffers
 * out of all heap blocks asked for, over the user tables of the current database, since its
 * statistics were last reset. Percent, held against `thresholds.cacheHitPercent` (lower is worse).
 * Note that PostgreSQL counts a block added by an INSERT as read.
 */
export const postgresCacheHit = defineCheck<null>({
  id: 'postgres.cache_hit',
  title: msg('check.postgres.cache_hit.title'),
  targets: postgresTargets,
  async run({ clients, inventory }) {
    const { rows } = await clients.postgres().query<CacheHitRow>(CACHE_HIT_SQL);
    const row = rows[0];
    if (!row) throw new Error('pg_statio_user_tables returned no row');
    return gradeCacheHit(Number(row.hit), Number(row.read), inventory);
  },
});

/** Holds hit and read block counts against the threshold; pure, so that the mapping is tested alone. */
export function gradeCacheHit(
  hit: number,
  read: number,
  inventory: Pick<Inventory, 'thresholds'>,
): CheckOutcome {
  const threshold = below(inventory.thresholds.cacheHitPercent, '%');
  // A fresh database (or one whose statistics were just reset) has read nothing: no ratio yet.
  if (hit + read === 0) {
    return {
      status: 'ok',
      value: null,
      unit: '%',
      threshold,
      detail: msg('check.postgres.cache_hit.noData'),
      data: { hit, read },
    };
  }
  // Two decimals: the difference between 99.4 % and 98.96 % matters against a 99 % target.
  const percent = Math.floor((hit / (hit + read)) * 10_000) / 100;
  return {
    status: grade(percent, threshold),
    value: percent,
    unit: '%',
    threshold,
    detail: msg('check.postgres.cache_hit.detail', { percent, hit, read }),
    data: { hit, read },
  };
}
