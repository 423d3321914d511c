// Shared with the NATS tracking commands (libs/contracts).
export { TrackingCredentials, WithdrawRequest } from '@yikouban/contracts';
