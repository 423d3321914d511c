export * from './client-address';
export * from './public-rate-limit';
export * from './public-rate-limit.guard';
export * from './public-rate-limit.module';
