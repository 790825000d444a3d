import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { PrismaClient } from '@prisma/client';
import { createPrismaClient } from './prisma-client';
import { DEMO_CITIZEN_PHONE, OPTION_SETS, seedDemoData } from './seed';

/** A Friday morning, Beijing time: the demo's four weeks end here. */
const NOW = new Date('2026-11-27T10:00:00+08:00');
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghai = (instant: Date) => new Date(instant.getTime() + SHANGHAI_OFFSET_MS);

describe('demo data (seedDemoData)', () => {
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const databases: TestDatabase[] = [];
  const clients: PrismaClient[] = [];
  let prisma: PrismaClient;
  let written: number;

  async function freshDatabase(): Promise<PrismaClient> {
    const db = await createTestDatabase();
    databases.push(db);
    const client = createPrismaClient({ databaseUrl: db.url });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    prisma = await freshDatabase();
    written = await seedDemoData(prisma, protector, NOW);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('gives every hall two or three 便民服务点', async () => {
    const halls = await prisma.hall.findMany({ include: { servicePoints: true } });
    expect(halls).toHaveLength(13);
    for (const hall of halls) {
      expect(hall.servicePoints.length).toBeGreaterThanOrEqual(2);
      expect(hall.servicePoints.length).toBeLessThanOrEqual(3);
      expect(hall.servicePoints.every((point) => point.name.endsWith('便民服务点'))).toBe(true);
    }
  });

  it('gives a few hundred cases over the last four weeks, in every hall and window, on working days only', async () => {
    const cases = await prisma.serviceCase.findMany({ include: { window: true } });
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.length).toBeLessThanOrEqual(600);
    const windows = await prisma.serviceWindow.findMany();
    const windowCases = new Set(cases.map((row) => row.windowId));
    expect(windows.filter((window) => !windowCases.has(window.id)).map((window) => window.code)).toEqual([]);
    expect(new Set(cases.map((row) => row.hallId)).size).toBe(await prisma.hall.count());
    expect(new Set(cases.map((row) => row.serviceItemId)).size).toBeGreaterThanOrEqual((await prisma.serviceItem.count()) * 0.9);
    expect(new Set(cases.map((row) => row.staffId)).size).toBeGreaterThanOrEqual((await prisma.staff.count()) * 0.8);

    for (const row of cases) {
      expect(row.receivedAt.getTime()).toBeGreaterThan(NOW.getTime() - 28 * 86_400_000);
      expect(row.receivedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (row.completedAt) expect(row.completedAt.getTime()).toBeGreaterThanOrEqual(row.receivedAt.getTime());
      if (row.completedAt) expect(row.completedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const local = shanghai(row.receivedAt);
      expect([0, 6]).not.toContain(local.getUTCDay());
      // A window case is received in office hours.
      if (row.channel === 'WINDOW') expect([local.getUTCHours() >= 9, local.getUTCHours() < 17]).toEqual([true, true]);
      expect(protector.decrypt(row.applicantNameEnc)).not.toBe('');
      expect(row.applicantPhoneHash).toBe(protector.phoneHash(protector.decryptOptional(row.applicantPhoneEnc) ?? ''));
    }
  });

  it('rates most cases, copying hall, window, staff and item from the case, with a realistic level mix', async () => {
    const reviews = await prisma.review.findMany({ include: { serviceCase: true } });
    expect(reviews).toHaveLength(written);
    const completed = await prisma.serviceCase.count({ where: { completedAt: { not: null } } });
    expect(reviews.length / completed).toBeGreaterThan(0.65);

    for (const review of reviews) {
      const serviceCase = review.serviceCase;
      expect(serviceCase).not.toBeNull();
      if (!serviceCase?.completedAt) continue;
      expect(review).toMatchObject({
        hallId: serviceCase.hallId,
        windowId: serviceCase.windowId,
        staffId: serviceCase.staffId,
        serviceItemId: serviceCase.serviceItemId,
        channel: serviceCase.channel === 'WINDOW' ? 'WINDOW_QR' : 'ONLINE_PORTAL',
      });
      expect(review.createdAt.getTime()).toBeGreaterThanOrEqual(serviceCase.completedAt.getTime());
      expect(review.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (review.reviewerKind === 'REAL_NAME') expect(review.reviewerPhoneHash).toBe(serviceCase.applicantPhoneHash);
    }
    const share = (levels: number[]) => reviews.filter((review) => levels.includes(review.level)).length / reviews.length;
    expect(share([4, 5])).toBeGreaterThan(0.8);
    expect(share([4, 5])).toBeLessThan(0.93);
    expect(share([3])).toBeGreaterThan(0);
  });

  it('has a few bad reviews, all recent, real-name, with reasons, each with its workflow start queued', async () => {
    const bad = await prisma.review.findMany({ where: { level: { lte: 2 } }, include: { serviceItem: true, optionSet: true } });
    expect(bad.length).toBeGreaterThanOrEqual(2);
    expect(bad.length).toBeLessThanOrEqual(6);
    expect(new Set(bad.map((review) => review.level))).toEqual(new Set([1, 2]));
    for (const review of bad) {
      expect(review.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 4 * 86_400_000);
      expect(review.reviewerKind).toBe('REAL_NAME');
      expect(review.comment).toBeTruthy();
      const nature = review.serviceItem?.nature ?? 'OFFLINE';
      expect(review.optionCodes.length).toBeGreaterThan(0);
      review.optionCodes.forEach((code) => expect(OPTION_SETS[nature].map((option) => option.code)).toContain(code));
      expect(review.optionSet).toMatchObject({ nature, version: 1 });
      expect(review.optionSetVersion).toBe(1);
    }
    const messages = await prisma.outboxMessage.findMany();
    expect(messages.map((message) => (message.payload as { input?: { reviewId?: string } }).input?.reviewId).sort()).toEqual(bad.map((review) => review.id).sort());
  });

  it("leaves the demo citizen's two recent cases at jiaxiang W01 unrated, for the window QR page", async () => {
    const mine = await prisma.serviceCase.findMany({ where: { applicantPhoneHash: protector.phoneHash(DEMO_CITIZEN_PHONE) }, include: { hall: true, window: true, review: true } });
    expect(mine.map((row) => [row.hall.code, row.window?.code, row.channel, row.review])).toEqual([
      ['jiaxiang', 'W01', 'WINDOW', null],
      ['jiaxiang', 'W01', 'WINDOW', null],
    ]);
  });

  it('is the same demo every time, and is written only once', async () => {
    const other = await freshDatabase();
    await seedDemoData(other, protector, NOW);
    const summary = (client: PrismaClient) =>
      client.serviceCase
        .findMany({ orderBy: { caseNumber: 'asc' }, select: { caseNumber: true, receivedAt: true, channel: true, review: { select: { level: true, optionCodes: true } } } })
        .then((rows) => rows.map((row) => [row.caseNumber, row.receivedAt.toISOString(), row.channel, row.review?.level, row.review?.optionCodes]));
    expect(await summary(other)).toEqual(await summary(prisma));

    const cases = await prisma.serviceCase.count();
    expect(await seedDemoData(prisma, protector, NOW)).toBe(0);
    expect(await prisma.serviceCase.count()).toBe(cases);
  });
});
