/** Lower case, no diacritics, letters and digits only: "Org.nr" → "orgnr", "Størrelse" → "storrelse". */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}
