import { Injectable } from '@nestjs/common';
import { appendAudit } from '@haochaping/db';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { PrismaService } from '../prisma/prisma.service';
import { firstOver, RateLimiter, tooManyRequests, type RateLimit, type RateLimitCount } from '../rate-limit/rate-limiter';
import type { RequestContext } from './request-context';

/** The counts one sign-in attempt added; a success takes them back (SignInThrottle.succeeded). */
export interface SignInAttempt {
  readonly counts: readonly RateLimitCount[];
}

export const SIGN_IN_THROTTLED_CODE = 'TOO_MANY_SIGN_IN_ATTEMPTS';

/** The one refusal, whichever limit refused: it says nothing about whether the username exists. */
export function signInThrottledMessage(retryAfterSeconds: number): string {
  return `登录尝试过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`;
}

/**
 * How sign-in is throttled. The decision (docs/DEPLOYMENT.md, "Sign-in and rate limits"):
 *
 * No account is ever locked. A lockout after N wrong passwords lets anyone lock out any county staff member at will
 * (usernames are guessable: `jintun-handler`), and its distinct answer (423) told which usernames exist. Instead
 * three limits, each counted in PostgreSQL so every API process enforces the same one, in fixed windows
 * (SIGN_IN_LIMIT_WINDOW_MINUTES, default 15):
 *
 * 1. per client address — attempts from one address (default 20 a window): stops one machine trying many accounts
 *    (password spraying). Generous, because a hall's staff may all reach us through one NAT address.
 * 2. per username and address — attempts at one username from one address (default 5): stops one machine guessing
 *    one account. It holds only that address back; the account's owner elsewhere is not affected.
 * 3. per username — attempts at one username from every address (default 10): stops guessing from many addresses.
 *    This is the one an outsider could turn against the owner, so it does not apply to an address the account has
 *    signed in from in the last SIGN_IN_KNOWN_ADDRESS_DAYS (default 30; a refresh token was issued to it): a
 *    member of staff at their usual office signs in while someone elsewhere is guessing their password. Only a
 *    sign-in from a new address waits until the window ends during such an attack; limits 1 and 2 still hold the
 *    known address to its own budget.
 *
 * Each attempt is counted before its password is checked (one upsert for all three keys), so concurrent guesses
 * cannot slip past a check-then-count race, and a refused attempt costs no password hash. A successful sign-in
 * takes its counts back, so in effect the limits count failures: a busy office signing in every morning uses none
 * of its address's budget. A refused attempt takes back its counts under the limits that had room (it was no
 * guess), so hammering on from a refused address does not also use up the account's limit.
 *
 * Unknown and known usernames are treated alike: the counters are keyed by the typed username whether or not the
 * account exists, the known-address look-up runs the same query for both, and a refusal has one message. So no
 * answer (status, body, timing) tells whether a username exists; the password check itself hashes a dummy
 * password for an unknown name (AuthService.login).
 */
@Injectable()
export class SignInThrottle {
  private readonly perAddress: RateLimit;
  private readonly perAccountAddress: RateLimit;
  private readonly perAccount: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    const { signInPerAddress, signInPerAccountAddress, signInPerAccount, signInWindowMinutes } = config.throttle;
    const windowMs = signInWindowMinutes * 60_000;
    this.perAddress = { name: 'login.address', limit: signInPerAddress, windowMs };
    this.perAccountAddress = { name: 'login.account-address', limit: signInPerAccountAddress, windowMs };
    this.perAccount = { name: 'login.account', limit: signInPerAccount, windowMs };
  }

  /**
   * Counts an attempt of `username` (normalised) from the request's address; 429 TOO_MANY_SIGN_IN_ATTEMPTS with
   * Retry-After when a limit refuses it. The first refusal of a window is written to the audit trail (later ones of
   * the same window are not: a flood must not flood the trail).
   */
  async admit(username: string, context: RequestContext): Promise<SignInAttempt> {
    const counts = await this.limiter.hit([
      { limit: this.perAddress, subject: context.ip },
      // An address never holds a NUL, so no two (username, address) pairs make one subject.
      { limit: this.perAccountAddress, subject: `${username}\u0000${context.ip}` },
      { limit: this.perAccount, subject: username },
    ]);
    let refusal = firstOver(counts.filter((count) => count.limit !== this.perAccount));
    if (!refusal) {
      const accountOver = counts.find((count) => count.limit === this.perAccount && count.over);
      if (accountOver && !(await this.isKnownAddress(username, context.ip))) refusal = accountOver;
    }
    if (refusal) {
      // A refused attempt checked no password, so it is no guess against the limits that still had room.
      await this.limiter.refund(counts.filter((count) => !count.over));
      if (refusal.hits === refusal.limit.limit + 1) await this.auditRefusal(username, refusal, context);
      throw tooManyRequests(refusal.retryAfterSeconds, signInThrottledMessage(refusal.retryAfterSeconds), SIGN_IN_THROTTLED_CODE);
    }
    return { counts };
  }

  /** A successful sign-in does not use up any limit. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.limiter.refund(attempt.counts);
  }

  /** Whether the account with this username had a session issued to this address lately (false for no account). */
  private async isKnownAddress(username: string, ip: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - this.config.throttle.signInKnownAddressDays * 86_400_000);
    const token = await this.prisma.client.refreshToken.findFirst({ where: { ip, createdAt: { gte: since }, user: { username } }, select: { id: true } });
    return token !== null;
  }

  private async auditRefusal(username: string, refusal: RateLimitCount, context: RequestContext): Promise<void> {
    await appendAudit(this.prisma.client, {
      action: 'auth.login-throttled',
      actorId: 'anonymous',
      actorRole: 'ANONYMOUS',
      entityType: 'user',
      entityId: null,
      details: { username: username.slice(0, 64), limit: refusal.limit.name, allowed: refusal.limit.limit, retryAfterSeconds: refusal.retryAfterSeconds },
      requestId: context.requestId,
      ip: context.ip,
    });
  }
}
