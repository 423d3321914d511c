import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Validates a port read from the environment; decorate a subclass field with @Expose({ name }). */
export function portField(envName: string) {
  return function (target: object, key: string) {
    Expose({ name: envName })(target, key);
    Type(() => Number)(target, key);
    IsInt({ message: `${envName} must be an integer port` })(target, key);
    Min(1)(target, key);
    Max(65535)(target, key);
  };
}
