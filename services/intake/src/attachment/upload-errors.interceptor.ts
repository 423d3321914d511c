import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { DomainError } from '@yikouban/service-kit';
import { ATTACHMENT_LIMITS, formatBytes, uploadCeiling, type AttachmentLimits } from './attachment.options';

/**
 * Puts the upload parser's refusals in our words and shape (`fields: [{ field: 'file', … }]`).
 * Bound outside the file interceptor, it sees what multer rejected before the handler ran:
 * Nest keeps multer's error as the exception's `cause`, which nothing else here sets.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimits) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => this.translate(err))));
  }

  private translate(err: unknown): unknown {
    if (!(err instanceof HttpException) || !(err.cause instanceof Error)) return err;
    if (err instanceof PayloadTooLargeException) {
      const ceiling = formatBytes(uploadCeiling(this.limits));
      const problem = `文件过大，任何附件都不能超过 ${ceiling} (the file is larger than ${ceiling}, the most any attachment may be)`;
      return new PayloadTooLargeException({ message: problem, fields: [{ field: 'file', problems: [problem] }] });
    }
    if (err.getStatus() === 400) {
      const problem = `上传格式不对：每次在 file 字段上传一个文件 (malformed upload: send one file in the multipart field "file"): ${err.cause.message}`;
      return new DomainError('BAD_REQUEST', problem, [{ field: 'file', problems: [problem] }]);
    }
    return err;
  }
}
