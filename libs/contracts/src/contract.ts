import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

memoizeValidationMetadata();

export const SERVICE_NAMES = ['intake', 'routing', 'mediation', 'supervision', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

type Class<T> = new () => T;

/** A fact one service publishes on JetStream: `<service>.<aggregate>.<fact-in-past-tense>`. */
export interface EventContract<T extends object> {
  readonly kind: 'event';
  readonly subject: string;
  readonly version: number;
  readonly owner: ServiceName;
  readonly dataClass: Class<T>;
}

/** A request/reply query or command: `<service>.<aggregate>.<verb>`. */
export interface QueryContract<Req extends object, Res> {
  readonly kind: 'query';
  readonly subject: string;
  readonly owner: ServiceName;
  readonly requestClass: Class<Req>;
  /** Phantom field: carries the response type for callers; never set at run time. */
  readonly _response?: Res;
}

function ownerOf(subject: string): ServiceName {
  const owner = subject.split('.')[0] as ServiceName;
  if (!SERVICE_NAMES.includes(owner)) throw new Error(`subject ${subject} does not start with a service name`);
  return owner;
}

export function defineEvent<T extends object>(subject: string, version: number, dataClass: Class<T>): EventContract<T> {
  return { kind: 'event', subject, version, owner: ownerOf(subject), dataClass };
}

export function defineQuery<Req extends object, Res>(subject: string, requestClass: Class<Req>): QueryContract<Req, Res> {
  return { kind: 'query', subject, owner: ownerOf(subject), requestClass };
}

/** What travels on the wire for every event. `v` is the payload version (DESIGN: contracts are code). */
export interface EventEnvelope<T> {
  id: string;
  type: string;
  v: number;
  occurredAt: string;
  correlationId?: string;
  data: T;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; reason: string; fields: FieldProblem[] };
export interface FieldProblem {
  field: string;
  problems: string[];
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Validates a plain object against a contract class: unknown fields are refused, not ignored. */
export async function validatePayload<T extends object>(cls: Class<T>, raw: unknown): Promise<ValidationResult<T>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'payload must be a JSON object', fields: [] };
  }
  const value = plainToInstance(cls, raw);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length === 0) return { ok: true, value };
  const fields = flattenValidationErrors(errors);
  return { ok: false, reason: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '), fields };
}

/** Checks an incoming envelope: its shape, its type and version, then its data. */
export async function validateEnvelope<T extends object>(
  contract: EventContract<T>,
  raw: unknown,
): Promise<ValidationResult<EventEnvelope<T>>> {
  const env = raw as Partial<EventEnvelope<unknown>> | null;
  if (typeof env !== 'object' || env === null) return { ok: false, reason: 'envelope is not an object', fields: [] };
  if (typeof env.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(env.id)) return { ok: false, reason: 'envelope id must be a uuid', fields: [] };
  if (env.type !== contract.subject) return { ok: false, reason: `envelope type ${String(env.type)} is not ${contract.subject}`, fields: [] };
  if (env.v !== contract.version) return { ok: false, reason: `unsupported version ${String(env.v)} (expected ${contract.version})`, fields: [] };
  if (typeof env.occurredAt !== 'string' || Number.isNaN(Date.parse(env.occurredAt))) {
    return { ok: false, reason: 'envelope occurredAt must be an ISO date', fields: [] };
  }
  const data = await validatePayload(contract.dataClass, env.data);
  if (!data.ok) return data;
  return { ok: true, value: { ...(env as EventEnvelope<unknown>), data: data.value } };
}
