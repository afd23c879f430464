/**
 * Strings of the workshop's page navigation (pages/WorkshopNav.tsx), kept apart from
 * en.ts/es.ts/fr.ts like groups-messages.ts and merged into the same `translation` namespace.
 * Spanish uses tú and French vous, like the rest of the app.
 */
export const navEn = {
  nav: {
    label: 'Workshop pages',
    board: 'Board',
    console: 'Console',
    report: 'Report',
    export: 'Export',
    people: 'Directory',
    checkin: 'Check-in',
    registrations: 'Registrations',
    series: 'Series',
    publish: 'Publish',
    followup: 'Follow-up',
  },
};

export const navEs: typeof navEn = {
  nav: {
    label: 'Páginas del taller',
    board: 'Tablero',
    console: 'Consola',
    report: 'Informe',
    export: 'Exportar',
    people: 'Directorio',
    checkin: 'Ronda de presentación',
    registrations: 'Inscripciones',
    series: 'Serie',
    publish: 'Publicar',
    followup: 'Seguimiento',
  },
};

export const navFr: typeof navEn = {
  nav: {
    label: 'Pages de l’atelier',
    board: 'Tableau',
    console: 'Console',
    report: 'Rapport',
    export: 'Exporter',
    people: 'Annuaire',
    checkin: 'Tour de table',
    registrations: 'Inscriptions',
    series: 'Série',
    publish: 'Publier',
    followup: 'Suivi',
  },
};
