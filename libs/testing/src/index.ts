export * from './test-database';
export * from './wait-for';
export * from './in-process-service';
export * from './jetstream-probe';
export * from './service-under-test';
