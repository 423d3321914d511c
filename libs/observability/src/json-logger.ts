import type { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './correlation';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

type Sink = (line: string) => void;

/**
 * One JSON object per line (ts, level, service, context, msg, correlationId, extra fields):
 * what log shippers parse without configuration. Used as Nest's logger and directly.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly minLevel: LogLevel = 'info',
    private readonly sink: Sink = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  /** Structured event: a message plus fields. */
  event(level: LogLevel, msg: string, fields: Record<string, unknown> = {}, context?: string): void {
    if (rank[level] < rank[this.minLevel]) return;
    const correlationId = currentCorrelationId();
    this.sink(
      JSON.stringify({ ts: new Date().toISOString(), level, service: this.service, context, msg, ...(correlationId ? { correlationId } : {}), ...fields }),
    );
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    // Nest passes (message, context) or (message, stack, context); an Error may come as the message.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    let msg: string;
    if (message instanceof Error) {
      msg = message.message;
      fields.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      msg = typeof (message as { msg?: unknown }).msg === 'string' ? String((message as { msg: string }).msg) : '';
    } else {
      msg = String(message);
    }
    if (typeof rest[0] === 'string' && rest[0].includes('\n')) fields.stack = rest.shift();
    this.event(level, msg, fields, context);
  }
}
