import type { PressSettings } from '../../shared/press/release.js';

/**
 * The press rooms of the demo tenants, from the press releases in ../shared/seeds (kept
 * verbatim, shortened): Hässleholm in Swedish (000, 001, 002), Helsingør in Danish (004), Perstorp
 * in Swedish (003). Press contacts' names are from the seeds; their phone numbers and addresses
 * are invented (`.example`). Dates are the seeds' where they give one.
 */
export interface DemoRelease {
  headline: string;
  lead: string;
  body: string;
  quotes: { text: string; name: string; role?: string }[];
  topics: string[];
  tags: string[];
  regions: string[];
  contactIds: string[];
  publishedAt: string;
}

/** A journalist following the newsroom (invented, `.example`), confirmed with source `demo`. */
interface DemoSubscriber {
  email: string;
  name: string;
  outlet?: string;
  topics: string[];
  regions: string[];
}

export interface DemoPressRoom {
  settings: PressSettings;
  releases: DemoRelease[];
}

const skane = { id: 'skane', name: 'Skåne' };

export const demoPress: Record<string, DemoPressRoom> = {
  hassleholm: {
    settings: {
      boilerplate: {
        sv: 'Hässleholms kommun är en viktig knutpunkt i Sverige. Här möts människor för att leva, uppleva, arbeta och lära i en kommun präglad av förändring och med ambition att utvecklas.',
      },
      topics: [
        { id: 'naringsliv', name: 'Näringsliv' },
        { id: 'samverkan', name: 'Samverkan' },
        { id: 'infrastruktur', name: 'Infrastruktur' },
      ],
      tags: [
        { id: 'naringslivsprogram', name: 'Näringslivsprogram' },
        { id: 'workshop', name: 'Workshop' },
        { id: 'dialoglunch', name: 'Dialoglunch' },
      ],
      regions: [skane, { id: 'oresund', name: 'Öresundsregionen' }],
      contacts: [
        {
          id: 'hanna-gardell',
          name: 'Hanna Gardell',
          role: 'Kommunikationschef',
          phone: '+46 451 00 00 01',
          email: 'hanna.gardell@hassleholm.example',
        },
        {
          id: 'emma-ragnarsson',
          name: 'Emma Ragnarsson',
          role: 'Kommunikationsstrateg',
          phone: '+46 451 00 00 02',
          email: 'emma.ragnarsson@hassleholm.example',
        },
        {
          id: 'charlotte-fogde-andreasson',
          name: 'Charlotte Fogde Andréasson',
          role: 'Näringslivschef',
          phone: '+46 451 00 00 03',
          email: 'charlotte.fogde-andreasson@hassleholm.example',
        },
      ],
    },
    releases: [
      {
        headline: 'Från skolstad till kreativt och attraktivt kunskapssamhälle',
        lead: 'Så kan Hässleholms kommun beskrivas år 2020 om näringsliv, politik och tjänstemän får som de vill i det strategiska näringslivsprogram som diskuterades i KSAU under onsdagen.',
        body: '”I starka allianser med näringsliv och andra relevanta utvecklingsaktörer har Hässleholms kommun etablerat sig som ett av Öresundsregionens viktiga tillväxtcentra och är en tydlig nationell aktör inom flera profilområden bl.a. som hemstad och logistiskt nav för gröna transporter”.\n\nHässleholm har den senaste tioårsperioden skapat förutsättningar för att vara en sjudande storstadsnära kommun med en vilja att möta förändringar och kraft nog att välja ett eget spår. Förutsättningarna har ändrats och förstärkts. I det strategiska näringslivsprogrammet beskrivs det hur Hässleholm ska ”koppla upp” sig mot och ta del av den förväntade tillväxten i storstadsregionen Malmö-Köpenhamn.\n\nDet strategiska näringslivsprogrammet ska öka Hässleholms konkurrenskraft och tydliggöra vårt ansvar för näringslivs- och tillväxtfrågor. Det förutsätter ett arbetssätt i kommunen som är proaktivt och förebyggande, berättar näringslivschef Charlotte Fogde-Andreasson, Hässleholms kommun\n\nDet strategiska näringslivsprogrammet har utvecklats och förankrats i workshops och dialogmöten med över 100 företag, företrädare för bransch- och företagsorganisationer, kommunens förvaltningschefer, berörda tjänstemän, politisk ledning och andra relevanta utvecklingsaktörer. .\n\nSom ett resultat av en nuläges- och omvärldsanalys samt möten med näringslivet har sex fokusområden identifierats och konkretiseras ner i övergripande insatser. Fokusområdena avgränsar inom vilka områden kommunen behöver agera inom för långsiktig utveckling och tillväxt.\n\nFokusområdena kan kort beskrivas som; satsa på förutsättningarna för det existerande näringslivet, satsa på kunskapsutveckling och entreprenörskaps-driven tillväxt baserad på innovationer, tillväxtorienterad fysisk planering och infrastruktur samt att Hässleholm ska agera tydligt och ta ansvar för utvecklingen i regionen och utveckla starka profilområden.',
        quotes: [
          {
            text: 'Hela den unika processen och strategin andas optimism. Det är en attitydförändring på gång som vi känner oss väldigt delaktiga i',
            name: 'Tobias Nilsson',
            role: 'Ordförande, LRF kommungrupp Syd',
          },
          {
            text: 'Strategin är väl genomtänkt och oerhört viktig att anta. Jag vill betona vikten av att vi nu tillsammans, näringsliv och kommun, är delaktiga i genomförandet. Det innebär hårt jobb och kräver stort engagemang från många',
            name: 'Conny Jönsson',
            role: 'Näringslivsrådet, Levinsgruppen',
          },
        ],
        topics: ['naringsliv', 'infrastruktur'],
        tags: ['naringslivsprogram'],
        regions: ['skane', 'oresund'],
        contactIds: ['charlotte-fogde-andreasson', 'hanna-gardell', 'emma-ragnarsson'],
        publishedAt: '2011-03-17T09:00:00+01:00',
      },
      {
        headline: 'Företagen i Hässleholm bjuds in att sätta framtidens agenda',
        lead: 'Hösten rivstartas med att utveckla en ny näringslivsstrategi. I dagarna går det ut inbjudningar till företag, företagsorganisationer och regionala partners till workshops där en omvärlds- och nulägesbild ska förankras och gemensamma målbilder för näringslivet tar sin start.',
        body: 'Strax innan sommaren upphandlade Hässleholms kommun konsulter för att agera processtöd och kunskapsbasera en ny näringslivsstrategi för Hässleholms kommun med bl.a. omvärlds- och nulägesanalys. Valet föll på WSP Strategi och Analys. I oktober och november kommer de att presentera en första omvärlds- och nulägesbild vid ett antal workshopar.\n\nProcessen började för ett år sedan då Näringslivsrådet, med representanter från olika företagsorganisationer, tillsammans med Hässleholms kommun bestämde sig för att utveckla en ny näringslivsstrategi.\n\nProcessen att utveckla en näringslivsstrategi innehåller flera element. Ett av de kanske mer udda elementen är att starten av ett twitter-konto (www.twitter.com/bizHassleholm).\n\nHela strategin beräknas vara klar i mars. Följ gärna processen via www.twitter.com/bizHassleholm',
        quotes: [
          {
            text: 'Det är kraftfullt och med stor optimism vi går in i det här arbetet. Genom att så omfattande involvera våra partners och företag i vår region tror vi möjligheten att göra något bra blir bättre.',
            name: 'Charlotte Fogde Andréasson',
            role: 'Näringslivschef',
          },
        ],
        topics: ['naringsliv', 'samverkan'],
        tags: ['workshop', 'naringslivsprogram'],
        regions: ['skane'],
        contactIds: ['charlotte-fogde-andreasson'],
        publishedAt: '2011-10-04T13:54:00+02:00',
      },
      {
        headline: 'Steg framåt för näringslivsprogram',
        lead: 'En viktig del i arbetet med kommunens nya näringslivsprogram är att kommunens företagare ska involveras och bidra med synpunkter. Under en dialoglunch träffades därför ett trettiotal företag för fler dialoger och workshops.',
        body: 'Mötet i rådhuset inleddes av Camilla Palm (M), kommunstyrelsens ordförande, som lyfte målet med näringslivsprogrammet och varför det arbetas fram. Näringslivschef Tina Gunnarsson och Jonas Haak, ordförande för Krinova Incubator & Science Park och VD för Kristianstad Airport, berättade sen mer om hur arbetet med näringslivsprogrammet går framåt och vad nästa steg är.\n\nDärefter blev det lunch och gruppdiskussioner om ämnen som berör näringslivet. Det blev intensiva och ärliga dialoger som ska kokas ner och bli viktiga inspel till näringslivsprogrammet.\n\nI och med gårdagens lunchmöte har drygt 100 olika företag och organisationer deltagit i olika möten kring näringslivsprogrammet.\n\n## Vad är ett näringslivsprogram?\n\nProgrammet ska ge en gemensam riktning för kommunens näringslivsfrågor och tydliggöra den samlade politiska inriktningen. Näringslivsprogrammet ska skapa bättre förutsättningar för företagandet i kommunen och ska gälla både kommunens förvaltningar och bolag. Målet är en bättre helhetssyn och ett mer effektivt arbete med frågorna inom kommunkoncernen.\n\nDialogen med näringslivet berör områden som lokalt näringslivsklimat, marknadsföring, entreprenörskap, kommunal service, kompetensförsörjning, infrastruktur, etableringar och hållbarhet.\n\n## Hur tas ett näringslivsprogram fram?\n\nProgrammet tas fram i bred förankring där olika aktörer bjuds in för att komma med synpunkter och tankar. Det innebär intervjuer med entreprenörer, dialog med lokala och nationella branschföreträdare, workshops med kommunens ledande politiker, studiebesök och erfarenhetsutbyte med andra kommuner och dialog med förvaltningar och bolag.\n\nProgrammet ska vara klart under 2024.',
        quotes: [],
        topics: ['naringsliv', 'samverkan'],
        tags: ['dialoglunch', 'naringslivsprogram'],
        regions: ['skane'],
        contactIds: ['hanna-gardell'],
        publishedAt: '2024-03-26T10:00:00+01:00',
      },
    ],
  },
  helsingor: {
    settings: {
      boilerplate: { da: 'Helsingør Kommune ligger ved Øresund, med Kronborg og færgen til Helsingborg.' },
      topics: [
        { id: 'erhverv', name: 'Erhverv' },
        { id: 'uddannelse', name: 'Uddannelse' },
      ],
      tags: [{ id: 'erhvervspolitik', name: 'Erhvervspolitik' }],
      regions: [
        { id: 'hovedstaden', name: 'Region Hovedstaden' },
        { id: 'oresund', name: 'Øresundsregionen' },
      ],
      contacts: [
        {
          id: 'presse',
          name: 'Pressevagten',
          role: 'Kommunikation, Helsingør Kommune',
          phone: '+45 49 00 00 01',
          email: 'presse@helsingor.example',
        },
      ],
    },
    releases: [
      {
        headline: 'Ny erhvervs- og vækstpolitik i Helsingør Kommune',
        lead: 'Byrådet sætter nu nye pejlemærker for det erhvervspolitiske område frem mod 2020.',
        body: 'Fire strategiske spor skal sikre et godt lokalt erhvervsklima og nye vækstmuligheder. Byrådet har vedtaget en ny erhvervs- og vækstpolitik, som angiver rammer for kommunens arbejde i forhold til det lokale erhvervsliv frem mod 2020.\n\nErhvervs- og Vækstpolitikken er blevet til i tæt dialog med repræsentanter fra virksomheder beliggende i Helsingør, Vækstudvalget, lokale erhvervsforeninger, byrådspolitikere og embedsmænd m.fl., som i løbet af 2014-2015 har deltaget i en række fælles workshops og møder.\n\nDe fire spor i den nye erhvervspolitik er:\n\n- Kommunal service i topklasse\n- Udvikle erhvervslivets styrkepositioner og samarbejde\n- Uddannelse og opkvalificering\n- Markedsføring\n\nHelt overordnet er målet med den ny erhvervs- og vækstpoliti, at tage udgangspunkt i erhvervslivets visioner og ønsker - og at kunne handle på det.\n\nDer opsat i alt 13 mål med tilhørende målepunkter, der nu skal implementeres i praksis.\n\n## De 13 mål er:\n\nKommunal service i topklasse\n1. Skabe nem adgang til kommunen og mere One Stop service\n2. Gøre det enkelt for virksomheder at byde på offentlige udbud\n3. Gøre det let at være iværksætter\n4. Reducere omkostningerne for erhvervslivet\n\nUdvikle erhvervslivets styrkepositioner og samarbejde\n5. Udvikle erhvervslivets styrker\n6. Styrke oplevelsen af den lokale detailhandel\n7. Udvikle infrastruktur\n\nUddannelse og opkvalificering\n8. Tiltrække flere uddannelser\n9. Arbejde for et højere uddannelsesniveau\n10. Øge kendskabet til de erhvervsfaglige uddannelser og etablering af flere praktik- og lærepladser\n\nMarkedsføring\n11. Arbejde aktivt med bosætning som en del af erhvervsindsatsen\n12. Markedsføre det lokale erhvervslivs styrkepositioner\n13. Styrke Helsingør Kommune som centrum for kultur og oplevelser',
        quotes: [
          {
            text: 'En stor tak til virksomheder og erhvervsorganisationer for deres store engagement og indsats i arbejdet med den nye politik. Der er kommet mange gode ideer, som er blevet indarbejdet undervejs. Det har givet os en ny politik, som er blevet dejlig konkret – noget jeg forventer vi direkte kan handle på.',
            name: 'Benedikte Kiær',
            role: 'Borgmester',
          },
        ],
        topics: ['erhverv', 'uddannelse'],
        tags: ['erhvervspolitik'],
        regions: ['hovedstaden', 'oresund'],
        contactIds: ['presse'],
        publishedAt: '2015-09-01T10:00:00+02:00',
      },
    ],
  },
  perstorp: {
    settings: {
      boilerplate: { sv: 'Perstorps kommun ligger i nordvästra Skåne, med ett starkt industriellt arv.' },
      topics: [{ id: 'naringsliv', name: 'Näringsliv' }],
      tags: [{ id: 'tillvaxtstrategi', name: 'Tillväxtstrategi' }],
      regions: [skane],
      contacts: [
        {
          id: 'sahand-kousha',
          name: 'Sahand Kousha',
          role: 'Näringslivschef',
          phone: '+46 435 00 00 01',
          email: 'sahand.kousha@perstorp.example',
        },
      ],
    },
    releases: [
      {
        headline: 'Startskott för arbete med ny Näringslivsstrategi',
        lead: 'Onsdagen den 20 november arrangerade Perstorps kommun ett seminarium/workshop som en del i processen att ta fram en Tillväxtstrategi. Syftet är att skapa en kunskapsplattform kring lokala och regionala analyser och förutsättningarna för näringslivet i närområdet. Målet är också att lägga grunden för fördjupad kunskap och samarbete mellan olika aktörer.',
        body: 'Onsdagen den 20 november arrangerade Perstorps kommun en halvdags seminarium/workshop som en del i processen att ta fram en Tillväxtstrategi. Företag och politiker deltog tillsammans med representanter från bland andra region Skåne, Länsstyrelsen och Företagarna.\n\nBakgrunden till seminariet/workshopen, med deltagare från bland annat Perstorp AB/Perstorp Special Chemicals, Företagarna, Nyföretagarcentrum, Region Skåne, Länsstyrelsen, Esab AB samt Johanssons Grus och Markentreprenad, är att Perstorps kommun hittills inte bedrivit ett aktivt näringslivsarbete med fokus på exempelvis nyetableringar och turism.\n\nÄven politiker deltog under eftermiddagens aktiviteter i form av ledamöter från kommunstyrelsen.\n\nWorkshopen/seminariet innehöll korta framföranden från inbjudna gäster (Region Skåne berättade till exempel om gjord samhällsanalys och näringslivsanalays för Skåne. Länsstyrelsen pratade om hur Perstorp kan bli attraktivare att bo och driva företag i och företagare berättade om sin syn på företagande i kommunen). Deltagarna fick också veta av organisationen Företagarna att småföretagarna i Perstorp årligen bidrar med 70 miljoner kronor till Perstorp kommun och att det sedan 1990 skapats 357 jobb hos småföretagen. Vidare är samverkan, relationer, dialog och kompetens är nyckelord för att nå tillväxt tillsammans med bra skola, boende, rekreationsmöjligheter och goda kommunikationer.\n\nEftermiddagen innehöll även gruppdiskussioner kring hur näringslivet i Perstorps kommun kan utvecklas.',
        quotes: [
          {
            text: 'Därför bjöd vi in till halvdags seminarium/workshop för att öppna upp möjligheten att påverka utvecklingen i Perstorp samtidigt som ett bra underlag skapas för hur vi ska jobba i framtiden',
            name: 'Sahand Kousha',
            role: 'Näringslivschef',
          },
          {
            text: 'Perstorp har inte haft någon tillväxtstrategi tidigare därför är det viktigt att vi lyssnar in och tar till oss av goda exempel för att sedan ta fram en strategi som visar vad vi vill',
            name: 'Torgny Lindau (PF)',
            role: 'Kommunstyrelsens ordförande',
          },
          {
            text: 'Ja, egentligen skulle jag ha varit iväg på resa men jag kände att jag ville närvara. Samarbetet med Perstorps kommun har alltid fungerat fantastiskt bra och kan liknas lite vid ett giftermål. Vi vet var vi har varandra och hjälps åt att lösa ärenden som uppkommer. Vi samverkar och har en mycket bra dialog.',
            name: 'Mikael Gedin',
            role: 'Vd, Perstorp AB',
          },
        ],
        topics: ['naringsliv'],
        tags: ['tillvaxtstrategi'],
        regions: ['skane'],
        contactIds: ['sahand-kousha'],
        publishedAt: '2019-11-21T10:00:00+01:00',
      },
    ],
  },
};

