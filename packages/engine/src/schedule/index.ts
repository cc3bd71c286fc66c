export * from './cpm';
export * from './plan';
