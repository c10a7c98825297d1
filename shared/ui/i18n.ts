import type { Language } from '../domain/programmes/programme.js';
import type { Role } from '../identity/staff.js';

/** The activity kinds the dashboard knows how to name (see functions/activity/record.ts). */
export const activityKinds = ['programme.created', 'programme.updated', 'reminder.due'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** The dashboard counters (see functions/activity/record.ts), in display order. */
export const counterKeys = ['programmesCreated', 'programmesUpdated', 'remindersDue'] as const;
export type CounterKey = (typeof counterKeys)[number];

/** Each language's name written in that language: what the language switch shows. */
export const languageEndonyms: Record<Language, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

/**
 * Every text the console shows. One interface for all languages, so a translation that is
 * missing (or a key that exists in one language only) is a type error, not a blank on a page.
 */
export interface Messages {
  skipToContent: string;
  footer: string;
  languageNames: Record<Language, string>;
  nav: { label: string; overview: string };
  account: {
    signedInAs: string;
    role: string;
    roles: Record<Role, string>;
    signOut: string;
  };
  languageSwitch: { label: string; submit: string };
  period: {
    label: string;
    from: (date: string) => string;
    until: (date: string) => string;
    none: string;
  };
  dashboard: {
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
  };
  programme: {
    backToOverview: string;
    language: string;
    updated: string;
    description: string;
    noDescription: string;
    themesHeading: string;
    noThemes: string;
  };
  landing: {
    title: string;
    tagline: string;
    about: string;
    staffHeading: string;
    signIn: string;
  };
  unsubscribe: {
    title: string;
    question: (tenantName: string) => string;
    confirm: string;
    done: (tenantName: string) => string;
    doneDetail: string;
    invalid: string;
    invalidDetail: string;
  };
  errors: {
    notFound: { heading: string; lead: string };
    forbidden: { heading: string; lead: string };
    badRequest: { heading: string; lead: string };
    serverError: { heading: string; lead: string };
    code: (status: number) => string;
    detail: string;
    home: string;
  };
}

const sv: Messages = {
  skipToContent: 'Hoppa till innehållet',
  footer: 'Samverkan – stöd för kommunens samverkan med näringslivet',
  languageNames: { sv: 'Svenska', da: 'Danska', en: 'Engelska' },
  nav: { label: 'Huvudmeny', overview: 'Översikt' },
  account: {
    signedInAs: 'Inloggad som',
    role: 'Roll',
    roles: { viewer: 'Läsare', editor: 'Redaktör', admin: 'Administratör' },
    signOut: 'Logga ut',
  },
  languageSwitch: { label: 'Språk', submit: 'Byt språk' },
  period: {
    label: 'Period',
    from: (date) => `Från ${date}`,
    until: (date) => `Till ${date}`,
    none: 'Ingen period angiven',
  },
  dashboard: {
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
  },
  programme: {
    backToOverview: 'Tillbaka till översikten',
    language: 'Språk',
    updated: 'Senast ändrat',
    description: 'Beskrivning',
    noDescription: 'Programmet har ingen beskrivning ännu.',
    themesHeading: 'Teman',
    noThemes: 'Programmet har inga teman ännu.',
  },
  landing: {
    title: 'Samverkan',
    tagline: 'Kommunens samverkan med näringslivet, samlad på ett ställe.',
    about:
      'Samverkan hjälper kommunernas näringslivsenheter att planera och följa upp dialogen med företag, föreningar och andra aktörer: program och teman, påminnelser och vad som har hänt – samlat på ett ställe och åtskilt för varje kommun.',
    staffHeading: 'För medarbetare',
    signIn: 'Logga in (personal)',
  },
  unsubscribe: {
    title: 'Avregistrera dig',
    question: (tenant) => `Vill du sluta få utskick från ${tenant} via Samverkan?`,
    confirm: 'Ja, avregistrera mig',
    done: (tenant) => `Du får inte längre utskick från ${tenant}.`,
    doneDetail:
      'Inbjudningar du redan har svarat på påverkas inte. Ångrar du dig kan du kontakta kommunens näringslivsenhet.',
    invalid: 'Länken fungerar inte',
    invalidDetail:
      'Länken är ogiltig eller för gammal. Använd länken i ett nyare utskick, eller kontakta kommunen.',
  },
  errors: {
    notFound: {
      heading: 'Sidan hittades inte',
      lead: 'Sidan finns inte, eller så har du inte tillgång till den. Kontrollera adressen eller gå till startsidan.',
    },
    forbidden: {
      heading: 'Ingen åtkomst',
      lead: 'Du har inte behörighet att göra det här. Kontakta din administratör om du behöver åtkomst.',
    },
    badRequest: {
      heading: 'Något stämmer inte',
      lead: 'Begäran kunde inte behandlas. Gå tillbaka, kontrollera uppgifterna och försök igen.',
    },
    serverError: {
      heading: 'Något gick fel',
      lead: 'Felet ligger hos oss, inte hos dig. Försök igen om en stund.',
    },
    code: (status) => `Felkod ${status}`,
    detail: 'Detaljer',
    home: 'Till startsidan',
  },
};

const da: Messages = {
  skipToContent: 'Gå til indholdet',
  footer: 'Samverkan – værktøj til kommunens samarbejde med erhvervslivet',
  languageNames: { sv: 'Svensk', da: 'Dansk', en: 'Engelsk' },
  nav: { label: 'Hovedmenu', overview: 'Oversigt' },
  account: {
    signedInAs: 'Logget ind som',
    role: 'Rolle',
    roles: { viewer: 'Læser', editor: 'Redaktør', admin: 'Administrator' },
    signOut: 'Log ud',
  },
  languageSwitch: { label: 'Sprog', submit: 'Skift sprog' },
  period: {
    label: 'Periode',
    from: (date) => `Fra ${date}`,
    until: (date) => `Til ${date}`,
    none: 'Ingen periode angivet',
  },
  dashboard: {
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
  },
  programme: {
    backToOverview: 'Tilbage til oversigten',
    language: 'Sprog',
    updated: 'Senest ændret',
    description: 'Beskrivelse',
    noDescription: 'Programmet har endnu ingen beskrivelse.',
    themesHeading: 'Temaer',
    noThemes: 'Programmet har endnu ingen temaer.',
  },
  landing: {
    title: 'Samverkan',
    tagline: 'Kommunens samarbejde med erhvervslivet, samlet ét sted.',
    about:
      'Samverkan hjælper kommunernes erhvervsafdelinger med at planlægge og følge op på dialogen med virksomheder, foreninger og andre aktører: programmer og temaer, påmindelser og hvad der er sket – samlet ét sted og holdt adskilt for hver kommune.',
    staffHeading: 'For medarbejdere',
    signIn: 'Log ind (medarbejdere)',
  },
  unsubscribe: {
    title: 'Afmeld',
    question: (tenant) => `Vil du ikke længere modtage udsendelser fra ${tenant} via Samverkan?`,
    confirm: 'Ja, afmeld mig',
    done: (tenant) => `Du modtager ikke længere udsendelser fra ${tenant}.`,
    doneDetail:
      'Invitationer, du allerede har svaret på, berøres ikke. Fortryder du, kan du kontakte kommunens erhvervsafdeling.',
    invalid: 'Linket virker ikke',
    invalidDetail:
      'Linket er ugyldigt eller for gammelt. Brug linket i en nyere udsendelse, eller kontakt kommunen.',
  },
  errors: {
    notFound: {
      heading: 'Siden blev ikke fundet',
      lead: 'Siden findes ikke, eller du har ikke adgang til den. Kontrollér adressen, eller gå til forsiden.',
    },
    forbidden: {
      heading: 'Ingen adgang',
      lead: 'Du har ikke tilladelse til at gøre dette. Kontakt din administrator, hvis du har brug for adgang.',
    },
    badRequest: {
      heading: 'Noget er ikke, som det skal være',
      lead: 'Forespørgslen kunne ikke behandles. Gå tilbage, kontrollér oplysningerne, og prøv igen.',
    },
    serverError: {
      heading: 'Noget gik galt',
      lead: 'Fejlen ligger hos os, ikke hos dig. Prøv igen om lidt.',
    },
    code: (status) => `Fejlkode ${status}`,
    detail: 'Detaljer',
    home: 'Til forsiden',
  },
};

const en: Messages = {
  skipToContent: 'Skip to content',
  footer: 'Samverkan – supporting municipal engagement with local business',
  languageNames: { sv: 'Swedish', da: 'Danish', en: 'English' },
  nav: { label: 'Main menu', overview: 'Overview' },
  account: {
    signedInAs: 'Signed in as',
    role: 'Role',
    roles: { viewer: 'Viewer', editor: 'Editor', admin: 'Administrator' },
    signOut: 'Sign out',
  },
  languageSwitch: { label: 'Language', submit: 'Change language' },
  period: {
    label: 'Period',
    from: (date) => `From ${date}`,
    until: (date) => `Until ${date}`,
    none: 'No period set',
  },
  dashboard: {
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
  },
  programme: {
    backToOverview: 'Back to the overview',
    language: 'Language',
    updated: 'Last changed',
    description: 'Description',
    noDescription: 'This programme has no description yet.',
    themesHeading: 'Themes',
    noThemes: 'This programme has no themes yet.',
  },
  landing: {
    title: 'Samverkan',
    tagline: 'Municipal engagement with local business, in one place.',
    about:
      'Samverkan helps municipal business-development offices plan and follow up their dialogue with companies, associations and other stakeholders: programmes and themes, reminders and what has happened – in one place, and kept separate for each municipality.',
    staffHeading: 'For staff',
    signIn: 'Sign in (staff)',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    question: (tenant) => `Do you want to stop receiving mailings from ${tenant} through Samverkan?`,
    confirm: 'Yes, unsubscribe me',
    done: (tenant) => `You will no longer receive mailings from ${tenant}.`,
    doneDetail:
      'Invitations you have already answered are not affected. If you change your mind, contact the municipality’s business office.',
    invalid: 'This link does not work',
    invalidDetail:
      'The link is invalid or too old. Use the link in a more recent mailing, or contact the municipality.',
  },
  errors: {
    notFound: {
      heading: 'Page not found',
      lead: 'The page does not exist, or you do not have access to it. Check the address or go to the start page.',
    },
    forbidden: {
      heading: 'No access',
      lead: 'You are not allowed to do this. Contact your administrator if you need access.',
    },
    badRequest: {
      heading: 'Something is not right',
      lead: 'The request could not be processed. Go back, check the details and try again.',
    },
    serverError: {
      heading: 'Something went wrong',
      lead: 'The fault is ours, not yours. Please try again in a moment.',
    },
    code: (status) => `Error ${status}`,
    detail: 'Details',
    home: 'Go to the start page',
  },
};

export const messages: Record<Language, Messages> = { sv, da, en };

export function t(language: Language): Messages {
  return messages[language];
}

export const locales: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** A count as written in the language (sv/da group thousands with a space/point). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

/** A formatter for the zone, or for UTC when the stored zone is not one Intl knows (never a crash). */
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locales[language], options);
  } catch {
    return new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' });
  }
}

/** An instant (ISO 8601 with offset) as a date and time in the tenant's zone, e.g. "25 mars 2026 12:30". */
export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar date (`YYYY-MM-DD`, no zone) as written in the language, e.g. "1 juni 2026". */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  return formatter(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A programme's period in words: both ends, one end, or none. */
export function formatPeriod(language: Language, startsOn?: string, endsOn?: string): string {
  const m = messages[language].period;
  if (startsOn && endsOn) return `${formatDate(startsOn, language)} – ${formatDate(endsOn, language)}`;
  if (startsOn) return m.from(formatDate(startsOn, language));
  if (endsOn) return m.until(formatDate(endsOn, language));
  return m.none;
}
