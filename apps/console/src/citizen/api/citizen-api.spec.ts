import { describe, expect, it } from '@jest/globals';
import { createCitizenApi, deviceKey, sortHallsForCitizens, toCitizenApiError, type HallSummary } from './citizen-api';

const answering =
  (status: number, body: string) =>
  (): Promise<Response> =>
    Promise.resolve(new Response(body, { status }));

describe('API refusals as the citizen reads them', () => {
  it('keeps the API Chinese message, code and field messages', () => {
    const error = toCitizenApiError(422, {
      statusCode: 422,
      code: 'BAD_REVIEW_NEEDS_REASON',
      message: '差评请选择原因或填写评价内容',
      errors: [{ field: 'optionCodes', message: '请至少选择一项' }, { bad: true }],
    });
    expect([error.status, error.code, error.message, error.fieldErrors]).toEqual([422, 'BAD_REVIEW_NEEDS_REASON', '差评请选择原因或填写评价内容', [{ field: 'optionCodes', message: '请至少选择一项' }]]);
  });

  it('says 请求过于频繁 for a 429 that did not come with our shape (a gateway limit)', async () => {
    const api = createCitizenApi('/api', answering(429, '<html>Too Many Requests</html>'));
    await expect(api.getStatus('ABCDEFGHJK', '8000')).rejects.toMatchObject({ status: 429, message: '请求过于频繁，请稍后再试' });
  });

  it('says the network failed when no answer came', async () => {
    const api = createCitizenApi('/api', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.lookupCases('jintun', 'W01', '13800138000')).rejects.toMatchObject({ status: 0, code: 'NETWORK_FAILURE' });
  });
});

describe('the hall picker order', () => {
  it('lists 街道 before 镇, each in pinyin order', () => {
    const halls: HallSummary[] = [
      { code: 'macun', name: '马村镇', kind: 'TOWN' },
      { code: 'wanzhang', name: '万张街道', kind: 'STREET' },
      { code: 'jintun', name: '金屯镇', kind: 'TOWN' },
      { code: 'jiaxiang', name: '嘉祥街道', kind: 'STREET' },
    ];
    expect(sortHallsForCitizens(halls).map((hall) => hall.name)).toEqual(['嘉祥街道', '万张街道', '金屯镇', '马村镇']);
  });
});

describe('the device key sent with a rating (X-Device-Key, for the county’s 刷好评 rules)', () => {
  const memory = () => {
    const kept = new Map<string, string>();
    return { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
  };

  it('is made once and kept: the same browser sends the same key', () => {
    const storage = memory();
    const first = deviceKey(storage);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(deviceKey(storage)).toBe(first);
    expect(deviceKey(memory())).not.toBe(first);
  });

  it('is a fresh one where storage is refused (private mode)', () => {
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => undefined };
    expect(deviceKey(refusing)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('goes with POST /public/reviews as a header, not in the body', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const api = createCitizenApi('/api', (input, init) => {
      calls.push({ url: String(input), init });
      return Promise.resolve(new Response(JSON.stringify({ id: 'r1', trackingCode: 'ABCDEFGHJK', created: true }), { status: 201 }));
    });
    await api.submitReview({ channel: 'PUBLIC_FORM', hallCode: 'jintun' }, { level: 5, clientKey: 'k-12345678' });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers['X-Device-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(calls[0]?.init?.body as string)).not.toHaveProperty('deviceKey');
  });
});
