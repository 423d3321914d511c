import type { EntityManager } from 'typeorm';
import type { PublicationView } from '@yikouban/contracts';

/** The two versioned things an administrator publishes, with their publication tables. */
export type Publishable = 'classification_list' | 'routing_rule_set';

interface PublicationRow {
  version: number;
  based_on: number | null;
  published_at: Date | null;
  published_by_user_id: string | null;
  published_by_org_code: string | null;
  note: string | null;
  size: string;
}

type Query = Pick<EntityManager, 'query'>;

/** How many items each version has, and where the items live. */
const SIZE_OF: Record<Publishable, string> = {
  classification_list: '(SELECT count(*) FROM category_version c WHERE c.list_version = v.version)',
  routing_rule_set: '(SELECT count(*) FROM routing_rule r WHERE r.version = v.version)',
};

/** Publications: who published which version, from which, when and why. */
export const publications = {
  /** Newest first. `current` is the version routing uses now. */
  async list(db: Query, kind: Publishable, current: number | null, version?: number): Promise<PublicationView[]> {
    const rows: PublicationRow[] = await db.query(
      `SELECT v.*, ${SIZE_OF[kind]} AS size FROM ${kind}_version v WHERE $1::int IS NULL OR v.version = $1 ORDER BY v.version DESC`,
      [version ?? null],
    );
    return rows.map((r) => ({
      version: r.version,
      basedOn: r.based_on,
      publishedAt: r.published_at?.toISOString() ?? null,
      publishedBy: r.published_by_user_id && r.published_by_org_code ? { userId: r.published_by_user_id, orgCode: r.published_by_org_code } : null,
      note: r.note,
      current: r.version === current,
      size: Number(r.size),
    }));
  },

  /** One publisher at a time per kind: the version check and the insert happen under this lock. */
  async lock(tx: Query, kind: Publishable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`routing.${kind}`]);
  },

  async record(tx: Query, kind: Publishable, p: { version: number; basedOn: number | null; at: Date; by: { userId: string; orgCode: string }; note: string }): Promise<void> {
    await tx.query(
      `INSERT INTO ${kind}_version (version, based_on, published_at, published_by_user_id, published_by_org_code, note) VALUES ($1,$2,$3,$4,$5,$6)`,
      [p.version, p.basedOn, p.at, p.by.userId, p.by.orgCode, p.note],
    );
  },

  /**
   * Whether the seed may still write `version` of `kind`: no administrator has published any
   * version and none newer exists. Once someone has published, a re-seed never resets their
   * work, even when a release ships a higher version number.
   */
  async seedMayWrite(tx: Query, kind: Publishable, version: number): Promise<boolean> {
    const [row] = (await tx.query(
      `SELECT coalesce(max(version), 0)::int AS newest, count(*) FILTER (WHERE published_by_user_id IS NOT NULL)::int AS published FROM ${kind}_version`,
    )) as { newest: number; published: number }[];
    return row.newest <= version && row.published === 0;
  },

  /** A version the seed loaded: no publisher. */
  async recordSeeded(tx: Query, kind: Publishable, version: number): Promise<void> {
    await tx.query(`INSERT INTO ${kind}_version (version) VALUES ($1) ON CONFLICT (version) DO NOTHING`, [version]);
  },
};
