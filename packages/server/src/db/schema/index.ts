export * from './demand';
export * from './jobs';
export * from './people';
export * from './portfolio';
export * from './registry';
export * from './schedule';
