import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@yikouban/contracts';

/** Whitelist + forbid unknown fields; errors name each field and what is wrong with it. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new BadRequestException({ message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '), fields });
    },
  });
}
