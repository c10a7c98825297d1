import type { OPERATOR_ROLE, Role } from '../../shared/platform/identity/staff.js';
import type { Language } from '../../shared/platform/texts/language.js';

/**
 * Demo data for `npm start`, drawn from the press releases in ../shared/seeds: Hässleholm's
 * dialogue lunch themes (002), its workshop partners (001, 003), Helsingør's four tracks (004).
 * Staff names and contact addresses are invented; addresses use the reserved `.example` domain.
 */
export type DemoStaff =
  | { staffId: string; tenantId: string; name: string; email: string; role: Role }
  /** A platform operator: no tenant, and no console (the operators' routes are JSON). */
  | { staffId: string; tenantId?: undefined; name: string; email: string; role: typeof OPERATOR_ROLE };

export interface DemoTenant {
  tenantId: string;
  name: string;
  language: Language;
  timeZone: string;
  programme: {
    name: string;
    description: string;
    language: Language;
    startsOn: string;
    endsOn: string;
    themes: string[];
  };
  organisations: {
    name: string;
    type: string;
    industry: string;
    contacts: { name: string; role: string }[];
  }[];
  /** A feedback form on the programme's themes, with answers from the demo contacts and anonymous ones. */
  feedback?: DemoFeedback;
  /** Published outcomes on the programme's themes ("you said, we did"), themes by index. */
  outcomes?: DemoOutcome[];
}

export interface DemoOutcome {
  theme: number;
  title: string;
  body: string;
  status: 'planned' | 'in-progress' | 'done' | 'not-pursued';
  reason?: string;
  date: string;
}

/**
 * Questions refer to themes by their index in `programme.themes`; answers by question id, with
 * a ranking as theme indexes in order. `contact` is a demo contact's name (an attributed
 * answer); answers without one are anonymous.
 */
export interface DemoFeedback {
  title: string;
  intro: string;
  questions: (
    | { id: string; type: 'rating'; label: string; theme: number; required?: boolean }
    | { id: string; type: 'ranking'; label: string }
    | { id: string; type: 'long-text' | 'short-text'; label: string; theme?: number }
    | { id: string; type: 'single' | 'multiple'; label: string; options: string[] }
  )[];
  answers: { contact?: string; values: Record<string, number | string | number[]> }[];
}

export const demoStaff: DemoStaff[] = [
  {
    staffId: 'staff-hlm-anna',
    tenantId: 'hassleholm',
    name: 'Anna Lindqvist',
    email: 'anna.lindqvist@hassleholm.example',
    role: 'admin',
  },
  {
    staffId: 'staff-hlm-erik',
    tenantId: 'hassleholm',
    name: 'Erik Nilsson',
    email: 'erik.nilsson@hassleholm.example',
    role: 'editor',
  },
  {
    staffId: 'staff-hlm-maria',
    tenantId: 'hassleholm',
    name: 'Maria Berg',
    email: 'maria.berg@hassleholm.example',
    role: 'viewer',
  },
  {
    staffId: 'staff-hel-mette',
    tenantId: 'helsingor',
    name: 'Mette Hansen',
    email: 'mette.hansen@helsingor.example',
    role: 'admin',
  },
  {
    staffId: 'staff-hel-lars',
    tenantId: 'helsingor',
    name: 'Lars Jensen',
    email: 'lars.jensen@helsingor.example',
    role: 'editor',
  },
  {
    staffId: 'staff-per-eva',
    tenantId: 'perstorp',
    name: 'Eva Nordin',
    email: 'eva.nordin@perstorp.example',
    role: 'admin',
  },
  {
    staffId: 'operator-olle',
    name: 'Olle Drift',
    email: 'olle.drift@samverkan.example',
    role: 'operator',
  },
];

