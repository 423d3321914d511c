// Personal information at rest and on screen: authenticated encryption with rotating key ids,
// keyed blind indexes for lookups, masks for roles that do not need the full value, and the
// config fields that read the keys.
export * from './pii-cipher';
export * from './blind-index';
export * from './masking';
export * from './key-config';
