export * from './data-source';
export * from './rate-limit';
