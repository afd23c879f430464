import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server on this machine (`.ci/run` starts it); trust auth, database `test`. */
export const TEST_DATABASE_URL = process.env.CROSSBOARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses, so parallel runs never see each other's rows. */
export const freshSchema = (): string => `cb_test_${randomBytes(6).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
