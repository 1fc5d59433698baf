export * from './definitions';
export * from './sql';
export * from './stages';
export * from './figures';
export * from './table';
