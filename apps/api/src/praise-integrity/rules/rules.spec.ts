import { hallNetworkRatings, networkOf, parseCidr } from './hall-network.rule';
import { oneSourceManyCases } from './one-source.rule';
import { praiseBursts } from './praise-burst.rule';
import type { Finding, ReviewFact } from './rule-types';
import { tooFastAfterCompletion } from './too-fast.rule';

/**
 * The four 刷好评 rules, each on a table of reviews and the flags expected of it. Times are Shanghai wall-clock on
 * 2026-11-10 (a Tuesday) unless a row says otherwise; `done` is when the rated case was completed.
 */
const at = (time: string, day = '2026-11-10') => new Date(`${day}T${time}+08:00`);

let seq = 0;
function fact(more: Partial<ReviewFact> & { time: string; done?: string; day?: string }): ReviewFact {
  seq++;
  const { time, done, day, ...rest } = more;
  return {
    id: `r${String(seq).padStart(3, '0')}`,
    hallId: 'hall-jintun',
    hallCode: 'jintun',
    windowId: 'w1',
    staffId: null,
    caseId: `case-${seq}`,
    level: 5,
    channel: 'WINDOW_QR',
    createdAt: at(time, day),
    caseCompletedAt: done === undefined ? null : at(done, day),
    clientIp: null,
    clientDevice: null,
    ...rest,
  };
}

/** What a test compares: rule, subject, day and how many reviews (ids are checked where they matter). */
const summary = (findings: Finding[]) => findings.map((f) => `${f.rule} ${f.subjectKind}:${f.subjectKey} ${f.day} ×${f.reviewIds.length}`).sort();

describe('rule (a) praiseBursts: bursts of 非常满意 at one window or staff member shortly after completion', () => {
  const config = { minReviews: 3, withinMinutes: 30, afterCompletionMinutes: 10 };
  /** n level-5 ratings at window w1, `gap` minutes apart from 09:00, each `delay` minutes after its case's completion. */
  const series = (n: number, gapMinutes: number, delayMinutes: number, more: Partial<ReviewFact> = {}) =>
    Array.from({ length: n }, (_, i) => {
      const rated = new Date(at('09:00:00').getTime() + i * gapMinutes * 60_000);
      return { ...fact({ time: '09:00:00', ...more }), createdAt: rated, caseCompletedAt: new Date(rated.getTime() - delayMinutes * 60_000) };
    });

  it.each<[string, () => ReviewFact[], string[]]>([
    ['3 within 30 min, each 2 min after completion → the window', () => series(3, 10, 2), ['PRAISE_BURST WINDOW:w1 2026-11-10 ×3']],
    ['only 2 → nothing', () => series(2, 10, 2), []],
    ['3 spread over 40 min (15 min apart) → nothing', () => series(3, 20, 2), []],
    ['exactly 30 min from first to last counts', () => series(3, 15, 2), ['PRAISE_BURST WINDOW:w1 2026-11-10 ×3']],
    ['given 11 min after completion → not “shortly after”', () => series(3, 5, 11), []],
    ['level 4 is not 非常满意', () => series(3, 5, 2, { level: 4 }), []],
    ['no case (随时可评) → no completion, nothing', () => series(3, 5, 2).map((f) => ({ ...f, caseId: null, caseCompletedAt: null })), []],
    ['with a staff member → the window and the staff member', () => series(3, 5, 2, { staffId: 's1' }), ['PRAISE_BURST STAFF:s1 2026-11-10 ×3', 'PRAISE_BURST WINDOW:w1 2026-11-10 ×3']],
    ['3 at three windows → nothing', () => series(3, 5, 2).map((f, i) => ({ ...f, windowId: `w${i}` })), []],
    [
      'a burst of 3 and a stray one two hours later → only the burst’s 3',
      () => [...series(3, 5, 2), { ...fact({ time: '11:30:00', done: '11:28:00' }) }],
      ['PRAISE_BURST WINDOW:w1 2026-11-10 ×3'],
    ],
    [
      'two bursts on two days → two flags',
      () => [...series(3, 5, 2), ...series(3, 5, 2).map((f) => ({ ...f, createdAt: new Date(f.createdAt.getTime() + 86_400_000), caseCompletedAt: new Date(f.caseCompletedAt.getTime() + 86_400_000) }))],
      ['PRAISE_BURST WINDOW:w1 2026-11-10 ×3', 'PRAISE_BURST WINDOW:w1 2026-11-11 ×3'],
    ],
  ])('%s', (_case, facts, expected) => {
    expect(summary(praiseBursts(facts(), config))).toEqual(expected);
  });

  it('keeps the reviews in time order with the first and last time and the configuration as evidence', () => {
    const facts = series(3, 5, 2).reverse();
    const [flag] = praiseBursts(facts, config);
    expect(flag.reviewIds).toEqual([...facts].reverse().map((f) => f.id));
    expect(flag.evidence).toMatchObject({ config, from: '2026-11-10T01:00:00.000Z', to: '2026-11-10T01:10:00.000Z' });
    expect(flag.evidence.summary).toContain('3 条“非常满意”');
  });
});

