export * from './schema';
export * from './metrics';
export * from './months';
