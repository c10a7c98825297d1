import qrcode from 'qrcode-generator';

/**
 * The QR code an attendee shows at the door: the staff console's check-in of that one contact
 * (`/console/events/<event>/check-in?contact=<contact>`). It carries no credential: it opens
 * nothing without a staff sign-in, and a contact id grants nothing on its own.
 */
export const checkInPath = (eventId: string, contactId: string) =>
  `/console/events/${encodeURIComponent(eventId)}/check-in?contact=${encodeURIComponent(contactId)}`;

function code(url: string) {
  const qr = qrcode(0, 'M');
  qr.addData(url, 'Byte');
  qr.make();
  return qr;
}

/** As server-rendered SVG, for the RSVP page (the same drawing as the feedback form's code). */
export function CheckInQr({ url, label, size = 200 }: { url: string; label: string; size?: number }) {
  const qr = code(url);
  const count = qr.getModuleCount();
  const quiet = 4;
  const side = count + quiet * 2;
  let d = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
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

/** As a GIF, for mail (mail clients show images, not inline SVG): four pixels a module. */
export function checkInQrGif(url: string): Buffer {
  const dataUrl = code(url).createDataURL(4, 16);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
