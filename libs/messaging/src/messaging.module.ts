import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { eventContractsOwnedBy, type ServiceName } from '@yikouban/contracts';
import { JsonLogger } from '@yikouban/observability';
import { DeadLetters } from './dead-letter';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import type { EventHandler } from './event-handler';
import { connectNats, type NatsHandles } from './nats-connection';
import { Namespace } from './naming';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { ensureStream } from './streams';

export const NATS_HANDLES = Symbol('NATS_HANDLES');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: ServiceName;
  natsUrl: string;
  namespace: string;
  logger: JsonLogger;
  /** Services that own PostgreSQL data publish through an outbox; the gateway does not. */
  outbox: boolean;
  consumer?: EventConsumerOptions;
  relay?: OutboxRelayOptions;
  streamReplicas?: number;
  /** Event handler classes (provided by the service's feature modules). */
  handlers?: Type<EventHandler<object>>[];
}

/** Streams, outbox relay and durable consumers: started after the app is wired, stopped in order on shutdown. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumers: EventConsumer<object>[] = [];

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NATS_HANDLES) private readonly nats: NatsHandles,
    private readonly ns: Namespace,
    private readonly moduleRef: ModuleRef,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, logger } = this.options;
    const { jsm, js } = this.nats;
    const replicas = this.options.streamReplicas ?? 1;
    await ensureStream(jsm, this.ns.stream('dlq'), [this.ns.subject('dlq.>')], replicas);
    const owned = eventContractsOwnedBy(service);
    if (owned.length > 0) await ensureStream(jsm, this.ns.stream(service), owned.map((c) => this.ns.subject(c.subject)), replicas);
    this.relay?.start();
    const deadLetters = new DeadLetters(js, this.ns, service);
    const handlers = this.options.handlers ?? [];
    const db = handlers.length > 0 ? this.moduleRef.get(DataSource, { strict: false }) : undefined;
    for (const type of handlers) {
      const handler = this.moduleRef.get(type, { strict: false });
      const source = handler.contract.owner;
      // The publisher normally creates its stream; creating it here too lets services start in any order.
      await ensureStream(jsm, this.ns.stream(source), eventContractsOwnedBy(source).map((c) => this.ns.subject(c.subject)), replicas);
      const consumer = new EventConsumer(service, handler, { db: db!, js, jsm, ns: this.ns, deadLetters, logger, onCommitted: () => this.relay?.kick() }, { gatherTurn: true, ...this.options.consumer });
      await consumer.start();
      this.consumers.push(consumer);
      logger.event('info', 'consumer started', { durable: consumer.durable, subject: handler.contract.subject }, 'Messaging');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
    await this.nats.nc.drain().catch(() => undefined);
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    const providers = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: Namespace, useValue: new Namespace(options.namespace) },
      { provide: NATS_HANDLES, useFactory: () => connectNats(options.natsUrl, `ykb-${options.service}`) },
      ...(options.outbox
        ? [
            {
              provide: OutboxRelay,
              useFactory: (db: DataSource, nats: NatsHandles, ns: Namespace) => new OutboxRelay(db, nats.js, ns, options.logger, options.relay),
              inject: [DataSource, NATS_HANDLES, Namespace],
            },
          ]
        : []),
      MessagingLifecycle,
    ];
    return { module: MessagingModule, providers, exports: [Namespace, NATS_HANDLES, ...(options.outbox ? [OutboxRelay] : [])] };
  }
}
