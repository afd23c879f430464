export * from './placement.ts';
export * from './arrange.ts';
