import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { WorkbenchError, type WorkbenchErrorCode } from './domain/workbench.errors';

export function rpcCodeOf(code: WorkbenchErrorCode): RpcErrorCode {
  if (code === 'actor_not_permitted') return 'FORBIDDEN';
  if (code === 'invalid_command') return 'BAD_REQUEST';
  // Everything else depends on where the assignment stands: a window closed, another command got there first.
  return 'CONFLICT';
}

/**
 * A refusal as the NATS reply `{ code, message, fields }` carries it: the domain's code first in
 * the message and in the field problem, so the gateway can show it and tests can match it.
 */
export function refusal(rpc: RpcErrorCode, code: string, message: string, field = 'assignmentId'): DomainError {
  return new DomainError(rpc, `${code}: ${message}`, [{ field, problems: [`${code}: ${message}`] }]);
}

/** Runs a state-machine step, turning its refusal into the coded error the edge sends. */
export function applyMachine<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof WorkbenchError) throw refusal(rpcCodeOf(err.code), err.code, err.message, err.field);
    throw err;
  }
}

export const notFound = (what: string, id: string, field: string): DomainError => refusal('NOT_FOUND', 'not_found', `未找到${what} ${id} (no such ${field})`, field);
