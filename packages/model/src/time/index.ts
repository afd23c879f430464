export * from './zoned-time.ts';
export * from './schedule.ts';
export * from './fair-times.ts';
