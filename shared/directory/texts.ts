import { formatNumber } from '../platform/texts/format.js';
import { type IssueWording, issueText } from '../platform/texts/issues.js';
import type { Language } from '../platform/texts/language.js';
import type { CsvImportError, Duplicate, ImportField, RowError } from './csv-import.js';
import type { Country, OrgNumberProblem } from './org-number.js';
import type { LawfulBasis, OrganisationSize, OrganisationType } from './schemas.js';

/**
 * The texts of the directory pages (organisations, contacts, CSV import), typed like every text
 * table (`platform/texts/table.ts`): one interface for every language, so a missing translation is
 * a type error. The menu labels themselves are the shell's (`platform/texts/shell.ts`, `nav`).
 */
export interface DirectoryMessages {
  organisationTypes: Record<OrganisationType, string>;
  sizes: (size: OrganisationSize) => string;
  countries: Record<Country, string>;
  lawfulBases: Record<LawfulBasis, { label: string; hint: string }>;
  none: string;
  organisations: {
    title: string;
    intro: string;
    empty: string;
    caption: (count: number) => string;
    columns: { name: string; type: string; organisationNumber: string; contacts: string; tags: string };
    importLink: string;
  };
  organisation: {
    back: string;
    organisationNumber: string;
    country: string;
    type: string;
    size: string;
    industry: string;
    area: string;
    tags: string;
    contactsHeading: string;
    noContacts: string;
  };
  contacts: {
    title: string;
    intro: string;
    empty: string;
    emptyFiltered: string;
    caption: (count: number) => string;
    columns: {
      name: string;
      organisation: string;
      role: string;
      email: string;
      language: string;
      tags: string;
      lawfulBasis: string;
    };
    filterLegend: string;
    tagLabel: string;
    filter: string;
    clearFilter: string;
  };
  import: {
    title: string;
    intro: string;
    formats: string;
    fileLabel: string;
    fileHint: string;
    textLabel: string;
    textHint: string;
    preview: string;
    editorOnly: string;
    fileError: string;
    previewHeading: string;
    summaryHeading: string;
    summary: {
      rows: string;
      ok: string;
      errors: string;
      duplicates: string;
      warnings: string;
      organisationsToCreate: string;
      organisationsExisting: string;
      contactsToCreate: string;
    };
    columnsFound: (columns: string) => string;
    ignoredColumns: (columns: string) => string;
    encoding: (encoding: string, delimiter: string) => string;
    tableCaption: string;
    columns: { row: string; status: string; organisation: string; contact: string; notes: string };
    status: { ok: string; error: string; duplicate: string };
    fieldNames: Record<ImportField, string>;
    duplicate: (d: Duplicate) => string;
    /** A warning on a row that is saved anyway. */
    warning: (text: string) => string;
    /** After an organisation number's problem: what happens to the row instead. */
    numberDropped: string;
    commitHeading: string;
    basisLegend: string;
    basisHint: string;
    chooseBasis: string;
    commit: (contacts: number, organisations: number) => string;
    nothingToCommit: string;
    expires: string;
    resultHeading: string;
    result: {
      organisationsCreated: string;
      organisationsLinked: string;
      contactsCreated: string;
      skipped: string;
      basis: string;
    };
    /** The rows left out of the file: with errors, duplicates. */
    leftOut: (errors: string, duplicates: string) => string;
    downloadRejected: string;
    downloadRejectedHint: string;
    /** The column of the downloaded rows that says what was wrong. */
    problemColumn: string;
    skippedRow: (row: number) => string;
    another: string;
    /** Why a file cannot be read at all (`CsvImportError.problem`). */
    fileProblems: {
      tooLarge: (megabytes: string) => string;
      notCsv: string;
      empty: string;
      tooManyRows: (rows: string, max: string) => string;
      noKeyColumn: (columns: string) => string;
    };
    /** What the error page says when saving an import is refused. */
    refusals: {
      changedDuringImport: string;
      committedWithOtherBasis: (basis: string) => string;
    };
  };
  /** The directory's own validation rules: a row of an import, an organisation number. */
  rules: {
    requiredWithOrganisationNumber: string;
    requiredForContact: string;
    emptyRow: string;
    tagTooLong: (max: number) => string;
    expectedCountry: string;
    expectedOrganisationType: (types: string) => string;
    expectedSize: string;
    expectedLanguage: string;
    formulaLike: string;
    organisationNumber: {
      required: string;
      onlyDigits: string;
      /** A number whose prefix names one country for an organisation in another (by name). */
      countryMismatch: (prefix: string, country: string) => string;
      swedishFormat: string;
      danishFormat: string;
      /** `rule`: Luhn (SE) or modulus 11 (DK). */
      checkDigit: (number: string, rule: string) => string;
      unknownFormat: string;
    };
  };
}

