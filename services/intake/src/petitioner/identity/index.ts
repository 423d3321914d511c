export * from './bilingual-message';
export * from './id-number';
export * from './phone';
export * from './masking';
export * from './pii-cipher';
export * from './blind-index';