export const demoTenants: DemoTenant[] = [
  {
    tenantId: 'hassleholm',
    name: 'Hässleholms kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    programme: {
      name: 'Näringslivsprogram 2024',
      description:
        'Programmet ska ge en gemensam riktning för kommunens näringslivsfrågor och tydliggöra den samlade politiska inriktningen. Det tas fram i bred förankring med företag, branschföreträdare och partners genom workshops och dialogluncher.',
      language: 'sv',
      startsOn: '2024-01-15',
      endsOn: '2024-12-31',
      themes: [
        'Lokalt näringslivsklimat',
        'Marknadsföring',
        'Entreprenörskap',
        'Kommunal service',
        'Kompetensförsörjning',
        'Infrastruktur',
        'Etableringar',
        'Hållbarhet',
      ],
    },
    outcomes: [
      {
        theme: 3,
        title: 'Företagslotsen får fast telefontid och svar inom två arbetsdagar',
        body: 'Företagen bad om **en väg in** till kommunen. Från oktober når du företagslotsen på fast telefontid varje vardag, och ärenden besvaras inom två arbetsdagar.\n\n- En kontaktperson per ärende\n- Uppföljning efter tre månader',
        status: 'done',
        date: '2024-10-01',
      },
      {
        theme: 4,
        title: 'Samverkansforum skola–näringsliv startar',
        body: 'Kompetensförsörjningen var det tema flest rangordnade högst. Ett forum med gymnasieskolan, Nyföretagarcentrum och företagen träffas två gånger per termin för att matcha praktikplatser och utbildningar.',
        status: 'in-progress',
        date: '2024-11-15',
      },
      {
        theme: 5,
        title: 'Egen pendelbuss till Kristianstad',
        body: 'Flera företag föreslog en kommunal pendelbuss.',
        status: 'not-pursued',
        reason:
          'Kollektivtrafiken är Region Skånes ansvar; förslaget är lämnat till regionen inför nästa trafikplan.',
        date: '2024-09-10',
      },
    ],
    organisations: [
      {
        name: 'Krinova Incubator & Science Park',
        type: 'education',
        industry: 'Innovation',
        contacts: [{ name: 'Johan Ek', role: 'Verksamhetschef' }],
      },
      {
        name: 'Företagarna Hässleholm',
        type: 'business-association',
        industry: 'Näringslivsorganisation',
        contacts: [{ name: 'Karin Holm', role: 'Ordförande' }],
      },
      {
        name: 'LRF Skåne',
        type: 'business-association',
        industry: 'Lantbruk',
        contacts: [{ name: 'Per Olsson', role: 'Regionansvarig' }],
      },
      {
        name: 'Nyföretagarcentrum Nordöstra Skåne',
        type: 'business-association',
        industry: 'Rådgivning',
        contacts: [{ name: 'Sara Lund', role: 'Rådgivare' }],
      },
      {
        name: 'Region Skåne',
        type: 'public-partner',
        industry: 'Offentlig sektor',
        contacts: [{ name: 'Ola Persson', role: 'Näringslivsutvecklare' }],
      },
      {
        name: 'Kristianstad Airport',
        type: 'company',
        industry: 'Transport',
        contacts: [{ name: 'Lena Ström', role: 'Marknadschef' }],
      },
    ],
    feedback: {
      title: 'Dialoglunch: vad tycker ni om näringslivsklimatet?',
      intro:
        'Dialogerna ska kokas ner och bli viktiga inspel till näringslivsprogrammet. Tack för att du delar med dig!',
      questions: [
        {
          id: 'klimat',
          type: 'rating',
          label: 'Hur bedömer du det lokala näringslivsklimatet?',
          theme: 0,
          required: true,
        },
        {
          id: 'service',
          type: 'rating',
          label: 'Hur nöjd är du med kommunens service till företag?',
          theme: 3,
        },
        { id: 'viktigast', type: 'ranking', label: 'Vilka teman är viktigast för ditt företag?' },
        {
          id: 'kompetens',
          type: 'long-text',
          label: 'Vad behöver ni för att hitta rätt kompetens?',
          theme: 4,
        },
        { id: 'infrastruktur', type: 'long-text', label: 'Vad saknar ni i infrastrukturen?', theme: 5 },
        {
          id: 'kanaler',
          type: 'multiple',
          label: 'Hur vill ni hålla kontakten med kommunen?',
          options: ['Dialogluncher', 'Nyhetsbrev', 'Företagsbesök', 'Digitala möten'],
        },
      ],
      answers: [
        {
          contact: 'Johan Ek',
          values: {
            klimat: 4,
            service: 3,
            viktigast: [4, 2, 0],
            kompetens: 'Fler praktikplatser och ett närmare samarbete med yrkesvux.',
            kanaler: [0, 2],
          },
        },
        {
          contact: 'Karin Holm',
          values: {
            klimat: 3,
            service: 2,
            viktigast: [3, 0, 5],
            kompetens: 'Snabbare svar från kommunen när vi söker bygglov – det påverkar om vi kan anställa.',
            infrastruktur: 'Parkering vid stationen för pendlare.',
            kanaler: [0, 1],
          },
        },
        {
          contact: 'Per Olsson',
          values: {
            klimat: 3,
            service: 3,
            viktigast: [5, 4, 7],
            infrastruktur: 'Bredband på landsbygden, många gårdar har fortfarande dålig uppkoppling.',
            kanaler: [2],
          },
        },
        {
          contact: 'Sara Lund',
          values: {
            klimat: 4,
            service: 4,
            viktigast: [2, 0, 1],
            kompetens: 'Mentorer för nya företagare. Ring gärna mig på 0451-123 45 om ni vill veta mer.',
            kanaler: [0, 3],
          },
        },
        {
          contact: 'Ola Persson',
          values: {
            klimat: 4,
            viktigast: [5, 6, 4],
            infrastruktur: 'Tätare pågatåg mot Kristianstad och Malmö.',
            kanaler: [3],
          },
        },
        {
          contact: 'Lena Ström',
          values: {
            klimat: 5,
            service: 4,
            viktigast: [5, 1, 6],
            infrastruktur: 'Bättre kollektivtrafik till flygplatsen, särskilt tidiga morgnar.',
            kanaler: [1, 3],
          },
        },
        {
          values: {
            klimat: 2,
            service: 2,
            viktigast: [3, 4, 0],
            kompetens: 'Svårt att hitta svetsare och elektriker.',
          },
        },
        {
          values: {
            klimat: 3,
            viktigast: [4, 5, 3],
            kompetens: 'Samverkan med gymnasiet om lärlingsplatser.',
          },
        },
        {
          values: {
            klimat: 4,
            service: 3,
            viktigast: [0, 7, 2],
            infrastruktur: 'Laddstolpar för tunga fordon.',
          },
        },
        { values: { klimat: 3, service: 4, viktigast: [6, 5, 4] } },
      ],
    },
  },
  {
    tenantId: 'helsingor',
    name: 'Helsingør Kommune',
    language: 'da',
    timeZone: 'Europe/Copenhagen',
    programme: {
      name: 'Erhvervs- og vækstpolitik',
      description:
        'Fire strategiske spor skal sikre et godt lokalt erhvervsklima og nye vækstmuligheder. Politikken er blevet til i tæt dialog med virksomheder, Vækstudvalget og lokale erhvervsforeninger.',
      language: 'da',
      startsOn: '2015-06-01',
      endsOn: '2020-12-31',
      themes: [
        'Kommunal service i topklasse',
        'Udvikle erhvervslivets styrkepositioner og samarbejde',
        'Uddannelse og opkvalificering',
        'Markedsføring',
      ],
    },
    organisations: [
      {
        name: 'Helsingør Erhvervsforening',
        type: 'business-association',
        industry: 'Erhvervsorganisation',
        contacts: [{ name: 'Jens Møller', role: 'Formand' }],
      },
      {
        name: 'Kronborg Maritime ApS',
        type: 'company',
        industry: 'Turisme',
        contacts: [{ name: 'Camilla Dahl', role: 'Direktør' }],
      },
    ],
    feedback: {
      title: 'Erhvervspolitikkens fire spor: hvad mener I?',
      intro:
        'Politikken er blevet til i tæt dialog med virksomhederne. Fortæl os, hvordan sporene virker for jer.',
      questions: [
        {
          id: 'service',
          type: 'rating',
          label: 'Hvordan vurderer du kommunens service over for erhvervslivet?',
          theme: 0,
          required: true,
        },
        { id: 'spor', type: 'ranking', label: 'Hvilke spor er vigtigst for jer?' },
        {
          id: 'uddannelse',
          type: 'long-text',
          label: 'Hvad kan kommunen gøre for uddannelse og opkvalificering?',
          theme: 2,
        },
        { id: 'samarbejde', type: 'long-text', label: 'Hvor kan erhvervslivet samarbejde mere?', theme: 1 },
      ],
      answers: [
        {
          contact: 'Jens Møller',
          values: {
            service: 4,
            spor: [1, 0, 2, 3],
            samarbejde: 'Fælles netværk for detailhandlen i bymidten.',
          },
        },
        {
          contact: 'Camilla Dahl',
          values: {
            service: 3,
            spor: [3, 1, 0, 2],
            uddannelse: 'Sprogkurser til medarbejdere i turismen.',
            samarbejde: 'Fælles markedsføring af Kronborg og havnen.',
          },
        },
        { values: { service: 4, spor: [0, 2, 1, 3], uddannelse: 'Flere lærepladser i håndværksfagene.' } },
        { values: { service: 2, spor: [2, 0, 1, 3] } },
      ],
    },
  },
  {
    tenantId: 'perstorp',
    name: 'Perstorps kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    programme: {
      name: 'Tillväxtstrategi',
      description:
        'En kunskapsplattform kring lokala och regionala analyser och förutsättningarna för näringslivet, framtagen tillsammans med företag, Region Skåne, Länsstyrelsen och Företagarna.',
      language: 'sv',
      startsOn: '2019-11-20',
      endsOn: '2020-12-31',
      themes: ['Nyetableringar', 'Turism', 'Bostadsförsörjning', 'Kompetens'],
    },
    organisations: [
      {
        name: 'Perstorp Special Chemicals',
        type: 'company',
        industry: 'Kemi',
        contacts: [{ name: 'Anders Vik', role: 'Platschef' }],
      },
      {
        name: 'Företagarna Perstorp',
        type: 'business-association',
        industry: 'Näringslivsorganisation',
        contacts: [{ name: 'Maja Berglund', role: 'Ordförande' }],
      },
    ],
  },
];
