import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplate,
  BUILT_IN_TEMPLATE_IDS,
  BUILT_IN_TEMPLATES,
  MAX_TEMPLATE_THEMES,
  parseTemplate,
  resolveTemplate,
  TemplateError,
  templateFromControl,
} from '../src/templates/index.ts';
import { controlState, writeSettings } from '../src/schema/control.ts';

describe('workshop templates', () => {
  it('offers the cross-border, retrospective and blank templates, each valid', () => {
    expect(BUILT_IN_TEMPLATE_IDS).toEqual(['cross-border', 'retrospective', 'blank']);
    for (const id of BUILT_IN_TEMPLATE_IDS) expect(resolveTemplate(id)).toEqual(BUILT_IN_TEMPLATES[id]);
    expect(resolveTemplate('cross-border').themes).toContain('Collaborative policy making');
    expect(resolveTemplate('retrospective').anonymous).toBe(true);
  });

  it('uses a template’s fields as defaults that the request overrides', () => {
    const { input, state } = applyTemplate<{ title: string; purpose?: string; themes?: string[]; phaseMinutes?: { visions: number } }>(
      resolveTemplate('retrospective'),
      { title: 'Sprint 12', themes: ['Deploys'], phaseMinutes: { visions: 5 } },
    );
    expect(input).toMatchObject({
      title: 'Sprint 12',
      themes: ['Deploys'],
      votesPerParticipant: 3,
      phaseMinutes: { painPoints: 15, visions: 5, recommendations: 20 },
    });
    expect(input.purpose).toMatch(/^Look back together/);
    expect(state).toEqual({ anonymous: true, participantsMayEditReport: true });
  });

  it('saves a workshop’s structure, which is a template a new workshop can start from', () => {
    const doc = new Y.Doc();
    writeSettings(doc, {
      title: 'Ports and borders',
      purpose: 'Faster crossings',
      themes: ['Mobility'],
      homeTimeZone: 'Europe/Lisbon',
      phaseMinutes: { painPoints: 20, visions: 25, recommendations: 40 },
      votesPerParticipant: 7,
      sessions: [{ label: 'S1', start: 0, end: 1 }],
    });
    controlState(doc).set('anonymous', true);
    const saved = templateFromControl(doc);
    expect(saved).toEqual({
      format: 'crossboard-template',
      version: 1,
      name: 'Ports and borders',
      purpose: 'Faster crossings',
      themes: ['Mobility'],
      phaseMinutes: { painPoints: 20, visions: 25, recommendations: 40 },
      votesPerParticipant: 7,
      homeTimeZone: 'Europe/Lisbon',
      anonymous: true,
      participantsMayEditReport: false,
    });
    // Through JSON and back, as a file or a request body would carry it.
    expect(resolveTemplate(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
    expect(saved).not.toHaveProperty('sessions');
  });

  const valid = () => JSON.parse(JSON.stringify(BUILT_IN_TEMPLATES['cross-border']));
  it.each([
    ['an unknown name', () => 'hackathon', 'template: unknown template "hackathon"'],
    ['another format', () => ({ ...valid(), format: 'miro' }), 'template.format'],
    ['a newer version', () => ({ ...valid(), version: 2 }), 'template.version'],
    ['zero minutes', () => ({ ...valid(), phaseMinutes: { painPoints: 0, visions: 1, recommendations: 1 } }), 'template.phaseMinutes'],
    [
      'too many themes',
      () => ({ ...valid(), themes: Array.from({ length: MAX_TEMPLATE_THEMES + 1 }, (_, i) => `t${i}`) }),
      'template.themes',
    ],
    ['a blank theme', () => ({ ...valid(), themes: [' '] }), 'template.themes'],
    ['string votes', () => ({ ...valid(), votesPerParticipant: '5' }), 'template.votesPerParticipant'],
    ['no anonymous flag', () => ({ ...valid(), anonymous: undefined }), 'template.anonymous'],
  ])('refuses %s, saying where', (_name, make, where) => {
    expect(() => resolveTemplate(make())).toThrow(TemplateError);
    expect(() => resolveTemplate(make())).toThrow(where);
  });

  it('accepts exactly the maximum number of themes', () => {
    expect(parseTemplate({ ...valid(), themes: Array.from({ length: MAX_TEMPLATE_THEMES }, (_, i) => `t${i}`) }).themes).toHaveLength(
      MAX_TEMPLATE_THEMES,
    );
  });
});