/**
 * Each newsroom's demo journalists, confirmed (consent source `demo`) after the seed releases
 * went out: a release published by hand after `npm start` lands in their inboxes (the local
 * mailbox), the seed releases do not.
 */
export const demoSubscribers: Record<string, DemoSubscriber[]> = {
  hassleholm: [
    {
      email: 'lena.berg@nyheter-skane.example',
      name: 'Lena Berg',
      outlet: 'Nyheter Skåne',
      topics: ['naringsliv'],
      regions: [],
    },
    {
      email: 'omar.haddad@lokaltidningen.example',
      name: 'Omar Haddad',
      outlet: 'Lokaltidningen',
      topics: ['infrastruktur'],
      regions: ['skane'],
    },
    { email: 'frilans.karin@post.example', name: 'Karin Ek', topics: ['samverkan'], regions: [] },
  ],
  helsingor: [
    {
      email: 'mads.holm@nordsjaelland-nyt.example',
      name: 'Mads Holm',
      outlet: 'Nordsjælland Nyt',
      topics: ['erhverv'],
      regions: [],
    },
    {
      email: 'sofie.lund@erhvervsavisen.example',
      name: 'Sofie Lund',
      outlet: 'Erhvervsavisen',
      topics: [],
      regions: ['oresund'],
    },
  ],
  perstorp: [
    {
      email: 'anders.nyman@skanskan.example',
      name: 'Anders Nyman',
      outlet: 'Skånskan',
      topics: ['naringsliv'],
      regions: ['skane'],
    },
  ],
};
