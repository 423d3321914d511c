export * from './rate-limit-ledger';
export * from './sliding-window-limiter';
export * from './in-memory-rate-limit-ledger';
