import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { principalHolderOf } from './request-credentials';
import type { Principal } from './roles';

/**
 * The signed-in principal the guard verified for this call. Always set on @Allow methods;
 * undefined on a @Public method called without (or with an invalid) token.
 */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => principalHolderOf(context)?.principal);
