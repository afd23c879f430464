import { addMessages } from '../i18n/people-messages.ts';

/** The report editor's structured fields: what it takes to go beyond the pilot. */
export const en = {
  heading: 'Beyond the pilot',
  scaleBudget: 'Budget needed to scale “{{title}}” if it succeeds',
  sandbox: 'Does “{{title}}” need a sandbox or testbed?',
  sandboxUnset: 'Not decided',
  needed: 'Yes, needed',
  notNeeded: 'Not needed',
  unsure: 'Not yet known',
  sustainedBy: 'Who sustains “{{title}}” after the pilot',
  successMeasures: 'How the success of “{{title}}” will be measured',
};
export const es: typeof en = {
  heading: 'Más allá del piloto',
  scaleBudget: 'Presupuesto necesario para escalar «{{title}}» si funciona',
  sandbox: '¿Necesita «{{title}}» un entorno de pruebas (sandbox o banco de pruebas)?',
  sandboxUnset: 'Sin decidir',
  needed: 'Sí, lo necesita',
  notNeeded: 'No lo necesita',
  unsure: 'Aún no se sabe',
  sustainedBy: 'Quién sostiene «{{title}}» después del piloto',
  successMeasures: 'Cómo se medirá el éxito de «{{title}}»',
};
export const fr: typeof en = {
  heading: 'Au-delà du pilote',
  scaleBudget: 'Budget nécessaire pour étendre «\u00a0{{title}}\u00a0» s’il réussit',
  sandbox: '«\u00a0{{title}}\u00a0» a-t-il besoin d’un bac à sable ou d’un banc d’essai\u202f?',
  sandboxUnset: 'Pas décidé',
  needed: 'Oui, nécessaire',
  notNeeded: 'Pas nécessaire',
  unsure: 'Pas encore connu',
  sustainedBy: 'Qui fait vivre «\u00a0{{title}}\u00a0» après le pilote',
  successMeasures: 'Comment le succès de «\u00a0{{title}}\u00a0» sera mesuré',
};

addMessages('plan', { en, es, fr });
