import { describe, expect, it } from 'vitest';
import {
  type CalendarLinkEvent,
  googleCalendarUrl,
  maxLinkDescriptionLength,
  outlookCalendarUrl,
} from '../../shared/meetings/calendar-links.js';

const event: CalendarLinkEvent = {
  title: 'Frukostmöte: Nå & väx',
  description: 'Kaffe, smørrebrød & samtal.\nVälkommen!',
  location: 'Kulturhuset, Storgatan 1',
  // 08:00–09:30 in Stockholm (summer time).
  start: new Date('2026-06-10T08:00:00+02:00'),
  end: new Date('2026-06-10T09:30:00+02:00'),
};

describe('googleCalendarUrl', () => {
  it('has the exact format, dates in UTC, values encoded', () => {
    expect(googleCalendarUrl(event)).toBe(
      'https://calendar.google.com/calendar/render?action=TEMPLATE' +
        '&text=Frukostm%C3%B6te%3A%20N%C3%A5%20%26%20v%C3%A4x' +
        '&dates=20260610T060000Z/20260610T073000Z' +
        '&details=Kaffe%2C%20sm%C3%B8rrebr%C3%B8d%20%26%20samtal.%0AV%C3%A4lkommen!' +
        '&location=Kulturhuset%2C%20Storgatan%201',
    );
  });

  it('round-trips every value through URLSearchParams', () => {
    const params = new URL(googleCalendarUrl(event)).searchParams;
    expect(params.get('action')).toBe('TEMPLATE');
    expect(params.get('text')).toBe(event.title);
    expect(params.get('details')).toBe(event.description);
    expect(params.get('location')).toBe(event.location);
    expect(params.get('dates')).toBe('20260610T060000Z/20260610T073000Z');
    expect([...params.keys()]).toEqual(['action', 'text', 'dates', 'details', 'location']);
  });

  it('drops milliseconds and uses UTC whatever the offset given', () => {
    const url = googleCalendarUrl({
      ...event,
      start: new Date('2026-03-25T11:30:45.678+01:00'),
      end: new Date('2026-03-26T00:15:00+01:00'),
    });
    expect(url).toContain('&dates=20260325T103045Z/20260325T231500Z&');
  });
});

describe('outlookCalendarUrl', () => {
  it('has the exact format, ISO times in UTC, values encoded', () => {
    expect(outlookCalendarUrl(event)).toBe(
      'https://outlook.office.com/calendar/0/deeplink/compose' +
        '?subject=Frukostm%C3%B6te%3A%20N%C3%A5%20%26%20v%C3%A4x' +
        '&startdt=2026-06-10T06:00:00Z' +
        '&enddt=2026-06-10T07:30:00Z' +
        '&body=Kaffe%2C%20sm%C3%B8rrebr%C3%B8d%20%26%20samtal.%0AV%C3%A4lkommen!' +
        '&location=Kulturhuset%2C%20Storgatan%201' +
        '&path=/calendar/action/compose&rru=addevent',
    );
  });

  it('round-trips every value through URLSearchParams', () => {
    const params = new URL(outlookCalendarUrl(event)).searchParams;
    expect(params.get('subject')).toBe(event.title);
    expect(params.get('body')).toBe(event.description);
    expect(params.get('location')).toBe(event.location);
    expect(params.get('startdt')).toBe('2026-06-10T06:00:00Z');
    expect(params.get('enddt')).toBe('2026-06-10T07:30:00Z');
    expect(params.get('path')).toBe('/calendar/action/compose');
    expect(params.get('rru')).toBe('addevent');
  });
});

describe.each([
  ['googleCalendarUrl', googleCalendarUrl, 'text', 'details'],
  ['outlookCalendarUrl', outlookCalendarUrl, 'subject', 'body'],
] as const)('%s', (_name, build, titleParam, bodyParam) => {
  it('cannot be broken out of by any value (&, =, #, ?, +, %, line breaks)', () => {
    const nasty = { title: 'a&text=b#c?d+e%20f', description: 'x&dates=1/2\r\ny', location: 'l&rru=x' };
    const url = build({ ...event, ...nasty });
    expect(url).not.toMatch(/[\s#]/);
    const params = new URL(url).searchParams;
    expect(params.get(titleParam)).toBe(nasty.title);
    expect(params.get(bodyParam)).toBe('x&dates=1/2\ny');
    expect(params.get('location')).toBe(nasty.location);
    expect(params.getAll(titleParam)).toHaveLength(1);
    expect(new URL(url).hash).toBe('');
  });

  it('puts the title and location on one line, spaces as %20', () => {
    const url = build({ ...event, title: ' Workshop\n\tå  ø ', location: 'Hus\r\n1' });
    expect(url).toContain(`${titleParam}=Workshop%20%C3%A5%20%C3%B8&`);
    expect(url).toContain('&location=Hus%201');
    expect(url).not.toContain('+');
  });

  it('cuts a long description', () => {
    const url = build({ ...event, description: 'å'.repeat(5000) });
    const body = new URL(url).searchParams.get(bodyParam) ?? '';
    expect([...body]).toHaveLength(maxLinkDescriptionLength);
    expect(body.endsWith('…')).toBe(true);
  });

  it('refuses invalid dates, an end not after the start and an empty title', () => {
    expect(() => build({ ...event, start: new Date('nope') })).toThrow(/valid dates/);
    expect(() => build({ ...event, end: event.start })).toThrow(/after start/);
    expect(() => build({ ...event, title: ' \n ' })).toThrow(/title/);
  });
});
