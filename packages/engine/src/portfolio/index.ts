export * from './ahp';
export * from './finance';
export * from './optimize/index';
export * from './scenario';
export * from './scoring';
