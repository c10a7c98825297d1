import type { KeepReason } from '../platform/privacy/personal-data.js';
import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';
import type { AuditAction } from './audit.js';
import type { IdentityCheck, RequestKind, RequestStatus } from './request.js';

/** The texts of the privacy pages (requests register, audit log), one typed table per language. */
export interface PrivacyTexts {
  nav: string;
  title: string;
  intro: string;
  adminsOnly: string;
  requestsHeading: string;
  noRequests: string;
  newHeading: string;
  fixErrors: string;
  fields: {
    kind: string;
    email: string;
    requesterName: string;
    identityCheck: string;
    identityNote: string;
    receivedOn: string;
    status: string;
    dueOn: string;
  };
  kinds: Record<RequestKind, string>;
  checks: Record<IdentityCheck, string>;
  statuses: Record<RequestStatus, string>;
  record: string;
  recorded: string;
  changeStatus: string;
  save: string;
  conflict: string;
  overdue: string;
  dueHint: string;
  auditHeading: string;
  auditLink: string;
  auditIntro: string;
  noAudit: string;
  auditColumns: { at: string; actor: string; action: string; what: string; count: string };
  actions: Record<AuditAction, string>;
  more: string;
  back: string;
  dueSoonHeading: string;
  dueSoonItem: (kind: string, due: string) => string;
  overdueItem: (kind: string, due: string) => string;
  erasure: {
    heading: string;
    run: string;
    running: string;
    done: (erased: number) => string;
    keptHeading: string;
    noneKept: string;
    reasons: Record<KeepReason, string>;
    pseudonymised: string;
  };
  objection: { heading: string; help: string; act: string; done: string };
  rectification: {
    heading: string;
    help: string;
    name: string;
    email: string;
    organisation: string;
    noOrganisation: string;
    save: string;
    done: string;
    noContact: string;
    emailTaken: string;
    unknownOrganisation: string;
  };
  archive: { heading: string; feedbackLabel: string; help: string; save: string; saved: string };
  retention: {
    heading: string;
    help: string;
    deliveryMonths: string;
    feedbackAttributionMonths: string;
    inactiveContactMonths: string;
    months: string;
    save: string;
  };
}

