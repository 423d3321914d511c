// Petitioner identity checks shared by every door that takes a petitioner (intake's REST and NATS
// commands, the gateway): resident ID numbers (GB 11643) and mainland phone numbers.
export * from './bilingual-message';
export * from './id-number';
export * from './phone';
export * from './identity-validators';
