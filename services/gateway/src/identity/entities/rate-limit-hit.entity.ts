import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One counted call under a rate limit's key (`login:name|address`, `client:id|address`,
 * `public:address`, …); auth/rate-limiter.ts counts them over sliding windows.
 */
@Entity({ name: 'rate_limit_hit' })
export class RateLimitHit {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'limit_key', type: 'text' }) limitKey: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
