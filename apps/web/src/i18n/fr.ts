import type { Resources } from './en.ts';
import { en } from './en.ts';
export const fr: Resources = en;