describe('rule (b) oneSourceManyCases: one device or address rating several cases', () => {
  const config = { minCases: 3 };
  it.each<[string, ReviewFact[], string[]]>([
    ['3 cases from one address → the address', [1, 2, 3].map(() => fact({ time: '10:00:00', clientIp: '10.0.0.8' })), ['ONE_SOURCE_MANY_CASES ADDRESS:10.0.0.8 2026-11-10 ×3']],
    ['2 cases → nothing', [1, 2].map(() => fact({ time: '10:00:00', clientIp: '10.0.0.8' })), []],
    [
      '3 cases from one device over two addresses → the device',
      [fact({ time: '10:00:00', clientDevice: 'dev-aaaa', clientIp: '10.0.0.1' }), fact({ time: '10:05:00', clientDevice: 'dev-aaaa', clientIp: '10.0.0.2' }), fact({ time: '10:09:00', clientDevice: 'dev-aaaa', clientIp: '10.0.0.3' })],
      ['ONE_SOURCE_MANY_CASES DEVICE:dev-aaaa 2026-11-10 ×3'],
    ],
    [
      'one device and one address both → two flags',
      [1, 2, 3].map(() => fact({ time: '10:00:00', clientDevice: 'dev-bbbb', clientIp: '10.0.0.9' })),
      ['ONE_SOURCE_MANY_CASES ADDRESS:10.0.0.9 2026-11-10 ×3', 'ONE_SOURCE_MANY_CASES DEVICE:dev-bbbb 2026-11-10 ×3'],
    ],
    ['3 on three days → nothing (per day)', ['2026-11-10', '2026-11-11', '2026-11-12'].map((day) => fact({ time: '10:00:00', day, clientIp: '10.0.0.8' })), []],
    ['随时可评 items without a case do not count', [1, 2, 3].map(() => fact({ time: '10:00:00', clientIp: '10.0.0.8', caseId: null })), []],
    ['no source (portal, staff entries) → nothing', [1, 2, 3].map(() => fact({ time: '10:00:00' })), []],
    [
      'a Shanghai day, not a UTC one: 23:50 and 00:10 are two days',
      [fact({ time: '23:50:00', clientIp: '10.0.0.8' }), fact({ time: '23:55:00', clientIp: '10.0.0.8' }), fact({ time: '00:10:00', day: '2026-11-11', clientIp: '10.0.0.8' })],
      [],
    ],
  ])('%s', (_case, facts, expected) => {
    expect(summary(oneSourceManyCases(facts, config))).toEqual(expected);
  });
});

