import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../shared/platform/ui/qr-code.js';

/** The dark modules of the rendered code, as a set of "col,row" (quiet zone of four removed). */
function modules(svg: string): { side: number; dark: Set<string> } {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const dark = new Set(
    [...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[1]) - 4},${Number(m[2]) - 4}`),
  );
  return { side: side - 8, dark };
}

describe('the QR code of a form’s public link', () => {
  it('is a QR symbol: the three finder patterns in the corners, a size QR allows, labelled', () => {
    const url = 'https://samverkan.example/forms/hassleholm/3f457e93-39cc-4446-88b1-8ccdd5adb497';
    const svg = render(h(QrCode, { url, label: `QR: ${url}` }));
    expect(svg).toContain(`aria-label="QR: ${url}"`);
    const { side, dark } = modules(svg);
    // Versions 1..40 are 21..177 modules, in steps of 4.
    expect((side - 21) % 4).toBe(0);
    expect(side).toBeGreaterThanOrEqual(21);
    // A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre.
    const finder = (x0: number, y0: number) => {
      for (let y = 0; y < 7; y++) {
        for (let x = 0; x < 7; x++) {
          const ring = x === 0 || y === 0 || x === 6 || y === 6;
          const centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
          expect(dark.has(`${x0 + x},${y0 + y}`), `${x0 + x},${y0 + y}`).toBe(ring || centre);
        }
      }
    };
    finder(0, 0);
    finder(side - 7, 0);
    finder(0, side - 7);
  });
});
