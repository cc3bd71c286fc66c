export * from './client';
export * from './common';
export * from './errors';
export * from './roles';
export * from './route';
export * from './routes';
export * from './schemas/people';
export * from './schemas/registry';
