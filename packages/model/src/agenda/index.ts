export * from './agenda.ts';
export * from './built-in-agenda.ts';
export * from './session-agendas.ts';
