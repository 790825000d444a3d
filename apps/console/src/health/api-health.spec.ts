import { describe, expect, it } from '@jest/globals';
import { ApiUnreachableError, fetchApiHealth, parseApiHealthResponse } from './api-health';

const healthy = {
  status: 'ok',
  checks: { postgres: { status: 'up', latencyMs: 3 }, temporal: { status: 'up', latencyMs: 12 } },
};
const temporalDown = {
  status: 'error',
  checks: { postgres: { status: 'up', latencyMs: 2 }, temporal: { status: 'down', error: 'connect ECONNREFUSED' } },
};

const fakeFetch =
  (status: number, body: string): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status }));

describe('reading GET /api/health', () => {
  it('accepts a 200 report with every service up', () => {
    expect(parseApiHealthResponse(200, healthy)).toEqual(healthy);
  });

  it('accepts a 503 report: the API is reachable, one of its services is down', () => {
    expect(parseApiHealthResponse(503, temporalDown)).toEqual(temporalDown);
  });

  it.each([
    ['a proxy error without a body', 500, undefined],
    ['a gateway error', 502, { message: 'Bad Gateway' }],
    ['a 200 that is not a health report', 200, '<html></html>'],
    ['a report missing the temporal check', 200, { status: 'ok', checks: { postgres: { status: 'up' } } }],
    ['a report with an unknown service status', 503, { status: 'error', checks: { postgres: { status: 'maybe' }, temporal: { status: 'up' } } }],
  ])('treats %s as the API being unreachable', (_case, status, body) => {
    expect(() => parseApiHealthResponse(status, body)).toThrow(ApiUnreachableError);
  });

  it('fetches <apiUrl>/health and returns the report', async () => {
    const requested: string[] = [];
    const fetchImpl: typeof fetch = (input) => {
      requested.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response(JSON.stringify(healthy), { status: 200 }));
    };
    await expect(fetchApiHealth('/api', { fetchImpl })).resolves.toEqual(healthy);
    expect(requested).toEqual(['/api/health']);
  });

  it('reports a refused connection as unreachable', async () => {
    const fetchImpl: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchApiHealth('/api', { fetchImpl })).rejects.toThrow(ApiUnreachableError);
  });

  it('reports a non-JSON error page as unreachable', async () => {
    await expect(fetchApiHealth('/api', { fetchImpl: fakeFetch(502, '<h1>502</h1>') })).rejects.toThrow(ApiUnreachableError);
  });
});
