import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it, vi } from 'vitest';
import { previewCsv } from '../../shared/directory/csv-import.js';
import { ContactsPage, ImportPage, OrganisationsPage } from '../../shared/directory/pages/directory.js';
import { directoryMessages } from '../../shared/directory/texts.js';
import { HttpError } from '../../shared/platform/http/errors.js';
import { parseMultipart } from '../../shared/platform/http/multipart.js';
import { shellMessages } from '../../shared/platform/texts/shell.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
});

const { consoleNav } = await import('../../functions/console/shell.js');

const XSS = '<script>alert(1)</script>';
const ESCAPED = '&lt;script>alert(1)&lt;/script>';

describe('multipart/form-data', () => {
  const boundary = '----samverkan7MA4YWxkTrZu0gW';
  const type = `multipart/form-data; boundary=${boundary}`;
  const part = (headers: string, content: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);

  it('reads fields as UTF-8 and files as the bytes sent (Windows-1252 kept intact)', () => {
    const file = Buffer.from('Företag;E-post\r\nÅkesson;a@b.example\r\n', 'latin1');
    const body = Buffer.concat([
      part('Content-Disposition: form-data; name="_csrf"', 'token-123'),
      part('Content-Disposition: form-data; name="csv"', 'Företag\r\nrad två'),
      part(
        'Content-Disposition: form-data; name="file"; filename="kontakter.csv"\r\nContent-Type: text/csv',
        file,
      ),
      end,
    ]);
    const form = parseMultipart(body, type);
    expect({ ...form.fields }).toEqual({ _csrf: 'token-123', csv: 'Företag\r\nrad två' });
    expect(form.files.file).toEqual({ filename: 'kontakter.csv', contentType: 'text/csv', bytes: file });
  });

  it('skips a file input left empty, and a quoted boundary works', () => {
    const body = Buffer.concat([
      part(
        'Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream',
        '',
      ),
      part('Content-Disposition: form-data; name="__proto__"', 'x'),
      end,
    ]);
    const form = parseMultipart(body, `multipart/form-data; boundary="${boundary}"`);
    expect(form.files.file).toBeUndefined();
    expect(Object.getPrototypeOf(form.fields)).toBeNull();
    expect(Object.entries(form.fields)).toEqual([['__proto__', 'x']]);
  });

  it('refuses malformed bodies and too many parts with 400', () => {
    const refuses = (body: Buffer, contentType = type) => {
      try {
        parseMultipart(body, contentType);
        return undefined;
      } catch (error) {
        return (error as HttpError).statusCode;
      }
    };
    expect(refuses(Buffer.from('no boundary here'))).toBe(400);
    expect(refuses(part('Content-Disposition: form-data; name="a"', 'x'))).toBe(400); // never closed
    expect(refuses(end, 'multipart/form-data')).toBe(400);
    const many = Buffer.concat([
      ...Array.from({ length: 25 }, (_, i) => part(`Content-Disposition: form-data; name="f${i}"`, 'x')),
      end,
    ]);
    expect(refuses(many)).toBe(400);
    expect(new HttpError(400, 'x')).toBeInstanceOf(HttpError);
  });
});

describe('the directory pages', () => {
  it('escape what the file says and tell row status in words, not colour alone', () => {
    const csv = `Företag;Org.nr;Namn;E-post\n${XSS};;Anna;anna@x.example\nFel AB;123;;\nDubbel;;Cia;ANNA@x.example\n`;
    const preview = previewCsv(
      csv,
      { country: 'SE', language: 'sv' },
      { emailKeys: new Map(), organisations: [] },
    );
    const html = render(
      h(ImportPage, {
        language: 'sv',
        csrfToken: 'csrf-token',
        canImport: true,
        preview: { importId: 'imp-1', summary: preview.summary, rows: preview.rows },
      }),
    );
    expect(html).not.toContain(XSS);
    expect(html).toContain(ESCAPED);
    expect(html).toMatch(/<tr id="row-3" class="row-error">[\s\S]*?Fel<\/span>/);
    expect(html).toMatch(/<tr id="row-4" class="row-duplicate">[\s\S]*?Dubblett<\/span>/);
    expect(html).toContain('Samma e-postadress som rad 2 – raden hoppas över.');
    // Row errors are worded in the page's language (the parser's English is the JSON API's).
    expect(html).toContain('<strong>Org.nr</strong>: Inte ett organisationsnummer');
    expect(html).not.toContain('lang="en"');
    expect(html).toContain('action="/console/imports/imp-1/commit"');
    expect(html).toMatch(/<select id="lawful-basis" name="lawfulBasis" required/);
    expect(html.match(/name="_csrf" value="csrf-token"/g)).toHaveLength(2);
  });

  it('shows a viewer no import form', () => {
    const html = render(h(ImportPage, { language: 'da', csrfToken: 'x', canImport: false }));
    expect(html).toContain(directoryMessages.da.import.editorOnly);
    expect(html).not.toContain('<form');
  });

  it('list organisations and contacts in a captioned table, escaped', () => {
    const organisations = render(
      h(OrganisationsPage, {
        language: 'en',
        canImport: false,
        position: { offset: 0, shown: 1, total: 1 },
        organisations: [
          {
            organisationId: 'o1',
            name: `Volvo ${XSS}`,
            organisationType: 'company',
            organisationNumber: '556012-5790',
            tags: ['fordon'],
            contactCount: 2,
          },
        ],
      }),
    );
    expect(organisations).toContain('<caption>1 organisation</caption>');
    expect(organisations).toContain('<a href="/console/organisations/o1">Volvo &lt;script>');
    expect(organisations).toContain('556012-5790');
    expect(organisations).not.toContain('/console/imports');
    const contacts = render(
      h(ContactsPage, {
        language: 'sv',
        organisationNames: new Map([['o1', 'Volvo']]),
        position: { offset: 0, shown: 1, total: 1 },
        canEdit: false,
        contacts: [
          {
            contactId: 'c1',
            tenantId: 't',
            organisationId: 'o1',
            name: XSS,
            email: 'a@b.example',
            language: 'da',
            lawfulBasis: { basis: 'consent', source: 'x', recordedAt: '2026-01-01T00:00:00Z' },
          },
        ],
      }),
    );
    expect(contacts).toContain(ESCAPED);
    expect(contacts).toContain('Samtycke');
    expect(contacts).toContain('<td>Danska</td>');
  });
});

describe('the console menu', () => {
  it('has Organisations, Contacts and Import in every language', () => {
    for (const language of ['sv', 'da', 'en'] as const) {
      const nav = consoleNav(language, '/console');
      const m = shellMessages[language].nav;
      // Other capabilities add their own entries after these.
      expect(nav.slice(0, 4).map((item) => [item.href, item.label])).toEqual([
        ['/console', m.overview],
        ['/console/organisations', m.organisations],
        ['/console/contacts', m.contacts],
        ['/console/imports', m.import],
      ]);
    }
    expect(shellMessages.sv.nav.organisations).toBe('Organisationer');
    expect(shellMessages.da.nav.contacts).toBe('Kontakter');
  });

  it('marks the section of a sub-page as current, and only that one', () => {
    const active = (path: string) =>
      consoleNav('sv', path)
        .filter((item) => item.active)
        .map((item) => item.href);
    expect(active('/console/organisations/abc')).toEqual(['/console/organisations']);
    expect(active('/console/imports')).toEqual(['/console/imports']);
    expect(active('/console')).toEqual(['/console']);
    expect(active('/console/programmes/x')).toEqual([]);
  });
});
