export * from './placement.ts';
export * from './arrange.ts';
export * from './reveal-layout.ts';
export * from './cluster-layout.ts';
