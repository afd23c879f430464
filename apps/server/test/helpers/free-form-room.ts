import type { BuildOptions } from '../../src/app.ts';

/**
 * For tests of the sync layer alone (storage, limits, floods, crashes): the report room takes
 * any update, as a plain Yjs room, so they can write free-form maps and texts of any size.
 * Every other room, and every room of other tests, applies its rules and schema.
 */
export const FREE_FORM_REPORT: Pick<BuildOptions, 'unruledRooms'> = { unruledRooms: (name) => name.endsWith('/report') };
