import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';
import type { ActivityKind, CounterKey } from './kinds.js';

/** The texts of the dashboard (the console's start page), one typed table per language. */
export interface DashboardTexts {
  title: string;
  intro: string;
  countersHeading: string;
  counters: Record<CounterKey, string>;
  programmesHeading: string;
  themeCount: (count: number) => string;
  noProgrammes: string;
  activityHeading: string;
  activityKinds: Record<ActivityKind, string>;
  otherActivity: string;
  noActivity: string;
  sections: {
    upcomingEvents: string;
    noUpcomingEvents: string;
    openForms: string;
    noOpenForms: string;
    scheduledReleases: string;
    noScheduledReleases: string;
    pendingSends: string;
    noPendingSends: string;
    programmeOverview: string;
    invited: string;
    attending: string;
    waitlisted: string;
    declined: string;
    answers: string;
    organisationsInvited: string;
    organisationsAnswered: string;
    organisationsAttended: string;
    organisationsGaveFeedback: string;
    startsAt: (when: string) => string;
    publishAt: (when: string) => string;
    sendAt: (when: string) => string;
    cancelSend: string;
  };
}

const sv: DashboardTexts = {
  title: 'Översikt',
  intro: 'Program, påminnelser och det senaste som har hänt.',
  countersHeading: 'I siffror',
  counters: {
    programmesCreated: 'Skapade program',
    programmesUpdated: 'Programändringar',
    remindersDue: 'Utlösta påminnelser',
  },
  programmesHeading: 'Program',
  themeCount: (count) => (count === 0 ? 'Inga teman' : count === 1 ? '1 tema' : `${count} teman`),
  noProgrammes:
    'Inga program ännu. Skapa det första via API:t (POST /api/programmes) – snart går det också att göra här.',
  activityHeading: 'Senaste aktivitet',
  activityKinds: {
    'programme.created': 'Program skapat',
    'programme.updated': 'Program ändrat',
    'reminder.due': 'Påminnelse',
  },
  otherActivity: 'Händelse',
  noActivity:
    'Inget har hänt ännu. Här visas aktiviteten när program skapas eller ändras och när påminnelser löser ut.',
  sections: {
    upcomingEvents: 'Kommande möten',
    noUpcomingEvents: 'Inga kommande möten.',
    openForms: 'Öppna synpunktsformulär',
    noOpenForms: 'Inga öppna formulär.',
    scheduledReleases: 'Schemalagda pressmeddelanden',
    noScheduledReleases: 'Inga schemalagda pressmeddelanden.',
    pendingSends: 'Väntande utskick',
    noPendingSends: 'Inga schemalagda utskick.',
    programmeOverview: 'Vilka har deltagit: programöversikten',
    invited: 'Inbjudna',
    attending: 'Kommer',
    waitlisted: 'Väntelista',
    declined: 'Avböjt',
    answers: 'Svar',
    organisationsInvited: 'Organisationer inbjudna',
    organisationsAnswered: 'svarade',
    organisationsAttended: 'deltog',
    organisationsGaveFeedback: 'lämnade synpunkter',
    startsAt: (when) => `Börjar ${when}`,
    publishAt: (when) => `Publiceras ${when}`,
    sendAt: (when) => `Går iväg ${when}`,
    cancelSend: 'Avbryt utskicket',
  },
};

const da: DashboardTexts = {
  title: 'Oversigt',
  intro: 'Programmer, påmindelser og det seneste, der er sket.',
  countersHeading: 'I tal',
  counters: {
    programmesCreated: 'Oprettede programmer',
    programmesUpdated: 'Programændringer',
    remindersDue: 'Udløste påmindelser',
  },
  programmesHeading: 'Programmer',
  themeCount: (count) => (count === 0 ? 'Ingen temaer' : count === 1 ? '1 tema' : `${count} temaer`),
  noProgrammes:
    'Der er ingen programmer endnu. Opret det første via API’et (POST /api/programmes) – snart kan det også gøres her.',
  activityHeading: 'Seneste aktivitet',
  activityKinds: {
    'programme.created': 'Program oprettet',
    'programme.updated': 'Program ændret',
    'reminder.due': 'Påmindelse',
  },
  otherActivity: 'Hændelse',
  noActivity:
    'Der er ikke sket noget endnu. Her vises aktiviteten, når programmer oprettes eller ændres, og når påmindelser udløses.',
  sections: {
    upcomingEvents: 'Kommende møder',
    noUpcomingEvents: 'Ingen kommende møder.',
    openForms: 'Åbne inputskemaer',
    noOpenForms: 'Ingen åbne skemaer.',
    scheduledReleases: 'Planlagte pressemeddelelser',
    noScheduledReleases: 'Ingen planlagte pressemeddelelser.',
    pendingSends: 'Ventende udsendelser',
    noPendingSends: 'Ingen planlagte udsendelser.',
    programmeOverview: 'Hvem har deltaget: programoversigten',
    invited: 'Inviterede',
    attending: 'Kommer',
    waitlisted: 'Venteliste',
    declined: 'Afbud',
    answers: 'Svar',
    organisationsInvited: 'Organisationer inviteret',
    organisationsAnswered: 'svarede',
    organisationsAttended: 'deltog',
    organisationsGaveFeedback: 'gav input',
    startsAt: (when) => `Starter ${when}`,
    publishAt: (when) => `Offentliggøres ${when}`,
    sendAt: (when) => `Sendes ${when}`,
    cancelSend: 'Annullér udsendelsen',
  },
};

const en: DashboardTexts = {
  title: 'Overview',
  intro: 'Programmes, reminders and the latest activity.',
  countersHeading: 'At a glance',
  counters: {
    programmesCreated: 'Programmes created',
    programmesUpdated: 'Programme updates',
    remindersDue: 'Reminders due',
  },
  programmesHeading: 'Programmes',
  themeCount: (count) => (count === 0 ? 'No themes' : count === 1 ? '1 theme' : `${count} themes`),
  noProgrammes:
    'No programmes yet. Create the first one through the API (POST /api/programmes) – soon you will be able to do it here too.',
  activityHeading: 'Recent activity',
  activityKinds: {
    'programme.created': 'Programme created',
    'programme.updated': 'Programme updated',
    'reminder.due': 'Reminder due',
  },
  otherActivity: 'Event',
  noActivity:
    'Nothing has happened yet. Activity appears here when programmes are created or changed and when reminders fall due.',
  sections: {
    upcomingEvents: 'Upcoming events',
    noUpcomingEvents: 'No upcoming events.',
    openForms: 'Open feedback forms',
    noOpenForms: 'No open forms.',
    scheduledReleases: 'Scheduled press releases',
    noScheduledReleases: 'No scheduled press releases.',
    pendingSends: 'Pending sends',
    noPendingSends: 'No scheduled sends.',
    programmeOverview: 'Who took part: the programme overview',
    invited: 'Invited',
    attending: 'Attending',
    waitlisted: 'Waitlisted',
    declined: 'Declined',
    answers: 'Answers',
    organisationsInvited: 'Organisations invited',
    organisationsAnswered: 'answered',
    organisationsAttended: 'attended',
    organisationsGaveFeedback: 'gave feedback',
    startsAt: (when) => `Starts ${when}`,
    publishAt: (when) => `Published ${when}`,
    sendAt: (when) => `Goes out ${when}`,
    cancelSend: 'Cancel the send',
  },
};

export const dashboardMessages: TextTable<DashboardTexts> = { sv, da, en };

export const dashboardTexts: (language: Language) => DashboardTexts = textsOf(dashboardMessages);
