import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig, TEST_AUTH_TOKEN_SECRET, type ThrottleSettings } from '../src/config/app-config';
import { createAccounts, TEST_PASSWORD } from './helpers/auth-accounts';

const WINDOW_MINUTES = 15;
const WINDOW_MS = WINDOW_MINUTES * 60_000;

/**
 * A clock that stands still until the test moves it, at the start of a window: each test starts in a window of its
 * own, answers compared with each other carry the same Retry-After, and windows end without waiting.
 */
class TestClock extends Clock {
  private nowMs = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
  override now(): Date {
    return new Date(this.nowMs);
  }
  advance(ms: number): void {
    this.nowMs += ms;
  }
}
/** Small limits, so each rule is reached in a few tries. */
const LIMITS: ThrottleSettings = {
  signInPerAddress: 6,
  signInPerAccountAddress: 3,
  signInPerAccount: 4,
  signInWindowMinutes: WINDOW_MINUTES,
  signInKnownAddressDays: 30,
  staffWritesPerMinute: 0,
};

interface Answer {
  status: number;
  body: Record<string, unknown>;
  retryAfter: string | null;
}

/** One try: which username, right or wrong password, from which address (X-Forwarded-For; the API trusts loopback). */
interface Attempt {
  user: string;
  right?: boolean;
  from: string;
}

/**
 * Sign-in throttling (auth/sign-in-throttle.ts): per address, per username and address, per username for addresses
 * the account never signed in from; 429 with Retry-After in the one error shape; never a lockout; and the same
 * answers for a username that does not exist as for one that does.
 */
