export { AttachmentModule } from './attachment.module';
export { Attachment } from './attachment.entity';
export { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits, type AttachmentModuleOptions } from './attachment.options';
export { AttachmentService, type AttachmentView, type StoredAttachment } from './attachment.service';
export { detectMediaType, checkContentType, MEDIA_TYPES, type AttachmentKind, type MediaType } from './content-type';
export { ATTACHMENT_STORAGE, StoredObjectMissing, InvalidStorageKey, type AttachmentStorage } from './storage/attachment-storage';
export { LocalDiskStorage } from './storage/local-disk.storage';
