import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '@crossboard/model';
import { setupEn, setupEs, setupFr } from '../src/i18n/setup-messages.ts';
import { i18n } from '../src/i18n/index.ts';
import { expectSameKeysAndPlaceholders, leaves } from './i18n-leaves.ts';

describe.each([
  ['es', setupEs],
  ['fr', setupFr],
])('the wizard, agenda and links in %s', (lang, resources) => {
  const ref = leaves(setupEn);
  const mine = leaves(resources);

  it('has every English key, with the same placeholders', () => {
    expectSameKeysAndPlaceholders(setupEn, resources);
  });

  it('is translated, not copied from English', () => {
    // "Agenda", "Date", "Participant", "Minutes" are the same word in some of these languages.
    // Only strings with words in them: "{{count}} min" and "{{day}}, {{start}}–{{end}}" read the same everywhere.
    const words = (v: string) => /[A-Za-z]{4,}/.test(v.replace(/{{\w+}}/g, ''));
    const same = [...ref].filter(([k, v]) => mine.get(k) === v && words(v));
    expect(same.length).toBeLessThan(8);
  });

  it('is served beside the app’s other strings, with plurals', () => {
    const t = i18n.getFixedT(lang);
    expect(t('setup.agenda.totalOf', { count: 150, session: 150 })).toBe(
      lang === 'es' ? '150 minutos de una sesión de 150 minutos' : '150 minutes sur une séance de 150 minutes',
    );
    expect(t('phases.painPoints')).not.toBe('phases.painPoints');
  });
});

describe('the built-in templates’ words', () => {
  it('say in English exactly what the model’s templates say, so the translations translate the real text', () => {
    for (const id of ['cross-border', 'retrospective'] as const) {
      const template = BUILT_IN_TEMPLATES[id];
      expect(setupEn.templatePurposes[id]).toBe(template.purpose);
      expect(Object.values(setupEn.templateThemes[id])).toEqual([...template.themes]);
      expect(setupEn.templateQuestions[id]).toEqual(template.phaseQuestions);
      for (const lang of [setupEs, setupFr]) {
        expect(Object.keys(lang.templateThemes[id])).toEqual(Object.keys(setupEn.templateThemes[id]));
      }
    }
  });
});
