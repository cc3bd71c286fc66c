export * from './calendar/index';
export * from './portfolio/index';
export * from './schedule/index';
export * from './status/index';
export * from './tree';
