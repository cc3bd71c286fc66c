export * from './calendar';
export * from './duration';
export * from './recurrence';
export * from './time';
