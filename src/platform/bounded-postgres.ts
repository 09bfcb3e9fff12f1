import type pg from 'pg';

/** Read-only, time-bounded queries for checks. */
export interface PostgresReader {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
}

/**
 * Runs each query in its own `BEGIN READ ONLY` transaction with `SET LOCAL statement_timeout`.
 * The timeout cannot be a connection parameter: PgBouncer (between the bot and PostgreSQL in
 * production) refuses `statement_timeout` as a startup parameter, and a session-level `SET`
 * would leak to other clients under transaction pooling. `SET LOCAL` ends with the transaction.
 * Read-only because a check must never change the database it watches.
 */
export function boundedPostgres(pool: pg.Pool, timeoutMs: number): PostgresReader {
  const framing = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`;
  return {
    async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      const client = await pool.connect();
      let destroy = false;
      try {
        await client.query(framing);
        const result = await client.query<Row>(text, values);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A failed statement leaves the transaction aborted: roll back, or drop the connection.
        await client.query('ROLLBACK').catch(() => {
          destroy = true;
        });
        throw error;
      } finally {
        client.release(destroy);
      }
    },
  };
}