const sv: DirectoryMessages = {
  organisationTypes: {
    company: 'Företag',
    'business-association': 'Branschorganisation',
    'public-partner': 'Offentlig aktör',
    education: 'Utbildning',
    other: 'Övrigt',
  },
  sizes: (size) => `${size.replace('-', '–')} anställda`,
  countries: { SE: 'Sverige', DK: 'Danmark' },
  lawfulBases: {
    'legitimate-interest': {
      label: 'Berättigat intresse',
      hint: 'Art. 6.1 f: kontakten behövs för näringslivsarbetet och väger tyngre än personens intresse.',
    },
    consent: { label: 'Samtycke', hint: 'Art. 6.1 a: personen har själv sagt ja till att bli kontaktad.' },
    'public-task': {
      label: 'Allmänt intresse (myndighetsuppgift)',
      hint: 'Art. 6.1 e: kontakten är en del av kommunens uppdrag.',
    },
  },
  none: '–',
  organisations: {
    title: 'Organisationer',
    intro: 'Företag och organisationer som kommunen bjuder in till workshoppar och dialogluncher.',
    empty: 'Inga organisationer ännu. Importera en lista från Excel eller skapa dem via API:t.',
    caption: (count) => (count === 1 ? '1 organisation' : `${count} organisationer`),
    columns: {
      name: 'Namn',
      type: 'Typ',
      organisationNumber: 'Org.nr',
      contacts: 'Kontakter',
      tags: 'Taggar',
    },
    importLink: 'Importera från CSV',
  },
  organisation: {
    back: 'Alla organisationer',
    organisationNumber: 'Organisationsnummer',
    country: 'Land',
    type: 'Typ',
    size: 'Storlek',
    industry: 'Bransch',
    area: 'Ort eller kommundel',
    tags: 'Taggar',
    contactsHeading: 'Kontakter',
    noContacts: 'Organisationen har inga kontakter ännu.',
  },
  contacts: {
    title: 'Kontakter',
    intro: 'Personerna kommunen kontaktar, med den rättsliga grunden för varje kontakt.',
    empty: 'Inga kontakter ännu. Importera en lista från Excel eller skapa dem via API:t.',
    emptyFiltered: 'Inga kontakter har den taggen.',
    caption: (count) => (count === 1 ? '1 kontakt' : `${count} kontakter`),
    columns: {
      name: 'Namn',
      organisation: 'Organisation',
      role: 'Roll',
      email: 'E-post',
      language: 'Språk',
      tags: 'Taggar',
      lawfulBasis: 'Rättslig grund',
    },
    filterLegend: 'Filtrera',
    tagLabel: 'Tagg',
    filter: 'Visa',
    clearFilter: 'Visa alla',
  },
  import: {
    title: 'Importera organisationer och kontakter',
    intro:
      'Läs in en lista från Excel eller ett annat system. Först visas en förhandsgranskning – ingenting sparas förrän du bekräftar.',
    formats:
      'Första raden ska namnge kolumnerna, till exempel Företag, Org.nr, Namn, E-post, Roll, Bransch, Språk, Taggar och Typ (även danska och engelska namn går bra). Excels ”CSV (semikolonavgränsad)” fungerar som den är, även med å, ä och ö. Högst 2 MB och 5 000 rader.',
    fileLabel: 'CSV-fil',
    fileHint: 'Välj en fil, eller klistra in innehållet i rutan nedan.',
    textLabel: 'Eller klistra in listan',
    textHint: 'Kopiera cellerna i Excel (med rubrikraden) och klistra in dem här.',
    preview: 'Förhandsgranska',
    editorOnly: 'Import kräver rollen redaktör eller administratör.',
    fileError: 'Filen kunde inte läsas',
    previewHeading: 'Förhandsgranskning',
    summaryHeading: 'Sammanfattning',
    summary: {
      rows: 'Rader',
      ok: 'Kan sparas',
      errors: 'Med fel',
      duplicates: 'Dubbletter',
      warnings: 'Sparas med varning',
      organisationsToCreate: 'Nya organisationer',
      organisationsExisting: 'Befintliga organisationer',
      contactsToCreate: 'Nya kontakter',
    },
    columnsFound: (columns) => `Kolumner som läses in: ${columns}.`,
    ignoredColumns: (columns) => `Kolumner som inte läses in: ${columns}.`,
    encoding: (encoding, delimiter) => `Teckenkodning ${encoding}, avgränsare ${delimiter}.`,
    tableCaption: 'Raderna i filen, med fel och dubbletter',
    columns: {
      row: 'Rad',
      status: 'Status',
      organisation: 'Organisation',
      contact: 'Kontakt',
      notes: 'Anmärkningar',
    },
    status: { ok: 'Sparas', error: 'Fel', duplicate: 'Dubblett' },
    fieldNames: {
      organisationName: 'Företag',
      organisationNumber: 'Org.nr',
      country: 'Land',
      industry: 'Bransch',
      area: 'Ort',
      size: 'Storlek',
      organisationType: 'Typ',
      contactName: 'Namn',
      firstName: 'Förnamn',
      lastName: 'Efternamn',
      email: 'E-post',
      role: 'Roll',
      language: 'Språk',
      tags: 'Taggar',
    },
    duplicate: (d) => {
      if (d.field === 'email') {
        return d.against === 'file'
          ? `Samma e-postadress som rad ${d.row} – raden hoppas över.`
          : 'Det finns redan en kontakt med den e-postadressen – raden hoppas över.';
      }
      const where =
        d.against === 'file' ? `Samma organisation som rad ${d.row}` : 'Organisationen finns redan';
      return d.skipsRow ? `${where} – raden hoppas över.` : `${where} – kontakten kopplas till den.`;
    },
    warning: (text) => `Varning: ${text}`,
    numberDropped: 'Kontakten sparas; organisationen sparas utan nummer och matchas på namnet.',
    commitHeading: 'Spara',
    basisLegend: 'Rättslig grund för att kontakta personerna (GDPR art. 6)',
    basisHint: 'Grunden sparas på varje kontakt, med tid, källa och vem som importerade.',
    chooseBasis: 'Välj rättslig grund',
    commit: (contacts, organisations) =>
      `Spara ${contacts} ${contacts === 1 ? 'kontakt' : 'kontakter'} och ${organisations} ${organisations === 1 ? 'ny organisation' : 'nya organisationer'}`,
    nothingToCommit: 'Det finns inget att spara: rätta raderna med fel i filen och läs in den igen.',
    expires: 'Förhandsgranskningen gäller i ett dygn.',
    resultHeading: 'Importen är klar',
    result: {
      organisationsCreated: 'Organisationer skapade',
      organisationsLinked: 'Kopplade till befintliga organisationer',
      contactsCreated: 'Kontakter skapade',
      skipped: 'Hoppades över',
      basis: 'Rättslig grund',
    },
    leftOut: (errors, duplicates) => `${errors} med fel, ${duplicates} dubbletter`,
    downloadRejected: 'Ladda ner raderna som inte importerades (CSV)',
    downloadRejectedHint:
      'Filen har samma kolumner som din och en kolumn Problem. Rätta raderna och importera filen igen. Den finns kvar i ett dygn.',
    problemColumn: 'Problem',
    skippedRow: (row) => `Rad ${row}`,
    another: 'Importera en till fil',
    fileProblems: {
      tooLarge: (megabytes) => `Filen är större än ${megabytes} MB.`,
      notCsv:
        'Filen är inte en giltig CSV-fil. Spara den som ”CSV (semikolonavgränsad)” i Excel och försök igen.',
      empty: 'Filen är tom: första raden ska namnge kolumnerna.',
      tooManyRows: (rows, max) => `Filen har ${rows} rader; högst ${max} kan importeras åt gången.`,
      noKeyColumn: (columns) =>
        `Det finns ingen kolumn för organisationen (”Företag”, ”Organisation”) eller e-postadressen (”E-post”) bland: ${columns}.`,
    },
    refusals: {
      changedDuringImport: 'Kontakterna ändrades under importen. Spara igen för att slutföra den.',
      committedWithOtherBasis: (basis) => `Importen är redan sparad med den rättsliga grunden ${basis}.`,
    },
  },
  rules: {
    requiredWithOrganisationNumber: 'Ange organisationens namn när ett organisationsnummer finns.',
    requiredForContact: 'Måste fyllas i för en kontakt.',
    emptyRow: 'Raden har varken en organisation eller en kontakt.',
    tagTooLong: (max) => `En tagg får ha högst ${max} tecken.`,
    expectedCountry: 'Ange SE eller DK (Sverige eller Danmark).',
    expectedOrganisationType: (types) => `Ange en av typerna ${types}.`,
    expectedSize: 'Ange 1-9, 10-49, 50-249, 250+ eller antalet anställda.',
    expectedLanguage: 'Ange sv, da eller en (svenska, danska eller engelska).',
    formulaLike:
      'Börjar som en kalkylbladsformel (=, +, -, @). Texten sparas som den är och skyddas när den exporteras; kontrollera att den stämmer.',
    organisationNumber: {
      required: 'Fyll i organisationsnumret.',
      onlyDigits: 'Bara siffror, gärna med ett bindestreck.',
      countryMismatch: (prefix, country) => `Ett ${prefix}-nummer för en organisation i ${country}.`,
      swedishFormat: 'Inte ett svenskt organisationsnummer (NNNNNN-NNNN).',
      danishFormat: 'Inte ett danskt CVR-nummer (8 siffror).',
      checkDigit: (number, rule) => `Kontrollsiffran i ${number} är fel (${rule}).`,
      unknownFormat:
        'Inte ett organisationsnummer: svenskt NNNNNN-NNNN (10 siffror) eller danskt CVR-nummer (8 siffror).',
    },
  },
};

