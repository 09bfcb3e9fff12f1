import type { Band } from '../config/schema.js';
import type { CheckStatus, Threshold, Unit } from './check.js';

/** A threshold where bigger values are worse (latency, disk use, depth). */
export function above(band: Band, unit: Unit): Threshold {
  return { direction: 'above', warn: band.warn, fail: band.fail, unit };
}

/** A threshold where smaller values are worse (cache hit ratio, live workers). */
export function below(band: Band, unit: Unit): Threshold {
  return { direction: 'below', warn: band.warn, fail: band.fail, unit };
}

/** Holds a value against a threshold: `above` fails when value > fail, warns when value > warn. */
export function grade(value: number, threshold: Threshold): CheckStatus {
  if (threshold.direction === 'above') {
    if (threshold.fail !== undefined && value > threshold.fail) return 'fail';
    return value > threshold.warn ? 'warn' : 'ok';
  }
  if (threshold.fail !== undefined && value < threshold.fail) return 'fail';
  return value < threshold.warn ? 'warn' : 'ok';
}
