export * from './people';
export * from './registry';
export * from './schedule';