const da: DirectoryMessages = {
  organisationTypes: {
    company: 'Virksomhed',
    'business-association': 'Erhvervsorganisation',
    'public-partner': 'Offentlig aktør',
    education: 'Uddannelse',
    other: 'Andet',
  },
  sizes: (size) => `${size.replace('-', '–')} ansatte`,
  countries: { SE: 'Sverige', DK: 'Danmark' },
  lawfulBases: {
    'legitimate-interest': {
      label: 'Legitim interesse',
      hint: 'Art. 6.1 f: kontakten er nødvendig for erhvervsarbejdet og vejer tungere end personens interesse.',
    },
    consent: { label: 'Samtykke', hint: 'Art. 6.1 a: personen har selv sagt ja til at blive kontaktet.' },
    'public-task': {
      label: 'Offentlig myndighedsudøvelse',
      hint: 'Art. 6.1 e: kontakten er en del af kommunens opgave.',
    },
  },
  none: '–',
  organisations: {
    title: 'Organisationer',
    intro: 'Virksomheder og organisationer, som kommunen inviterer til workshops og dialogfrokoster.',
    empty: 'Ingen organisationer endnu. Importér en liste fra Excel, eller opret dem via API’et.',
    caption: (count) => (count === 1 ? '1 organisation' : `${count} organisationer`),
    columns: {
      name: 'Navn',
      type: 'Type',
      organisationNumber: 'CVR/org.nr',
      contacts: 'Kontakter',
      tags: 'Tags',
    },
    importLink: 'Importér fra CSV',
  },
  organisation: {
    back: 'Alle organisationer',
    organisationNumber: 'CVR-/organisationsnummer',
    country: 'Land',
    type: 'Type',
    size: 'Størrelse',
    industry: 'Branche',
    area: 'By eller bydel',
    tags: 'Tags',
    contactsHeading: 'Kontakter',
    noContacts: 'Organisationen har endnu ingen kontakter.',
  },
  contacts: {
    title: 'Kontakter',
    intro: 'De personer, kommunen kontakter, med retsgrundlaget for hver kontakt.',
    empty: 'Ingen kontakter endnu. Importér en liste fra Excel, eller opret dem via API’et.',
    emptyFiltered: 'Ingen kontakter har det tag.',
    caption: (count) => (count === 1 ? '1 kontakt' : `${count} kontakter`),
    columns: {
      name: 'Navn',
      organisation: 'Organisation',
      role: 'Rolle',
      email: 'E-mail',
      language: 'Sprog',
      tags: 'Tags',
      lawfulBasis: 'Retsgrundlag',
    },
    filterLegend: 'Filtrér',
    tagLabel: 'Tag',
    filter: 'Vis',
    clearFilter: 'Vis alle',
  },
  import: {
    title: 'Importér organisationer og kontakter',
    intro:
      'Indlæs en liste fra Excel eller et andet system. Først vises en forhåndsvisning – intet gemmes, før du bekræfter.',
    formats:
      'Første række skal navngive kolonnerne, fx Virksomhed, CVR, Navn, E-mail, Rolle, Branche, Sprog, Tags og Type (svenske og engelske navne virker også). Excels ”CSV (semikolonsepareret)” virker, som den er, også med æ, ø og å. Højst 2 MB og 5.000 rækker.',
    fileLabel: 'CSV-fil',
    fileHint: 'Vælg en fil, eller indsæt indholdet i feltet nedenfor.',
    textLabel: 'Eller indsæt listen',
    textHint: 'Kopiér cellerne i Excel (med overskriftsrækken), og indsæt dem her.',
    preview: 'Vis forhåndsvisning',
    editorOnly: 'Import kræver rollen redaktør eller administrator.',
    fileError: 'Filen kunne ikke læses',
    previewHeading: 'Forhåndsvisning',
    summaryHeading: 'Oversigt',
    summary: {
      rows: 'Rækker',
      ok: 'Kan gemmes',
      errors: 'Med fejl',
      duplicates: 'Dubletter',
      warnings: 'Gemmes med advarsel',
      organisationsToCreate: 'Nye organisationer',
      organisationsExisting: 'Eksisterende organisationer',
      contactsToCreate: 'Nye kontakter',
    },
    columnsFound: (columns) => `Kolonner, der indlæses: ${columns}.`,
    ignoredColumns: (columns) => `Kolonner, der ikke indlæses: ${columns}.`,
    encoding: (encoding, delimiter) => `Tegnkodning ${encoding}, skilletegn ${delimiter}.`,
    tableCaption: 'Rækkerne i filen, med fejl og dubletter',
    columns: {
      row: 'Række',
      status: 'Status',
      organisation: 'Organisation',
      contact: 'Kontakt',
      notes: 'Bemærkninger',
    },
    status: { ok: 'Gemmes', error: 'Fejl', duplicate: 'Dublet' },
    fieldNames: {
      organisationName: 'Virksomhed',
      organisationNumber: 'CVR',
      country: 'Land',
      industry: 'Branche',
      area: 'By',
      size: 'Størrelse',
      organisationType: 'Type',
      contactName: 'Navn',
      firstName: 'Fornavn',
      lastName: 'Efternavn',
      email: 'E-mail',
      role: 'Rolle',
      language: 'Sprog',
      tags: 'Tags',
    },
    duplicate: (d) => {
      if (d.field === 'email') {
        return d.against === 'file'
          ? `Samme e-mailadresse som række ${d.row} – rækken springes over.`
          : 'Der findes allerede en kontakt med den e-mailadresse – rækken springes over.';
      }
      const where =
        d.against === 'file' ? `Samme organisation som række ${d.row}` : 'Organisationen findes allerede';
      return d.skipsRow ? `${where} – rækken springes over.` : `${where} – kontakten knyttes til den.`;
    },
    warning: (text) => `Advarsel: ${text}`,
    numberDropped: 'Kontakten gemmes; organisationen gemmes uden nummer og matches på navnet.',
    commitHeading: 'Gem',
    basisLegend: 'Retsgrundlag for at kontakte personerne (GDPR art. 6)',
    basisHint: 'Grundlaget gemmes på hver kontakt, med tidspunkt, kilde og hvem der importerede.',
    chooseBasis: 'Vælg retsgrundlag',
    commit: (contacts, organisations) =>
      `Gem ${contacts} ${contacts === 1 ? 'kontakt' : 'kontakter'} og ${organisations} ${organisations === 1 ? 'ny organisation' : 'nye organisationer'}`,
    nothingToCommit: 'Der er intet at gemme: ret rækkerne med fejl i filen, og indlæs den igen.',
    expires: 'Forhåndsvisningen gælder i et døgn.',
    resultHeading: 'Importen er gennemført',
    result: {
      organisationsCreated: 'Organisationer oprettet',
      organisationsLinked: 'Knyttet til eksisterende organisationer',
      contactsCreated: 'Kontakter oprettet',
      skipped: 'Sprunget over',
      basis: 'Retsgrundlag',
    },
    leftOut: (errors, duplicates) => `${errors} med fejl, ${duplicates} dubletter`,
    downloadRejected: 'Hent de rækker, der ikke blev importeret (CSV)',
    downloadRejectedHint:
      'Filen har de samme kolonner som din og en kolonne Problem. Ret rækkerne, og importér filen igen. Den gemmes i et døgn.',
    problemColumn: 'Problem',
    skippedRow: (row) => `Række ${row}`,
    another: 'Importér en fil mere',
    fileProblems: {
      tooLarge: (megabytes) => `Filen er større end ${megabytes} MB.`,
      notCsv:
        'Filen er ikke en gyldig CSV-fil. Gem den som ”CSV (semikolonsepareret)” i Excel, og prøv igen.',
      empty: 'Filen er tom: første række skal navngive kolonnerne.',
      tooManyRows: (rows, max) => `Filen har ${rows} rækker; højst ${max} kan importeres ad gangen.`,
      noKeyColumn: (columns) =>
        `Der er ingen kolonne til organisationen (”Virksomhed”, ”Organisation”) eller e-mailadressen (”E-mail”) blandt: ${columns}.`,
    },
    refusals: {
      changedDuringImport: 'Kontakterne blev ændret under importen. Gem igen for at gøre den færdig.',
      committedWithOtherBasis: (basis) => `Importen er allerede gemt med retsgrundlaget ${basis}.`,
    },
  },
  rules: {
    requiredWithOrganisationNumber: 'Angiv organisationens navn, når der er et CVR-/organisationsnummer.',
    requiredForContact: 'Skal udfyldes for en kontakt.',
    emptyRow: 'Rækken har hverken en organisation eller en kontakt.',
    tagTooLong: (max) => `Et tag må højst have ${max} tegn.`,
    expectedCountry: 'Angiv SE eller DK (Sverige eller Danmark).',
    expectedOrganisationType: (types) => `Angiv en af typerne ${types}.`,
    expectedSize: 'Angiv 1-9, 10-49, 50-249, 250+ eller antallet af ansatte.',
    expectedLanguage: 'Angiv sv, da eller en (svensk, dansk eller engelsk).',
    formulaLike:
      'Begynder som en regnearksformel (=, +, -, @). Teksten gemmes, som den er, og beskyttes ved eksport; kontrollér, at den er rigtig.',
    organisationNumber: {
      required: 'Udfyld CVR-/organisationsnummeret.',
      onlyDigits: 'Kun cifre, eventuelt med en bindestreg.',
      countryMismatch: (prefix, country) => `Et ${prefix}-nummer for en organisation i ${country}.`,
      swedishFormat: 'Ikke et svensk organisationsnummer (NNNNNN-NNNN).',
      danishFormat: 'Ikke et dansk CVR-nummer (8 cifre).',
      checkDigit: (number, rule) => `Kontrolcifferet i ${number} er forkert (${rule}).`,
      unknownFormat:
        'Ikke et organisationsnummer: svensk NNNNNN-NNNN (10 cifre) eller dansk CVR-nummer (8 cifre).',
    },
  },
};

