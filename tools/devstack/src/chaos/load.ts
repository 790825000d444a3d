import { randomUUID } from 'node:crypto';
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** The run's one source of chance: the same seed gives the same mix, fault order and fault moments. */
export class SeededRandom {
  private readonly rng: RandomGenerator;

  constructor(readonly seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** A whole number from `from` to `to`, both included. */
  int(from: number, to: number): number {
    return unsafeUniformIntDistribution(from, to, this.rng);
  }

  /** True with probability `percent` in 100. */
  chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

/**
 * The clocks the chaos run saves as the next SLA policy version before its load (POST /api/admin/sla-policies, as
 * an admin): plain calendar time of 36 s (0.01 h, the smallest amount the policy takes), so the result clock of a bad
 * review reminds at 80%, runs out and escalates a clock later, and a confirmation window closes, all inside the run.
 */
const SHORT = { amount: 0.01, unit: 'CALENDAR_HOURS' } as const;
export const CHAOS_SLA_POLICY = {
  categories: {
    IMMEDIATE: { callback: SHORT, result: SHORT },
    TIME_LIMITED: { callback: SHORT, result: SHORT },
    COORDINATED: { callback: SHORT, result: SHORT },
  },
  escalationAfter: SHORT,
  reminderRatio: 0.8,
  confirmationWindow: SHORT,
  rejectionDecision: SHORT,
  extensionDecision: SHORT,
  note: 'chaos run: 36-second clocks',
};

export const CHAOS_HALL = 'jintun';
const actorHeader = (actor: Record<string, unknown>) => ({ 'x-dev-actor': JSON.stringify({ hallCodes: [], ...actor }) });
/** Staff act through the development actor header (APP_MODE=development, as the cluster e2e does). */
const ACTORS = {
  admin: actorHeader({ userId: 'chaos-admin', role: 'ADMIN' }),
  handler: actorHeader({ userId: 'chaos-handler', role: 'HANDLER', hallCodes: [CHAOS_HALL] }),
  citizen: actorHeader({ userId: 'chaos-citizen', role: 'CITIZEN' }),
};

export interface LoadFigures {
  sent: number;
  ok: number;
  errors: number;
  /** Non-2xx answers by status, and requests that got no answer ("network"). */
  errorsByStatus: Record<string, number>;
  goodReviews: number;
  badReviews: number;
  actions: number;
  /** When the last 2xx answer came (ms since the epoch; 0 for none). */
  lastOkAt: number;
}

/** A review the API answered 2xx for: it must be stored, and a bad one must have its one case and workflow. */
export interface AcceptedReview {
  id: string;
  level: number;
  clientKey: string;
}

/** Steps of the mix's case path: verify (立整立改) → record-rectification → confirm 满意. */
const STEPS = [
  { action: 'verify', actor: ACTORS.handler, body: { finding: 'TRUE', category: 'IMMEDIATE', notes: '核实属实（混沌测试）' } },
  { action: 'record-rectification', actor: ACTORS.handler, body: { measures: '当场致歉并重新办理', result: '已办结' } },
  { action: 'confirm', actor: ACTORS.citizen, body: { answer: 'SATISFIED', comment: '满意' } },
] as const;
const STEP_OF_STATE: Record<string, number> = { PENDING_VERIFICATION: 0, RECTIFYING: 1, AWAITING_CONFIRMATION: 2 };

/**
 * The steady mix against the API through its one public port: good reviews (45%), bad reviews (25%) and staff actions
 * on the bad reviews' cases (30%): a case takes its next step, so some close, some wait for the citizen (whose window
 * closes) and some are left for their clocks to run out and escalate.
 */
export class LoadGenerator {
  readonly figures: LoadFigures = { sent: 0, ok: 0, errors: 0, errorsByStatus: {}, goodReviews: 0, badReviews: 0, actions: 0, lastOkAt: 0 };
  readonly accepted: AcceptedReview[] = [];
  /** The next step of each bad review's case (3 = done). */
  private readonly steps = new Map<string, number>();

  constructor(
    private readonly apiUrl: string,
    private readonly random: SeededRandom,
  ) {}

  /** Saves the short-clock SLA policy; bad reviews from now on run under it. */
  async saveShortClocks(): Promise<number> {
    const response = await fetch(`${this.apiUrl}/admin/sla-policies`, { method: 'POST', headers: { 'content-type': 'application/json', ...ACTORS.admin }, body: JSON.stringify(CHAOS_SLA_POLICY) });
    if (response.status !== 201) throw new Error(`saving the chaos SLA policy answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { version: number }).version;
  }

  /** `concurrency` clients, each sending one request after the other with a short pause, until `stop()` says so. */
  async run(stop: () => boolean, concurrency: number, pauseMs: number): Promise<void> {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (!stop()) {
        const errors = this.figures.errors;
        await this.once();
        // A client that got no answer waits longer before its next try, as a person would.
        await new Promise((resolve) => setTimeout(resolve, this.figures.errors > errors ? pauseMs * 10 : pauseMs));
      }
    }));
  }

  private async once(): Promise<void> {
    const open = [...this.steps].filter(([, step]) => step < STEPS.length);
    const roll = this.random.int(1, 100);
    if (roll <= 30 && open.length > 0) return this.act(this.random.pick(open)[0]);
    if (roll <= 55) return this.review(this.random.int(1, 2));
    return this.review(this.random.int(4, 5));
  }

  private async review(level: number): Promise<void> {
    const clientKey = randomUUID();
    const body = { hallCode: CHAOS_HALL, level, clientKey, ...(level <= 2 ? { comment: '办理效率低（混沌测试）' } : {}) };
    const answer = await this.send('POST', '/public/reviews', {}, body);
    if (!answer) return;
    const { id } = answer as { id: string };
    this.accepted.push({ id, level, clientKey });
    if (level <= 2) {
      this.figures.badReviews++;
      this.steps.set(id, 0);
    } else this.figures.goodReviews++;
  }

  private async act(id: string): Promise<void> {
    const step = STEPS[this.steps.get(id)!];
    const answer = await this.send('POST', `/rectifications/${id}/actions/${step.action}`, step.actor, step.body);
    if (answer) {
      this.figures.actions++;
      this.steps.set(id, this.steps.get(id)! + 1);
      return;
    }
    // Refused or unanswered: the case may not be open yet, or an earlier step was done without its answer reaching
    // us (an API killed mid-request). Ask the case where it stands.
    const live = (await this.send('GET', `/rectifications/${id}?live=1`, ACTORS.handler)) as { state?: string } | undefined;
    if (live?.state) this.steps.set(id, STEP_OF_STATE[live.state] ?? STEPS.length);
  }

  /** One request; the parsed 2xx answer, or undefined (counted as an error) for any other status or no answer. */
  private async send(method: string, route: string, headers: Record<string, string>, body?: unknown): Promise<unknown> {
    this.figures.sent++;
    let status: string;
    try {
      const response = await fetch(`${this.apiUrl}${route}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(20_000),
      });
      if (response.ok) {
        const answer: unknown = await response.json();
        this.figures.ok++;
        this.figures.lastOkAt = Date.now();
        return answer;
      }
      await response.arrayBuffer();
      status = String(response.status);
    } catch {
      status = 'network';
    }
    this.figures.errors++;
    this.figures.errorsByStatus[status] = (this.figures.errorsByStatus[status] ?? 0) + 1;
    return undefined;
  }
}
