import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, ValidateIf, Matches, Min, registerDecorator, type ValidationOptions } from 'class-validator';

/** A numeric setting that must stay 0 when NODE_ENV=production. */
function NotInProduction(options: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInProduction',
      target: target.constructor,
      propertyName,
      options,
      validator: { validate: (v: unknown, args) => (args?.object as { nodeEnv?: string }).nodeEnv !== 'production' || v === 0 },
    });
}

/** Settings every service shares. Service configs extend this with their port and own keys. */
export class BaseServiceConfig {
  @Expose({ name: 'NODE_ENV' })
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Expose({ name: 'NATS_URL' })
  @Matches(/^(nats|tls):\/\/[^\s,]+(,(nats|tls):\/\/[^\s,]+)*$/, { message: 'must be nats://host:port (comma-separated for a cluster)' })
  natsUrl = 'nats://127.0.0.1:4222';

  /** Prefix for every NATS subject and stream, so test runs never collide. Empty in production. */
  @Expose({ name: 'YKB_NAMESPACE' })
  @ValidateIf((c: BaseServiceConfig) => c.namespace !== '')
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: 'must be lowercase letters, digits or _ (start with a letter)' })
  namespace = '';

  /** JetStream replicas for the streams this service creates: 3 on a production cluster. */
  @Expose({ name: 'YKB_STREAM_REPLICAS' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  streamReplicas = 1;

  /** How long JetStream waits for an ack before redelivering (ms). */
  @Expose({ name: 'YKB_ACK_WAIT_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(500)
  ackWaitMs = 30_000;

  /**
   * Fault injection for the crash tests: consumers pause this long between commit and ack, so a
   * test can kill the process in exactly that window. Refused in production.
   */
  @Expose({ name: 'YKB_FAULT_PAUSE_BEFORE_ACK_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @NotInProduction({ message: 'YKB_FAULT_PAUSE_BEFORE_ACK_MS: fault injection is not allowed in production' })
  faultPauseBeforeAckMs = 0;

  /**
   * Fault injection for the crash tests: the outbox relay pauses after claiming a batch and before
   * publishing it, so a test can kill the process between the commit and the publish. Refused in production.
   */
  @Expose({ name: 'YKB_FAULT_PAUSE_BEFORE_PUBLISH_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @NotInProduction({ message: 'YKB_FAULT_PAUSE_BEFORE_PUBLISH_MS: fault injection is not allowed in production' })
  faultPauseBeforePublishMs = 0;

  /**
   * Fault injection for the crash tests: the outbox relay pauses after publishing a batch and before
   * marking it sent, so a restart re-publishes it (and the stream's dedupe window must drop it). Refused in production.
   */
  @Expose({ name: 'YKB_FAULT_PAUSE_BEFORE_MARK_SENT_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @NotInProduction({ message: 'YKB_FAULT_PAUSE_BEFORE_MARK_SENT_MS: fault injection is not allowed in production' })
  faultPauseBeforeMarkSentMs = 0;

  @Expose({ name: 'LOG_LEVEL' })
  @IsIn(['debug', 'info', 'warn', 'error'])
  logLevel: 'debug' | 'info' | 'warn' | 'error' = 'info';
}

/** For the services that own data in PostgreSQL. */
export class DataServiceConfig extends BaseServiceConfig {
  @Expose({ name: 'DATABASE_URL' })
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/yikouban';
}
