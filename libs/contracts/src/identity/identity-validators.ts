import { registerDecorator, type ValidationOptions } from 'class-validator';
import { ID_NUMBER_ERROR_MESSAGES, PHONE_ERROR_MESSAGES, validateIdNumber, validatePhone } from './index';

/** class-validator door for mainland phone numbers; the message names what is wrong, zh and en. */
export function IsChinesePhone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isChinesePhone',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validatePhone(value).ok,
        defaultMessage: (args) => {
          const r = typeof args?.value === 'string' ? validatePhone(args.value) : undefined;
          const m = r && !r.ok ? PHONE_ERROR_MESSAGES[r.reason] : PHONE_ERROR_MESSAGES.format;
          return `${m.zh} (${m.en})`;
        },
      },
    });
}

/** class-validator door for resident ID numbers (GB 11643 checksum and birth date). */
export function IsResidentIdNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validateIdNumber(value).ok,
        defaultMessage: (args) => {
          const r = typeof args?.value === 'string' ? validateIdNumber(args.value) : undefined;
          const m = r && !r.ok ? ID_NUMBER_ERROR_MESSAGES[r.reason] : ID_NUMBER_ERROR_MESSAGES.characters;
          return `${m.zh} (${m.en})`;
        },
      },
    });
}
