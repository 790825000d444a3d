import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPgPool, countValuesByKey, rotatePersonalDataKeys, type KeyCount, type Pool, type SqlRunner } from '@haochaping/db';
import { maskName, maskPhone } from '@haochaping/privacy';
import { DataKeyRing, DataProtector, keyIdOf, newTrackingCode, parseDataKey, randomDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';

const CLI = join(__dirname, '../../../prisma/dist/cli/rotate-data-keys.js');
const API_MAIN = join(__dirname, '../dist/main.js');
const WORKER_MAIN = join(__dirname, '../../worker/dist/main.js');

/**
 * Rotating the personal-data key on a live system (docs/DEPLOYMENT.md, "Rotating the personal-data key"): rows
 * written under the legacy key and key a; the API restarted with the ring {legacy, a, b}, b active; the rotation
 * command killed mid-run and run again while the API answers reads and changes a row; at the end every value is on
 * b and decrypts to what was written, and the API starts and reads everything with a removed from the ring.
 */
describe('rotating the personal-data key while the API runs', () => {
  const root = parseDataKey(TEST_DATA_KEY);
  const a = randomDataKey();
  const b = randomDataKey();
  const ringAB = new DataKeyRing(root, new Map([['a', parseDataKey(a)], ['b', parseDataKey(b)]]), 'b');
  const ringB = new DataKeyRing(root, new Map([['b', parseDataKey(b)]]), 'b');
  const ringA = new DataKeyRing(root, new Map([['a', parseDataKey(a)]]), 'a');
  const legacy = new DataProtector(root);
  const underA = new DataProtector(ringA);
  const USERS = 300;
  const CASES = 300;
  const REVIEWS = 20;

  let db: TestDatabase;
  let pool: Pool;
  const apps: NestFastifyApplication[] = [];
  /** What was written, by row id: the plaintexts every read must give back. */
  const userPhones = new Map<string, string>();
  const cases = new Map<string, { name: string; phone: string }>();
  const reviews = new Map<string, { name: string; phone: string }>();
  const dutyPhone = '13800000009';
  const notifications = new Map<string, string>();

  const env = (keys: string, active: string) => ({ ...process.env, DATABASE_URL: db.url, DATA_ENCRYPTION_KEY: TEST_DATA_KEY, PERSONAL_DATA_KEYS: keys, PERSONAL_DATA_ACTIVE_KEY: active });
  const config = (ring: DataKeyRing) =>
    new AppConfig(db.url, testTemporalAddress(), 'default', 'key-rotation', 0, '127.0.0.1', 64 * 1024, 60_000, true, ring, {}, { tokenSecret: TEST_AUTH_TOKEN_SECRET });
  async function startApi(ring: DataKeyRing): Promise<string> {
    const app = await createApp(config(ring), { logger: false });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    return `${await app.getUrl()}/api`;
  }

  /** Reads every seeded user (full phones) and case (masked name and phone) through the API and checks them. */
  async function readThroughApi(baseUrl: string, token: string): Promise<void> {
    // A phone the API changes while this read is under way may be read before or after the change.
    const phonesBefore = new Map(userPhones);
    const users = await fetch(`${baseUrl}/admin/users?range=${encodeURIComponent('[0,499]')}`, { headers: bearer(token) });
    expect(users.status).toBe(200);
    const userRows = (await users.json()) as Array<{ id: string; phone: string | null }>;
    expect(userRows.filter((row) => userPhones.has(row.id))).toHaveLength(USERS);
    for (const row of userRows) if (userPhones.has(row.id)) expect([phonesBefore.get(row.id), userPhones.get(row.id)]).toContain(row.phone);
    const list = await fetch(`${baseUrl}/cases?range=${encodeURIComponent('[0,499]')}`, { headers: bearer(token) });
    expect(list.status).toBe(200);
    const caseRows = (await list.json()) as Array<{ id: string; applicantName: string; applicantPhone: string }>;
    expect(caseRows.filter((row) => cases.has(row.id))).toHaveLength(CASES);
    for (const row of caseRows) {
      const written = cases.get(row.id);
      if (written) expect(row).toMatchObject({ applicantName: maskName(written.name), applicantPhone: maskPhone(written.phone) });
    }
  }

  /** Reads through the API again and again until `until` settles; answers how many full reads were made. */
  async function readWhile(baseUrl: string, token: string, until: Promise<unknown>): Promise<number> {
    let settled = false;
    void until.finally(() => (settled = true)).catch(() => undefined);
    let reads = 0;
    do {
      await readThroughApi(baseUrl, token);
      reads++;
    } while (!settled);
    return reads;
  }

  /** Every stored value decrypted with the given protector, checked against what was written. */
  async function expectEveryValueReads(protector: DataProtector): Promise<void> {
    const userRows = await pool.query<{ id: string; phone_enc: string }>(`SELECT id::text, phone_enc FROM app_user WHERE phone_enc IS NOT NULL`);
    expect(userRows.rows).toHaveLength(USERS);
    for (const row of userRows.rows) expect(protector.decrypt(row.phone_enc)).toBe(userPhones.get(row.id));
    const caseRows = await pool.query<{ id: string; applicant_name_enc: string; applicant_phone_enc: string }>(`SELECT id::text, applicant_name_enc, applicant_phone_enc FROM service_case`);
    for (const row of caseRows.rows) {
      expect({ name: protector.decrypt(row.applicant_name_enc), phone: protector.decrypt(row.applicant_phone_enc) }).toEqual(cases.get(row.id));
    }
    const reviewRows = await pool.query<{ id: string; reviewer_name_enc: string; reviewer_phone_enc: string }>(`SELECT id::text, reviewer_name_enc, reviewer_phone_enc FROM review`);
    expect(reviewRows.rows).toHaveLength(REVIEWS);
    for (const row of reviewRows.rows) {
      expect({ name: protector.decrypt(row.reviewer_name_enc), phone: protector.decrypt(row.reviewer_phone_enc) }).toEqual(reviews.get(row.id));
    }
    const notificationRows = await pool.query<{ key: string; recipient_enc: string }>(`SELECT key, recipient_enc FROM notification WHERE recipient_enc IS NOT NULL`);
    expect(notificationRows.rows).toHaveLength(notifications.size);
    for (const row of notificationRows.rows) expect(protector.decrypt(row.recipient_enc)).toBe(notifications.get(row.key));
    const settings = await pool.query<{ county_duty_phone_enc: string }>(`SELECT county_duty_phone_enc FROM staff_sms_settings WHERE id = 1`);
    expect(protector.decrypt(settings.rows[0]?.county_duty_phone_enc ?? '')).toBe(dutyPhone);
  }

  /** Values per key id over every encrypted column. */
  const byKey = (counts: readonly KeyCount[]) => {
    const totals: Record<string, number> = {};
    for (const { keyId, values } of counts) totals[keyId ?? '?'] = (totals[keyId ?? '?'] ?? 0) + values;
    return totals;
  };
  const ALL_VALUES = USERS + 2 * CASES + 2 * REVIEWS + 10 + 1;

  interface Run {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }

  /** Runs a Node script with the key ring given; onLine may kill it; killed after timeoutMs in any case. */
  function runNode(script: string, args: string[], keys: string, active: string, onLine?: (line: string, kill: () => void) => void, timeoutMs = 120_000): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], {
        env: { ...env(keys, active), TEMPORAL_ADDRESS: testTemporalAddress(), TEMPORAL_TASK_QUEUE: `key-rotation-${randomUUID()}`, API_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        for (const line of chunk.split('\n').filter(Boolean)) onLine?.(line, () => child.kill('SIGKILL'));
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }
  const runCli = (args: string[], keys: string, active: string, onLine?: (line: string, kill: () => void) => void) => runNode(CLI, args, keys, active, onLine);

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    const hall = await pool.query<{ id: string }>(`SELECT id::text FROM hall ORDER BY code LIMIT 1`);
    const item = await pool.query<{ id: string }>(`SELECT id::text FROM service_item ORDER BY code LIMIT 1`);
    const hallId = hall.rows[0]?.id;
    const serviceItemId = item.rows[0]?.id;
    // A third of the values under the legacy key (DATA_ENCRYPTION_KEY alone), the rest under a.
    const protectorOf = (n: number) => (n % 3 === 0 ? legacy : underA);
    for (let n = 0; n < USERS; n++) {
      const id = randomUUID();
      const phone = `139${String(n).padStart(8, '0')}`;
      userPhones.set(id, phone);
      await pool.query(`INSERT INTO app_user (id, username, display_name, role, password_hash, must_change_password, phone_enc, updated_at) VALUES ($1, $2, $3, 'COUNTY_SUPERVISOR', 'x', false, $4, now())`, [
        id, `rotation-${n}`, `轮换 ${n}`, protectorOf(n).encrypt(phone),
      ]);
    }
    for (let n = 0; n < CASES; n++) {
      const id = randomUUID();
      const written = { name: `申请人${n}`, phone: `137${String(n).padStart(8, '0')}` };
      cases.set(id, written);
      const protector = protectorOf(n);
      await pool.query(
        `INSERT INTO service_case (id, case_number, service_item_id, hall_id, applicant_kind, applicant_name_enc, applicant_phone_enc, applicant_phone_hash, received_at, channel, source, updated_at)
         VALUES ($1, $2, $3, $4, 'PERSON', $5, $6, $7, now(), 'WINDOW', 'test', now())`,
        [id, `ROT-${n}`, serviceItemId, hallId, protector.encrypt(written.name), protector.encrypt(written.phone), protector.phoneHash(written.phone)],
      );
    }
    for (let n = 0; n < REVIEWS; n++) {
      const id = randomUUID();
      const written = { name: `评价人${n}`, phone: `136${String(n).padStart(8, '0')}` };
      reviews.set(id, written);
      await pool.query(
        `INSERT INTO review (id, hall_id, level, channel, reviewer_kind, reviewer_name_enc, reviewer_phone_enc, reviewer_phone_hash, tracking_code, client_key)
         VALUES ($1, $2, 1, 'PUBLIC_FORM', 'REAL_NAME', $3, $4, $5, $6, $7)`,
        [id, hallId, underA.encrypt(written.name), underA.encrypt(written.phone), underA.phoneHash(written.phone), newTrackingCode(), randomUUID()],
      );
    }
    for (let n = 0; n < 10; n++) {
      const key = `rotation:${n}`;
      notifications.set(key, `135${String(n).padStart(8, '0')}`);
      await pool.query(`INSERT INTO notification (channel, key, template, params, recipient_enc, body, sent_at) VALUES ('SMS', $1, 'test', '{}', $2, '测试', now())`, [key, underA.encrypt(notifications.get(key) ?? '')]);
    }
    await pool.query(`INSERT INTO staff_sms_settings (id, county_duty_phone_enc) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET county_duty_phone_enc = EXCLUDED.county_duty_phone_enc`, [underA.encrypt(dutyPhone)]);
    await createAccounts(db.url, [{ username: 'rotation-admin', role: 'ADMIN' }]);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await pool?.end();
    await db?.drop();
  });

  it('starts with the values under legacy and a, and the API and the worker refuse to start with a ring that lacks a', async () => {
    expect(byKey(await countValuesByKey(pool))).toEqual({ legacy: 100 + 200, a: ALL_VALUES - 300 });
    // The API and the worker as production starts them (dist/main.js), given only b: both stop at once and say why.
    for (const main of [API_MAIN, WORKER_MAIN]) {
      const run = await runNode(main, [], `b:${b}`, 'b', undefined, 60_000);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toMatch(
        /encrypted under key a, which the key ring \(DATA_ENCRYPTION_KEY, PERSONAL_DATA_KEYS\) does not hold \(service_case\.applicant_name_enc: 200 under a;.*app_user\.phone_enc: 200 under a/,
      );
    }
  });

  it('a rotation killed mid-run loses nothing, reads keep working meanwhile, and --check counts what is left', async () => {
    const baseUrl = await startApi(ringAB);
    const token = await accessTokenOf(baseUrl, 'rotation-admin');
    let progressLines = 0;
    const killed = runCli(['--batch-size', '1'], `a:${a},b:${b}`, 'b', (line, kill) => {
      if (/^ {2}service_case: \d+\/300/.test(line) && ++progressLines === 5) kill();
    });
    const reads = await readWhile(baseUrl, token, killed);
    const run = await killed;
    expect(run).toMatchObject({ signal: 'SIGKILL' });
    expect(run.stdout).toContain('轮换到密钥 b，每批 1 行');
    expect(reads).toBeGreaterThanOrEqual(1);

    const counts = byKey(await countValuesByKey(pool));
    expect(counts.b).toBeGreaterThanOrEqual(2 * 5);
    expect((counts.legacy ?? 0) + (counts.a ?? 0)).toBeGreaterThan(0);
    expect((counts.legacy ?? 0) + (counts.a ?? 0) + (counts.b ?? 0)).toBe(ALL_VALUES);
    await expectEveryValueReads(new DataProtector(ringAB));
    await readThroughApi(baseUrl, token);

    const check = await runCli(['--check'], `a:${a},b:${b}`, 'b');
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(/app_user\.phone_enc\s+a\s+200 （待轮换）/);
    expect(check.stdout).toContain(`尚有 ${(counts.legacy ?? 0) + (counts.a ?? 0)} 个值不在当前密钥 b 上`);
  });

  it('the next run continues to the end, never overwriting a value the API changed meanwhile', async () => {
    const baseUrl = await startApi(ringAB);
    const token = await accessTokenOf(baseUrl, 'rotation-admin');
    // The first user the rotation will take; the API changes its phone between the batch's read and its write.
    const first = await pool.query<{ id: string }>(`SELECT id::text FROM app_user WHERE phone_enc IS NOT NULL ORDER BY id LIMIT 1`);
    const changed = first.rows[0]?.id ?? '';
    let changedByApi = false;
    const racing: SqlRunner = {
      query: async (text, values) => {
        if (!changedByApi && text.trimStart().startsWith('UPDATE "app_user"')) {
          changedByApi = true;
          const patch = await fetch(`${baseUrl}/admin/users/${changed}`, {
            method: 'PATCH',
            headers: { ...bearer(token), 'content-type': 'application/json' },
            body: JSON.stringify({ phone: '13700009999' }),
          });
          expect(patch.status).toBe(200);
          userPhones.set(changed, '13700009999');
        }
        return pool.query(text, values);
      },
    };
    const rotation = rotatePersonalDataKeys(racing, new DataProtector(ringAB), { batchSize: 50 });
    const reads = await readWhile(baseUrl, token, rotation);
    const report = await rotation;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(changedByApi).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.tables.find((table) => table.table === 'app_user')).toMatchObject({ total: USERS, done: USERS - 1, changedMeanwhile: 1 });
    expect(report.tables.find((table) => table.table === 'staff_sms_settings')).toMatchObject({ total: 1, done: 1 });

    // The API wrote the changed phone under b itself; the rotation left it alone.
    const stored = await pool.query<{ phone_enc: string }>(`SELECT phone_enc FROM app_user WHERE id = $1`, [changed]);
    expect(keyIdOf(stored.rows[0]?.phone_enc ?? '')).toBe('b');
    expect(byKey(await countValuesByKey(pool))).toEqual({ b: ALL_VALUES });
    await expectEveryValueReads(new DataProtector(ringAB));

    const check = await runCli(['--check'], `a:${a},b:${b}`, 'b');
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('全部在当前密钥 b 上');
    const again = await runCli([], `a:${a},b:${b}`, 'b');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('app_user: 0/0 已重新加密');
  });

  it('after the rotation the old key is removed from the ring: the API starts and reads everything, the phone hashes still match', async () => {
    // (Nest ends the process when a provider fails at start: only start it once the census says it may.)
    expect(byKey(await countValuesByKey(pool))).toEqual({ b: ALL_VALUES });
    const baseUrl = await startApi(ringB);
    await readThroughApi(baseUrl, await accessTokenOf(baseUrl, 'rotation-admin'));
    await expectEveryValueReads(new DataProtector(ringB));
    const hashes = await pool.query<{ id: string; applicant_phone_hash: string }>(`SELECT id::text, applicant_phone_hash FROM service_case`);
    for (const row of hashes.rows) expect(row.applicant_phone_hash).toBe(new DataProtector(ringB).phoneHash(cases.get(row.id)?.phone ?? ''));
    const cli = await runCli(['--check'], `b:${b}`, 'b');
    expect(cli.code).toBe(0);
  });
});