const en: DirectoryMessages = {
  organisationTypes: {
    company: 'Company',
    'business-association': 'Business association',
    'public-partner': 'Public partner',
    education: 'Education',
    other: 'Other',
  },
  sizes: (size) => `${size.replace('-', '–')} employees`,
  countries: { SE: 'Sweden', DK: 'Denmark' },
  lawfulBases: {
    'legitimate-interest': {
      label: 'Legitimate interest',
      hint: 'Art. 6(1)(f): contacting them is needed for business development and outweighs their interests.',
    },
    consent: { label: 'Consent', hint: 'Art. 6(1)(a): the person has agreed to be contacted.' },
    'public-task': {
      label: 'Public task',
      hint: 'Art. 6(1)(e): contacting them is part of the municipality’s public task.',
    },
  },
  none: '–',
  organisations: {
    title: 'Organisations',
    intro: 'Companies and organisations the municipality invites to workshops and dialogue lunches.',
    empty: 'No organisations yet. Import a list from Excel, or create them through the API.',
    caption: (count) => (count === 1 ? '1 organisation' : `${count} organisations`),
    columns: {
      name: 'Name',
      type: 'Type',
      organisationNumber: 'Org. number',
      contacts: 'Contacts',
      tags: 'Tags',
    },
    importLink: 'Import from CSV',
  },
  organisation: {
    back: 'All organisations',
    organisationNumber: 'Organisation number',
    country: 'Country',
    type: 'Type',
    size: 'Size',
    industry: 'Industry',
    area: 'Town or district',
    tags: 'Tags',
    contactsHeading: 'Contacts',
    noContacts: 'This organisation has no contacts yet.',
  },
  contacts: {
    title: 'Contacts',
    intro: 'The people the municipality contacts, with the lawful basis for each.',
    empty: 'No contacts yet. Import a list from Excel, or create them through the API.',
    emptyFiltered: 'No contact has that tag.',
    caption: (count) => (count === 1 ? '1 contact' : `${count} contacts`),
    columns: {
      name: 'Name',
      organisation: 'Organisation',
      role: 'Role',
      email: 'Email',
      language: 'Language',
      tags: 'Tags',
      lawfulBasis: 'Lawful basis',
    },
    filterLegend: 'Filter',
    tagLabel: 'Tag',
    filter: 'Show',
    clearFilter: 'Show all',
  },
  import: {
    title: 'Import organisations and contacts',
    intro:
      'Read in a list from Excel or another system. You see a preview first – nothing is saved until you confirm.',
    formats:
      'The first row names the columns, e.g. Company, Org. number (or CVR), Name, Email, Role, Industry, Language, Tags and Type (Swedish and Danish names work too). Excel’s “CSV (semicolon delimited)” works as it is, å, ä, ö, æ and ø included. At most 2 MB and 5,000 rows.',
    fileLabel: 'CSV file',
    fileHint: 'Choose a file, or paste its content into the box below.',
    textLabel: 'Or paste the list',
    textHint: 'Copy the cells in Excel (with the header row) and paste them here.',
    preview: 'Preview',
    editorOnly: 'Importing needs the editor or administrator role.',
    fileError: 'The file could not be read',
    previewHeading: 'Preview',
    summaryHeading: 'Summary',
    summary: {
      rows: 'Rows',
      ok: 'Can be saved',
      errors: 'With errors',
      duplicates: 'Duplicates',
      warnings: 'Saved with a warning',
      organisationsToCreate: 'New organisations',
      organisationsExisting: 'Existing organisations',
      contactsToCreate: 'New contacts',
    },
    columnsFound: (columns) => `Columns read: ${columns}.`,
    ignoredColumns: (columns) => `Columns not read: ${columns}.`,
    encoding: (encoding, delimiter) => `Encoding ${encoding}, delimiter ${delimiter}.`,
    tableCaption: 'The rows of the file, with errors and duplicates',
    columns: {
      row: 'Row',
      status: 'Status',
      organisation: 'Organisation',
      contact: 'Contact',
      notes: 'Notes',
    },
    status: { ok: 'Saved', error: 'Error', duplicate: 'Duplicate' },
    fieldNames: {
      organisationName: 'Company',
      organisationNumber: 'Org. number',
      country: 'Country',
      industry: 'Industry',
      area: 'Area',
      size: 'Size',
      organisationType: 'Type',
      contactName: 'Name',
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email',
      role: 'Role',
      language: 'Language',
      tags: 'Tags',
    },
    duplicate: (d) => {
      if (d.field === 'email') {
        return d.against === 'file'
          ? `Same email address as row ${d.row} – the row is skipped.`
          : 'A contact with this email address already exists – the row is skipped.';
      }
      const where =
        d.against === 'file' ? `Same organisation as row ${d.row}` : 'The organisation already exists';
      return d.skipsRow ? `${where} – the row is skipped.` : `${where} – the contact is linked to it.`;
    },
    warning: (text) => `Warning: ${text}`,
    numberDropped:
      'The contact is saved; the organisation is saved without a number and matched by its name.',
    commitHeading: 'Save',
    basisLegend: 'Lawful basis for contacting these people (GDPR art. 6)',
    basisHint: 'The basis is recorded on every contact, with the time, the source and who imported it.',
    chooseBasis: 'Choose a lawful basis',
    commit: (contacts, organisations) =>
      `Save ${contacts} ${contacts === 1 ? 'contact' : 'contacts'} and ${organisations} new ${organisations === 1 ? 'organisation' : 'organisations'}`,
    nothingToCommit:
      'There is nothing to save: correct the rows with errors in the file and read it in again.',
    expires: 'The preview is valid for a day.',
    resultHeading: 'The import is done',
    result: {
      organisationsCreated: 'Organisations created',
      organisationsLinked: 'Linked to existing organisations',
      contactsCreated: 'Contacts created',
      skipped: 'Skipped',
      basis: 'Lawful basis',
    },
    leftOut: (errors, duplicates) => `${errors} with errors, ${duplicates} duplicates`,
    downloadRejected: 'Download the rows that were not imported (CSV)',
    downloadRejectedHint:
      'The file has the same columns as yours and a Problem column. Fix the rows and import the file again. It is kept for a day.',
    problemColumn: 'Problem',
    skippedRow: (row) => `Row ${row}`,
    another: 'Import another file',
    fileProblems: {
      tooLarge: (megabytes) => `The file is larger than ${megabytes} MB.`,
      notCsv: 'The file is not valid CSV. Save it as “CSV (semicolon delimited)” in Excel and try again.',
      empty: 'The file is empty: the first row must name the columns.',
      tooManyRows: (rows, max) => `The file has ${rows} rows; at most ${max} can be imported at once.`,
      noKeyColumn: (columns) =>
        `No column for the organisation (“Company”, “Organisation”) or the email address (“Email”) was found among: ${columns}.`,
    },
    refusals: {
      changedDuringImport: 'The contacts changed during the import. Save again to finish it.',
      committedWithOtherBasis: (basis) => `This import is already saved with the lawful basis ${basis}.`,
    },
  },
  rules: {
    requiredWithOrganisationNumber: 'Required when an organisation number is given.',
    requiredForContact: 'Required for a contact.',
    emptyRow: 'The row has neither an organisation nor a contact.',
    tagTooLong: (max) => `A tag has at most ${max} characters.`,
    expectedCountry: 'Enter SE or DK (Sweden or Denmark).',
    expectedOrganisationType: (types) => `Enter one of the types ${types}.`,
    expectedSize: 'Enter 1-9, 10-49, 50-249, 250+ or the number of employees.',
    expectedLanguage: 'Enter sv, da or en (Swedish, Danish or English).',
    formulaLike:
      'Starts like a spreadsheet formula (=, +, -, @). It is saved as typed and guarded when exported; check that it is right.',
    organisationNumber: {
      required: 'Fill in the organisation number.',
      onlyDigits: 'Only digits, with an optional hyphen.',
      countryMismatch: (prefix, country) => `A ${prefix} number for an organisation in ${country}.`,
      swedishFormat: 'Not a Swedish organisation number (NNNNNN-NNNN).',
      danishFormat: 'Not a Danish CVR number (8 digits).',
      checkDigit: (number, rule) => `The check digit of ${number} is wrong (${rule}).`,
      unknownFormat:
        'Not an organisation number: Swedish NNNNNN-NNNN (10 digits) or Danish CVR number (8 digits).',
    },
  },
};