describe('sign-in limits', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const clock = new TestClock();
  let addressCounter = 0;
  /** An address no other test used. */
  const freshAddress = () => `203.0.113.${++addressCounter}`;
  let accountCounter = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'sign-in-limits', 0, '127.0.0.1', 64 * 1024, 60_000, true, parseDataKey(TEST_DATA_KEY), {}, {
      tokenSecret: TEST_AUTH_TOKEN_SECRET,
    }, LIMITS);
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  // Every test in a fresh window (windows are aligned: a whole window later is always the next one).
  beforeEach(() => clock.advance(WINDOW_MS));

  /** A new account (password TEST_PASSWORD) for one test. */
  async function account(): Promise<string> {
    const username = `staff-${++accountCounter}`;
    await createAccounts(db.url, [{ username, role: 'HANDLER', hallCodes: ['jintun'] }]);
    return username;
  }

  async function signIn(attempt: Attempt): Promise<Answer> {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': attempt.from },
      body: JSON.stringify({ username: attempt.user, password: attempt.right ? TEST_PASSWORD : 'Wrong-password-1' }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  }

  /** What may differ between two identical answers: the request's id and time. */
  const comparable = ({ status, body, retryAfter }: Answer) => {
    const { requestId: _requestId, timestamp: _timestamp, ...rest } = body;
    return { status, body: status === 200 ? 'signed in' : rest, retryAfter };
  };

  const run = async (attempts: readonly Attempt[]) => {
    const answers: Answer[] = [];
    for (const attempt of attempts) answers.push(await signIn(attempt));
    return answers;
  };

  type Scenario = {
    rule: string;
    /** The tries, given the targeted username and a few addresses. */
    attempts: (user: string, at: readonly string[]) => Attempt[];
    expected: number[];
  };

  const scenarios: Scenario[] = [
    {
      rule: 'per address: one address trying many usernames is held back after 6 tries, whichever username comes next',
      attempts: (user, [a = '']) => [
        ...Array.from({ length: 6 }, (_, n) => ({ user: `guess-${n}-${user}`, from: a })),
        { user, from: a },
        { user: `guess-9-${user}`, from: a },
      ],
      expected: [401, 401, 401, 401, 401, 401, 429, 429],
    },
    {
      rule: 'per username and address: 3 wrong passwords for one username from one address, then 429 there only',
      attempts: (user, [a = '', b = '']) => [
        { user, from: a },
        { user, from: a },
        { user, from: a },
        { user, from: a },
        { user: `other-${user}`, from: a },
        { user, from: b },
      ],
      expected: [401, 401, 401, 429, 401, 401],
    },
    {
      rule: 'per username: 4 wrong passwords from 4 addresses, then a fifth address is held back',
      attempts: (user, [a = '', b = '', c = '', d = '', e = '']) => [
        { user, from: a },
        { user, from: b },
        { user, from: c },
        { user, from: d },
        { user, from: e },
        { user, from: a },
      ],
      expected: [401, 401, 401, 401, 429, 429],
    },
  ];

  it.each(scenarios)('$rule — and answers an unknown username exactly as a real one', async ({ attempts, expected }) => {
    const real = await account();
    const answersForReal = await run(attempts(real, [freshAddress(), freshAddress(), freshAddress(), freshAddress(), freshAddress()]));
    clock.advance(WINDOW_MS);
    const answersForUnknown = await run(attempts(`nobody-${real}`, [freshAddress(), freshAddress(), freshAddress(), freshAddress(), freshAddress()]));

    expect(answersForReal.map((answer) => answer.status)).toEqual(expected);
    expect(answersForUnknown.map(comparable)).toEqual(answersForReal.map(comparable));
  });

  it('refuses with 429 in the one error shape, a Chinese message and Retry-After until the window ends; no account is locked', async () => {
    const user = await account();
    const from = freshAddress();
    clock.advance(5 * 60_000); // 10 minutes of the window are left
    await run([{ user, from }, { user, from }, { user, from }]);

    const refused = await signIn({ user, right: true, from });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_SIGN_IN_ATTEMPTS', message: '登录尝试过于频繁，请 10 分钟后再试', path: '/api/auth/login' });
    expect(refused.body.requestId).toBeTruthy();
    expect(refused.retryAfter).toBe('600');

    clock.advance(600_000);
    expect((await signIn({ user, right: true, from })).status).toBe(200);
    expect(await prisma.user.findUniqueOrThrow({ where: { username: user } })).not.toHaveProperty('lockedUntil');
  });

  it("signs the owner in from an address they signed in from while an outsider's failures hold every other address back", async () => {
    const user = await account();
    const office = freshAddress();
    expect((await signIn({ user, right: true, from: office })).status).toBe(200);
    clock.advance(WINDOW_MS);

    // An outsider guesses from several addresses until the account's own limit refuses new ones.
    const outsider = await run([1, 2, 3, 4, 5].map(() => ({ user, from: freshAddress() })));
    expect(outsider.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429]);

    expect((await signIn({ user, right: true, from: office })).status).toBe(200);
    // A new address of the owner's waits for the window to end, as an outsider's would: nothing tells them apart.
    const travelling = freshAddress();
    expect((await signIn({ user, right: true, from: travelling })).status).toBe(429);
    clock.advance(WINDOW_MS);
    expect((await signIn({ user, right: true, from: travelling })).status).toBe(200);
  });

  it('counts an attempt before its password is checked: ten guesses sent at once get three password checks', async () => {
    const user = await account();
    const from = freshAddress();
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn({ user, from })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect(await prisma.auditLog.count({ where: { action: 'auth.login-failed', ip: from } })).toBe(3);
  });

  it('a successful sign-in uses up no limit: a busy office behind one address signs everyone in', async () => {
    const office = freshAddress();
    const users = [await account(), await account(), await account(), await account()];
    const attempts = users.flatMap((user) => [{ user, from: office }, { user, right: true, from: office }, { user, right: true, from: office }]);
    expect((await run(attempts)).map((answer) => answer.status)).toEqual(users.flatMap(() => [401, 200, 200]));
  });

  it('audits every failed sign-in, and a throttled window once rather than every refusal', async () => {
    const user = await account();
    const from = freshAddress();
    const auditCount = (action: string) => prisma.auditLog.count({ where: { action, ip: from } });
    await run([{ user, from }, { user, from }, { user, from }, { user, from }, { user, from }, { user, right: true, from }]);
    expect(await auditCount('auth.login-failed')).toBe(3);
    expect(await auditCount('auth.login-throttled')).toBe(1);
    const [line] = await prisma.auditLog.findMany({ where: { action: 'auth.login-throttled', ip: from } });
    expect(line?.details).toMatchObject({ username: user, limit: 'login.account-address', allowed: 3 });
  });

  it('takes as long to refuse an unknown username as a wrong password (a dummy password hash is verified)', async () => {
    const user = await account();
    const durations = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 6; round++) {
      clock.advance(WINDOW_MS);
      for (const [kind, username] of [['known', user], ['unknown', `nobody-${user}`]] as const) {
        const started = performance.now();
        expect((await signIn({ user: username, from: freshAddress() })).status).toBe(401);
        durations[kind].push(performance.now() - started);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    // Coarse on purpose (a shared machine): without the dummy hash an unknown name answers several times faster.
    expect(median(durations.unknown)).toBeGreaterThan(median(durations.known) * 0.5);
    expect(median(durations.unknown)).toBeLessThan(median(durations.known) * 2);
  });
});
