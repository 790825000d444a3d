import { FakeSmsGateway, type GatewayAnswer } from './testing/fake-sms-gateway';
import { HttpSmsDriver } from './http-sms.driver';
import { SmsDeliveryError } from './sms.driver';

describe('the HTTP SMS driver against a local gateway', () => {
  const gateway = new FakeSmsGateway();
  let driver: HttpSmsDriver;
  let url: string;
  beforeAll(async () => {
    url = await gateway.start();
    // A generous limit for the answering cases (a machine busy with the other suites can take more than 300 ms to
    // answer); the timeout case below has its own short one.
    driver = new HttpSmsDriver({ url, key: 'gateway-secret', timeoutMs: 10_000 });
  });
  afterAll(() => gateway.stop());
  beforeEach(() => gateway.requests.splice(0));

  const message = { phone: '13812345678', text: '您对金屯镇的评价已整改完毕。', templateId: 'RESULT_TO_REVIEWER' };

  it('posts {phone, text, templateId} as JSON with the key as a bearer token, and resolves on {code: 0}', async () => {
    gateway.answer = () => ({ status: 200, body: '{"code":0,"message":"ok","requestId":"g-1"}' });
    await expect(driver.send(message)).resolves.toBeUndefined();
    expect(gateway.requests).toEqual([
      { method: 'POST', path: '/sms/send', authorization: 'Bearer gateway-secret', contentType: 'application/json', body: message },
    ]);
  });

  it.each<[string, GatewayAnswer, RegExp]>([
    ['an HTTP 500', { status: 500, body: 'internal error' }, /HTTP 500: internal error/],
    ['an HTTP 401', { status: 401, body: '{"code":401,"message":"bad key"}' }, /HTTP 401/],
    ['a refusal in the body ({code != 0}) with its message', { status: 200, body: '{"code":1001,"message":"号码在黑名单中"}' }, /code 1001\): 号码在黑名单中/],
    ['a body that is not JSON', { status: 200, body: '<html>ok</html>' }, /without a numeric code: <html>ok<\/html>/],
    ['JSON without a code', { status: 200, body: '{"status":"ok"}' }, /without a numeric code/],
    ['an empty body', { status: 200, body: '' }, /without a numeric code: \(empty\)/],
  ])('fails with the reason on %s', async (_label, answer, reason) => {
    gateway.answer = () => answer;
    const failure = await driver.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SmsDeliveryError);
    expect((failure as Error).message).toMatch(reason);
    expect(gateway.requests).toHaveLength(1);
  });

  it('fails with the reason when the gateway does not answer within the timeout', async () => {
    gateway.answer = () => 'hang';
    const impatient = new HttpSmsDriver({ url, key: 'gateway-secret', timeoutMs: 300 });
    const failure = await impatient.send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SmsDeliveryError);
    expect((failure as Error).message).toMatch(/did not answer within 300 ms/);
    expect(gateway.requests).toHaveLength(1);
  });

  it('masks a phone number the gateway echoes in its error', async () => {
    gateway.answer = () => ({ status: 200, body: '{"code":2,"message":"13812345678 is not reachable"}' });
    const failure = (await driver.send(message).catch((error: unknown) => error)) as Error;
    expect(failure.message).toContain('138****5678 is not reachable');
    expect(failure.message).not.toContain('13812345678');
  });

  it('fails with the reason when nothing listens at the URL', async () => {
    const nowhere = new FakeSmsGateway();
    const gone = await nowhere.start();
    await nowhere.stop();
    const failure = await new HttpSmsDriver({ url: gone, key: 'k', timeoutMs: 1_000 }).send(message).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SmsDeliveryError);
    expect((failure as Error).message).toMatch(/unreachable.*ECONNREFUSED/);
  });
});
