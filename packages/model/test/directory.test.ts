import { describe, expect, it } from 'vitest';
import { directoryEntry, isDirectoryContact, readProfile, type DirectoryProfile } from '../src/people/directory.ts';

const ana = { id: 'p1', name: 'Ana', organisation: 'City of Porto', country: 'Portugal' };
const full: DirectoryProfile = {
  listed: true,
  show: ['organisation', 'country', 'role', 'themes', 'canHelp', 'lookingFor', 'contact'],
  role: 'Policy officer',
  themes: ['mobility'],
  canHelp: 'Data sharing agreements',
  lookingFor: 'Peers in the same role',
  contact: 'ana@example.org',
};

describe('directoryEntry', () => {
  it('shows nothing of a person who is not listed', () => {
    expect(directoryEntry(ana, { ...full, listed: false })).toBeNull();
  });
  it('shows only the name and the fields chosen', () => {
    expect(directoryEntry(ana, { ...full, show: ['country', 'lookingFor'] })).toEqual({
      personId: 'p1',
      name: 'Ana',
      country: 'Portugal',
      lookingFor: 'Peers in the same role',
    });
  });
  it('shows every chosen field', () => {
    expect(Object.keys(directoryEntry(ana, full)!).sort()).toEqual(
      ['canHelp', 'contact', 'country', 'lookingFor', 'name', 'organisation', 'personId', 'role', 'themes'].sort(),
    );
  });
});

describe('readProfile', () => {
  it('reads anything malformed as not listed, and drops unknown fields to show', () => {
    expect(readProfile(null).listed).toBe(false);
    expect(readProfile({ listed: 'yes' }).listed).toBe(false);
    expect(readProfile({ listed: true, show: ['country', 'email', '__proto__'] }).show).toEqual(['country']);
  });
});

describe('isDirectoryContact', () => {
  it.each([
    ['ana@example.org', true],
    ['https://example.org/ana', true],
    ['', true],
    ['javascript:alert(1)', false],
    ['ana at example', false],
  ])('%s → %s', (value, ok) => expect(isDirectoryContact(value)).toBe(ok));
});
