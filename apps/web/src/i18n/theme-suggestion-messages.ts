/**
 * Strings of the facilitator's theme suggestions (console/ThemeSuggestions.tsx) and the
 * cluster suggestions' notes on what was left alone, kept apart from en.ts/es.ts/fr.ts like
 * groups-messages.ts and merged into the same `translation` namespace. Spanish uses tú and
 * French vous, like the rest of the app.
 */
export const themeSuggestionsEn = {
  themeSuggestions: {
    heading: 'Suggested themes',
    suggest: 'Suggest themes for untagged notes',
    noThemes: 'Add the workshop’s themes in the settings to get theme suggestions.',
    couldBeTagged: '{{count}} note could be tagged',
    couldBeTagged_other: '{{count}} notes could be tagged',
    none: 'No untagged note clearly matches one of the themes.',
    note: 'Note: {{text}}',
    theme: 'Theme: {{theme}}',
    accept: 'Tag with “{{theme}}”',
    dismiss: 'Dismiss',
    accepted: 'Note tagged with “{{theme}}”.',
    gone: 'That note was deleted or tagged meanwhile; nothing changed.',
  },
  clusters: {
    leftAlone: '{{count}} note left alone: no group was sure enough.',
    leftAlone_other: '{{count}} notes left alone: no group was sure enough.',
    byModel: 'Grouped by the embeddings model.',
    serverFailed: 'The server could not suggest; offline suggestions instead.',
  },
};

export const themeSuggestionsEs: typeof themeSuggestionsEn = {
  themeSuggestions: {
    heading: 'Temas sugeridos',
    suggest: 'Sugerir temas para las notas sin tema',
    noThemes: 'Añade los temas del taller en los ajustes para recibir sugerencias de temas.',
    couldBeTagged: '{{count}} nota podría llevar un tema',
    couldBeTagged_other: '{{count}} notas podrían llevar un tema',
    none: 'Ninguna nota sin tema encaja claramente con uno de los temas.',
    note: 'Nota: {{text}}',
    theme: 'Tema: {{theme}}',
    accept: 'Asignar «{{theme}}»',
    dismiss: 'Descartar',
    accepted: 'Nota marcada con el tema «{{theme}}».',
    gone: 'Esa nota se borró o ya tiene tema; no ha cambiado nada.',
  },
  clusters: {
    leftAlone: '{{count}} nota se queda fuera: ningún grupo era lo bastante seguro.',
    leftAlone_other: '{{count}} notas se quedan fuera: ningún grupo era lo bastante seguro.',
    byModel: 'Agrupadas con el modelo de embeddings.',
    serverFailed: 'El servidor no pudo sugerir grupos; te mostramos las sugerencias sin conexión.',
  },
};

export const themeSuggestionsFr: typeof themeSuggestionsEn = {
  themeSuggestions: {
    heading: 'Thèmes suggérés',
    suggest: 'Suggérer des thèmes pour les notes sans thème',
    noThemes: 'Ajoutez les thèmes de l’atelier dans les réglages pour obtenir des suggestions de thèmes.',
    couldBeTagged: '{{count}} note pourrait recevoir un thème',
    couldBeTagged_other: '{{count}} notes pourraient recevoir un thème',
    none: 'Aucune note sans thème ne correspond clairement à l’un des thèmes.',
    note: 'Note\u00a0: {{text}}',
    theme: 'Thème\u00a0: {{theme}}',
    accept: 'Attribuer «\u00a0{{theme}}\u00a0»',
    dismiss: 'Écarter',
    accepted: 'Thème «\u00a0{{theme}}\u00a0» attribué à la note.',
    gone: 'Cette note a été supprimée ou a déjà reçu un thème entre-temps\u00a0; rien n’a changé.',
  },
  clusters: {
    leftAlone: '{{count}} note laissée de côté\u00a0: aucun groupe n’était assez sûr.',
    leftAlone_other: '{{count}} notes laissées de côté\u00a0: aucun groupe n’était assez sûr.',
    byModel: 'Regroupées par le modèle d’embeddings.',
    serverFailed: 'Le serveur n’a pas pu faire de suggestions\u00a0; voici les suggestions hors ligne.',
  },
};
