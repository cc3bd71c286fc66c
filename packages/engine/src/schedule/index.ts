export * from './baseline';
export * from './cpm';
export * from './document';
export * from './document-schedule';
export * from './plan';
