import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { PublicRateLimitGuard } from '../rate-limit';
import { AttachmentService, type AttachmentView, type StoredAttachment } from './attachment.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import type { ReceivedFile } from './upload-check';

/**
 * Files brought with a grievance, uploaded as multipart/form-data field `file`. The parser keeps
 * the file in memory and stops at the module's hard ceiling (AttachmentModule registers multer).
 */
@Controller('api/v1/grievances/:id/attachments')
@UseGuards(PublicRateLimitGuard)
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  upload(@Param('id', new ParseUUIDPipe()) id: string, @UploadedFile() file: ReceivedFile | undefined): Promise<StoredAttachment> {
    return this.attachments.attach(id, file);
  }

  @Get()
  list(@Param('id', new ParseUUIDPipe()) id: string): Promise<AttachmentView[]> {
    return this.attachments.list(id);
  }
}
