import autocannon from 'autocannon';
import { HALLS } from '@haochaping/db';

/** The nth good review (levels 3 to 5, halls in turn) a bench sends, its clientKey `${keyPrefix}-${n}`. */
export function goodReviewBody(keyPrefix: string, n: number): string {
  return JSON.stringify({ hallCode: HALLS[n % HALLS.length]?.code, level: 3 + (n % 3), comment: '办事顺利，工作人员很耐心', clientKey: `${keyPrefix}-${n}` });
}

/**
 * `count` reviews through the public intake (POST /api/public/reviews) as fast as 16 autocannon connections send
 * them, the nth with `body(n)`; throws, naming `what`, unless every one was accepted.
 */
export async function submitReviews(what: string, apiUrl: string, count: number, body: (n: number) => string): Promise<autocannon.Result> {
  let n = 0;
  const result = await autocannon({
    url: `${apiUrl}/api/public/reviews`,
    method: 'POST',
    connections: 16,
    amount: count,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: body(n++) }) }],
  });
  if (result['2xx'] !== count) throw new Error(`${what}: ${result['2xx']} of ${count} reviews accepted (non-2xx ${result.non2xx} by status ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors})`);
  return result;
}
