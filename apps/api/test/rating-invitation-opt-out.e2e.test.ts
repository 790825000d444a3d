import { actor, CHINESE, freshPhone, startRatingStack, type ErrorBody, type RatingStack } from './helpers/rating-stack';

/**
 * 参评率 (issue 13): who gets no SMS invitation to rate, and when the others get theirs. A citizen's 退订 reply comes in
 * through the SMS gateway's callback; a hall's staff can set the same flag on a case; either way the number is kept
 * only as its keyed hash, and no invitation SMS goes to it (the scheduled ones: the worker's time-skipping test; the
 * ones staff ask for: here). The county's admin sets N, the working days before the scheduled invitation.
 */
describe('SMS invitations to rate: opt-outs and the setting', () => {
  let stack: RatingStack;
  let apiKey: string;
  const COMPLETED = '2026-03-02T10:00:00+08:00';
  const NOW = '2026-03-02T10:05:00+08:00';

  beforeAll(async () => {
    stack = await startRatingStack({ now: NOW });
    apiKey = await stack.createApiClient('短信网关');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const inbound = (body: Record<string, unknown>, key: string | null = apiKey) => stack.post('/integration/sms/inbound', body, key === null ? {} : { 'x-api-key': key });
  const optedOut = async (phone: string) => (await stack.prisma.smsOptOut.findUnique({ where: { phoneHash: stack.protector.phoneHash(phone) } })) !== null;
  async function expectRefusal(response: Response, status: number, code: string): Promise<void> {
    const error = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: error.code }).toEqual({ status, code });
    expect(error.message).toMatch(CHINESE);
  }

  describe("the SMS gateway's callback", () => {
    it.each([
      ['TD', true],
      [' td ', true],
      ['T', true],
      ['N', true],
      ['退订', true],
      ['请帮我退订，谢谢！', true],
      ['好的', false],
      ['1', false],
      ['', false],
    ])('a reply %j opts the number out: %s', async (text, expected) => {
      const phone = freshPhone();
      const response = await inbound({ from: phone, text, receivedAt: NOW });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ optedOut: expected });
      expect(await optedOut(phone)).toBe(expected);
    });

    it('keeps the number only as its keyed hash, once however often the citizen replies', async () => {
      const phone = freshPhone();
      for (const text of ['TD', '退订']) expect((await inbound({ from: `+86 ${phone}`, text })).status).toBe(200);
      const rows = await stack.prisma.$queryRaw<Array<{ row: string }>>`SELECT row_to_json(o)::text AS row FROM sms_opt_out o WHERE phone_hash = ${stack.protector.phoneHash(phone)}`;
      expect(rows).toHaveLength(1);
      expect(rows[0].row).not.toContain(phone.slice(3));
      expect(JSON.parse(rows[0].row)).toMatchObject({ source: 'SMS_REPLY', recorded_by: null });
    });

    it('is documented in the OpenAPI document: the path, its body (from, text) and its answer', async () => {
      const document = (await (await stack.get('/docs-json')).json()) as {
        paths: Record<string, { post?: { requestBody?: unknown; responses?: Record<string, unknown> } }>;
        components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      };
      const inboundPath = document.paths['/api/integration/sms/inbound'];
      expect(inboundPath?.post?.requestBody).toBeDefined();
      expect(Object.keys(inboundPath?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '422']));
      expect(document.components.schemas.InboundSmsDto).toMatchObject({ required: expect.arrayContaining(['from', 'text']) as unknown });
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/call-logs/import', '/api/cases/{caseNumber}/sms-opt-out', '/api/admin/rating-invitation-settings']));
    });

    it('is refused without the gateway’s API key (401) and for a sender that is no phone (422)', async () => {
      await expectRefusal(await inbound({ from: freshPhone(), text: 'TD' }, null), 401, 'INVALID_API_KEY');
      await expectRefusal(await inbound({ from: 'abc', text: 'TD' }), 422, 'INVALID_PHONE');
      await expectRefusal(await inbound({ text: 'TD' }), 422, 'VALIDATION_FAILED');
    });

    it('stops the invitation SMS staff ask for: the link is made, the SMS is not queued', async () => {
      const ratedCase = await stack.createCase({ completedAt: COMPLETED });
      expect((await inbound({ from: ratedCase.phone, text: 'TD' })).status).toBe(200);
      const response = await stack.post(`/integration/cases/${ratedCase.caseNumber}/rating-invitation`, { sendSms: true }, { 'x-api-key': apiKey });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ smsQueued: false, smsNotQueuedReason: '该号码已退订短信，未发送短信' });
      expect(await stack.prisma.notification.count({ where: { template: 'RATING_INVITATION' } })).toBe(0); // no other test here asks for an SMS
    });
  });

  describe("the hall's flag on a case", () => {
    const flag = (caseNumber: string, headers: Record<string, string>) => stack.post(`/cases/${encodeURIComponent(caseNumber)}/sms-opt-out`, {}, headers);

    it("opts the case's applicant out, recorded with who set it", async () => {
      const serviceCase = await stack.createCase({ completedAt: COMPLETED });
      const response = await flag(serviceCase.caseNumber, actor('HANDLER', ['jintun'], 'handler-zhang'));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ optedOut: true });
      expect(await stack.prisma.smsOptOut.findUnique({ where: { phoneHash: stack.protector.phoneHash(serviceCase.phone ?? '') } })).toMatchObject({ source: 'HALL', recordedBy: 'handler-zhang' });
    });

    it.each([
      ["another hall's handler", () => actor('HANDLER', ['zhifang']), 'jintun', 403, 'FORBIDDEN'],
      ['a department guide', () => actor('DEPT_GUIDE'), 'jintun', 403, 'FORBIDDEN'],
      ['a case without a phone', () => actor('HANDLER', ['jintun']), 'no-phone', 422, 'CASE_HAS_NO_PHONE'],
      ['a case that does not exist', () => actor('COUNTY_SUPERVISOR'), 'missing', 404, 'CASE_NOT_FOUND'],
    ])('is refused for %s', async (_case, headers, which, status, code) => {
      const caseNumber =
        which === 'missing' ? 'NO-SUCH-CASE' : (await stack.createCase({ completedAt: COMPLETED, ...(which === 'no-phone' ? { phone: null } : {}) })).caseNumber;
      await expectRefusal(await flag(caseNumber, headers()), status, code);
    });
  });

  describe('the admin setting of N', () => {
    const admin = () => actor('ADMIN', [], 'admin-1');
    const put = (body: unknown, headers: Record<string, string> = admin()) =>
      fetch(`${stack.baseUrl}/admin/rating-invitation-settings`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    it('is 2 working days until an admin sets another, then the new value, with who set it', async () => {
      const before = await stack.get('/admin/rating-invitation-settings', admin());
      expect(await before.json()).toEqual({ reminderAfterWorkingDays: 2, updatedBy: null, updatedAt: null });
      const response = await put({ reminderAfterWorkingDays: 3 });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ reminderAfterWorkingDays: 3, updatedBy: 'admin-1' });
      expect(await (await stack.get('/admin/rating-invitation-settings', admin())).json()).toMatchObject({ reminderAfterWorkingDays: 3 });
      expect(await stack.prisma.auditLog.count({ where: { action: 'rating-invitation-settings.update' } })).toBe(1);
    });

    it.each([
      ['0 days', { reminderAfterWorkingDays: 0 }],
      ['5 days (the whole rating period)', { reminderAfterWorkingDays: 5 }],
      ['half a day', { reminderAfterWorkingDays: 1.5 }],
      ['nothing', {}],
    ])('refuses %s (422)', async (_case, body) => {
      await expectRefusal(await put(body), 422, 'VALIDATION_FAILED');
    });

    it.each([['COUNTY_SUPERVISOR'], ['HANDLER']])('is for admins only: %s gets 403', async (role) => {
      await expectRefusal(await put({ reminderAfterWorkingDays: 1 }, actor(role, ['jintun'])), 403, 'FORBIDDEN');
      await expectRefusal(await stack.get('/admin/rating-invitation-settings', actor(role, ['jintun'])), 403, 'FORBIDDEN');
    });
  });
});
