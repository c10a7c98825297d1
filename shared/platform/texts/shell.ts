import type { Role } from '../identity/staff.js';
import type { Language } from './language.js';
import { type TextTable, textsOf } from './table.js';

/** Each language's name written in that language: what the language switch shows. */
export const languageEndonyms: Record<Language, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

/**
 * The shell's texts: what every page stands on, whatever capability it belongs to. The layout
 * (skip link, footer), the console's menu (one entry per capability), the signed-in account, the
 * language switch, periods, the landing page and the error page. A capability's own texts live
 * beside its pages (`shared/<capability>/texts…`), typed the same way (see `table.ts`).
 */
export interface ShellTexts {
  skipToContent: string;
  footer: string;
  /** The languages' names, in this language. */
  languageNames: Record<Language, string>;
  nav: {
    label: string;
    overview: string;
    organisations: string;
    contacts: string;
    import: string;
    events: string;
    mailings: string;
    feedback: string;
    settings: string;
  };
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
  landing: {
    title: string;
    tagline: string;
    about: string;
    staffHeading: string;
    signIn: string;
  };
  errors: {
    notFound: { heading: string; lead: string };
    forbidden: { heading: string; lead: string };
    badRequest: { heading: string; lead: string };
    serverError: { heading: string; lead: string };
    code: (status: number) => string;
    detail: string;
    home: string;
    /** The details of the refusals the platform itself makes (a capability words its own). */
    formExpired: string;
    unreadableForm: string;
    /** `role`: the role's name, in lower case. */
    needsRole: (role: string) => string;
    signInExpired: string;
    noAccess: string;
  };
}

const sv: ShellTexts = {
  skipToContent: 'Hoppa till innehållet',
  footer: 'Samverkan – stöd för kommunens samverkan med näringslivet',
  languageNames: { sv: 'Svenska', da: 'Danska', en: 'Engelska' },
  nav: {
    label: 'Huvudmeny',
    overview: 'Översikt',
    organisations: 'Organisationer',
    contacts: 'Kontakter',
    import: 'Import',
    events: 'Evenemang',
    mailings: 'Utskick',
    feedback: 'Synpunkter',
    settings: 'Inställningar',
  },
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
  landing: {
    title: 'Samverkan',
    tagline: 'Kommunens samverkan med näringslivet, samlad på ett ställe.',
    about:
      'Samverkan hjälper kommunernas näringslivsenheter att planera och följa upp dialogen med företag, föreningar och andra aktörer: program och teman, påminnelser och vad som har hänt – samlat på ett ställe och åtskilt för varje kommun.',
    staffHeading: 'För medarbetare',
    signIn: 'Logga in (personal)',
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
    formExpired: 'Formuläret har gått ut. Gå tillbaka, ladda om sidan och försök igen.',
    unreadableForm: 'Formuläret kunde inte läsas. Gå tillbaka och försök igen.',
    needsRole: (role) => `Det här kräver rollen ${role}.`,
    signInExpired: 'Inloggningslänken har gått ut. Logga in igen.',
    noAccess: 'Kontot har ingen åtkomst till Samverkan.',
  },
};

const da: ShellTexts = {
  skipToContent: 'Gå til indholdet',
  footer: 'Samverkan – værktøj til kommunens samarbejde med erhvervslivet',
  languageNames: { sv: 'Svensk', da: 'Dansk', en: 'Engelsk' },
  nav: {
    label: 'Hovedmenu',
    overview: 'Oversigt',
    organisations: 'Organisationer',
    contacts: 'Kontakter',
    import: 'Import',
    events: 'Arrangementer',
    mailings: 'Udsendelser',
    feedback: 'Synspunkter',
    settings: 'Indstillinger',
  },
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
  landing: {
    title: 'Samverkan',
    tagline: 'Kommunens samarbejde med erhvervslivet, samlet ét sted.',
    about:
      'Samverkan hjælper kommunernes erhvervsafdelinger med at planlægge og følge op på dialogen med virksomheder, foreninger og andre aktører: programmer og temaer, påmindelser og hvad der er sket – samlet ét sted og holdt adskilt for hver kommune.',
    staffHeading: 'For medarbejdere',
    signIn: 'Log ind (medarbejdere)',
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
    formExpired: 'Formularen er udløbet. Gå tilbage, genindlæs siden, og prøv igen.',
    unreadableForm: 'Formularen kunne ikke læses. Gå tilbage, og prøv igen.',
    needsRole: (role) => `Det kræver rollen ${role}.`,
    signInExpired: 'Login-linket er udløbet. Log ind igen.',
    noAccess: 'Kontoen har ikke adgang til Samverkan.',
  },
};

const en: ShellTexts = {
  skipToContent: 'Skip to content',
  footer: 'Samverkan – supporting municipal engagement with local business',
  languageNames: { sv: 'Swedish', da: 'Danish', en: 'English' },
  nav: {
    label: 'Main menu',
    overview: 'Overview',
    organisations: 'Organisations',
    contacts: 'Contacts',
    import: 'Import',
    events: 'Events',
    mailings: 'Mailings',
    feedback: 'Feedback',
    settings: 'Settings',
  },
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
  landing: {
    title: 'Samverkan',
    tagline: 'Municipal engagement with local business, in one place.',
    about:
      'Samverkan helps municipal business-development offices plan and follow up their dialogue with companies, associations and other stakeholders: programmes and themes, reminders and what has happened – in one place, and kept separate for each municipality.',
    staffHeading: 'For staff',
    signIn: 'Sign in (staff)',
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
    formExpired: 'The form has expired. Go back, reload the page and try again.',
    unreadableForm: 'The form could not be read. Go back and try again.',
    needsRole: (role) => `This needs the ${role} role.`,
    signInExpired: 'The sign-in link has expired. Please sign in again.',
    noAccess: 'This account has no access to Samverkan.',
  },
};
export const shellMessages: TextTable<ShellTexts> = { sv, da, en };

export const shellTexts: (language: Language) => ShellTexts = textsOf(shellMessages);
