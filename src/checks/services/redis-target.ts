import type { Inventory } from '../../config/schema.js';
import { displayUrl } from './service-target.js';

/** The Redis target shown in reports (host:port/db); none when Redis is not in the inventory. */
export function redisTargets(inventory: Inventory): { name: string; target: null }[] {
  const redis = inventory.services.redis;
  if (!redis) return [];
  return [{ name: displayUrl(redis.url, '6379'), target: null }];
}
