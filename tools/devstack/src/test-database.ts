import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from './postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A private, migrated and seeded database for one test file, cloned from the template the test command
 * prepared (CREATE DATABASE … TEMPLATE takes milliseconds), so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const template = process.env.TEST_DATABASE_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('TEST_DATABASE_ADMIN_URL/TEST_DATABASE_TEMPLATE are not set: run the tests with `npm test` (tools/devstack/src/test.ts).');
  }
  const name = `test_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name, template);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** The Temporal dev server the test command started. */
export function testTemporalAddress(): string {
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEST_TEMPORAL_ADDRESS is not set: run the tests with `npm test`.');
  return address;
}
