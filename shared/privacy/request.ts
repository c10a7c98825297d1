import * as z from 'zod';
import { instantToLocalInput } from '../platform/texts/wall-clock.js';

/**
 * A data-subject request (GDPR Art. 15–21) as the register keeps it, and the rules around it.
 * Pure: no IO.
 */

export const requestKinds = ['access', 'erasure', 'rectification', 'objection'] as const;
export type RequestKind = (typeof requestKinds)[number];

/** How the staff member made sure the person asking is the person the data is about. */
export const identityChecks = ['email-reply', 'e-id', 'in-person', 'letter', 'other'] as const;
export type IdentityCheck = (typeof identityChecks)[number];

export const requestStatuses = ['received', 'in-progress', 'done', 'refused'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const isOpen = (status: RequestStatus) => status === 'received' || status === 'in-progress';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD` (not 31 April). */
export const isoDate = z
  .string()
  .trim()
  .regex(ISO_DATE, 'Not a date (YYYY-MM-DD)')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
  }, 'Not a date (YYYY-MM-DD)');

/** What staff enter to record a request. No CR/LF: the address may end up in a mail header. */
export const requestInputSchema = z
  .object({
    kind: z.enum(requestKinds),
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email())
      .refine((v) => !/[\r\n]/.test(v), 'No line breaks'),
    requesterName: z.string().trim().min(1).max(200),
    identityCheck: z.enum(identityChecks),
    identityNote: z.string().trim().max(500).optional(),
    receivedOn: isoDate,
  })
  .strict();
export type RequestInput = z.output<typeof requestInputSchema>;

export const statusInputSchema = z.object({ status: z.enum(requestStatuses) }).strict();

/**
 * The answer is due one calendar month after the request arrived (Art. 12(3); counted as
 * Regulation 1182/71 counts months): the same day of the next month, or that month's last day
 * when it has no such day (31 January → 28 or 29 February).
 */
export function dueDate(receivedOn: string): string {
  const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
  const nextMonth = new Date(Date.UTC(y, m, 1)); // the first of the next month
  const lastDay = new Date(Date.UTC(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth() + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(nextMonth.getUTCFullYear()).padStart(4, '0')}-${String(nextMonth.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today on the tenant's clock (a request received at 00:30 in Stockholm is received that day). */
export function todayIn(timeZone: string, now = new Date()): string {
  return instantToLocalInput(now, timeZone).slice(0, 10);
}

/** `isoDay` plus `days` calendar days. */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** How many days before the due date the dashboard starts reminding. */
export const REMIND_DAYS_BEFORE = 7;
