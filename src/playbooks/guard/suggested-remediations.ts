import type { CheckResult } from '../../checks/check.js';
import type { RemediationId } from '../../core/remediation/remediation.js';

/** A remediation that fits a failing check, with the words its `parse` will validate. */
export interface SuggestedRemediation {
  remediation: RemediationId;
  words: string[];
}

/** Action id of a diagnosis line's remediation button; its value is `<remediation> <target words>`. */
export const SUGGESTED_REMEDIATION_ACTION = 'sama.remediation.suggest';

/**
 * The runbook's fixes for a failing line (PRODUCT.md §3): a dead API instance → restart it; a
 * container down → restart it; a queue backlog → purge it; long queries → terminate them; a full
 * disk → clean the server up; Redis memory full → FLUSHDB; a poor cache hit ratio → VACUUM ANALYZE.
 * Only names the inventory already knows (check targets); the press still goes through `parse`.
 */
export function suggestedRemediations(result: CheckResult): SuggestedRemediation[] {
  if (result.status !== 'fail') return [];
  switch (result.id) {
    case 'api.health':
      return [{ remediation: 'restart', words: [result.target] }];
    case 'docker.containers': {
      const problems = (result.data?.problems ?? []) as { name?: unknown }[];
      return problems
        .filter((problem): problem is { name: string } => typeof problem.name === 'string')
        .map((problem) => ({ remediation: 'restart', words: [problem.name] }));
    }
    case 'rabbitmq.queue':
      return [{ remediation: 'purge', words: [result.target] }];
    case 'postgres.long_queries':
      return [{ remediation: 'kill-queries', words: [] }];
    case 'disk.usage':
      return [{ remediation: 'cleanup', words: [result.target.split(':')[0] ?? result.target] }];
    case 'redis.memory':
      return [{ remediation: 'flush-redis', words: [] }];
    case 'postgres.cache_hit':
      return [{ remediation: 'vacuum', words: [] }];
    default:
      return [];
  }
}

/** The button value for a suggestion: the remediation id and its words, space-separated. */
export function suggestionValue(suggestion: SuggestedRemediation): string {
  return [suggestion.remediation, ...suggestion.words].join(' ');
}
