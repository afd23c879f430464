import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

describe('the CSV export', () => {
  it('starts with one UTF-8 byte-order mark, so Excel shows the accents of Bogotá and Québec', async () => {
    const example = JSON.parse(readFileSync(new URL('./fixtures/workshop-export.json', import.meta.url), 'utf8'));
    example.people[1].organisation = 'Alcaldía de Bogotá';
    example.notes[0].text = 'Pilotes budgétés pour échouer à Québec';
    const imported = await server.app.inject({ method: 'POST', url: '/api/workshops/import', payload: example });
    expect(imported.statusCode, imported.body).toBe(201);
    const { id, facilitatorToken } = imported.json() as { id: string; facilitatorToken: string };

    const res = await server.app.inject({
      method: 'GET',
      url: `/api/workshops/${id}/export?format=csv`,
      headers: { authorization: `Bearer ${facilitatorToken}` },
    });
    expect(res.statusCode).toBe(200);
    const bytes = res.rawPayload;
    // EF BB BF is U+FEFF in UTF-8; Excel reads a file without it as the local code page.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.subarray(3, 6)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\ufeffphase,cluster,text,')).toBe(true);
    expect(text).toContain('Alcaldía de Bogotá');
    expect(text).toContain('Pilotes budgétés pour échouer à Québec');
  });
});
