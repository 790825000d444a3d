import { randomUUID } from 'node:crypto';
import { actor, CHINESE, freshPhone, startRatingStack, type ErrorBody, type RatingStack, type ReviewBody } from './helpers/rating-stack';

/**
 * The public intake's limits (INTAKE-API.md, "Ratings"): per client address over every POST under /api/public, per
 * phone over case look-ups and ratings carrying it, per tracking code over failed status look-ups, and a small body
 * limit for public POSTs. Small limits and a clock the test moves make the windows exact; clients are told apart by
 * X-Forwarded-For (the API trusts its proxy).
 */
describe('public intake limits', () => {
  let stack: RatingStack;
  const NOW = '2026-03-02T10:05:00+08:00';
  const COMPLETED = '2026-03-02T10:00:00+08:00';
  let addressCounter = 0;
  /** A client address no other test used. */
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++addressCounter}` });

  beforeAll(async () => {
    stack = await startRatingStack({ now: NOW, limits: { publicRequestsPerMinute: 3, phoneRequestsPerHour: 2, publicBodyLimitBytes: 2048 } });
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => stack.at(NOW));

  async function expectTooMany(response: Response, path: string): Promise<void> {
    expect(response.status).toBe(429);
    const error = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试', path });
    expect(error.requestId).toBeTruthy();
  }

  const feedback = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
    stack.post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey: randomUUID(), ...body }, headers);

  it('counts every public POST of one address in a minute, answers 429 beyond the limit and writes nothing', async () => {
    const address = from();
    expect((await feedback(address)).status).toBe(201);
    expect((await stack.post('/public/reviews/status', { trackingCode: 'ABCDEFGH23' }, address)).status).toBe(404);
    expect((await stack.post('/public/windows/jintun/W01/case-lookup', { phone: freshPhone() }, address)).status).toBe(200);

    const before = await stack.prisma.review.count();
    const refused = await feedback(address);
    await expectTooMany(refused, '/api/public/reviews');
    expect(Number(refused.headers.get('retry-after'))).toBe(60);
    await expectTooMany(await stack.post('/public/windows/jintun/W01/case-lookup', { phone: freshPhone() }, address), '/api/public/windows/jintun/W01/case-lookup');
    expect(await stack.prisma.review.count()).toBe(before);

    // Reading is not limited, other addresses are not affected, and neither are staff endpoints.
    expect((await stack.get('/public/windows/jintun/W01', address)).status).toBe(200);
    expect((await feedback(from())).status).toBe(201);
    const entry = await stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'EMAIL', hallCode: 'jintun', level: 4, comment: '邮件表扬' }, { ...address, ...actor('ADMIN') });
    expect(entry.status).toBe(201);

    stack.advance(30_000);
    expect(Number((await feedback(address)).headers.get('retry-after'))).toBe(30);
    stack.advance(30_000); // the next minute
    expect((await feedback(address)).status).toBe(201);
  });

  it('counts case look-ups and ratings carrying one phone in an hour, whatever the address', async () => {
    const ratedCase = await stack.createCase({ completedAt: COMPLETED });
    const phone = ratedCase.phone ?? '';
    const lookup = (number: string) => stack.post('/public/windows/jintun/W01/case-lookup', { phone: number }, from());

    expect((await lookup(phone)).status).toBe(200);
    const rating = await stack.post('/public/reviews', { channel: 'WINDOW_QR', hallCode: 'jintun', windowCode: 'W01', caseId: ratedCase.id, phone, level: 4, clientKey: randomUUID() }, from());
    expect(rating.status).toBe(201);
    await expectTooMany(await lookup(`+86 ${phone}`), '/api/public/windows/jintun/W01/case-lookup');
    const before = await stack.prisma.review.count();
    await expectTooMany(await feedback(from(), { level: 4, reviewer: { kind: 'REAL_NAME', phone } }), '/api/public/reviews');
    expect(await stack.prisma.review.count()).toBe(before);

    expect((await lookup(freshPhone())).status).toBe(200);
    stack.advance(3_600_000);
    expect((await lookup(phone)).status).toBe(200);
  });

  it('stops failed tries of the last four digits of one tracking code, even with the right ones, until the hour is over', async () => {
    const phone = freshPhone();
    const review = (await (await feedback(from(), { level: 3, reviewer: { kind: 'REAL_NAME', phone } })).json()) as ReviewBody;
    const wrong = String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0');
    const status = (phoneLast4: string, trackingCode = review.trackingCode) => stack.post('/public/reviews/status', { trackingCode, phoneLast4 }, from());

    expect((await status(wrong)).status).toBe(404);
    expect((await status(wrong)).status).toBe(404);
    await expectTooMany(await status(phone.slice(-4)), '/api/public/reviews/status');

    const other = (await (await feedback(from(), { level: 5 })).json()) as ReviewBody;
    expect((await status('0000', other.trackingCode)).status).toBe(200);
    stack.advance(3_600_000);
    const opened = await status(phone.slice(-4));
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { levelLabel: string }).levelLabel).toBe('基本满意');
  });

  it('refuses a public body above the public limit before parsing it (413); other endpoints keep the global limit', async () => {
    const padding = 'x'.repeat(3000);
    const refused = await feedback(from(), { padding });
    expect(refused.status).toBe(413);
    const error = (await refused.json()) as ErrorBody;
    expect(error).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', path: '/api/public/reviews' });
    expect(error.message).toMatch(CHINESE);
    // Not even parsed: broken JSON of that size is 413 too, not 400 MALFORMED_JSON.
    const broken = await stack.post('/public/reviews', `{"hallCode": "jintun", "comment": "${padding}`, from());
    expect(broken.status).toBe(413);

    // A staff endpoint reads the same body and refuses it for its unknown field instead.
    const entry = await stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'EMAIL', hallCode: 'jintun', level: 4, comment: '邮件', padding }, actor('ADMIN'));
    expect(entry.status).toBe(422);
    expect(((await entry.json()) as ErrorBody).errors?.map((e) => e.field)).toEqual(['padding']);

    // A full-length comment still fits under the public limit.
    expect((await feedback(from(), { level: 2, comment: '长'.repeat(500) })).status).toBe(201);
  });
});