describe('rule (c) hallNetworkRatings: ratings from the hall’s own network on case-bound channels', () => {
  const networks = { jintun: ['10.20.0.0/16', '2001:db8::/32'], zhifang: ['192.168.5.0/24'] };
  it.each<[string, ReviewFact[], string[]]>([
    ['a window-QR rating from the hall LAN → the address', [fact({ time: '10:00:00', clientIp: '10.20.3.4' })], ['HALL_NETWORK ADDRESS:10.20.3.4 2026-11-10 ×1']],
    ['an invitation rating from it too', [fact({ time: '10:00:00', clientIp: '10.20.3.4', channel: 'CASE_INVITATION' })], ['HALL_NETWORK ADDRESS:10.20.3.4 2026-11-10 ×1']],
    ['two from one address the same day → one flag with both', [fact({ time: '10:00:00', clientIp: '10.20.3.4' }), fact({ time: '11:00:00', clientIp: '10.20.3.4' })], ['HALL_NETWORK ADDRESS:10.20.3.4 2026-11-10 ×2']],
    ['outside the LAN → nothing', [fact({ time: '10:00:00', clientIp: '10.21.0.1' })], []],
    ['the public form (随时可评) is not case-bound → nothing', [fact({ time: '10:00:00', clientIp: '10.20.3.4', channel: 'PUBLIC_FORM', caseId: null })], []],
    ['another hall’s network does not count for this hall', [fact({ time: '10:00:00', clientIp: '192.168.5.7' })], []],
    ['an IPv4-mapped IPv6 address matches the IPv4 network', [fact({ time: '10:00:00', clientIp: '::ffff:10.20.0.9' })], ['HALL_NETWORK ADDRESS:::ffff:10.20.0.9 2026-11-10 ×1']],
    ['an IPv6 network', [fact({ time: '10:00:00', clientIp: '2001:db8::5' })], ['HALL_NETWORK ADDRESS:2001:db8::5 2026-11-10 ×1']],
    ['no address → nothing', [fact({ time: '10:00:00' })], []],
  ])('%s', (_case, facts, expected) => {
    expect(summary(hallNetworkRatings(facts, { networks }))).toEqual(expected);
  });

  it('names the network in the evidence', () => {
    const [flag] = hallNetworkRatings([fact({ time: '10:00:00', clientIp: '10.20.3.4' })], { networks });
    expect(flag.evidence.network).toBe('10.20.0.0/16');
  });

  it.each([
    ['10.20.0.0/16', true],
    ['2001:db8::/32', true],
    ['10.20.0.0/33', false],
    ['10.20.0.0', false],
    ['hall-lan/16', false],
    ['::/129', false],
  ])('parseCidr(%s) → %s', (cidr, valid) => {
    expect(parseCidr(cidr) !== undefined).toBe(valid);
  });

  it.each([
    ['10.20.255.255', ['10.20.0.0/16'], '10.20.0.0/16'],
    ['10.21.0.0', ['10.20.0.0/16'], undefined],
    ['not-an-ip', ['10.20.0.0/16'], undefined],
    ['10.1.1.1', ['bad', '10.0.0.0/8'], '10.0.0.0/8'],
  ])('networkOf(%s, %j) → %s', (ip, cidrs, expected) => {
    expect(networkOf(ip, cidrs)).toBe(expected);
  });
});

describe('rule (d) tooFastAfterCompletion: ratings seconds after completion at a rate no citizen manages', () => {
  const config = { maxSecondsAfterCompletion: 15, minReviews: 3 };
  it.each<[string, ReviewFact[], string[]]>([
    [
      '3 ratings 5–15 s after completion at one window in a day → the window',
      [fact({ time: '09:00:05', done: '09:00:00' }), fact({ time: '11:00:10', done: '11:00:00' }), fact({ time: '15:00:15', done: '15:00:00' })],
      ['TOO_FAST_AFTER_COMPLETION WINDOW:w1 2026-11-10 ×3'],
    ],
    ['16 s is a citizen’s pace → nothing', [fact({ time: '09:00:16', done: '09:00:00' }), fact({ time: '11:00:10', done: '11:00:00' }), fact({ time: '15:00:15', done: '15:00:00' })], []],
    ['2 fast ones → nothing', [fact({ time: '09:00:05', done: '09:00:00' }), fact({ time: '11:00:10', done: '11:00:00' })], []],
    ['any level counts (a fast 1 is as impossible)', [1, 2, 3].map((level) => fact({ level, time: '09:00:05', done: '09:00:00' })), ['TOO_FAST_AFTER_COMPLETION WINDOW:w1 2026-11-10 ×3']],
    ['rated before completion (clock skew) → not counted', [fact({ time: '08:59:55', done: '09:00:00' }), fact({ time: '11:00:10', done: '11:00:00' }), fact({ time: '15:00:15', done: '15:00:00' })], []],
    ['three windows → nothing', ['w1', 'w2', 'w3'].map((windowId) => fact({ windowId, time: '09:00:05', done: '09:00:00' })), []],
  ])('%s', (_case, facts, expected) => {
    expect(summary(tooFastAfterCompletion(facts, config))).toEqual(expected);
  });
});
