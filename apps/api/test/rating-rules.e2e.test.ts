import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { eventually } from './helpers/eventually';
import { actor, CHINESE, startRatingStack, type CreatedCase, type ErrorBody, type RatingStack, type ReviewBody } from './helpers/rating-stack';

/**
 * The rules every rating channel shares (INTAKE-API.md, "Ratings"; DOMAIN.md, "Rating" and "Channels"), over HTTP
 * against PostgreSQL, with the API's clock set by each test: one review per case, the rating period of 5 working
 * days on the hall's calendar, reasons for bad reviews, options of the current set, what a review copies and stores.
 */
describe('ratings: the rules every channel shares', () => {
  let stack: RatingStack;
  let portalKey: string;

  // Monday 2026-03-02, no holiday near: a case completed at 10:00 may be rated until Monday 2026-03-09 10:00.
  const COMPLETED = '2026-03-02T10:00:00+08:00';
  const SOON_AFTER = '2026-03-02T10:05:00+08:00';

  beforeAll(async () => {
    stack = await startRatingStack({ now: SOON_AFTER });
    portalKey = await stack.createApiClient('山东政务服务网对接');
    // 马村镇 also opens on Saturdays: its rating periods count Saturday as a working day.
    const week = { start: '09:00', end: '12:00' };
    const afternoon = { start: '13:00', end: '17:00' };
    await stack.prisma.hall.update({
      where: { code: 'macun' },
      data: { officeHours: Object.fromEntries([1, 2, 3, 4, 5, 6].map((day) => [String(day), [week, afternoon]])) },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => stack.at(SOON_AFTER));

  /** Rates a case at its window with its phone (the window QR channel). */
  const rateAtWindow = (ratedCase: CreatedCase, body: Record<string, unknown> = {}) =>
    stack.post('/public/reviews', {
      channel: 'WINDOW_QR',
      hallCode: 'jintun',
      windowCode: 'W01',
      caseId: ratedCase.id,
      phone: ratedCase.phone,
      level: 5,
      clientKey: randomUUID(),
      ...body,
    });

  const rateOnPortal = (ratedCase: CreatedCase, body: Record<string, unknown> = {}, key = portalKey) =>
    stack.post('/integration/reviews', { caseNumber: ratedCase.caseNumber, level: 4, clientKey: randomUUID(), ...body }, { 'x-api-key': key });

  async function expectRefusal(response: Response, status: number, code: string): Promise<ErrorBody> {
    const error = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: error.code }).toEqual({ status, code });
    expect(error.message).toMatch(CHINESE);
    return error;
  }

  /** Counts that a refusal must leave as they were. */
  const written = async () => ({
    reviews: await stack.prisma.review.count(),
    outbox: await stack.prisma.outboxMessage.count(),
    invitationsUsed: await stack.prisma.ratingInvitation.count({ where: { usedAt: { not: null } } }),
  });

  describe('one review per case', () => {
    it('refuses a second rating of a rated case with 409 CASE_ALREADY_RATED naming when it was rated, whatever the channel', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      expect((await rateAtWindow(ratedCase)).status).toBe(201);
      stack.at('2026-03-03T09:30:00+08:00');
      const before = await written();

      const again = await expectRefusal(await rateAtWindow(ratedCase), 409, 'CASE_ALREADY_RATED');
      expect(again.message).toContain('2026年3月2日 10:05');
      await expectRefusal(await rateOnPortal(ratedCase), 409, 'CASE_ALREADY_RATED');
      expect(await written()).toEqual(before);
    });

    it('answers a retry (same clientKey) with the first review, 200 created:false, even once the rating period has closed', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const clientKey = randomUUID();
      const first = await rateAtWindow(ratedCase, { clientKey, level: 2, comment: '等了一个小时' });
      expect(first.status).toBe(201);
      const review = (await first.json()) as ReviewBody;

      for (const at of [SOON_AFTER, '2026-03-20T10:00:00+08:00']) {
        stack.at(at);
        const retry = await rateAtWindow(ratedCase, { clientKey, level: 2, comment: '等了一个小时' });
        expect(retry.status).toBe(200);
        expect(await retry.json()).toEqual({ ...review, created: false });
      }
      expect(await stack.prisma.review.count({ where: { caseId: ratedCase.id } })).toBe(1);
      expect(await stack.prisma.outboxMessage.count({ where: { key: `rectification-${review.id}` } })).toBe(1);
    });

    it('lets exactly one of concurrent ratings of one case through; the others get 409', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const responses = await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 === 0 ? rateAtWindow(ratedCase) : rateOnPortal(ratedCase))));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(await stack.prisma.review.count({ where: { caseId: ratedCase.id } })).toBe(1);
    });

    it('records concurrent copies of one submission once: one 201, the copies 200 with the same review', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const clientKey = randomUUID();
      const responses = await Promise.all(Array.from({ length: 8 }, () => rateAtWindow(ratedCase, { clientKey, level: 1, optionCodes: ['A1'] })));
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as ReviewBody[];
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
      expect(responses.filter((response) => response.status === 200)).toHaveLength(7);
      expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
      expect(new Set(bodies.map((body) => body.trackingCode)).size).toBe(1);
      expect(await stack.prisma.outboxMessage.count({ where: { key: `rectification-${bodies[0].id}` } })).toBe(1);
    });
  });

  describe("staff entries naming a case (随时可评): feedback about the case, never its one rating", () => {
    const handler = actor('HANDLER', ['jintun'], 'handler-jintun');
    const admin = actor('ADMIN', [], 'admin-1');

    const enterAbout = (ratedCase: CreatedCase, body: Record<string, unknown> = {}) =>
      stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: 'jintun', caseNumber: ratedCase.caseNumber, level: 5, comment: '来电表扬窗口服务热情', ...body }, handler);

    interface CaseDetail {
      rated: boolean;
      reviewLevel: number | null;
      review: { id: string; level: number; channel: string } | null;
      feedback: Array<{ id: string; level: number; channel: string }>;
    }
    const caseDetail = async (ratedCase: CreatedCase): Promise<CaseDetail> => {
      const response = await stack.get(`/cases/${ratedCase.id}`, admin);
      expect(response.status).toBe(200);
      return (await response.json()) as CaseDetail;
    };

    it('leaves the case to the citizen: after a staff level-5 entry the case is unrated, its invitation opens, and the QR rating is its one rating', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const entryResponse = await enterAbout(ratedCase);
      expect(entryResponse.status).toBe(201);
      const entry = (await entryResponse.json()) as ReviewBody;
      // Placed like the case (hall, window, staff, item), referring to it without holding its rating.
      expect(await stack.prisma.review.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
        channel: 'HOTLINE', caseId: null, aboutCaseId: ratedCase.id, staffId: ratedCase.staffId, serviceItemId: ratedCase.serviceItemId, enteredBy: 'handler-jintun',
      });
      expect(await caseDetail(ratedCase)).toMatchObject({ rated: false, reviewLevel: null, review: null, feedback: [{ id: entry.id, level: 5, channel: 'HOTLINE' }] });

      // The invitation does not call the case rated either.
      const invitation = await stack.post(`/integration/cases/${encodeURIComponent(ratedCase.caseNumber)}/rating-invitation`, {}, { 'x-api-key': portalKey });
      expect(invitation.status).toBe(201);
      const token = ((await invitation.json()) as { url: string }).url.split('/').pop() ?? '';
      expect((await stack.get(`/public/invitations/${token}`)).status).toBe(200);

      const rating = await rateAtWindow(ratedCase, { level: 4 });
      expect(rating.status).toBe(201);
      const citizens = (await rating.json()) as ReviewBody;
      expect(await stack.prisma.review.findMany({ where: { caseId: ratedCase.id }, select: { id: true, channel: true } })).toEqual([{ id: citizens.id, channel: 'WINDOW_QR' }]);
      expect(await caseDetail(ratedCase)).toMatchObject({ rated: true, reviewLevel: 4, review: { id: citizens.id, level: 4, channel: 'WINDOW_QR' }, feedback: [{ id: entry.id }] });
      // Now it is rated, for the invitation too.
      await expectRefusal(await stack.get(`/public/invitations/${token}`), 409, 'CASE_ALREADY_RATED');
    });

    it.each(['FAULT_WINDOW', 'MAILBOX', 'HOTLINE', 'SUPERVISION_PLATFORM', 'EMAIL'] as const)(
      'accepts a %s entry naming a case the citizen has rated, as feedback (201, not 409 CASE_ALREADY_RATED)',
      async (channel) => {
        const ratedCase = await stack.createCase({ completedAt: COMPLETED });
        const rating = (await (await rateOnPortal(ratedCase)).json()) as ReviewBody;
        const entries = [await enterAbout(ratedCase, { channel }), await enterAbout(ratedCase, { channel, level: 3 })];
        expect(entries.map((response) => response.status)).toEqual([201, 201]);
        expect(await stack.prisma.review.count({ where: { aboutCaseId: ratedCase.id, channel } })).toBe(2);
        expect(await caseDetail(ratedCase)).toMatchObject({ rated: true, reviewLevel: 4, review: { id: rating.id, channel: 'ONLINE_PORTAL' } });
      },
    );

    it('starts the rectification of a bad staff entry naming a case, which the citizen may still rate afterwards', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const response = await enterAbout(ratedCase, { channel: 'SUPERVISION_PLATFORM', level: 1, comment: '监督平台转来：窗口推诿' });
      expect(response.status).toBe(201);
      const entry = (await response.json()) as ReviewBody;
      const workflowId = `rectification-${entry.id}`;
      expect(entry.rectification).toEqual({ workflowId });
      const message = await stack.prisma.outboxMessage.findUniqueOrThrow({ where: { key: workflowId } });
      expect(message.payload).toEqual({ workflowId, input: { reviewId: entry.id, hallCode: 'jintun', level: 1, reviewedAt: new Date(SOON_AFTER).toISOString() } });
      expect(await eventually(() => stack.prisma.outboxMessage.findFirst({ where: { key: workflowId, dispatchedAt: { not: null } } }))).toBeTruthy();

      expect((await rateOnPortal(ratedCase)).status).toBe(201);
      expect(await stack.prisma.review.count({ where: { OR: [{ caseId: ratedCase.id }, { aboutCaseId: ratedCase.id }] } })).toBe(2);
    });
  });

  describe('the rating period: up to 5 working days after completion, on the hall calendar', () => {
    // [rule, hall, completedAt, rated at, expected status, code, text the refusal names]
    const cases: Array<[string, string, string | null, string, number, string | undefined, string[]]> = [
      ['a minute after completion', 'jintun', COMPLETED, '2026-03-02T10:01:00+08:00', 201, undefined, []],
      ['at the very closing instant (completion + 5 working days)', 'jintun', COMPLETED, '2026-03-09T10:00:00+08:00', 201, undefined, []],
      ['one second later', 'jintun', COMPLETED, '2026-03-09T10:00:01+08:00', 422, 'RATING_PERIOD_CLOSED', ['2026年3月2日 10:00', '2026年3月9日 10:00']],
      ['weekends do not count: Friday 16:30 closes next Friday 16:30', 'jintun', '2026-03-06T16:30:00+08:00', '2026-03-13T16:00:00+08:00', 201, undefined, []],
      ['… and is closed the Saturday after', 'jintun', '2026-03-06T16:30:00+08:00', '2026-03-14T10:00:00+08:00', 422, 'RATING_PERIOD_CLOSED', ['2026年3月13日 16:30']],
      ['国庆 does not count: 9-30 10:00 is still open on 10-12 (the 调休 Saturday 10-10 counts)', 'jintun', '2026-09-30T10:00:00+08:00', '2026-10-12T17:00:00+08:00', 201, undefined, []],
      ['… and closes 2026-10-13 10:00', 'jintun', '2026-09-30T10:00:00+08:00', '2026-10-13T10:01:00+08:00', 422, 'RATING_PERIOD_CLOSED', ['2026年10月13日 10:00']],
      ['a hall open on Saturdays counts them: 马村镇 closes Thursday', 'macun', '2026-03-06T10:00:00+08:00', '2026-03-12T10:01:00+08:00', 422, 'RATING_PERIOD_CLOSED', ['2026年3月12日 10:00']],
      ['… where a Monday–Friday hall is still open', 'jintun', '2026-03-06T10:00:00+08:00', '2026-03-12T10:01:00+08:00', 201, undefined, []],
      ['a case not completed yet', 'jintun', null, SOON_AFTER, 422, 'CASE_NOT_COMPLETED', []],
      ['a case completed after the rating instant', 'jintun', '2026-03-02T11:00:00+08:00', SOON_AFTER, 422, 'CASE_NOT_COMPLETED', []],
    ];

    it.each(cases)('%s (%s)', async (_rule, hallCode, completedAt, ratedAt, status, code, named) => {
      const ratedCase = await stack.createCase({ hallCode, completedAt });
      stack.at(ratedAt);
      const before = await written();
      const response = await rateAtWindow(ratedCase, { hallCode });
      if (status === 201) {
        expect(response.status).toBe(201);
        return;
      }
      const error = await expectRefusal(response, status, code ?? '');
      for (const text of named) expect(error.message).toContain(text);
      expect(await written()).toEqual(before);
    });

    it('applies to the portal with the time the citizen rated there (ratedAt), not the time it arrives', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      stack.at('2026-03-10T09:00:00+08:00'); // the period closed yesterday at 10:00
      const late = await rateOnPortal(ratedCase, { ratedAt: '2026-03-09T09:59:00+08:00' });
      expect(late.status).toBe(201);
      const review = (await late.json()) as ReviewBody;
      expect(review.createdAt).toBe('2026-03-09T09:59:00+08:00');

      const other = await stack.createCase({ completedAt: COMPLETED });
      await expectRefusal(await rateOnPortal(other, { ratedAt: '2026-03-09T10:30:00+08:00' }), 422, 'RATING_PERIOD_CLOSED');
      const future = await expectRefusal(await rateOnPortal(other, { ratedAt: '2026-03-10T12:00:00+08:00' }), 422, 'VALIDATION_FAILED');
      expect(future.errors?.map((e) => e.field)).toEqual(['ratedAt']);
    });
  });

  describe('reasons and options: level 1–2 needs one; codes come from the current set of the item nature', () => {
    // [rule, channel, service item, level, optionCodes, comment, status, code]
    const cases: Array<[string, 'WINDOW_QR' | 'PUBLIC_FORM', string, number, string[] | undefined, string | undefined, number, string | undefined]> = [
      ['level 2 without option or comment', 'WINDOW_QR', 'RS-004', 2, undefined, undefined, 422, 'BAD_REVIEW_NEEDS_REASON'],
      ['level 1 with an empty option list and no comment', 'PUBLIC_FORM', '', 1, [], undefined, 422, 'BAD_REVIEW_NEEDS_REASON'],
      ['level 1 with a comment only', 'WINDOW_QR', 'RS-004', 1, undefined, '态度很差', 201, undefined],
      ['level 2 with an option only', 'WINDOW_QR', 'RS-004', 2, ['B3'], undefined, 201, undefined],
      ['level 5 with nothing', 'WINDOW_QR', 'RS-004', 5, undefined, undefined, 201, undefined],
      ['an ONLINE option for an OFFLINE item', 'WINDOW_QR', 'RS-004', 2, ['D1'], undefined, 422, 'UNKNOWN_OPTION'],
      ['an ONLINE option for an ONLINE item', 'WINDOW_QR', 'RS-003', 2, ['D1', 'E3'], undefined, 201, undefined],
      ['an OFFLINE option for an ONLINE item', 'WINDOW_QR', 'RS-003', 2, ['A1'], undefined, 422, 'UNKNOWN_OPTION'],
      ['a code in no set', 'WINDOW_QR', 'RS-004', 2, ['A1', 'Z9'], undefined, 422, 'UNKNOWN_OPTION'],
      ['hall feedback takes the OFFLINE set', 'PUBLIC_FORM', '', 2, ['A2'], undefined, 201, undefined],
      ['hall feedback refuses an ONLINE code', 'PUBLIC_FORM', '', 2, ['E1'], undefined, 422, 'UNKNOWN_OPTION'],
      ['the same option twice', 'PUBLIC_FORM', '', 2, ['A2', 'A2'], undefined, 422, 'VALIDATION_FAILED'],
    ];

    it.each(cases)('%s', async (_rule, channel, itemCode, level, optionCodes, comment, status, code) => {
      const body = { level, clientKey: randomUUID(), ...(optionCodes ? { optionCodes } : {}), ...(comment ? { comment } : {}) };
      const before = await written();
      const response =
        channel === 'WINDOW_QR'
          ? await rateAtWindow(await stack.createCase({ completedAt: COMPLETED, serviceItemCode: itemCode }), body)
          : await stack.post('/public/reviews', { hallCode: 'jintun', ...body });
      if (status !== 201) {
        const error = await expectRefusal(response, status, code ?? '');
        expect(error.errors?.map((e) => e.field)).toContain('optionCodes');
        expect(await written()).toEqual(before);
        return;
      }
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as ReviewBody;
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id }, include: { optionSet: true } });
      const nature = itemCode === 'RS-003' ? 'ONLINE' : 'OFFLINE';
      expect(stored).toMatchObject({ optionCodes: optionCodes ?? [], optionSetVersion: 1, optionSet: { nature, version: 1 } });
    });

    it('takes a new option set version an admin saves from the very next rating, and records the version used', async () => {
      const feedback = () => stack.post('/public/reviews', { hallCode: 'jintun', level: 2, optionCodes: ['A4'], clientKey: randomUUID() });
      const currentVersion = async () => ((await (await stack.get('/public/option-sets/current?nature=OFFLINE')).json()) as { version: number }).version;
      expect(await currentVersion()).toBe(1);
      await expectRefusal(await feedback(), 422, 'UNKNOWN_OPTION');
      const v1 = await stack.prisma.optionSet.findFirstOrThrow({ where: { nature: 'OFFLINE', version: 1 }, include: { options: { orderBy: { position: 'asc' } } } });
      const saved = await stack.post(
        '/admin/option-sets',
        {
          nature: 'OFFLINE',
          // At most 10 options a set: C2 makes way for A4.
          options: [
            ...v1.options.filter((option) => option.code !== 'C2').map(({ code, label, suggestedCategory }) => ({ code, label, suggestedCategory })),
            { code: 'A4', label: '窗口工作人员离岗', suggestedCategory: v1.options.find((option) => option.code === 'A1')?.suggestedCategory },
          ],
        },
        actor('ADMIN'),
      );
      expect(saved.status).toBe(201);

      // The API's clock stands still: nothing has to expire.
      expect(await currentVersion()).toBe(2);
      const response = await feedback();
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as ReviewBody;
      expect(await stack.prisma.review.findUniqueOrThrow({ where: { id } })).toMatchObject({ optionCodes: ['A4'], optionSetVersion: 2 });

      const current = (await (await stack.get('/public/option-sets/current?nature=OFFLINE')).json()) as { version: number; options: Array<{ code: string; label: string }> };
      expect(current.version).toBe(2);
      expect(current.options.map((option) => option.code)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'A4']);
      const online = (await (await stack.get('/public/option-sets/current?nature=ONLINE')).json()) as { version: number; options: Array<{ code: string }> };
      expect(online).toMatchObject({ version: 1 });
      expect(online.options).toHaveLength(10);
      await expectRefusal(await stack.get('/public/option-sets/current?nature=PAPER'), 422, 'VALIDATION_FAILED');
    });
  });

  describe('case-bound channels need their case', () => {
    let ratedCase: CreatedCase;
    beforeAll(async () => {
      ratedCase = await stack.createCase({ completedAt: COMPLETED });
    });

    // [rule, body changes, status, code, field]
    const windowCases: Array<[string, (c: CreatedCase) => Record<string, unknown>, number, string, string | undefined]> = [
      ['a case id that does not exist', () => ({ caseId: randomUUID() }), 422, 'CASE_NOT_FOUND', 'caseId'],
      ['a phone that is not the case phone', () => ({ phone: '13900000000' }), 422, 'CASE_NOT_FOUND', 'caseId'],
      ['a case handled at another window of the hall', () => ({ windowCode: 'W02' }), 422, 'CASE_NOT_FOUND', 'caseId'],
      ['an unknown hall', () => ({ hallCode: 'atlantis' }), 422, 'UNKNOWN_HALL', 'hallCode'],
      ['an unknown window', () => ({ windowCode: 'W99' }), 422, 'UNKNOWN_WINDOW', 'windowCode'],
      ['no case id', () => ({ caseId: undefined }), 422, 'VALIDATION_FAILED', 'caseId'],
      ['no phone', () => ({ phone: undefined }), 422, 'VALIDATION_FAILED', 'phone'],
      ['a field of another channel (an invitation token)', () => ({ invitationToken: 'x'.repeat(43) }), 422, 'VALIDATION_FAILED', 'invitationToken'],
      ['a malformed case id', () => ({ caseId: 'case-1' }), 422, 'VALIDATION_FAILED', 'caseId'],
    ];

    it.each(windowCases)('window QR refuses %s', async (_rule, change, status, code, field) => {
      const before = await written();
      const error = await expectRefusal(await rateAtWindow(ratedCase, change(ratedCase)), status, code);
      if (field) expect(error.errors?.map((e) => e.field)).toContain(field);
      expect(await written()).toEqual(before);
    });

    it('the portal refuses an unknown case number and a missing or unknown API key', async () => {
      const before = await written();
      await expectRefusal(await rateOnPortal({ ...ratedCase, caseNumber: 'NO-SUCH-CASE' }), 422, 'CASE_NOT_FOUND');
      await expectRefusal(await stack.post('/integration/reviews', { caseNumber: ratedCase.caseNumber, level: 4, clientKey: randomUUID() }), 401, 'INVALID_API_KEY');
      await expectRefusal(await rateOnPortal(ratedCase, {}, `hcpk_00000000_${'A'.repeat(43)}`), 401, 'INVALID_API_KEY');
      expect(await written()).toEqual(before);
    });
  });

  describe('what a review records', () => {
    it('copies hall, window, staff and item from the case, and the case phone as the real-name reviewer (encrypted)', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED, staffEmployeeNumber: 'JX04011', serviceItemCode: 'YB-002', applicantName: '李四' });
      const response = await rateAtWindow(ratedCase, { level: 4, comment: '  很耐心  ' });
      expect(response.status).toBe(201);
      const review = (await response.json()) as ReviewBody;
      expect(review).toMatchObject({ level: 4, channel: 'WINDOW_QR', hallCode: 'jintun', created: true, createdAt: '2026-03-02T10:05:00+08:00' });
      expect(review.trackingCode).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
      expect(review.rectification).toBeUndefined();

      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: review.id } });
      expect(stored).toMatchObject({
        hallId: ratedCase.hallId,
        windowId: ratedCase.windowId,
        staffId: ratedCase.staffId,
        serviceItemId: ratedCase.serviceItemId,
        caseId: ratedCase.id,
        comment: '很耐心',
        reviewerKind: 'REAL_NAME',
        reviewerPhoneHash: stack.protector.phoneHash(ratedCase.phone ?? ''),
        trackingCode: review.trackingCode,
        enteredBy: null,
      });
      expect(stored.staffId).not.toBeNull();
      expect(stored.reviewerPhoneEnc).not.toContain(ratedCase.phone ?? '');
      expect(stack.protector.decrypt(stored.reviewerPhoneEnc ?? '')).toBe(ratedCase.phone);
      expect(stack.protector.decrypt(stored.reviewerNameEnc ?? '')).toBe('李四');
    });

    it('stores no name and no phone when the citizen rates anonymously', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const response = await rateAtWindow(ratedCase, { reviewer: { kind: 'ANONYMOUS' } });
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: ((await response.json()) as ReviewBody).id } });
      expect(stored).toMatchObject({ reviewerKind: 'ANONYMOUS', reviewerNameEnc: null, reviewerPhoneEnc: null, reviewerPhoneHash: null });
    });

    it.each([
      ['a real-name reviewer with a phone other than the case phone', { kind: 'REAL_NAME', phone: '13900000001' }, 'reviewer.phone'],
      ['an anonymous reviewer who gives a phone', { kind: 'ANONYMOUS', phone: '13900000001' }, 'reviewer.phone'],
      ['a reviewer phone that is no phone', { kind: 'REAL_NAME', phone: '12' }, 'reviewer.phone'],
    ])('refuses %s', async (_rule, reviewer, field) => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const error = await expectRefusal(await rateAtWindow(ratedCase, { reviewer }), 422, 'VALIDATION_FAILED');
      expect(error.errors?.map((e) => e.field)).toContain(field);
    });

    it('starts the rectification of a bad review with hall, level and review time, through the outbox in the same transaction', async () => {
      const ratedCase = await stack.createCase({ hallCode: 'zhifang', completedAt: COMPLETED });
      const response = await rateAtWindow(ratedCase, { hallCode: 'zhifang', level: 1, optionCodes: ['A1'], comment: '态度生硬' });
      expect(response.status).toBe(201);
      const review = (await response.json()) as ReviewBody;
      const workflowId = `rectification-${review.id}`;
      expect(review.rectification).toEqual({ workflowId });

      const message = await stack.prisma.outboxMessage.findUniqueOrThrow({ where: { key: workflowId } });
      expect(message.payload).toEqual({
        workflowId,
        input: { reviewId: review.id, hallCode: 'zhifang', level: 1, reviewedAt: new Date('2026-03-02T10:05:00+08:00').toISOString() },
      });
      // The API dispatched it after the commit: the workflow exists in Temporal.
      expect(await eventually(() => stack.prisma.outboxMessage.findFirst({ where: { key: workflowId, dispatchedAt: { not: null } } }))).toBeTruthy();
      const temporal = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
      try {
        const description = await temporal.workflow.getHandle(workflowId).describe();
        expect(description).toMatchObject({ type: 'rectificationWorkflow', taskQueue: stack.taskQueue });
      } finally {
        await temporal.connection.close();
      }
    });
  });

  describe('the portal (ONLINE_PORTAL)', () => {
    it('keeps each client’s client keys apart: the same key from two systems makes two reviews; from one, a retry', async () => {
      const otherKey = await stack.createApiClient('另一业务系统');
      const [first, second] = [await stack.createCase({ completedAt: COMPLETED }), await stack.createCase({ completedAt: COMPLETED })];
      const clientKey = randomUUID();
      expect((await rateOnPortal(first, { clientKey })).status).toBe(201);
      expect((await rateOnPortal(second, { clientKey }, otherKey)).status).toBe(201);
      const retry = await rateOnPortal(first, { clientKey });
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as ReviewBody).channel).toBe('ONLINE_PORTAL');
      // …and a citizen sending that key on the public form gets a review of their own.
      expect((await stack.post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey })).status).toBe(201);
    });
  });
});
