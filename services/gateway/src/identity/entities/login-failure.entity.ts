import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in, counted per throttle key (user name + address, or address alone). */
@Entity({ name: 'login_failure' })
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'throttle_key', type: 'text' }) throttleKey: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
