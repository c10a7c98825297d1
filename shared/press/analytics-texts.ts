import type { Language } from '../platform/texts/language.js';

/** The release analytics' words on its console page. */
export interface AnalyticsTexts {
  heading: string;
  mailHeading: string;
  notMailed: string;
  figures: Record<'recipients' | 'delivered' | 'bounced' | 'complained' | 'opened' | 'clicked', string>;
  viewsHeading: (days: number) => string;
  day: string;
  views: string;
  chartTitle: (days: number, total: string) => string;
  note: string;
}

export const analyticsTexts: Record<Language, AnalyticsTexts> = {
  sv: {
    heading: 'Statistik',
    mailHeading: 'Utskick till prenumeranter',
    notMailed: 'Inte skickat till prenumeranter ännu.',
    figures: {
      recipients: 'Mottagare',
      delivered: 'Levererade',
      bounced: 'Studsade',
      complained: 'Klagomål',
      opened: 'Öppnade',
      clicked: 'Klickade',
    },
    viewsHeading: (days) => `Sidvisningar de senaste ${days} dagarna`,
    day: 'Dag',
    views: 'Visningar',
    chartTitle: (days, total) => `Sidvisningar per dag, senaste ${days} dagarna: ${total} totalt`,
    note: 'Sidvisningar räknas utan kakor. Öppningar och klick räknas bara där mejlprogrammet visar bilder och länkar spåras.',
  },
  da: {
    heading: 'Statistik',
    mailHeading: 'Udsendelse til abonnenter',
    notMailed: 'Ikke sendt til abonnenter endnu.',
    figures: {
      recipients: 'Modtagere',
      delivered: 'Leveret',
      bounced: 'Afvist',
      complained: 'Klager',
      opened: 'Åbnet',
      clicked: 'Klikket',
    },
    viewsHeading: (days) => `Sidevisninger de seneste ${days} dage`,
    day: 'Dag',
    views: 'Visninger',
    chartTitle: (days, total) => `Sidevisninger pr. dag, seneste ${days} dage: ${total} i alt`,
    note: 'Sidevisninger tælles uden cookies. Åbninger og klik tælles kun, hvor mailprogrammet viser billeder, og links spores.',
  },
  en: {
    heading: 'Analytics',
    mailHeading: 'Mailing to subscribers',
    notMailed: 'Not mailed to subscribers yet.',
    figures: {
      recipients: 'Recipients',
      delivered: 'Delivered',
      bounced: 'Bounced',
      complained: 'Complaints',
      opened: 'Opened',
      clicked: 'Clicked',
    },
    viewsHeading: (days) => `Page views, last ${days} days`,
    day: 'Day',
    views: 'Views',
    chartTitle: (days, total) => `Page views per day, last ${days} days: ${total} in all`,
    note: 'Page views are counted without cookies. Opens and clicks count only where the mail client shows images and links are tracked.',
  },
};
