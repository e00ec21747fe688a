import { Logger } from '@nestjs/common';

/** Posts one notification; resolves with the HTTP status, rejects when nothing answered. */
export type NotificationTransport = (
  url: string,
  request: { headers: Record<string, string>; body: string },
) => Promise<number>;

export interface SimNotification {
  /** WeChat's notification id: the same on every retry of this notification. */
  id: string;
  eventType: string;
  notifyUrl: string;
  body: string;
  /** The out_trade_no or out_refund_no it is about (for tests to find it). */
  subject: string;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  subject: string;
  notifyUrl: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The merchant's HTTP status; null when nothing answered (refused, timed out). */
  status: number | null;
  delivered: boolean;
  at: Date;
}

const TIMEOUT_MS = 5000;

/** Plain fetch, as WeChat does it: a POST with a 5-second timeout. */
export const fetchTransport: NotificationTransport = async (url, { headers, body }) => {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.arrayBuffer();
  return response.status;
};

/**
 * Delivers notifications the way WeChat does: at once, then again after each delay of the retry schedule
 * (15s/15s/30s/3m/10m/… by default) until the merchant answers 2xx or the schedule runs out. Each attempt is
 * signed afresh (`sign`), since a retry hours later must still pass the merchant's 5-minute timestamp check.
 */
export class SimulatorNotifier {
  transport: NotificationTransport = fetchTransport;
  readonly attempts: DeliveryAttempt[] = [];
  private readonly logger = new Logger('WechatPaySimulator');
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    public retryScheduleMs: number[],
    private readonly sign: (body: string) => Record<string, string>,
  ) {}

  /** Starts delivery; resolves with the first attempt (retries, if needed, run on in the background). */
  async deliver(notification: SimNotification): Promise<DeliveryAttempt> {
    const first = await this.attempt(notification, 1, this.sign(notification.body));
    if (!first.delivered) this.scheduleRetry(notification, 1);
    return first;
  }

  /** One attempt with the given headers as they are, never retried: duplicates and forgeries. */
  sendOnce(notification: SimNotification, headers: Record<string, string>): Promise<DeliveryAttempt> {
    return this.attempt(notification, 0, headers);
  }

  /** Attempts made for one notification, in order. */
  attemptsFor(eventId: string): DeliveryAttempt[] {
    return this.attempts.filter((a) => a.eventId === eventId);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private scheduleRetry(notification: SimNotification, attemptsMade: number): void {
    const delay = this.retryScheduleMs[attemptsMade - 1];
    if (delay === undefined || this.closed) {
      if (delay === undefined) {
        this.logger.warn({ msg: 'notification given up after the retry schedule', eventId: notification.id });
      }
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(notification, attemptsMade + 1, this.sign(notification.body)).then((result) => {
        if (!result.delivered) this.scheduleRetry(notification, attemptsMade + 1);
      });
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(notification: SimNotification, attempt: number, headers: Record<string, string>) {
    let status: number | null = null;
    if (!this.closed) {
      try {
        status = await this.transport(notification.notifyUrl, { headers, body: notification.body });
      } catch {
        status = null;
      }
    }
    const record: DeliveryAttempt = {
      eventId: notification.id,
      eventType: notification.eventType,
      subject: notification.subject,
      notifyUrl: notification.notifyUrl,
      attempt,
      status,
      delivered: status !== null && status >= 200 && status < 300,
      at: new Date(),
    };
    this.attempts.push(record);
    this.logger.debug({ msg: 'notification attempt', eventId: record.eventId, attempt, status });
    return record;
  }
}