export const directoryMessages: Record<Language, DirectoryMessages> = { sv, da, en };

export const directoryTexts = (language: Language): DirectoryMessages => directoryMessages[language];

const orgNumberProblems: readonly string[] = [
  'required',
  'onlyDigits',
  'countryMismatch',
  'swedishFormat',
  'danishFormat',
  'checkDigit',
  'unknownFormat',
] satisfies readonly OrgNumberProblem[];

const isCountry = (value: unknown): value is Country => value === 'SE' || value === 'DK';

/**
 * The directory's words for its own rules (`Issue.reason`): the import's row rules and
 * `organisationNumber.<problem>`. Anything else is left to the platform's words.
 */
export const directoryIssueWording: IssueWording = (issue, language) => {
  const d = directoryMessages[language];
  const r = d.rules;
  const params = issue.params ?? {};
  const reason = issue.reason ?? '';
  if (reason.startsWith('organisationNumber.')) {
    const problem = reason.slice('organisationNumber.'.length);
    if (!orgNumberProblems.includes(problem)) return undefined;
    const o = r.organisationNumber;
    switch (problem as OrgNumberProblem) {
      case 'checkDigit':
        return o.checkDigit(String(params.number ?? ''), params.country === 'DK' ? 'modulus 11' : 'Luhn');
      case 'countryMismatch':
        return o.countryMismatch(
          String(params.prefix ?? ''),
          isCountry(params.country) ? d.countries[params.country] : String(params.country ?? ''),
        );
      default:
        return o[problem as Exclude<OrgNumberProblem, 'checkDigit' | 'countryMismatch'>];
    }
  }
  switch (reason) {
    case 'requiredWithOrganisationNumber':
    case 'requiredForContact':
    case 'emptyRow':
    case 'expectedCountry':
    case 'expectedSize':
    case 'expectedLanguage':
    case 'formulaLike':
      return r[reason];
    case 'tagTooLong':
      return r.tagTooLong(Number(params.maximum ?? 40));
    case 'expectedOrganisationType':
      return r.expectedOrganisationType(Object.values(d.organisationTypes).join(', '));
    default:
      return undefined;
  }
};

/** A row error of an import in the reader's language (its `message` is the JSON API's English). */
export const rowErrorText = (error: RowError, language: Language): string =>
  issueText(error.issue, language, directoryIssueWording);

/** Why a file could not be read, in the reader's language. */
export function csvFileProblemText(
  error: Pick<CsvImportError, 'problem' | 'params'>,
  language: Language,
): string {
  const f = directoryMessages[language].import.fileProblems;
  const n = (value: number | undefined) => formatNumber(value ?? 0, language);
  switch (error.problem) {
    case 'tooLarge':
      return f.tooLarge(n(error.params.maxMegabytes));
    case 'tooManyRows':
      return f.tooManyRows(n(error.params.rows), n(error.params.maxRows));
    case 'noKeyColumn':
      return f.noKeyColumn(error.params.columns ?? '');
    default:
      return f[error.problem];
  }
}
