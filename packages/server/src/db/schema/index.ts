export * from './people';
export * from './registry';
