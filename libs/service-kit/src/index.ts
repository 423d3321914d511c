export * from './bootstrap';
export * from './correlation.middleware';
export * from './domain-error';
export * from './health.module';
export * from './error.filter';
export * from './port-config';
export * from './validation.pipe';
export * from './data-service';
