import { randomUUID } from 'node:crypto';
import { actor, startRatingStack, type RatingStack, type ReviewBody } from './helpers/rating-stack';

/**
 * Every review the API accepts comes with its row of the upward exchange outbox (exchange_delivery, docs/EXCHANGE.md),
 * written by the same statement as the review: a good review's one INSERT (a data-modifying CTE), a bad review's
 * transaction, a case rating, a staff entry. A review without its row cannot exist: when the row cannot be written,
 * the review is not written either.
 */
describe('the exchange outbox row is written with the review', () => {
  let stack: RatingStack;
  const NOW = '2026-03-02T10:05:00+08:00';
  const COMPLETED = '2026-03-02T10:00:00+08:00';

  beforeAll(async () => {
    stack = await startRatingStack({ now: NOW });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const feedback = (body: Record<string, unknown> = {}) => stack.post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey: randomUUID(), ...body });
  const counts = async () => ({ reviews: await stack.prisma.review.count(), exchange: await stack.prisma.exchangeDelivery.count() });

  it('writes one pending REVIEW row per review accepted over HTTP, whichever path wrote it, and none for a retry', async () => {
    const before = await counts();
    const ratedCase = await stack.createCase({ completedAt: COMPLETED });
    const submissions = [
      () => feedback(), // good: the one INSERT
      () => feedback({ level: 1, comment: '窗口无人' }), // bad: the transaction with the workflow's outbox message
      () => stack.post('/public/reviews', { channel: 'WINDOW_QR', hallCode: 'jintun', windowCode: 'W01', caseId: ratedCase.id, phone: ratedCase.phone, level: 4, clientKey: randomUUID() }),
      () => stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment: '热线反映办事慢' }, actor('ADMIN')),
      ...Array.from({ length: 6 }, (_, index) => () => feedback({ level: 3 + (index % 3) })),
    ];
    const accepted: ReviewBody[] = [];
    for (const submit of submissions) {
      const response = await submit();
      expect(response.status).toBe(201);
      accepted.push((await response.json()) as ReviewBody);
    }

    // A retry of an accepted submission writes neither.
    const clientKey = randomUUID();
    expect((await feedback({ clientKey })).status).toBe(201);
    expect((await feedback({ clientKey })).status).toBe(200);

    const after = await counts();
    expect(after.reviews - before.reviews).toBe(submissions.length + 1);
    expect(after.exchange - before.exchange).toBe(after.reviews - before.reviews);
    const rows = await stack.prisma.exchangeDelivery.findMany({ where: { reviewId: { in: accepted.map((review) => review.id) } } });
    expect(rows).toHaveLength(accepted.length);
    const reviews = new Map((await stack.prisma.review.findMany({ where: { id: { in: accepted.map((review) => review.id) } } })).map((review) => [review.id, review]));
    for (const row of rows) {
      const review = reviews.get(row.reviewId);
      expect(row).toMatchObject({ recordId: row.reviewId, type: 'REVIEW', status: 'PENDING', attempts: 0, payload: null, channelRaw: review?.channel, createdAt: review?.createdAt });
    }
  });

  it('writes no review when its outbox row cannot be written (good and bad path alike)', async () => {
    // A constraint no new REVIEW row can meet stands in for any failure of the outbox INSERT.
    await stack.prisma.$executeRawUnsafe(`ALTER TABLE "exchange_delivery" ADD CONSTRAINT "refused_for_test" CHECK ("type" <> 'REVIEW') NOT VALID`);
    try {
      const before = await counts();
      const outboxBefore = await stack.prisma.outboxMessage.count();
      expect((await feedback()).status).toBe(500);
      expect((await feedback({ level: 2, comment: '态度生硬' })).status).toBe(500);
      expect(await counts()).toEqual(before);
      expect(await stack.prisma.outboxMessage.count()).toBe(outboxBefore);
    } finally {
      await stack.prisma.$executeRawUnsafe(`ALTER TABLE "exchange_delivery" DROP CONSTRAINT "refused_for_test"`);
    }
    expect((await feedback()).status).toBe(201);
  });
});
