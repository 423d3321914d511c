import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** Thrown at boot when the environment does not describe a runnable service. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Names of settings whose values are secrets: never echoed into a boot log. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY/i;

/** What a rejected value looks like in the error: secrets hidden, passwords cut out of URLs. */
export function shownValue(property: string, value: unknown): string {
  if (typeof value === 'string' && SECRET_NAME.test(property)) return `a hidden value of ${value.length} characters`;
  if (typeof value === 'string') return JSON.stringify(value.replace(/(\/\/[^/:@]*:)[^/@]*@/, '$1***@'));
  return JSON.stringify(value);
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    e.constraints
      ? Object.values(e.constraints).map((msg) => `${e.property}: ${msg} (got ${shownValue(e.property, e.value)})`)
      : describe(e.children ?? []),
  );
}

/**
 * Parses the environment once into a typed, validated config class (fail fast, every problem at once).
 * Only config modules call this; everything else receives the typed object.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') raw[k] = v;
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true, exposeDefaultValues: true, excludeExtraneousValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