const sv: PrivacyTexts = {
  nav: 'Personuppgifter',
  title: 'Personuppgifter: begäranden',
  intro:
    'Registret över begäranden från registrerade (tillgång, radering, rättelse, invändning). Svaret ska ges inom en månad.',
  adminsOnly: 'Bara administratörer kan se och hantera begäranden om personuppgifter.',
  requestsHeading: 'Begäranden',
  noRequests: 'Inga begäranden har registrerats.',
  newHeading: 'Registrera en begäran',
  fixErrors: 'Rätta det här först',
  fields: {
    kind: 'Typ av begäran',
    email: 'Personens e-postadress',
    requesterName: 'Vem frågade',
    identityCheck: 'Hur identiteten kontrollerades',
    identityNote: 'Anteckning om kontrollen',
    receivedOn: 'Mottagen',
    status: 'Status',
    dueOn: 'Ska besvaras senast',
  },
  kinds: { access: 'Tillgång', erasure: 'Radering', rectification: 'Rättelse', objection: 'Invändning' },
  checks: {
    'email-reply': 'Svar från adressen',
    'e-id': 'E-legitimation',
    'in-person': 'Legitimation på plats',
    letter: 'Brev till folkbokföringsadressen',
    other: 'Annat (se anteckning)',
  },
  statuses: { received: 'Mottagen', 'in-progress': 'Pågår', done: 'Klar', refused: 'Avslagen' },
  record: 'Registrera',
  recorded: 'Begäran är registrerad.',
  changeStatus: 'Ändra status',
  save: 'Spara',
  conflict: 'Begäran ändrades samtidigt av någon annan. Läs den igen.',
  overdue: 'Försenad',
  dueHint: 'En kalendermånad efter mottagandet, enligt kommunens klocka.',
  auditHeading: 'Granskningslogg',
  auditLink: 'Visa granskningsloggen',
  auditIntro:
    'Varje export, radering, massexport och ändrad gallringsregel. Loggen kan inte ändras eller raderas av personalen; personer visas bara som en nyckelhashad referens.',
  noAudit: 'Loggen är tom.',
  auditColumns: { at: 'När', actor: 'Vem', action: 'Vad', what: 'Om', count: 'Antal' },
  actions: {
    'request-recorded': 'Begäran registrerad',
    'request-status-changed': 'Status ändrad',
    export: 'Export',
    erasure: 'Radering',
    'bulk-export': 'Massexport',
    rectification: 'Rättelse',
    'retention-rule-changed': 'Gallringsregel ändrad',
    'retention-run': 'Gallring körd',
    'contact-kept': 'Kontakt valde att finnas kvar',
  },
  more: 'Fler',
  back: 'Tillbaka till begärandena',
  dueSoonHeading: 'Begäranden om personuppgifter att besvara',
  dueSoonItem: (kind, due) => `${kind}: senast ${due}`,
  overdueItem: (kind, due) => `${kind}: försenad sedan ${due}`,
  erasure: {
    heading: 'Radering',
    run: 'Radera personen överallt',
    running: 'Raderingen pågår. Ladda om sidan om en stund.',
    done: (n) => `Raderingen är klar: ${n} poster raderade eller anonymiserade.`,
    keptHeading: 'Sparat enligt arkivreglerna',
    noneKept: 'Inget behövde sparas.',
    reasons: {
      'official-document': 'Allmän handling som ska bevaras enligt kommunens arkivregler (art. 17.3 b)',
      'press-contact': 'Kommunens egen presskontakt; ändras i pressrummets inställningar',
    },
    pseudonymised: 'pseudonymiserad',
  },
  objection: {
    heading: 'Invändning',
    help: 'Adressen spärras för alla utskick. Personen raderas inte; kontaktuppgifterna finns kvar.',
    act: 'Spärra adressen för utskick',
    done: 'Adressen är spärrad för alla utskick (invändning).',
  },
  rectification: {
    heading: 'Rättelse',
    help: 'Rätta uppgifterna i adressboken. Ändringen loggas och begäran avslutas.',
    name: 'Namn',
    email: 'E-postadress',
    organisation: 'Organisation',
    noOrganisation: '(ingen organisation)',
    save: 'Rätta och avsluta begäran',
    done: 'Uppgifterna är rättade.',
    noContact: 'Adressen finns inte i adressboken: inget att rätta här.',
    emailTaken: 'En annan kontakt har redan den här adressen.',
    unknownOrganisation: 'Organisationen finns inte.',
  },
  archive: {
    heading: 'Arkivregler',
    feedbackLabel: 'Svar på enkäter med namn är allmänna handlingar',
    help: 'Vid radering sparas de då pseudonymiserade och redovisas för personen. Annars anonymiseras de.',
    save: 'Spara arkivreglerna',
    saved: 'Arkivreglerna är sparade.',
  },
  retention: {
    heading: 'Gallring',
    help: 'Körs varje natt. Lämna tomt för att spara tills vidare. Obekräftade presprenumerationer gallras alltid efter 7 dagar. Kontakter utan aktivitet (minst 6 månader) får först ett mejl med en länk för att finnas kvar och tas bort 30 dagar senare om de inte hör av sig.',
    deliveryMonths: 'Uppgifter om utskick raderas efter',
    feedbackAttributionMonths: 'Namn på enkätsvar tas bort efter',
    inactiveContactMonths: 'Kontakter utan någon aktivitet tas bort efter',
    months: 'månader',
    save: 'Spara gallringsreglerna',
  },
};

