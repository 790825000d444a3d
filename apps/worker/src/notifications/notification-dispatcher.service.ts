import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { PrismaClient } from '@haochaping/db';
import type { DataProtector } from '@haochaping/privacy/server';
import type { SmsDriver } from './sms/sms.driver';

export interface NotificationDispatcherOptions {
  /** Pause between passes when the last one found less than a full batch. */
  pollMs: number;
  /** Sends of one SMS before it is given up. */
  maxAttempts: number;
  /** Wait after the first failed send; doubled after each further one, up to `maxBackoffMs`. */
  retryBaseMs: number;
  maxBackoffMs?: number;
  /**
   * How long a claimed SMS is hidden from other passes while it is being sent. Longer than one send may take: a
   * worker that dies mid-send releases its rows when the lease ends.
   */
  leaseMs: number;
  batchSize?: number;
}

/** What one pass did (for tests and the log). */
export interface DispatchReport {
  /** CONSOLE rows written by others without `sentAt`, now marked available. */
  consoleReleased: number;
  sent: number;
  /** Failed sends that will be tried again. */
  retrying: number;
  /** Failed sends given up (attempts exhausted, or a failure no retry can fix). */
  failed: number;
}

interface ClaimedSms {
  id: bigint;
  recipientEnc: string | null;
  body: string;
  template: string;
  attempts: number;
}

/** Failures that the same send would meet again: give the row up at once. */
class PermanentFailure extends Error {}

/** Prefix of `lastError` on a row that will not be tried again. */
export const GAVE_UP = 'gave up';

/**
 * Delivers the notification outbox. A pass claims due SMS rows with `FOR UPDATE SKIP LOCKED` (so two workers never
 * send one row), counting the attempt and leasing the row in the same statement; then sends each through the
 * SmsDriver and marks it sent, or records the error and when to try again (exponential backoff), or gives it up
 * after `maxAttempts` (the row stays, its `lastError` says so). A crash between the gateway's acceptance and the
 * mark may send one SMS twice: delivery is at least once, as every gateway is.
 */
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private pass?: Promise<DispatchReport>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly protector: DataProtector,
    private readonly sms: SmsDriver,
    private readonly options: NotificationDispatcherOptions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000;
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass?.catch(() => undefined);
  }

  /** One pass over what is due; passes never overlap (a second caller gets the running pass). */
  dispatchDue(): Promise<DispatchReport> {
    this.pass ??= this.runPass().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.dispatchDue().then(
        (report) => this.schedule(report.sent + report.retrying + report.failed >= this.batchSize ? 0 : this.options.pollMs),
        (error: unknown) => {
          this.logger.warn(`notification pass failed: ${String(error)}`);
          this.schedule(this.options.pollMs);
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  private async runPass(): Promise<DispatchReport> {
    const now = this.now();
    const consoleReleased = await this.prisma.$executeRaw`
      UPDATE notification SET sent_at = ${now}
      WHERE channel = 'CONSOLE' AND sent_at IS NULL AND available_at <= ${now}`;
    const claimed = await this.prisma.$queryRaw<ClaimedSms[]>`
      UPDATE notification SET attempts = attempts + 1, available_at = ${new Date(now.getTime() + this.options.leaseMs)}
      WHERE id IN (
        SELECT id FROM notification
        WHERE channel = 'SMS' AND sent_at IS NULL AND available_at <= ${now} AND attempts < ${this.options.maxAttempts}
          AND (last_error IS NULL OR last_error NOT LIKE ${`${GAVE_UP}%`})
        ORDER BY available_at, id
        LIMIT ${this.batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, recipient_enc AS "recipientEnc", body, template, attempts`;

    const report: DispatchReport = { consoleReleased, sent: 0, retrying: 0, failed: 0 };
    for (const row of claimed.sort((a, b) => (a.id < b.id ? -1 : 1))) report[await this.deliver(row)] += 1;
    if (claimed.length > 0) this.logger.log(JSON.stringify({ event: 'notification-pass', ...report }));
    return report;
  }

  private async deliver(row: ClaimedSms): Promise<'sent' | 'retrying' | 'failed'> {
    try {
      if (!row.recipientEnc) throw new PermanentFailure('the SMS has no recipient');
      let phone: string;
      try {
        phone = this.protector.decrypt(row.recipientEnc);
      } catch (error) {
        throw new PermanentFailure(`the recipient cannot be decrypted: ${error instanceof Error ? error.message : String(error)}`);
      }
      await this.sms.send({ phone, text: row.body, templateId: row.template });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
      if (error instanceof PermanentFailure || row.attempts >= this.options.maxAttempts) {
        await this.prisma.notification.update({ where: { id: row.id }, data: { lastError: `${GAVE_UP} after ${row.attempts} attempt(s): ${message}` } });
        this.logger.warn(`notification ${row.id} given up after ${row.attempts} attempt(s): ${message}`);
        return 'failed';
      }
      const backoff = Math.min(this.options.retryBaseMs * 2 ** (row.attempts - 1), this.maxBackoffMs);
      await this.prisma.notification.update({ where: { id: row.id }, data: { lastError: message, availableAt: new Date(this.now().getTime() + backoff) } });
      return 'retrying';
    }
    await this.prisma.notification.update({ where: { id: row.id }, data: { sentAt: this.now(), lastError: null } });
    return 'sent';
  }
}
