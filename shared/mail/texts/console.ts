import type { Language } from '../../platform/texts/language.js';
import { type TextTable, textsOf } from '../../platform/texts/table.js';
import type { CampaignCounter, MailingState } from '../campaign.js';

/** The texts of the console's mailing pages (every campaign: invitations, reminders, confirmations…). */
export interface MailConsoleTexts {
  title: string;
  lead: string;
  empty: string;
  columns: {
    name: string;
    state: string;
    progress: string;
    sent: string;
    delivered: string;
    failed: string;
    created: string;
  };
  states: Record<MailingState, string>;
  /** What each unfinished state means, and what staff can do about it. */
  explain: Partial<Record<MailingState, string>>;
  counters: Record<CampaignCounter | 'pending', string>;
  figures: string;
  progressLabel: (done: string, total: string) => string;
  lastProgress: (when: string) => string;
  finished: (when: string) => string;
  scheduledFor: (when: string) => string;
  resume: string;
  resumed: string;
  refresh: string;
  back: string;
  cannotResume: string;
}

const sv: MailConsoleTexts = {
  title: 'Utskick',
  lead: 'Alla mejl systemet skickar: inbjudningar, påminnelser, bekräftelser och utskick. Siffrorna räknas med varje mejl, så de stämmer även efter ett avbrott.',
  empty: 'Inga utskick ännu.',
  columns: {
    name: 'Utskick',
    state: 'Läge',
    progress: 'Klart',
    sent: 'Skickade',
    delivered: 'Levererade',
    failed: 'Misslyckade',
    created: 'Skapat',
  },
  states: {
    draft: 'Utkast',
    scheduled: 'Schemalagt',
    held: 'Pausat',
    expanding: 'Förbereds',
    sending: 'Skickas',
    stalled: 'Står still',
    finishing: 'Avslutas',
    sent: 'Skickat',
    'sent-with-failures': 'Skickat, med fel',
    cancelled: 'Avbrutet',
  },
  explain: {
    scheduled: 'Utskicket går iväg vid den schemalagda tiden.',
    held: 'Mejlutskicken är pausade för er kommun (eller för hela tjänsten). Mejlen ligger kvar och går iväg när utskicken återupptas.',
    expanding: 'Mottagarlistan gås igenom; mejlen börjar gå iväg under tiden.',
    sending: 'Mejlen går iväg i den takt e-posttjänsten tillåter.',
    stalled:
      'Inget har hänt på en stund fast mejl återstår. Systemet försöker själv igen inom några minuter; du kan också fortsätta utskicket nu. Inget mejl skickas två gånger.',
    finishing: 'Alla mejl har hanterats; utskicket markeras strax som skickat.',
  },
  counters: {
    queued: 'Köade',
    settled: 'Hanterade',
    sent: 'Skickade',
    delivered: 'Levererade',
    bounced: 'Studsade',
    complained: 'Anmälda som skräppost',
    failed: 'Misslyckade',
    skipped: 'Hoppades över',
    opened: 'Öppnade',
    clicked: 'Klickade',
    pending: 'Återstår',
  },
  figures: 'Siffror',
  progressLabel: (done, total) => `${done} av ${total} hanterade`,
  lastProgress: (when) => `Senaste förändring ${when}`,
  finished: (when) => `Klart ${when}`,
  scheduledFor: (when) => `Schemalagt till ${when}`,
  resume: 'Fortsätt utskicket',
  resumed: 'Utskicket fortsätter: de mejl som återstår har lagts i kö igen.',
  refresh: 'Uppdatera',
  back: 'Alla utskick',
  cannotResume: 'Utskicket kan inte fortsättas: det skickas inte just nu, eller utskicken är pausade.',
};

