import qrcode from 'qrcode-generator';
import { QrCode } from '../../platform/ui/qr-code.js';

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

/** As server-rendered SVG, for the RSVP page (the platform's QR drawing). */
export function CheckInQr({ url, label, size = 200 }: { url: string; label: string; size?: number }) {
  return <QrCode url={url} label={label} size={size} />;
}

/** As a GIF, for mail (mail clients show images, not inline SVG): four pixels a module. */
export function checkInQrGif(url: string): Buffer {
  const dataUrl = code(url).createDataURL(4, 16);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