const da: PrivacyTexts = {
  nav: 'Personoplysninger',
  title: 'Personoplysninger: anmodninger',
  intro:
    'Registret over anmodninger fra registrerede (indsigt, sletning, berigtigelse, indsigelse). Svaret skal gives inden for en måned.',
  adminsOnly: 'Kun administratorer kan se og behandle anmodninger om personoplysninger.',
  requestsHeading: 'Anmodninger',
  noRequests: 'Der er ikke registreret nogen anmodninger.',
  newHeading: 'Registrer en anmodning',
  fixErrors: 'Ret dette først',
  fields: {
    kind: 'Type anmodning',
    email: 'Personens e-mailadresse',
    requesterName: 'Hvem spurgte',
    identityCheck: 'Hvordan identiteten blev kontrolleret',
    identityNote: 'Note om kontrollen',
    receivedOn: 'Modtaget',
    status: 'Status',
    dueOn: 'Skal besvares senest',
  },
  kinds: { access: 'Indsigt', erasure: 'Sletning', rectification: 'Berigtigelse', objection: 'Indsigelse' },
  checks: {
    'email-reply': 'Svar fra adressen',
    'e-id': 'MitID',
    'in-person': 'Legitimation ved fremmøde',
    letter: 'Brev til folkeregisteradressen',
    other: 'Andet (se note)',
  },
  statuses: { received: 'Modtaget', 'in-progress': 'I gang', done: 'Færdig', refused: 'Afvist' },
  record: 'Registrer',
  recorded: 'Anmodningen er registreret.',
  changeStatus: 'Skift status',
  save: 'Gem',
  conflict: 'Anmodningen blev ændret af en anden imens. Læs den igen.',
  overdue: 'Forsinket',
  dueHint: 'En kalendermåned efter modtagelsen, efter kommunens ur.',
  auditHeading: 'Revisionslog',
  auditLink: 'Vis revisionsloggen',
  auditIntro:
    'Hver eksport, sletning, masseeksport og ændret slettefrist. Loggen kan ikke ændres eller slettes af medarbejderne; personer vises kun som en nøglehashet reference.',
  noAudit: 'Loggen er tom.',
  auditColumns: { at: 'Hvornår', actor: 'Hvem', action: 'Hvad', what: 'Om', count: 'Antal' },
  actions: {
    'request-recorded': 'Anmodning registreret',
    'request-status-changed': 'Status ændret',
    export: 'Eksport',
    erasure: 'Sletning',
    'bulk-export': 'Masseeksport',
    rectification: 'Berigtigelse',
    'retention-rule-changed': 'Slettefrist ændret',
    'retention-run': 'Sletning efter frist kørt',
    'contact-kept': 'Kontakt valgte at blive',
  },
  more: 'Flere',
  back: 'Tilbage til anmodningerne',
  dueSoonHeading: 'Anmodninger om personoplysninger, der skal besvares',
  dueSoonItem: (kind, due) => `${kind}: senest ${due}`,
  overdueItem: (kind, due) => `${kind}: forsinket siden ${due}`,
  erasure: {
    heading: 'Sletning',
    run: 'Slet personen overalt',
    running: 'Sletningen er i gang. Genindlæs siden om lidt.',
    done: (n) => `Sletningen er færdig: ${n} poster slettet eller anonymiseret.`,
    keptHeading: 'Bevaret efter arkivreglerne',
    noneKept: 'Intet skulle bevares.',
    reasons: {
      'official-document':
        'Dokument, der skal bevares efter kommunens arkivregler (art. 17, stk. 3, litra b)',
      'press-contact': 'Kommunens egen pressekontakt; ændres i presserummets indstillinger',
    },
    pseudonymised: 'pseudonymiseret',
  },
  objection: {
    heading: 'Indsigelse',
    help: 'Adressen spærres for alle udsendelser. Personen slettes ikke; kontaktoplysningerne bevares.',
    act: 'Spær adressen for udsendelser',
    done: 'Adressen er spærret for alle udsendelser (indsigelse).',
  },
  rectification: {
    heading: 'Berigtigelse',
    help: 'Ret oplysningerne i adressebogen. Ændringen logges, og anmodningen afsluttes.',
    name: 'Navn',
    email: 'E-mailadresse',
    organisation: 'Organisation',
    noOrganisation: '(ingen organisation)',
    save: 'Ret og afslut anmodningen',
    done: 'Oplysningerne er rettet.',
    noContact: 'Adressen findes ikke i adressebogen: intet at rette her.',
    emailTaken: 'En anden kontakt har allerede denne adresse.',
    unknownOrganisation: 'Organisationen findes ikke.',
  },
  archive: {
    heading: 'Arkivregler',
    feedbackLabel: 'Svar på spørgeskemaer med navn er journaliseringspligtige dokumenter',
    help: 'Ved sletning bevares de pseudonymiseret og oplyses til personen. Ellers anonymiseres de.',
    save: 'Gem arkivreglerne',
    saved: 'Arkivreglerne er gemt.',
  },
  retention: {
    heading: 'Sletning efter frist',
    help: 'Køres hver nat. Lad feltet stå tomt for at gemme indtil videre. Ubekræftede presseabonnementer slettes altid efter 7 dage. Kontakter uden aktivitet (mindst 6 måneder) får først en e-mail med et link til at blive og slettes 30 dage senere, hvis de ikke reagerer.',
    deliveryMonths: 'Oplysninger om udsendelser slettes efter',
    feedbackAttributionMonths: 'Navne på svar fjernes efter',
    inactiveContactMonths: 'Kontakter uden nogen aktivitet slettes efter',
    months: 'måneder',
    save: 'Gem reglerne',
  },
};

