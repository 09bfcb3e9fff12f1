import type pg from 'pg';

/** One statement of a bounded session. */
export type BoundedQuery = <Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<pg.QueryResult<Row>>;

/** What a session's work returned, and how long getting its connection took. */
export interface SessionOutcome<T> {
  result: T;
  /** Time to take a connection from the pool, ms: a new connection's handshake, or a wait for a free one. */
  connectMs: number;
}

/** Read-only, time-bounded queries for checks. */
export interface PostgresReader {
  query: BoundedQuery;
  /** Runs several statements in one bounded read-only transaction, on one ready connection. */
  session<T>(work: (query: BoundedQuery) => Promise<T>): Promise<SessionOutcome<T>>;
}

/**
 * Runs each query (or session) in its own `BEGIN READ ONLY` transaction with `SET LOCAL
 * statement_timeout`. The timeout cannot be a connection parameter: PgBouncer (between the bot and
 * PostgreSQL in production) refuses `statement_timeout` as a startup parameter, and a
 * session-level `SET` would leak to other clients under transaction pooling. `SET LOCAL` ends
 * with the transaction. Read-only because a check must never change the database it watches.
 */
export function boundedPostgres(pool: pg.Pool, timeoutMs: number): PostgresReader {
  const framing = `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`;
  async function session<T>(work: (query: BoundedQuery) => Promise<T>): Promise<SessionOutcome<T>> {
    const asked = performance.now();
    const client = await pool.connect();
    const connectMs = performance.now() - asked;
    let destroy = false;
    try {
      await client.query(framing);
      const result = await work(<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
        client.query<Row>(text, values),
      );
      await client.query('COMMIT');
      return { result, connectMs };
    } catch (error) {
      // A failed statement leaves the transaction aborted: roll back, or drop the connection.
      await client.query('ROLLBACK').catch(() => {
        destroy = true;
      });
      throw error;
    } finally {
      client.release(destroy);
    }
  }
  return {
    session,
    async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      return (await session((query) => query<Row>(text, values))).result;
    },
  };
}
