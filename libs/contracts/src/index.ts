export * from './common';
export * from './contract';
export * from './registry';
export * from './events/intake-grievance-received';
export * from './events/intake-grievance-withdrawn';
export * from './events/routing-assignment-created';
export * from './events/supervision-clock-started';
export * from './queries/grievance-queries';