const en: PrivacyTexts = {
  nav: 'Personal data',
  title: 'Personal data: requests',
  intro:
    "The register of data subjects' requests (access, erasure, rectification, objection). Each must be answered within one month.",
  adminsOnly: 'Only administrators can see and handle personal-data requests.',
  requestsHeading: 'Requests',
  noRequests: 'No requests have been recorded.',
  newHeading: 'Record a request',
  fixErrors: 'Fix this first',
  fields: {
    kind: 'Kind of request',
    email: "The person's email address",
    requesterName: 'Who asked',
    identityCheck: 'How the identity was checked',
    identityNote: 'Note on the check',
    receivedOn: 'Received',
    status: 'Status',
    dueOn: 'Answer due by',
  },
  kinds: { access: 'Access', erasure: 'Erasure', rectification: 'Rectification', objection: 'Objection' },
  checks: {
    'email-reply': 'Reply from the address',
    'e-id': 'Electronic ID',
    'in-person': 'ID shown in person',
    letter: 'Letter to the registered address',
    other: 'Other (see note)',
  },
  statuses: { received: 'Received', 'in-progress': 'In progress', done: 'Done', refused: 'Refused' },
  record: 'Record',
  recorded: 'The request is recorded.',
  changeStatus: 'Change status',
  save: 'Save',
  conflict: 'Someone else changed the request meanwhile. Read it again.',
  overdue: 'Overdue',
  dueHint: "One calendar month after it was received, on the municipality's clock.",
  auditHeading: 'Audit log',
  auditLink: 'Show the audit log',
  auditIntro:
    'Every export, erasure, bulk export and change of a retention rule. Staff cannot change or delete the log; people appear only as a keyed-hash reference.',
  noAudit: 'The log is empty.',
  auditColumns: { at: 'When', actor: 'Who', action: 'What', what: 'About', count: 'Count' },
  actions: {
    'request-recorded': 'Request recorded',
    'request-status-changed': 'Status changed',
    export: 'Export',
    erasure: 'Erasure',
    'bulk-export': 'Bulk export',
    rectification: 'Rectification',
    'retention-rule-changed': 'Retention rule changed',
    'retention-run': 'Retention run',
    'contact-kept': 'Contact chose to stay',
  },
  more: 'More',
  back: 'Back to the requests',
  dueSoonHeading: 'Personal-data requests to answer',
  dueSoonItem: (kind, due) => `${kind}: due ${due}`,
  overdueItem: (kind, due) => `${kind}: overdue since ${due}`,
  erasure: {
    heading: 'Erasure',
    run: 'Erase the person everywhere',
    running: 'The erasure is running. Reload the page in a moment.',
    done: (n) => `The erasure is done: ${n} items erased or anonymised.`,
    keptHeading: 'Kept under the archive rules',
    noneKept: 'Nothing had to be kept.',
    reasons: {
      'official-document': "An official document the municipality's archive rules keep (Art. 17(3)(b))",
      'press-contact': "The municipality's own press contact; changed in the press room settings",
    },
    pseudonymised: 'pseudonymised',
  },
  objection: {
    heading: 'Objection',
    help: 'The address is suppressed for every mailing. The person is not erased; the contact details stay.',
    act: 'Suppress the address for all mail',
    done: 'The address is suppressed for all mail (objection).',
  },
  rectification: {
    heading: 'Rectification',
    help: 'Correct the details in the address book. The change is logged and the request closed.',
    name: 'Name',
    email: 'Email address',
    organisation: 'Organisation',
    noOrganisation: '(no organisation)',
    save: 'Correct and close the request',
    done: 'The details are corrected.',
    noContact: 'The address is not in the address book: nothing to correct here.',
    emailTaken: 'Another contact already has this address.',
    unknownOrganisation: 'The organisation does not exist.',
  },
  archive: {
    heading: 'Archive rules',
    feedbackLabel: 'Feedback answers given with a name are official documents',
    help: 'An erasure then keeps them, pseudonymised, and tells the person. Otherwise they are anonymised.',
    save: 'Save the archive rules',
    saved: 'The archive rules are saved.',
  },
  retention: {
    heading: 'Retention',
    help: 'Runs every night. Leave empty to keep until further notice. Unconfirmed press subscriptions always go after 7 days. Contacts without any engagement (at least 6 months) first get an email with a link to stay, and are erased 30 days later unless they respond.',
    deliveryMonths: 'Delivery records are deleted after',
    feedbackAttributionMonths: 'Names are removed from feedback answers after',
    inactiveContactMonths: 'Contacts without any engagement are erased after',
    months: 'months',
    save: 'Save the retention rules',
  },
};

export const privacyMessages: TextTable<PrivacyTexts> = { sv, da, en };
export const privacyTexts: (language: Language) => PrivacyTexts = textsOf(privacyMessages);
