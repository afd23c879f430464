export * from './assign.ts';
export * from './breakout.ts';
