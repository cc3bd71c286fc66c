export * from './calendar/index';
export * from './schedule/index';
export * from './tree';
