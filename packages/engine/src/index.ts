export * from './calendar/index';
export * from './tree';
