import qrcode from 'qrcode-generator';

/**
 * A QR code of `url` as server-rendered SVG (one path of dark modules, a quiet zone of four):
 * the feedback form's code on the room's screen, an attendee's check-in code on the RSVP page.
 */
export function QrCode({ url, label, size = 240 }: { url: string; label: string; size?: number }) {
  const code = qrcode(0, 'M');
  code.addData(url, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const quiet = 4;
  const side = count + quiet * 2;
  let d = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={size}
      height={size}
      shape-rendering="crispEdges"
    >
      <title>{label}</title>
      <rect width={side} height={side} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
