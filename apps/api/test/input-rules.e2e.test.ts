import { randomUUID } from 'node:crypto';
import { actor, CHINESE, freshPhone, startRatingStack, type ErrorBody, type RatingStack } from './helpers/rating-stack';

/**
 * Input rules found by trying the system as a new user would (issue 17): a phone is written as a phone on every
 * channel (a letter is no longer dropped in silence), a search for `%` or `_` looks for that character, and a client
 * key names one request: its retry gets the first answer, another body under it is refused.
 */
describe('input rules', () => {
  let stack: RatingStack;
  let apiKey: string;

  const COMPLETED = '2026-03-02T10:00:00+08:00'; // Monday; the rating period closes 2026-03-09 10:00
  const NOW = '2026-03-02T10:05:00+08:00';
  const county = actor('COUNTY_SUPERVISOR', [], 'county-1');
  const jintunHandler = actor('HANDLER', ['jintun'], 'handler-jintun');

  beforeAll(async () => {
    stack = await startRatingStack({ now: NOW });
    apiKey = await stack.createApiClient('山东政务服务网对接');
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => stack.at(NOW));

  async function created(response: Response): Promise<{ id: string }> {
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  describe('a phone with a letter (1390000000b) is refused on every channel, naming the field in Chinese', () => {
    const WRONG = '1390000000b';

    // [channel, the request, the field named]
    it.each<[string, () => Promise<Response>, string]>([
      [
        'public review, real-name',
        () => stack.post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '态度差', clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', name: '张三', phone: WRONG } }),
        'reviewer.phone',
      ],
      [
        'integration rating (一事一评)',
        async () => {
          const ratedCase = await stack.createCase({ completedAt: COMPLETED, phone: freshPhone() });
          return stack.post('/integration/reviews', { caseNumber: ratedCase.caseNumber, level: 4, clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', phone: WRONG } }, { 'x-api-key': apiKey });
        },
        'reviewer.phone',
      ],
      [
        'staff entry (hotline)',
        () => stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment: '来电反映排队时间长', contact: { name: '李四', phone: WRONG } }, jintunHandler),
        'contact.phone',
      ],
      ['window QR case look-up', () => stack.post('/public/windows/jintun/W01/case-lookup', { phone: WRONG }), 'phone'],
    ])('%s', async (_channel, send, field) => {
      const before = await stack.prisma.review.count();
      const response = await send();
      const error = (await response.json()) as ErrorBody;
      expect({ status: response.status, code: error.code }).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
      expect(error.errors).toEqual([{ field, message: expect.stringMatching(/^电话号码格式不正确/) as string }]);
      expect(error.errors?.[0]?.message).toMatch(CHINESE);
      expect(await stack.prisma.review.count()).toBe(before);
    });

    it('takes a phone written with spaces, dashes, parentheses and +86, and stores it as digits', async () => {
      const entry = await created(
        await stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment: '来电反映排队时间长', contact: { phone: '+86 (139) 0000-0000' } }, jintunHandler),
      );
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: entry.id } });
      expect(stored.reviewerKind).toBe('REAL_NAME');
      const listed = await stack.get(`/reviews/${entry.id}`, county);
      expect(((await listed.json()) as { reviewerPhone: string }).reviewerPhone).toBe('139****0000');
    });
  });

  describe('the reviews search reads % and _ as themselves', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const review = async (comment: string) => (await created(await stack.post('/public/reviews', { hallCode: 'jintun', level: 5, comment, clientKey: randomUUID() }))).id;
      ids.percent = await review('办理速度提升了 50%');
      ids.underscore = await review('窗口编号 W_01 服务好');
      ids.backslash = await review('材料目录 C:\\办事指南 很清楚');
      ids.plain = await review('服务热情周到');
    });

    const searched = async (q: string): Promise<string[]> => {
      const response = await stack.get(`/reviews?filter=${encodeURIComponent(JSON.stringify({ q }))}`, county);
      expect(response.status).toBe(200);
      const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
      return ((await response.json()) as Array<{ id: string }>).map((row) => names[row.id] ?? row.id).sort();
    };

    it.each([
      ['%', ['percent']],
      ['_', ['underscore']],
      ['\\', ['backslash']],
      ['W_0', ['underscore']],
      ['50%', ['percent']],
      ['服务', ['plain', 'underscore']],
    ])('q=%p matches %p', async (q, names) => {
      expect(await searched(q)).toEqual(names);
    });
  });

  describe('a client key names one request', () => {
    // [channel, send a body under a key, the body, the same body written differently, another body, the first tracking code named]
    const publicForm = (clientKey: string, body: Record<string, unknown>) => stack.post('/public/reviews', { hallCode: 'jintun', clientKey, ...body });
    const portal = (caseNumber: string) => (clientKey: string, body: Record<string, unknown>) =>
      stack.post('/integration/reviews', { caseNumber, clientKey, ...body }, { 'x-api-key': apiKey });

    it.each<[string, () => Promise<(clientKey: string, body: Record<string, unknown>) => Promise<Response>>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, boolean]>([
      [
        'public review',
        () => Promise.resolve(publicForm),
        { level: 2, optionCodes: ['B3', 'A1'], comment: '排队时间长', reviewer: { kind: 'REAL_NAME', name: '王五', phone: '13900000007' } },
        { level: 2, optionCodes: ['A1', 'B3'], comment: ' 排队时间长 ', reviewer: { kind: 'REAL_NAME', name: '王五', phone: '+86 139-0000-0007' } },
        { level: 1, optionCodes: ['B3', 'A1'], comment: '排队时间长', reviewer: { kind: 'REAL_NAME', name: '王五', phone: '13900000007' } },
        false,
      ],
      [
        'invitation rating (its link already used by the first)',
        async () => {
          const ratedCase = await stack.createCase({ completedAt: COMPLETED, phone: freshPhone() });
          const invited = await stack.post(`/integration/cases/${encodeURIComponent(ratedCase.caseNumber)}/rating-invitation`, {}, { 'x-api-key': apiKey });
          expect(invited.status).toBe(201);
          const invitationToken = ((await invited.json()) as { url: string }).url.split('/').pop() ?? '';
          return (clientKey: string, body: Record<string, unknown>) => stack.post('/public/reviews', { channel: 'CASE_INVITATION', invitationToken, clientKey, ...body });
        },
        { level: 5 },
        { level: 5, comment: '  ' },
        { level: 4 },
        false,
      ],
      [
        'integration rating (一事一评)',
        async () => portal((await stack.createCase({ completedAt: COMPLETED, phone: freshPhone() })).caseNumber),
        { level: 4, comment: '很方便' },
        { level: 4, comment: '很方便 ' },
        { level: 5, comment: '很方便' },
        true,
      ],
    ])('%s: the same body again is the first review (200), another body is 409 CLIENT_KEY_REUSED', async (_channel, sender, body, sameWrittenDifferently, otherBody, namesTrackingCode) => {
      const send = await sender();
      const clientKey = randomUUID();
      const first = (await created(await send(clientKey, body))) as { id: string; trackingCode: string };

      for (const again of [body, sameWrittenDifferently]) {
        const retried = await send(clientKey, again);
        expect(retried.status).toBe(200);
        expect(await retried.json()).toMatchObject({ id: first.id, trackingCode: first.trackingCode, created: false });
      }

      const before = await stack.prisma.review.count();
      const refused = await send(clientKey, otherBody);
      const error = (await refused.json()) as ErrorBody;
      expect({ status: refused.status, code: error.code }).toEqual({ status: 409, code: 'CLIENT_KEY_REUSED' });
      expect(error.message).toMatch(CHINESE);
      expect(error.message).toContain('2026-03-02 10:05'); // when the first was submitted
      expect(error.message.includes(first.trackingCode)).toBe(namesTrackingCode);
      expect(error.message).not.toContain('13900000007');
      expect(await stack.prisma.review.count()).toBe(before);
    });
  });
});
