export type { BilingualMessage } from '@yikouban/contracts';
