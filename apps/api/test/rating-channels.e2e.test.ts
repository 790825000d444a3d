import { createHash, randomUUID } from 'node:crypto';
import { actor, CHINESE, freshPhone, startRatingStack, type CreatedCase, type ErrorBody, type RatingStack, type ReviewBody } from './helpers/rating-stack';

/**
 * The rating channels over HTTP (INTAKE-API.md, "Ratings"): the window QR page and its case look-up, rating
 * invitations, the public feedback form, staff feedback entries and the public status page.
 */
describe('rating channels', () => {
  let stack: RatingStack;
  let apiKey: string;

  const COMPLETED = '2026-03-02T10:00:00+08:00'; // Monday; the rating period closes 2026-03-09 10:00
  const NOW = '2026-03-02T10:05:00+08:00';

  beforeAll(async () => {
    stack = await startRatingStack({ now: NOW });
    apiKey = await stack.createApiClient('嘉祥县综合受理系统');
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => stack.at(NOW));

  async function expectRefusal(response: Response, status: number, code: string): Promise<ErrorBody> {
    const error = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: error.code }).toEqual({ status, code });
    expect(error.message).toMatch(CHINESE);
    return error;
  }

  async function created(response: Response): Promise<ReviewBody> {
    expect(response.status).toBe(201);
    return (await response.json()) as ReviewBody;
  }

  describe('the window QR page', () => {
    it('names the hall, the window and the hotline; an unknown code is 404', async () => {
      const response = await stack.get('/public/windows/jintun/W02');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ hall: { code: 'jintun', name: '金屯镇' }, window: { code: 'W02', name: '社保医保窗口' }, hotline: '0537-6851890' });
      await expectRefusal(await stack.get('/public/windows/atlantis/W01'), 404, 'UNKNOWN_HALL');
      await expectRefusal(await stack.get('/public/windows/jintun/W99'), 404, 'UNKNOWN_WINDOW');
    });

    it('finds by phone only the unrated cases of that window still inside their rating period', async () => {
      const phone = freshPhone();
      const [open, older, rated, closed, otherWindow, notCompleted, online] = [
        await stack.createCase({ phone, completedAt: COMPLETED }),
        await stack.createCase({ phone, completedAt: '2026-02-27T16:00:00+08:00', serviceItemCode: 'MZ-001' }),
        await stack.createCase({ phone, completedAt: COMPLETED }),
        await stack.createCase({ phone, completedAt: '2026-02-20T10:00:00+08:00' }),
        await stack.createCase({ phone, completedAt: COMPLETED, windowCode: 'W02' }),
        await stack.createCase({ phone, completedAt: null }),
        await stack.createCase({ phone, completedAt: COMPLETED, serviceItemCode: 'RS-003' }),
      ];
      await stack.createCase({ completedAt: COMPLETED }); // someone else's phone
      await created(await stack.post('/public/reviews', { channel: 'WINDOW_QR', hallCode: 'jintun', windowCode: 'W01', caseId: rated.id, phone, level: 5, clientKey: randomUUID() }));

      // The phone as people type it: spaces, dashes, +86.
      const response = await stack.post('/public/windows/jintun/W01/case-lookup', { phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` });
      expect(response.status).toBe(200);
      const { cases } = (await response.json()) as { cases: Array<{ caseId: string; caseNumberMasked: string; serviceItemName: string; completedAt: string; nature: string }> };
      expect(cases.map((c) => c.caseId).sort()).toEqual([open.id, older.id, online.id].sort());
      expect(cases.find((c) => c.caseId === older.id)).toEqual({
        caseId: older.id,
        caseNumberMasked: `${older.caseNumber.slice(0, 4)}${'*'.repeat(older.caseNumber.length - 8)}${older.caseNumber.slice(-4)}`,
        serviceItemName: '最低生活保障申请',
        completedAt: '2026-02-27T16:00:00+08:00',
        nature: 'OFFLINE',
      });
      expect(cases.find((c) => c.caseId === online.id)?.nature).toBe('ONLINE');
      for (const hidden of [rated, closed, otherWindow, notCompleted]) expect(cases.map((c) => c.caseId)).not.toContain(hidden.id);

      const nobody = await stack.post('/public/windows/jintun/W01/case-lookup', { phone: '13700000000' });
      expect(await nobody.json()).toEqual({ cases: [] });
      await expectRefusal(await stack.post('/public/windows/jintun/W01/case-lookup', { phone: '12ab' }), 422, 'VALIDATION_FAILED');
      await expectRefusal(await stack.post('/public/windows/jintun/W77/case-lookup', { phone }), 404, 'UNKNOWN_WINDOW');
    });
  });

  describe('rating invitations', () => {
    const invite = (caseNumber: string, body: Record<string, unknown> = {}, key: string | null = apiKey) =>
      stack.post(`/integration/cases/${encodeURIComponent(caseNumber)}/rating-invitation`, body, key === null ? {} : { 'x-api-key': key });

    async function invitationFor(ratedCase: CreatedCase, body: Record<string, unknown> = {}): Promise<{ url: string; token: string; expiresAt: string; smsQueued: boolean; smsNotQueuedReason?: string }> {
      const response = await invite(ratedCase.caseNumber, body);
      expect(response.status).toBe(201);
      const answer = (await response.json()) as { url: string; expiresAt: string; smsQueued: boolean; smsNotQueuedReason?: string };
      return { ...answer, token: answer.url.split('/').pop() ?? '' };
    }

    const rateByInvitation = (token: string, body: Record<string, unknown> = {}) =>
      stack.post('/public/reviews', { channel: 'CASE_INVITATION', invitationToken: token, level: 5, clientKey: randomUUID(), ...body });

    it('creates a single-use link, stored only as its SHA-256, valid 120 hours by default and never past the rating period', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const invitation = await invitationFor(ratedCase);
      expect(invitation.url).toMatch(/^https:\/\/hcp\.example\.gov\.cn\/citizen\/i\/[A-Za-z0-9_-]{43}$/);
      expect(invitation).toMatchObject({ expiresAt: '2026-03-07T10:05:00+08:00', smsQueued: false });
      const stored = await stack.prisma.ratingInvitation.findMany({ where: { caseId: ratedCase.id } });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ tokenHash: createHash('sha256').update(invitation.token).digest('hex'), usedAt: null });
      expect(JSON.stringify(stored)).not.toContain(invitation.token);

      expect(await invitationFor(ratedCase, { validHours: 720 })).toMatchObject({ expiresAt: '2026-03-09T10:00:00+08:00' });
      expect(await invitationFor(ratedCase, { validHours: 1 })).toMatchObject({ expiresAt: '2026-03-02T11:05:00+08:00' });
    });

    it('queues the SMS in the notification outbox with the link, without personal data in the text', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED, serviceItemCode: 'GA-001', applicantName: '王五' });
      const invitation = await invitationFor(ratedCase, { sendSms: true });
      expect(invitation.smsQueued).toBe(true);
      const { id } = await stack.prisma.ratingInvitation.findFirstOrThrow({ where: { caseId: ratedCase.id } });
      const sms = await stack.prisma.notification.findUniqueOrThrow({ where: { key: `invitation-sms:${id}` } });
      expect(sms).toMatchObject({ channel: 'SMS', template: 'RATING_INVITATION', sentAt: null });
      expect(stack.protector.decrypt(sms.recipientEnc ?? '')).toBe(ratedCase.phone);
      expect(sms.body).toBe(`您在金屯镇办理的“居民身份证换领”已办结，欢迎对本次服务进行评价：${invitation.url}（2026年3月7日 10:05前有效）。`);
      for (const personal of [ratedCase.phone ?? '', '王五', ratedCase.caseNumber]) expect(sms.body).not.toContain(personal);
    });

    it.each([
      ['a landline', '05376851890', '不是手机号码'],
      ['no phone', null, '未登记联系电话'],
    ])('answers smsQueued:false with the reason when the case has %s', async (_label, phone, reason) => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED, phone });
      const before = await stack.prisma.notification.count();
      const invitation = await invitationFor(ratedCase, { sendSms: true });
      expect(invitation.smsQueued).toBe(false);
      expect(invitation.smsNotQueuedReason).toContain(reason);
      expect(await stack.prisma.notification.count()).toBe(before);
    });

    it.each([
      ['an unknown case', () => Promise.resolve('NO-SUCH-CASE'), {}, 404, 'CASE_NOT_FOUND'],
      ['a case not completed', async () => (await stack.createCase({ completedAt: null })).caseNumber, {}, 422, 'CASE_NOT_COMPLETED'],
      ['a case past its rating period', async () => (await stack.createCase({ completedAt: '2026-02-20T10:00:00+08:00' })).caseNumber, {}, 422, 'RATING_PERIOD_CLOSED'],
      ['0 valid hours', async () => (await stack.createCase({ completedAt: COMPLETED })).caseNumber, { validHours: 0 }, 422, 'VALIDATION_FAILED'],
      ['721 valid hours', async () => (await stack.createCase({ completedAt: COMPLETED })).caseNumber, { validHours: 721 }, 422, 'VALIDATION_FAILED'],
    ])('refuses to invite for %s', async (_label, caseNumber, body, status, code) => {
      const before = await stack.prisma.ratingInvitation.count();
      await expectRefusal(await invite(await caseNumber(), body), status, code);
      expect(await stack.prisma.ratingInvitation.count()).toBe(before);
    });

    it('refuses to invite for a rated case (409) and without an API key (401)', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      await created(await rateByInvitation((await invitationFor(ratedCase)).token));
      await expectRefusal(await invite(ratedCase.caseNumber), 409, 'CASE_ALREADY_RATED');
      await expectRefusal(await invite(ratedCase.caseNumber, {}, null), 401, 'INVALID_API_KEY');
    });

    it('shows the case to rate, then records the rating as real-name with the case phone and uses the link up', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED, serviceItemCode: 'YB-003', windowCode: 'W02' });
      const { token } = await invitationFor(ratedCase);
      const page = await stack.get(`/public/invitations/${token}`);
      expect(page.status).toBe(200);
      const { caseNumberMasked, ...summary } = (await page.json()) as Record<string, unknown>;
      expect(caseNumberMasked).toMatch(/^T-[0-9A-F]{2}\*+[0-9A-F]{4}$/);
      expect(summary).toEqual({
        serviceItemName: '异地就医备案',
        nature: 'ONLINE',
        hallCode: 'jintun',
        hallName: '金屯镇',
        windowCode: 'W02',
        windowName: '社保医保窗口',
        completedAt: '2026-03-02T10:00:00+08:00',
        expiresAt: '2026-03-07T10:05:00+08:00',
      });

      const clientKey = randomUUID();
      const review = await created(await rateByInvitation(token, { clientKey, level: 2, optionCodes: ['E3'] }));
      expect(review).toMatchObject({ channel: 'CASE_INVITATION', hallCode: 'jintun', rectification: { workflowId: `rectification-${review.id}` } });
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: review.id } });
      expect(stored).toMatchObject({ caseId: ratedCase.id, windowId: ratedCase.windowId, reviewerKind: 'REAL_NAME', reviewerPhoneHash: stack.protector.phoneHash(ratedCase.phone ?? '') });
      expect((await stack.prisma.ratingInvitation.findFirstOrThrow({ where: { caseId: ratedCase.id } })).usedAt).toEqual(new Date(NOW));
      expect(await stack.prisma.outboxMessage.count({ where: { key: `rectification-${review.id}` } })).toBe(1);

      // Used: the page and a second rating say so; the retry of the rating that used it gets the first review.
      await expectRefusal(await stack.get(`/public/invitations/${token}`), 410, 'INVITATION_USED');
      await expectRefusal(await rateByInvitation(token), 410, 'INVITATION_USED');
      const retry = await rateByInvitation(token, { clientKey, level: 2, optionCodes: ['E3'] });
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ ...review, created: false });
      expect(await stack.prisma.review.count({ where: { caseId: ratedCase.id } })).toBe(1);
    });

    it('refuses an expired link (410) and an unknown one (404), writing nothing', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const { token } = await invitationFor(ratedCase, { validHours: 2 });
      stack.at('2026-03-02T12:05:01+08:00');
      const before = await stack.prisma.review.count();
      const expired = await expectRefusal(await stack.get(`/public/invitations/${token}`), 410, 'INVITATION_EXPIRED');
      expect(expired.message).toContain('2026年3月2日 12:05');
      await expectRefusal(await rateByInvitation(token), 410, 'INVITATION_EXPIRED');
      for (const unknown of [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'short']) {
        await expectRefusal(await stack.get(`/public/invitations/${unknown}`), 404, 'INVITATION_NOT_FOUND');
      }
      await expectRefusal(await rateByInvitation('A'.repeat(43)), 404, 'INVITATION_NOT_FOUND');
      expect(await stack.prisma.review.count()).toBe(before);
      expect((await stack.prisma.ratingInvitation.findFirstOrThrow({ where: { caseId: ratedCase.id } })).usedAt).toBeNull();
    });

    it('refuses a link to a case rated through another channel meanwhile (409), leaving the link unused', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const { token } = await invitationFor(ratedCase);
      await created(
        await stack.post('/public/reviews', { channel: 'WINDOW_QR', hallCode: 'jintun', windowCode: 'W01', caseId: ratedCase.id, phone: ratedCase.phone, level: 4, clientKey: randomUUID() }),
      );
      await expectRefusal(await stack.get(`/public/invitations/${token}`), 409, 'CASE_ALREADY_RATED');
      await expectRefusal(await rateByInvitation(token), 409, 'CASE_ALREADY_RATED');
      expect((await stack.prisma.ratingInvitation.findFirstOrThrow({ where: { caseId: ratedCase.id } })).usedAt).toBeNull();
    });

    it('lets one of two concurrent ratings through one link; the other is told the link was used', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const { token } = await invitationFor(ratedCase);
      const responses = await Promise.all([rateByInvitation(token, { level: 1, comment: '不满意' }), rateByInvitation(token, { level: 1, comment: '不满意' })]);
      const answers = await Promise.all(responses.map(async (response) => ({ status: response.status, body: (await response.json()) as { code?: string; id?: string } })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 410]);
      expect(answers.find((answer) => answer.status === 410)?.body.code).toBe('INVITATION_USED');
      const winner = answers.find((answer) => answer.status === 201)?.body.id;
      expect(await stack.prisma.review.findMany({ where: { caseId: ratedCase.id }, select: { id: true } })).toEqual([{ id: winner }]);
      expect(await stack.prisma.outboxMessage.count({ where: { key: { startsWith: 'rectification-' }, payload: { path: ['input', 'reviewId'], equals: winner } } })).toBe(1);
    });
  });

  describe('the public feedback form (PUBLIC_FORM)', () => {
    it('records feedback on a hall, a window and a staff member, anonymous unless a name and phone are given', async () => {
      const anonymous = await created(await stack.post('/public/reviews', { hallCode: 'jintun', staffEmployeeNumber: 'JX04021', level: 3, clientKey: randomUUID() }));
      expect(anonymous.channel).toBe('PUBLIC_FORM');
      const staff = await stack.prisma.staff.findUniqueOrThrow({ where: { employeeNumber: 'JX04021' } });
      expect(await stack.prisma.review.findUniqueOrThrow({ where: { id: anonymous.id } })).toMatchObject({
        staffId: staff.id,
        windowId: staff.windowId,
        caseId: null,
        serviceItemId: null,
        reviewerKind: 'ANONYMOUS',
        reviewerPhoneEnc: null,
      });

      const phone = freshPhone();
      const named = await created(
        await stack.post('/public/reviews', { channel: 'PUBLIC_FORM', hallCode: 'wanzhang', windowCode: 'W03', level: 2, comment: '材料清单不清楚', reviewer: { kind: 'REAL_NAME', name: '赵六', phone }, clientKey: randomUUID() }),
      );
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: named.id }, include: { window: true, hall: true } });
      expect(stored).toMatchObject({ reviewerKind: 'REAL_NAME', reviewerPhoneHash: stack.protector.phoneHash(phone), window: { code: 'W03' }, hall: { code: 'wanzhang' } });
      expect(stack.protector.decrypt(stored.reviewerNameEnc ?? '')).toBe('赵六');
      expect(stack.protector.decrypt(stored.reviewerPhoneEnc ?? '')).toBe(phone);
    });

    it.each([
      ['a staff number of another hall', { staffEmployeeNumber: 'JX01011' }, 'UNKNOWN_STAFF', 'staffEmployeeNumber'],
      ['an unknown staff number', { staffEmployeeNumber: 'NOBODY' }, 'UNKNOWN_STAFF', 'staffEmployeeNumber'],
      ['a window of no hall', { windowCode: 'W42' }, 'UNKNOWN_WINDOW', 'windowCode'],
      ['no hall', { hallCode: undefined }, 'VALIDATION_FAILED', 'hallCode'],
      ['a real-name reviewer without a phone', { reviewer: { kind: 'REAL_NAME', name: '赵六' } }, 'VALIDATION_FAILED', 'reviewer.phone'],
      ['a case id (a window QR field)', { caseId: randomUUID() }, 'VALIDATION_FAILED', 'caseId'],
      ['a channel staff enter', { channel: 'HOTLINE' }, 'VALIDATION_FAILED', 'channel'],
      ['the portal channel', { channel: 'ONLINE_PORTAL' }, 'VALIDATION_FAILED', 'channel'],
    ])('refuses %s', async (_label, change, code, field) => {
      const before = await stack.prisma.review.count();
      const error = await expectRefusal(await stack.post('/public/reviews', { hallCode: 'jintun', level: 4, clientKey: randomUUID(), ...change }), 422, code);
      expect(error.errors?.map((e) => e.field)).toContain(field);
      expect(await stack.prisma.review.count()).toBe(before);
    });
  });

  describe('staff feedback entries (随时可评, X-Dev-Actor)', () => {
    const entry = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
      stack.post('/feedback-entries', { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment: '来电反映窗口排队时间长', ...body }, headers);

    // [who, headers, status, code]
    const roles: Array<[string, Record<string, string>, number, string | undefined]> = [
      ['a handler of the hall', actor('HANDLER', ['jintun'], 'handler-jintun'), 201, undefined],
      ['the town leader of the hall', actor('TOWN_LEADER', ['jintun'], 'leader-jintun'), 201, undefined],
      ['the county supervisor', actor('COUNTY_SUPERVISOR', [], 'county-1'), 201, undefined],
      ['an admin', actor('ADMIN', [], 'admin-1'), 201, undefined],
      ['a handler of another hall', actor('HANDLER', ['macun'], 'handler-macun'), 403, 'FORBIDDEN'],
      ['a department guide', actor('DEPT_GUIDE', ['jintun']), 403, 'FORBIDDEN'],
      ['a citizen', actor('CITIZEN'), 403, 'FORBIDDEN'],
      ['nobody', {}, 401, 'UNAUTHENTICATED'],
    ];

    it.each(roles)('%s', async (_who, headers, status, code) => {
      const before = await stack.prisma.review.count();
      const response = await entry(headers);
      if (status !== 201) {
        await expectRefusal(response, status, code ?? '');
        expect(await stack.prisma.review.count()).toBe(before);
        return;
      }
      const review = await created(response);
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: review.id } });
      expect(stored).toMatchObject({ channel: 'HOTLINE', enteredBy: (JSON.parse(headers['x-dev-actor'] ?? '{}') as { userId: string }).userId, reviewerKind: 'ANONYMOUS' });
      expect(review.rectification?.workflowId).toBe(`rectification-${review.id}`);
    });

    it('refers to a case of the hall (completed or not: 随时可评) without rating it, copying it; a retry by the same user returns the entry', async () => {
      const ratedCase = await stack.createCase({ completedAt: null, staffEmployeeNumber: 'JX04012', serviceItemCode: 'MZ-002' });
      const handler = actor('HANDLER', ['jintun'], 'handler-jintun');
      const clientKey = randomUUID();
      const body = { clientKey, channel: 'MAILBOX', caseNumber: ratedCase.caseNumber, level: 1, comment: '意见箱来信', contact: { name: '孙七', phone: '0537-6851234' } };
      const review = await created(await entry(handler, body));
      const stored = await stack.prisma.review.findUniqueOrThrow({ where: { id: review.id } });
      expect(stored).toMatchObject({ channel: 'MAILBOX', caseId: null, aboutCaseId: ratedCase.id, staffId: ratedCase.staffId, serviceItemId: ratedCase.serviceItemId, reviewerKind: 'REAL_NAME', enteredBy: 'handler-jintun' });
      expect(stack.protector.decrypt(stored.reviewerPhoneEnc ?? '')).toBe('05376851234');

      const retry = await entry(handler, body);
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as ReviewBody).id).toBe(review.id);
    });

    it.each([
      ['a case of another hall', async () => ({ caseNumber: (await stack.createCase({ hallCode: 'macun', completedAt: COMPLETED })).caseNumber }), 'CASE_NOT_FOUND', 'caseNumber'],
      ['an unknown case', () => Promise.resolve({ caseNumber: 'NO-SUCH-CASE' }), 'CASE_NOT_FOUND', 'caseNumber'],
      ['a contact name without a phone', () => Promise.resolve({ contact: { name: '孙七' } }), 'VALIDATION_FAILED', 'contact.phone'],
      ['no comment', () => Promise.resolve({ comment: '   ' }), 'VALIDATION_FAILED', 'comment'],
      ['the public form channel', () => Promise.resolve({ channel: 'PUBLIC_FORM' }), 'VALIDATION_FAILED', 'channel'],
      ['an unknown hall', () => Promise.resolve({ hallCode: 'atlantis' }), 'UNKNOWN_HALL', 'hallCode'],
    ])('refuses %s', async (_label, change, code, field) => {
      const before = await stack.prisma.review.count();
      const error = await expectRefusal(await entry(actor('COUNTY_SUPERVISOR', [], 'county-1'), await change()), 422, code);
      expect(error.errors?.map((e) => e.field)).toContain(field);
      expect(await stack.prisma.review.count()).toBe(before);
    });
  });

  describe('the status page (tracking code + last four digits)', () => {
    const status = (body: Record<string, unknown>) => stack.post('/public/reviews/status', body);

    async function badReviewAtWindow(): Promise<{ review: ReviewBody; phone: string }> {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      const review = await created(
        await stack.post('/public/reviews', { channel: 'WINDOW_QR', hallCode: 'jintun', windowCode: 'W01', caseId: ratedCase.id, phone: ratedCase.phone, level: 2, optionCodes: ['B3'], clientKey: randomUUID() }),
      );
      return { review, phone: ratedCase.phone ?? '' };
    }

    it('shows a real-name review to its code and the last four digits, however the code is typed', async () => {
      const { review, phone } = await badReviewAtWindow();
      const code = review.trackingCode;
      const response = await status({ trackingCode: ` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `, phoneLast4: phone.slice(-4) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        trackingCode: code,
        level: 2,
        levelLabel: '不满意',
        channel: 'WINDOW_QR',
        channelLabel: '窗口二维码',
        hallName: '金屯镇',
        createdAt: '2026-03-02T10:05:00+08:00',
        adoption: 'ADOPTED',
        adoptionLabel: '已采纳',
        stage: { code: 'RECEIVED', label: '已受理，等待核实' },
      });
    });

    it('answers the same 404 for a wrong code, wrong digits and missing digits', async () => {
      const { review, phone } = await badReviewAtWindow();
      const wrongDigits = String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0');
      const answers = await Promise.all(
        [
          { trackingCode: review.trackingCode, phoneLast4: wrongDigits },
          { trackingCode: review.trackingCode },
          { trackingCode: 'ABCDEFGH23', phoneLast4: phone.slice(-4) },
          { trackingCode: 'ABC', phoneLast4: phone.slice(-4) },
        ].map(async (body) => {
          const response = await status(body);
          const error = (await response.json()) as ErrorBody;
          return { status: response.status, code: error.code, message: error.message };
        }),
      );
      expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(new Set([JSON.stringify({ status: 404, code: 'REVIEW_NOT_FOUND', message: '未找到该评价，请核对查询码和手机号后四位' })]));
    });

    it('opens an anonymous review with its code alone', async () => {
      const review = await created(await stack.post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey: randomUUID() }));
      const response = await status({ trackingCode: review.trackingCode });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ level: 5, levelLabel: '非常满意', channel: 'PUBLIC_FORM', stage: { code: 'RECORDED', label: '评价已记录' } });
    });

    // [read model state, stage code, stage label]
    const stages: Array<[string, string, string]> = [
      ['PENDING_VERIFICATION', 'VERIFYING', '核实中'],
      ['REJECTION_PENDING', 'VERIFYING', '核实中'],
      ['RECTIFYING', 'RECTIFYING', '整改中'],
      ['EXTENSION_PENDING', 'RECTIFYING', '整改中'],
      ['REOPENED', 'RECTIFYING', '整改中'],
      ['AWAITING_CONFIRMATION', 'AWAITING_CONFIRMATION', '整改结果待您确认'],
      ['CLOSED', 'CLOSED', '已办结'],
    ];

    it.each(stages)('shows the rectification read model: %s → stage %s', async (state, code, label) => {
      const { review, phone } = await badReviewAtWindow();
      const hall = await stack.prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
      await stack.prisma.rectificationCase.create({
        data: { reviewId: review.id, workflowId: `rectification-${review.id}`, hallId: hall.id, level: 2, state, stateLabel: `${state} 标签`, openedAt: new Date(NOW) },
      });
      const answer = (await (await status({ trackingCode: review.trackingCode, phoneLast4: phone.slice(-4) })).json()) as Record<string, unknown>;
      expect(answer).toMatchObject({ stage: { code, label }, rectification: { state, stateLabel: `${state} 标签`, confirmationOpen: false } });
    });

    it('shows the result and whether the reviewer may still confirm it', async () => {
      const { review, phone } = await badReviewAtWindow();
      const hall = await stack.prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
      await stack.prisma.rectificationCase.create({
        data: {
          reviewId: review.id,
          workflowId: `rectification-${review.id}`,
          hallId: hall.id,
          level: 2,
          state: 'AWAITING_CONFIRMATION',
          stateLabel: '待群众确认',
          openedAt: new Date(NOW),
          confirmationDueAt: new Date('2026-03-10T10:00:00+08:00'),
          timeline: {
            create: [
              { seq: 0, at: new Date(NOW), actor: 'system', action: '差评已受理' },
              { seq: 1, at: new Date('2026-03-03T10:00:00+08:00'), actor: 'handler-1', action: '已登记整改结果并反馈评价人，待群众确认', details: { measures: '增开窗口', result: '已增开一个综合受理窗口' } },
            ],
          },
        },
      });
      const read = async () => (await (await status({ trackingCode: review.trackingCode, phoneLast4: phone.slice(-4) })).json()) as { rectification: Record<string, unknown> };

      stack.at('2026-03-10T09:59:00+08:00');
      expect((await read()).rectification).toEqual({
        state: 'AWAITING_CONFIRMATION',
        stateLabel: '待群众确认',
        resultSummary: '已增开一个综合受理窗口',
        confirmationOpen: true,
        confirmationDueAt: '2026-03-10T10:00:00+08:00',
      });
      stack.at('2026-03-10T10:00:01+08:00');
      expect((await read()).rectification).toMatchObject({ confirmationOpen: false });

      await stack.prisma.rectificationCase.update({ where: { reviewId: review.id }, data: { state: 'CLOSED', stateLabel: '已办结', confirmationDueAt: null, outcome: 'SATISFIED' } });
      await stack.prisma.review.update({ where: { id: review.id }, data: { adoption: 'NOT_ADOPTED' } });
      expect(await read()).toMatchObject({
        adoption: 'NOT_ADOPTED',
        adoptionLabel: '不予采纳',
        stage: { code: 'CLOSED' },
        rectification: { state: 'CLOSED', resultSummary: '已增开一个综合受理窗口', confirmationOpen: false, outcome: 'SATISFIED', outcomeLabel: '满意' },
      });
    });
  });
});
