import { describe, expect, it } from 'vitest';
import { charNgrams, conceptOf, foldAccents, guessLanguage, segmentWords, stem, tokenize } from '../src/clustering/index.ts';

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
    ['en', 'policies', 'policy'],
    ['en', 'funding', 'fund'],
    ['en', 'shipped', 'ship'],
    ['en', 'pilots', 'pilot'],
    ['en', 'process', 'process'],
    ['es', 'ciudades', 'ciudad'],
    ['es', 'proyectos', 'proyect'],
    ['es', 'datos', 'dato'],
    ['es', 'rapidamente', 'rapid'],
    ['fr', 'financements', 'financ'],
    ['fr', 'donnees', 'donn'],
  ] as const)('%s stem of %s is %s', (lang, word, expected) => {
    expect(stem(word, lang)).toBe(expected);
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

describe('concept lexicon', () => {
  it.each([
    [['data', 'datos', 'donnees'], 'data'],
    [['financement', 'funding', 'presupuesto', 'budget', 'fonds'], 'money'],
    [['collaboration', 'colaboracion', 'cooperation', 'partenariat'], 'collaboration'],
    [['gouvernement', 'gobierno', 'government', 'administration'], 'government'],
  ])('%j all mean %s', (words, concept) => {
    for (const w of words) expect(conceptOf(w)).toBe(concept);
  });

  it.each([['pencil'], ['the'], ['fun'], ['']])('%j has no concept', (word) => {
    expect(conceptOf(word)).toBeNull();
  });
});
