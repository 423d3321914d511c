import { DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AttachmentController } from './attachment.controller';
import { ATTACHMENT_LIMITS, resolveLimits, uploadCeiling, type AttachmentModuleOptions } from './attachment.options';
import { AttachmentService } from './attachment.service';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** Attachments (附件): upload with type and size checks, list, bytes in a replaceable store. */
@Module({})
export class AttachmentModule {
  static register(options: AttachmentModuleOptions): DynamicModule {
    const limits = resolveLimits(options);
    const storage = 'storage' in options ? options.storage : new LocalDiskStorage(options.root);
    return {
      module: AttachmentModule,
      imports: [
        // Memory storage (multer's default): the bytes are checked before they reach the store.
        // The ceiling stops a huge body early; the per-kind limits are checked once the type is known.
        // File names are read as UTF-8, so Chinese names arrive intact.
        MulterModule.register({ limits: { fileSize: uploadCeiling(limits), files: 1 }, defParamCharset: 'utf8' }),
      ],
      controllers: [AttachmentController],
      providers: [{ provide: ATTACHMENT_LIMITS, useValue: limits }, { provide: ATTACHMENT_STORAGE, useValue: storage }, AttachmentService, UploadErrorsInterceptor],
      exports: [AttachmentService, ATTACHMENT_STORAGE],
    };
  }
}
