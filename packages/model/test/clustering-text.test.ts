import { describe, expect, it } from 'vitest';
import {
  charNgrams,
  foldAccents,
  foldSpelling,
  guessLanguage,
  noteLanguage,
  segmentWords,
  stem,
  STEM_CACHE_LIMIT,
  tokenize,
} from '../src/clustering/index.ts';

describe('tokenising notes', () => {
  it.each([
    ['Cross-border data, shared!', ['cross', 'border', 'data', 'shared']],
    ["Aucun mécanisme pour partager ce qu'on apprend", ['aucun', 'mécanisme', 'pour', 'partager', 'ce', 'on', 'apprend']],
    ['Pilots in 100 days', ['pilots', 'in', 'days']],
    ['L’expérience', ['expérience']],
  ])('segments %j into words', (text, words) => {
    expect(segmentWords(text)).toEqual(words);
  });

  it.each([
    ['Données ÉCHEC', 'donnees echec'],
    ['Bogotá Alcaldía', 'bogota alcaldia'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldAccents(text)).toBe(folded);
  });

  it.each([
    [['the', 'pilots', 'of', 'the', 'city'], 'en'],
    [['los', 'datos', 'de', 'la', 'ciudad'], 'es'],
    [['les', 'donnees', 'des', 'villes', 'et'], 'fr'],
    [['innovation'], 'en'],
  ] as const)('guesses the language of %j as %s', (words, lang) => {
    expect(guessLanguage(words)).toBe(lang);
  });

  it.each([
    ['Les données de santé restent bloquées', 'fr'],
    ['Les niños de la escuela', 'es'],
    ['¿Quién paga?', 'es'],
  ] as const)('guesses %j as %s from its letters when its function words tie', (text, lang) => {
    expect(noteLanguage(text)).toBe(lang);
  });

  // Snowball: inflections of one word meet, in each language's own rules.
  it.each([
    ['en', ['fund', 'funding', 'funds', 'funded'], 'fund'],
    ['en', ['pilot', 'pilots', 'piloting'], 'pilot'],
    ['es', ['proyecto', 'proyectos'], 'proyect'],
    ['es', ['sistema', 'sistemas'], 'sistem'],
    ['fr', ['systeme', 'systemes'], 'system'],
    ['fr', ['hopital', 'hopitaux'], 'hopital'],
  ] as const)('%s: %j all stem to %s', (lang, words, expected) => {
    for (const w of words) expect(stem(w, lang)).toBe(expected);
  });

  it.each([
    ['digitise', 'digitize'],
    ['organisations', 'organizations'],
    ['rise', 'rise'],
  ])('folds the British spelling %s to %s', (word, folded) => {
    expect(foldSpelling(word)).toBe(folded);
  });

  it('folds accents before stemming, so accented and unaccented spellings meet', () => {
    expect(tokenize('Des systèmes').map((t) => t.stem)).toEqual(tokenize('des systemes').map((t) => t.stem));
    expect(tokenize('Digitise the archive').map((t) => t.stem)).toEqual(tokenize('Digitize the archive').map((t) => t.stem));
  });

  it('drops function words of all three languages and keeps content words', () => {
    expect(tokenize('The funding of the pilots').map((t) => t.stem)).toEqual(['fund', 'pilot']);
    expect(tokenize('Los datos de la ciudad').map((t) => t.word)).toEqual(['datos', 'ciudad']);
    expect(tokenize('Les données des villes').map((t) => t.surface)).toEqual(['données', 'villes']);
  });

  it('marks word boundaries in character n-grams', () => {
    expect(charNgrams('data')).toEqual(['_da', 'dat', 'ata', 'ta_', '_dat', 'data', 'ata_', '_data', 'data_']);
    expect(charNgrams('ab', 3, 3)).toEqual(['_ab', 'ab_']);
  });
});

describe('stemming with remembered stems', () => {
  it('gives the same stems after the memory of stems was emptied', () => {
    const before = ['donnees', 'interoperabilite', 'frontalieres'].map((w) => stem(w, 'fr'));
    // More distinct words than the memory keeps: it empties and starts again.
    for (let i = 0; i <= STEM_CACHE_LIMIT; i++) stem(`mot${i}aux`, 'fr');
    expect(['donnees', 'interoperabilite', 'frontalieres'].map((w) => stem(w, 'fr'))).toEqual(before);
    expect(stem('running', 'en')).toBe('run');
    expect(stem('running', 'es')).not.toBe('run');
  });
});
