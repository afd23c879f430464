import { i18n, withManyForms } from '../i18n/index.ts';

/**
 * Strings of the people directory and the consent choices, kept beside the feature and added
 * to every language at import; test/people-i18n.test.ts checks es and fr have every key.
 */
export const en = {
  consent: {
    legend: 'The people directory',
    intro: 'Others in this workshop can find you in its directory, if you want. You choose what they see, and can change it or withdraw at any time.',
    listed: 'List me in the directory',
    show: 'Show others',
    name: 'Your name is always shown when you are listed.',
    field_organisation: 'My organisation',
    field_country: 'My country',
    field_role: 'My role',
    field_themes: 'Themes I am interested in',
    field_canHelp: 'What I can help with',
    field_lookingFor: 'What I am looking for',
    field_contact: 'How to reach me',
    role: 'Role',
    roleHint: 'e.g. Head of digital services',
    themes: 'Themes of interest',
    canHelp: 'I can help with',
    lookingFor: 'I am looking for',
    contact: 'Contact (an email address or a profile link)',
    contactInvalid: 'Enter an email address or a link starting with https://',
    chars: '{{count}} of {{max}} characters',
    presenceNote: 'While you are in the workshop, others see your name and organisation next to your cursor.',
  },
  directory: {
    title: 'People',
    heading: 'Who is here',
    intro: 'Only people who chose to be listed appear, with only what they chose to show.',
    empty: 'Nobody has chosen to be listed yet.',
    count_one: '{{count}} person listed',
    count_other: '{{count}} people listed',
    mine: 'My listing',
    save: 'Save my choices',
    saving: 'Saving…',
    saved: 'Saved. Others see your changes the next time they open the directory.',
    withdrawn: 'You are not listed: nobody sees you in the directory.',
    canHelp: 'Can help with',
    lookingFor: 'Looking for',
    contact: 'Contact',
    back: 'Back to the board',
    loading: 'Loading people…',
    signIn: 'Join this workshop to see who is here.',
  },
};

type Messages = typeof en;

export const es: Messages = {
  consent: {
    legend: 'El directorio de personas',
    intro: 'Si quiere, los demás participantes pueden encontrarle en el directorio del taller. Usted elige qué ven y puede cambiarlo o retirarse en cualquier momento.',
    listed: 'Incluirme en el directorio',
    show: 'Mostrar a los demás',
    name: 'Su nombre siempre se muestra cuando figura en el directorio.',
    field_organisation: 'Mi organización',
    field_country: 'Mi país',
    field_role: 'Mi cargo',
    field_themes: 'Los temas que me interesan',
    field_canHelp: 'En qué puedo ayudar',
    field_lookingFor: 'Qué estoy buscando',
    field_contact: 'Cómo contactarme',
    role: 'Cargo',
    roleHint: 'p. ej., Responsable de servicios digitales',
    themes: 'Temas de interés',
    canHelp: 'Puedo ayudar con',
    lookingFor: 'Estoy buscando',
    contact: 'Contacto (un correo electrónico o un enlace a su perfil)',
    contactInvalid: 'Escriba un correo electrónico o un enlace que empiece por https://',
    chars: '{{count}} de {{max}} caracteres',
    presenceNote: 'Mientras esté en el taller, los demás ven su nombre y su organización junto a su cursor.',
  },
  directory: {
    title: 'Personas',
    heading: 'Quién está aquí',
    intro: 'Solo aparecen quienes eligieron figurar, y solo con lo que eligieron mostrar.',
    empty: 'Nadie ha elegido figurar todavía.',
    count_one: '{{count}} persona en el directorio',
    count_other: '{{count}} personas en el directorio',
    mine: 'Mi ficha',
    save: 'Guardar mis opciones',
    saving: 'Guardando…',
    saved: 'Guardado. Los demás verán los cambios la próxima vez que abran el directorio.',
    withdrawn: 'No figura en el directorio: nadie le ve en él.',
    canHelp: 'Puede ayudar con',
    lookingFor: 'Busca',
    contact: 'Contacto',
    back: 'Volver al tablero',
    loading: 'Cargando personas…',
    signIn: 'Únase al taller para ver quién está aquí.',
  },
};

export const fr: Messages = {
  consent: {
    legend: 'L’annuaire des participants',
    intro: 'Si vous le souhaitez, les autres participants peuvent vous trouver dans l’annuaire de l’atelier. Vous choisissez ce qu’ils voient, et pouvez le modifier ou vous retirer à tout moment.',
    listed: 'M’inscrire dans l’annuaire',
    show: 'Montrer aux autres',
    name: 'Votre nom est toujours affiché lorsque vous figurez dans l’annuaire.',
    field_organisation: 'Mon organisation',
    field_country: 'Mon pays',
    field_role: 'Ma fonction',
    field_themes: 'Les thèmes qui m’intéressent',
    field_canHelp: 'Ce en quoi je peux aider',
    field_lookingFor: 'Ce que je recherche',
    field_contact: 'Comment me joindre',
    role: 'Fonction',
    roleHint: 'p. ex. Responsable des services numériques',
    themes: 'Thèmes d’intérêt',
    canHelp: 'Je peux aider sur',
    lookingFor: 'Je recherche',
    contact: 'Contact (une adresse e-mail ou un lien vers un profil)',
    contactInvalid: 'Saisissez une adresse e-mail ou un lien commençant par https://',
    chars: '{{count}} sur {{max}} caractères',
    presenceNote: 'Pendant l’atelier, les autres voient votre nom et votre organisation à côté de votre curseur.',
  },
  directory: {
    title: 'Participants',
    heading: 'Qui est là',
    intro: 'Seules les personnes qui l’ont choisi apparaissent, avec uniquement ce qu’elles ont choisi de montrer.',
    empty: 'Personne n’a encore choisi de figurer dans l’annuaire.',
    count_one: '{{count}} personne dans l’annuaire',
    count_other: '{{count}} personnes dans l’annuaire',
    mine: 'Ma fiche',
    save: 'Enregistrer mes choix',
    saving: 'Enregistrement…',
    saved: 'Enregistré. Les autres verront vos changements la prochaine fois qu’ils ouvriront l’annuaire.',
    withdrawn: 'Vous ne figurez pas dans l’annuaire : personne ne vous y voit.',
    canHelp: 'Peut aider sur',
    lookingFor: 'Recherche',
    contact: 'Contact',
    back: 'Retour au tableau',
    loading: 'Chargement des participants…',
    signIn: 'Rejoignez l’atelier pour voir qui est là.',
  },
};

/** Adds a feature's strings under `namespace` to each language (es and fr get "many" plural forms). */
export function addMessages(namespace: string, bundles: { en: object; es: object; fr: object }): void {
  for (const [lang, messages] of Object.entries(bundles)) {
    i18n.addResourceBundle(lang, 'translation', { [namespace]: withManyForms(messages) }, true, false);
  }
}

addMessages('people', { en, es, fr });
