export * from './calendar.errors';
export * from './calendar.types';
export * from './civil-day';
export * from './chinese-days-source';
export * from './working-calendar';
export { WHOLE_DAY, windowsOf, type Window } from './working-windows';
