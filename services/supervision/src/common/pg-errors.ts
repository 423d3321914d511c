/** The name of the constraint a PostgreSQL unique or check violation broke, if that is what it was. */
export function violatedConstraint(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  if (code !== '23505' && code !== '23514') return null;
  return e.driverError?.constraint ?? e.constraint ?? null;
}
