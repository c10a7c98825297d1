import { type TextTable, textsOf } from '../../platform/texts/table.js';

/** The words of the console's page of saved segments. */
export interface SegmentTexts {
  title: string;
  lead: string;
  link: string;
  back: string;
  empty: string;
  columns: { name: string; definition: string; created: string; actions: string };
  definition: {
    tags: (tags: string) => string;
    types: (types: string) => string;
    contacts: (count: string) => string;
  };
  newHeading: string;
  name: string;
  kindLegend: string;
  kinds: { tags: string; 'organisation-types': string };
  tags: string;
  tagsHint: string;
  types: string;
  save: string;
  renameLabel: (name: string) => string;
  rename: string;
  remove: string;
  removeLabel: (name: string) => string;
  next: string;
  notices: { created: string; renamed: string; deleted: string };
  errors: {
    nameRequired: string;
    nameInvalid: string;
    tagsRequired: string;
    typesRequired: string;
  };
  errorSummary: string;
  /** On a mailing's page: the segment its audience came from (its rule as it was then). */
  sentTo: (name: string) => string;
}

const sv: SegmentTexts = {
  title: 'Sparade urval',
  lead: 'Ett sparat urval är ett villkor med ett namn (taggar, typer av organisation eller utvalda kontakter), inte en lista över personer: vilka det når räknas ut när ett utskick skapas. Ett utskick som redan är skapat eller schemalagt behåller villkoret det skapades med, även om urvalet byter namn eller tas bort.',
  link: 'Sparade urval',
  back: 'Utskick',
  empty: 'Inga sparade urval än. Spara ett här eller från inbjudningssidan för ett evenemang.',
  columns: { name: 'Namn', definition: 'Villkor', created: 'Skapat', actions: 'Ändra' },
  definition: {
    tags: (tags) => `Taggar: ${tags}`,
    types: (types) => `Typer av organisation: ${types}`,
    contacts: (count) => `${count} utvalda kontakter`,
  },
  newHeading: 'Nytt urval',
  name: 'Namn',
  kindLegend: 'Villkor',
  kinds: { tags: 'Kontakter med vissa taggar', 'organisation-types': 'Organisationer av vissa typer' },
  tags: 'Taggar',
  tagsHint: 'Skilj taggar åt med komma. Taggar på kontakten eller på dess organisation räknas.',
  types: 'Typer av organisation',
  save: 'Spara urvalet',
  renameLabel: (name) => `Nytt namn för ${name}`,
  rename: 'Byt namn',
  remove: 'Ta bort',
  removeLabel: (name) => `Ta bort ${name}`,
  next: 'Fler urval',
  notices: {
    created: 'Urvalet är sparat.',
    renamed: 'Urvalet har fått nytt namn.',
    deleted: 'Urvalet är borttaget. Schemalagda utskick behåller sitt villkor.',
  },
  errors: {
    nameRequired: 'Ge urvalet ett namn.',
    nameInvalid: 'Högst 80 tecken, på en rad.',
    tagsRequired: 'Ange mellan 1 och 20 taggar.',
    typesRequired: 'Välj minst en typ av organisation.',
  },
  errorSummary: 'Något behöver rättas',
  sentTo: (name) => `Till det sparade urvalet ”${name}”, som det var när utskicket skapades.`,
};

const da: SegmentTexts = {
  title: 'Gemte udvalg',
  lead: 'Et gemt udvalg er en betingelse med et navn (tags, organisationstyper eller udvalgte kontakter), ikke en liste over personer: hvem det når, beregnes, når en udsendelse oprettes. En udsendelse, der allerede er oprettet eller planlagt, beholder den betingelse, den blev oprettet med, også hvis udvalget omdøbes eller slettes.',
  link: 'Gemte udvalg',
  back: 'Udsendelser',
  empty: 'Ingen gemte udvalg endnu. Gem et her eller fra invitationssiden for et arrangement.',
  columns: { name: 'Navn', definition: 'Betingelse', created: 'Oprettet', actions: 'Ændr' },
  definition: {
    tags: (tags) => `Tags: ${tags}`,
    types: (types) => `Organisationstyper: ${types}`,
    contacts: (count) => `${count} udvalgte kontakter`,
  },
  newHeading: 'Nyt udvalg',
  name: 'Navn',
  kindLegend: 'Betingelse',
  kinds: { tags: 'Kontakter med bestemte tags', 'organisation-types': 'Organisationer af bestemte typer' },
  tags: 'Tags',
  tagsHint: 'Adskil tags med komma. Tags på kontakten eller på dens organisation tæller.',
  types: 'Organisationstyper',
  save: 'Gem udvalget',
  renameLabel: (name) => `Nyt navn til ${name}`,
  rename: 'Omdøb',
  remove: 'Slet',
  removeLabel: (name) => `Slet ${name}`,
  next: 'Flere udvalg',
  notices: {
    created: 'Udvalget er gemt.',
    renamed: 'Udvalget er omdøbt.',
    deleted: 'Udvalget er slettet. Planlagte udsendelser beholder deres betingelse.',
  },
  errors: {
    nameRequired: 'Giv udvalget et navn.',
    nameInvalid: 'Højst 80 tegn, på én linje.',
    tagsRequired: 'Angiv mellem 1 og 20 tags.',
    typesRequired: 'Vælg mindst én organisationstype.',
  },
  errorSummary: 'Noget skal rettes',
  sentTo: (name) => `Til det gemte udvalg “${name}”, som det var, da udsendelsen blev oprettet.`,
};

const en: SegmentTexts = {
  title: 'Saved segments',
  lead: 'A saved segment is a named rule (tags, organisation types or hand-picked contacts), not a list of people: who it reaches is worked out when a send is created. A send already created or scheduled keeps the rule it was created with, even if the segment is renamed or deleted.',
  link: 'Saved segments',
  back: 'Mailings',
  empty: 'No saved segments yet. Save one here or from an event’s invitation page.',
  columns: { name: 'Name', definition: 'Rule', created: 'Created', actions: 'Change' },
  definition: {
    tags: (tags) => `Tags: ${tags}`,
    types: (types) => `Organisation types: ${types}`,
    contacts: (count) => `${count} hand-picked contacts`,
  },
  newHeading: 'New segment',
  name: 'Name',
  kindLegend: 'Rule',
  kinds: { tags: 'Contacts with certain tags', 'organisation-types': 'Organisations of certain types' },
  tags: 'Tags',
  tagsHint: 'Separate tags with commas. Tags on the contact or on its organisation count.',
  types: 'Organisation types',
  save: 'Save the segment',
  renameLabel: (name) => `New name for ${name}`,
  rename: 'Rename',
  remove: 'Delete',
  removeLabel: (name) => `Delete ${name}`,
  next: 'More segments',
  notices: {
    created: 'The segment is saved.',
    renamed: 'The segment is renamed.',
    deleted: 'The segment is deleted. Scheduled sends keep their rule.',
  },
  errors: {
    nameRequired: 'Give the segment a name.',
    nameInvalid: 'At most 80 characters, on one line.',
    tagsRequired: 'Give between 1 and 20 tags.',
    typesRequired: 'Choose at least one organisation type.',
  },
  errorSummary: 'Something needs correcting',
  sentTo: (name) => `To the saved segment “${name}”, as it was when the mailing was created.`,
};

export const segmentMessages: TextTable<SegmentTexts> = { sv, da, en };
export const segmentTexts = textsOf(segmentMessages);
