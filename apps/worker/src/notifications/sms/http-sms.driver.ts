import { SmsDeliveryError, SmsDriver, type SmsMessage } from './sms.driver';

export interface HttpSmsGatewaySettings {
  /** SMS_GATEWAY_URL: receives `POST {phone, text, templateId}` as JSON. */
  url: string;
  /** SMS_GATEWAY_KEY: sent as `Authorization: Bearer <key>`. */
  key: string;
  timeoutMs: number;
}

/** How much of a gateway's answer goes into an error (and so into `Notification.lastError`). */
const ANSWER_EXCERPT = 200;

/**
 * The SMS gateway over HTTP (SMS_DRIVER=http). The gateway answers `{ code: 0 }` when it accepted the message and
 * `{ code: <other>, message }` when it did not; anything else (a non-2xx status, a body that is not such JSON, no
 * answer in time) is a failed send, so the dispatcher retries it.
 */
export class HttpSmsDriver extends SmsDriver {
  constructor(private readonly gateway: HttpSmsGatewaySettings) {
    super();
  }

  async send({ phone, text, templateId }: SmsMessage): Promise<void> {
    const signal = AbortSignal.timeout(this.gateway.timeoutMs);
    let status: number;
    let answer: string;
    try {
      const response = await fetch(this.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.gateway.key}` },
        body: JSON.stringify({ phone, text, templateId }),
        signal,
      });
      status = response.status;
      answer = await response.text();
    } catch (error) {
      if (signal.aborted) throw new SmsDeliveryError(`SMS gateway did not answer within ${this.gateway.timeoutMs} ms`);
      throw new SmsDeliveryError(`SMS gateway unreachable: ${describe(error)}`);
    }

    if (status < 200 || status > 299) throw new SmsDeliveryError(`SMS gateway answered HTTP ${status}: ${excerpt(answer)}`);
    const body = parseObject(answer);
    if (!body || typeof body.code !== 'number') throw new SmsDeliveryError(`SMS gateway gave an answer without a numeric code: ${excerpt(answer)}`);
    if (body.code !== 0) {
      const reason = typeof body.message === 'string' ? body.message : typeof body.msg === 'string' ? body.msg : excerpt(answer);
      throw new SmsDeliveryError(`SMS gateway refused the message (code ${body.code}): ${excerpt(reason)}`);
    }
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A short, single-line piece of a gateway's answer, with mobile numbers masked (gateways like to echo them). */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2');
  return line.length > ANSWER_EXCERPT ? `${line.slice(0, ANSWER_EXCERPT)}…` : line || '(empty)';
}

function describe(error: unknown): string {
  // fetch reports network failures as "fetch failed" with the reason in `cause` (ECONNREFUSED, …). Duck-typed, not
  // `instanceof Error`: fetch's errors may come from another realm (Jest's sandbox).
  const { message, cause } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as { message?: unknown; cause?: unknown };
  const reason = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown; message?: unknown }) : undefined;
  const detail = [reason?.code, reason?.message].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return `${String(message)}${detail ? ` (${detail})` : ''}`;
}
