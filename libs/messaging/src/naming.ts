import type { ServiceName } from '@yikouban/contracts';
import { streamNameOf } from '@yikouban/contracts';

/**
 * A namespace prefixes every subject and stream so test runs (and tenants, if ever) never collide.
 * Production runs with the empty namespace: subjects are exactly those of libs/contracts.
 */
export class Namespace {
  constructor(readonly prefix: string = '') {}

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** Strips the prefix from a subject received on the wire. */
  unprefix(subject: string): string {
    return this.prefix && subject.startsWith(this.prefix + '.') ? subject.slice(this.prefix.length + 1) : subject;
  }

  stream(owner: ServiceName | 'dlq'): string {
    const base = owner === 'dlq' ? 'DLQ' : streamNameOf(owner);
    return this.prefix ? `${this.prefix.toUpperCase()}_${base}` : base;
  }

  deadLetterSubject(service: ServiceName, original: string): string {
    return this.subject(`dlq.${service}.${original}`);
  }

  /** Durable consumer name: one per consuming service and subject (NATS 2.9 has single filters only). */
  durable(service: ServiceName, subject: string): string {
    return `${service}__${subject.replace(/\./g, '_')}`;
  }
}
