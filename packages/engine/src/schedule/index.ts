export * from './baseline';
export * from './cpm';
export * from './plan';
