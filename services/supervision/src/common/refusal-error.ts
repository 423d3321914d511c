import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/**
 * The error class of one module's refusals, from its table of refusal → RPC code. The message
 * carries the refusal first (`already_voted: …`), then Chinese and English, so the gateway can show
 * it and tests can match it; `field` names the input at fault. A module declares its class with
 * its table: `export class AftercareError extends refusalError({ not_replied: 'NOT_FOUND', … }) {}`.
 */
export function refusalError<R extends string>(refusals: Readonly<Record<R, RpcErrorCode>>) {
  return class extends DomainError {
    constructor(
      readonly refusal: R,
      message: string,
      field?: string,
    ) {
      super(refusals[refusal], `${refusal}: ${message}`, field ? [{ field, problems: [message] }] : undefined);
      // The declaring subclass's name (AftercareError…), not this anonymous base's.
      this.name = new.target.name;
    }
  };
}
