import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, seedDemoStaff, type ApplicantKind, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createApp } from '../../src/app.factory';
import { AppConfig, type IntakeLimits } from '../../src/config/app-config';

/**
 * The API on a private database with a clock the test sets, for the rating rules (periods counted in working days
 * need exact instants). No worker: a bad review's workflow is started in Temporal on a queue nobody polls, which
 * is enough to see that it started; the walking skeleton runs one end to end.
 */
export interface RatingStack {
  readonly baseUrl: string;
  readonly prisma: PrismaClient;
  readonly protector: DataProtector;
  readonly taskQueue: string;
  /** Sets the API's "now". */
  at(instant: string | Date): void;
  /** Moves the API's "now" on. */
  advance(ms: number): void;
  now(): Date;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A case at a hall (and window), completed at `completedAt` (null: not completed), with a fresh case number and phone. */
  createCase(spec: CaseSpec): Promise<CreatedCase>;
  /** An enabled integration client; returns its key (X-Api-Key). */
  createApiClient(name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface CaseSpec {
  hallCode?: string;
  windowCode?: string | null;
  staffEmployeeNumber?: string | null;
  serviceItemCode?: string;
  completedAt: string | null;
  phone?: string | null;
  applicantName?: string;
  applicantKind?: ApplicantKind;
}

export interface CreatedCase {
  id: string;
  caseNumber: string;
  phone: string | null;
  hallId: string;
  windowId: string | null;
  staffId: string | null;
  serviceItemId: string;
}

let phoneCounter = 0;
/** A mobile number no other case of this process has (tests match cases by phone). */
export function freshPhone(): string {
  phoneCounter += 1;
  return `139${String((process.pid % 1000) * 100_000 + phoneCounter).padStart(8, '0')}`;
}

export async function startRatingStack(options: { now: string; limits?: Partial<IntakeLimits> }): Promise<RatingStack> {
  const db: TestDatabase = await createTestDatabase();
  const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 3 });
  // Two staff members per window (JX<hall><window><seat>, halls by code: jintun is 04): the template has none.
  await seedDemoStaff(prisma);
  const taskQueue = `ratings-${randomUUID()}`;
  let current = new Date(options.now);
  const config = new AppConfig(db.url, testTemporalAddress(), 'default', taskQueue, 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY), {
    publicRequestsPerMinute: 0,
    phoneRequestsPerHour: 0,
    publicBaseUrl: 'https://hcp.example.gov.cn',
    ...options.limits,
  });
  const app: NestFastifyApplication = await createApp(config, { logger: false, clock: { now: () => new Date(current) } });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `${await app.getUrl()}/api`;
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));

  const ids = {
    hall: new Map((await prisma.hall.findMany()).map((hall) => [hall.code, hall.id])),
    item: new Map((await prisma.serviceItem.findMany()).map((item) => [item.code, item.id])),
  };

  return {
    baseUrl,
    prisma,
    protector,
    taskQueue,
    at(instant) {
      current = new Date(instant);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    now: () => new Date(current),
    post: (path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path, headers = {}) => fetch(`${baseUrl}${path}`, { headers }),
    async createCase(spec) {
      const hallId = ids.hall.get(spec.hallCode ?? 'jintun');
      const serviceItemId = ids.item.get(spec.serviceItemCode ?? 'RS-004');
      if (!hallId || !serviceItemId) throw new Error(`unknown hall or item in ${JSON.stringify(spec)}`);
      const windowCode = spec.windowCode === undefined ? 'W01' : spec.windowCode;
      const window = windowCode ? await prisma.serviceWindow.findUniqueOrThrow({ where: { hallId_code: { hallId, code: windowCode } } }) : null;
      const staff = spec.staffEmployeeNumber ? await prisma.staff.findUniqueOrThrow({ where: { employeeNumber: spec.staffEmployeeNumber } }) : null;
      const phone = spec.phone === undefined ? freshPhone() : spec.phone;
      const caseNumber = `T-${randomBytes(5).toString('hex').toUpperCase()}`;
      const row = await prisma.serviceCase.create({
        data: {
          caseNumber,
          serviceItemId,
          hallId,
          windowId: window?.id ?? null,
          staffId: staff?.id ?? null,
          applicantKind: spec.applicantKind ?? 'PERSON',
          applicantNameEnc: protector.encrypt(spec.applicantName ?? '张三'),
          applicantPhoneEnc: phone === null ? null : protector.encrypt(phone),
          applicantPhoneHash: phone === null ? null : protector.phoneHash(phone),
          receivedAt: new Date(new Date(spec.completedAt ?? options.now).getTime() - 3_600_000),
          completedAt: spec.completedAt === null ? null : new Date(spec.completedAt),
          channel: 'WINDOW',
          source: 'test',
        },
      });
      return { id: row.id, caseNumber, phone, hallId, windowId: row.windowId, staffId: row.staffId, serviceItemId };
    },
    async createApiClient(name = 'test system') {
      const key = `hcpk_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
      await prisma.apiClient.create({
        data: { name, keyPrefix: key.slice(5, 13), keyHash: createHash('sha256').update(key).digest('hex'), createdBy: 'test' },
      });
      return key;
    },
    async close() {
      await app.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** A development actor header. */
export function actor(role: string, hallCodes: string[] = [], userId = `${role.toLowerCase()}-1`): Record<string, string> {
  return { 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) };
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  path: string;
  requestId: string;
  errors?: Array<{ field: string; message: string }>;
}

export interface ReviewBody {
  id: string;
  trackingCode: string;
  level: number;
  channel: string;
  hallCode: string;
  createdAt: string;
  created: boolean;
  rectification?: { workflowId: string };
}

/** Chinese text a citizen can read. */
export const CHINESE = /[\u4e00-\u9fa5]/;
