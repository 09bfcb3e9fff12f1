/**
 * SQL that renders a timestamptz column as ISO 8601 UTC text with its microseconds. A JavaScript
 * Date would drop them, and remediations compare `backend_start`/`query_start` exactly when they
 * re-validate a pid (`query_start = $1::timestamptz`).
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
