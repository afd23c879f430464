export * from './zoned-time.ts';
export * from './schedule.ts';
