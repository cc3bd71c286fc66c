export * from './cpm';
