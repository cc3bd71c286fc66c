export * from './ahp';
export * from './finance';
export * from './scenario';
export * from './scoring';