const da: MailConsoleTexts = {
  title: 'Udsendelser',
  lead: 'Alle mails, systemet sender: invitationer, påmindelser, bekræftelser og udsendelser. Tallene tælles med hver mail, så de passer også efter en afbrydelse.',
  empty: 'Ingen udsendelser endnu.',
  columns: {
    name: 'Udsendelse',
    state: 'Status',
    progress: 'Færdig',
    sent: 'Sendt',
    delivered: 'Leveret',
    failed: 'Fejlet',
    created: 'Oprettet',
  },
  states: {
    draft: 'Kladde',
    scheduled: 'Planlagt',
    held: 'Sat på pause',
    expanding: 'Forberedes',
    sending: 'Sendes',
    stalled: 'Står stille',
    finishing: 'Afsluttes',
    sent: 'Sendt',
    'sent-with-failures': 'Sendt, med fejl',
    cancelled: 'Annulleret',
  },
  explain: {
    scheduled: 'Udsendelsen sendes på det planlagte tidspunkt.',
    held: 'Mailudsendelser er sat på pause for jeres kommune (eller hele tjenesten). Mailene venter og sendes, når udsendelserne genoptages.',
    expanding: 'Modtagerlisten gennemgås; mailene begynder at gå ud imens.',
    sending: 'Mailene sendes i det tempo, e-mailtjenesten tillader.',
    stalled:
      'Der er ikke sket noget et stykke tid, selv om der er mails tilbage. Systemet prøver selv igen inden for få minutter; du kan også fortsætte udsendelsen nu. Ingen mail sendes to gange.',
    finishing: 'Alle mails er behandlet; udsendelsen markeres snart som sendt.',
  },
  counters: {
    queued: 'I kø',
    settled: 'Behandlet',
    sent: 'Sendt',
    delivered: 'Leveret',
    bounced: 'Afvist',
    complained: 'Anmeldt som spam',
    failed: 'Fejlet',
    skipped: 'Sprunget over',
    opened: 'Åbnet',
    clicked: 'Klikket',
    pending: 'Tilbage',
  },
  figures: 'Tal',
  progressLabel: (done, total) => `${done} af ${total} behandlet`,
  lastProgress: (when) => `Seneste ændring ${when}`,
  finished: (when) => `Færdig ${when}`,
  scheduledFor: (when) => `Planlagt til ${when}`,
  resume: 'Fortsæt udsendelsen',
  resumed: 'Udsendelsen fortsætter: de resterende mails er lagt i kø igen.',
  refresh: 'Opdater',
  back: 'Alle udsendelser',
  cannotResume:
    'Udsendelsen kan ikke fortsættes: den sendes ikke lige nu, eller udsendelser er sat på pause.',
};

const en: MailConsoleTexts = {
  title: 'Mailings',
  lead: 'Every mail the system sends: invitations, reminders, confirmations and mailings. The figures are counted with each mail, so they hold even after an interruption.',
  empty: 'No mailings yet.',
  columns: {
    name: 'Mailing',
    state: 'State',
    progress: 'Done',
    sent: 'Sent',
    delivered: 'Delivered',
    failed: 'Failed',
    created: 'Created',
  },
  states: {
    draft: 'Draft',
    scheduled: 'Scheduled',
    held: 'Paused',
    expanding: 'Preparing',
    sending: 'Sending',
    stalled: 'Stalled',
    finishing: 'Finishing',
    sent: 'Sent',
    'sent-with-failures': 'Sent, with failures',
    cancelled: 'Cancelled',
  },
  explain: {
    scheduled: 'The mailing goes out at its scheduled time.',
    held: 'Mail is paused for your municipality (or the whole service). The mails wait and go out when sending resumes.',
    expanding: 'The recipient list is being worked through; mails start going out meanwhile.',
    sending: 'The mails go out as fast as the mail service allows.',
    stalled:
      'Nothing has happened for a while though mails remain. The system tries again by itself within minutes; you can also continue the mailing now. No mail is sent twice.',
    finishing: 'Every mail has been handled; the mailing is marked sent in a moment.',
  },
  counters: {
    queued: 'Queued',
    settled: 'Handled',
    sent: 'Sent',
    delivered: 'Delivered',
    bounced: 'Bounced',
    complained: 'Marked as spam',
    failed: 'Failed',
    skipped: 'Skipped',
    opened: 'Opened',
    clicked: 'Clicked',
    pending: 'Remaining',
  },
  figures: 'Figures',
  progressLabel: (done, total) => `${done} of ${total} handled`,
  lastProgress: (when) => `Last change ${when}`,
  finished: (when) => `Finished ${when}`,
  scheduledFor: (when) => `Scheduled for ${when}`,
  resume: 'Continue the mailing',
  resumed: 'The mailing continues: the remaining mails are queued again.',
  refresh: 'Refresh',
  back: 'All mailings',
  cannotResume: 'The mailing cannot be continued: it is not being sent now, or mail is paused.',
};

export const mailConsoleMessages: TextTable<MailConsoleTexts> = { sv, da, en };

export const mailConsoleTexts: (language: Language) => MailConsoleTexts = textsOf(mailConsoleMessages);
