import type { ApolloDriverConfig } from '@nestjs/apollo';
import { costLimitError } from './query-limits';

/** Typed as the driver config takes it (Nest's @apollo/server types, not a second copy). */
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Refuses an HTTP operation that costs more than `maxCost` (QUERY_TOO_COSTLY, HTTP 400) before
 * any resolver runs. A plugin rather than a validation rule: the cost depends on the variables
 * (`first: $n`), which validation does not see.
 */
export function costLimitPlugin(maxCost: number): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const error = costLimitError(schema, document, operationName, request.variables, maxCost);
          if (error) {
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
