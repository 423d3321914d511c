/**
 * The WHERE clause of a list query, built condition by condition: each `?` in a condition becomes
 * the next numbered parameter (`$1`, `$2`…), so optional filters can be added in any order.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(sql: string, ...values: unknown[]): this {
    const placeholders = (sql.match(/\?/g) ?? []).length;
    if (placeholders !== values.length) throw new Error(`SqlFilter: ${placeholders} placeholder(s) but ${values.length} value(s) in "${sql}"`);
    this.conditions.push(sql.replace(/\?/g, () => this.param(values.shift())));
    return this;
  }

  /** The placeholder of one more parameter (a LIMIT, a value outside the WHERE clause). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** `WHERE a AND b`, or nothing when no condition was added. */
  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
