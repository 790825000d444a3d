/** One text message to one phone, as the dispatcher hands it to a driver (the phone already decrypted). */
export interface SmsMessage {
  phone: string;
  text: string;
  /** The template the text was rendered from (`Notification.template`): gateways that need registered templates use it. */
  templateId: string;
}

/** A send that did not go through; the message (no phone number in it) is what the row's `lastError` records. */
export class SmsDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}

/**
 * Sends one SMS; resolves when the gateway accepted it, throws (an `SmsDeliveryError` for the gateway's refusals)
 * otherwise. The abstract class is the Nest DI token; `SMS_DRIVER` picks the implementation.
 */
export abstract class SmsDriver {
  abstract send(message: SmsMessage): Promise<void>;
}
