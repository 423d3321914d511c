// ID number and phone validation live in libs/contracts (the register command's DTO uses them).
export { ID_NUMBER_ERROR_MESSAGES, PHONE_ERROR_MESSAGES, validateIdNumber, validatePhone, type BilingualMessage } from '@yikouban/contracts';
export * from './masking';
export * from './pii-cipher';
export * from './blind-index';
