// Dutch is the source catalogue: every text the shell shows. English must match its shape
// (`en satisfies Messages`), so a missing translation is a compile error. Plain language (B1).
export const nl = {
  lang: 'nl',
  appName: 'Botpad',
  tagline: 'Zorg voor sterke botten, samen met uw zorgverleners',
  skipToContent: 'Ga direct naar de inhoud',
  nav: { label: 'Hoofdmenu', home: 'Start', help: 'Hulp', apiDocs: 'API', signIn: 'Inloggen' },
  settings: {
    label: 'Weergave',
    language: 'Taal',
    otherLanguage: 'English',
    otherLanguageName: 'Switch to English',
    textSize: 'Tekstgrootte',
    sizes: { normal: 'Normaal', large: 'Groot', larger: 'Extra groot' },
    current: '(nu gekozen)',
  },
  demo: {
    banner: 'Demo-omgeving. Alle personen en gegevens hier zijn verzonnen. Gebruik geen echte gegevens.',
  },
  footer: {
    help: 'Hulp nodig?',
    callUs: (phone: string) => `Bel ons: ${phone}`,
    hours: 'Op werkdagen van 8.30 tot 17.00 uur.',
    helpPage: 'Vragen en antwoorden',
    accessibility: 'Toegankelijkheid',
    apiDocs: 'Voor ontwikkelaars: API',
  },
  home: {
    title: 'Welkom bij Botpad',
    intro:
      'Botpad helpt mensen met broze botten en hun zorgverleners. U ziet op één plek uw uitslagen, uw plan, uw medicijnen en uw afspraken.',
    forPatients: 'Voor patiënten en naasten',
    forPatientsText:
      'Vul vragenlijsten in vóór uw bezoek. Lees wat de uitslagen betekenen. Houd bij hoe het gaat met bewegen en medicijnen.',
    forClinicians: 'Voor zorgverleners',
    forCliniciansText:
      'Van botbreuk tot controle: het hele zorgpad in één dossier. Elke conclusie laat zien welke regel en bron erachter zit.',
    startSignIn: 'Inloggen',
    learnMore: 'Hoe werkt Botpad?',
  },
  help: {
    title: 'Hulp',
    intro: 'Hier vindt u antwoorden op vragen die veel gesteld worden.',
    questions: [
      {
        q: 'Ik kan de tekst slecht lezen. Wat kan ik doen?',
        a: 'Kies bovenaan bij "Tekstgrootte" voor Groot of Extra groot. U kunt ook inzoomen met uw browser.',
      },
      {
        q: 'Moet ik een muis gebruiken?',
        a: 'Nee. Alles werkt ook met het toetsenbord. Met de Tab-toets gaat u naar het volgende onderdeel.',
      },
      {
        q: 'Wie kan mijn gegevens zien?',
        a: 'Alleen de zorgverleners die u behandelen, en de naasten die u daarvoor toestemming geeft. U ziet zelf wie uw dossier heeft bekeken.',
      },
      {
        q: 'Ik heb een vraag over mijn behandeling.',
        a: 'Bel dan uw behandelaar of de polikliniek. Het nummer staat onderaan elke pagina.',
      },
    ],
  },
  a11y: {
    title: 'Toegankelijkheid',
    intro:
      'Wij willen dat iedereen Botpad kan gebruiken, ook met slechte ogen, een oude tablet of zonder muis.',
    standardTitle: 'Welke eisen volgen wij?',
    standard:
      'Botpad is gebouwd volgens WCAG 2.2 op niveau AA. Elke pagina wordt automatisch getest in een echte browser.',
    whatTitle: 'Wat hebben wij gedaan?',
    what: [
      'Grote letters: de basistekst is minstens 18 pixels. U kunt de tekst groter maken.',
      'Grote knoppen: alles wat u kunt aanklikken is minstens 44 bij 44 pixels.',
      'Alles werkt met het toetsenbord. U ziet altijd waar u bent.',
      'De pagina blijft goed leesbaar als u tot 200 procent inzoomt.',
      'Genoeg contrast tussen tekst en achtergrond.',
      'Botpad werkt zonder JavaScript.',
      'Teksten in eenvoudig Nederlands en in het Engels.',
    ],
    knownTitle: 'Wat werkt nog niet goed?',
    known: 'Wij kennen op dit moment geen problemen. Vindt u er toch een? Laat het ons weten.',
    contactTitle: 'Probleem gevonden?',
    contact: (phone: string) => `Bel ons op ${phone}. Wij reageren binnen 5 werkdagen.`,
    updated: 'Laatst bijgewerkt: november 2026.',
  },
  errors: {
    notFoundTitle: 'Deze pagina bestaat niet',
    notFound: 'Misschien is het adres verkeerd getypt. Ga terug naar de startpagina.',
    serverTitle: 'Er ging iets mis',
    server: 'Probeer het later nog eens. Blijft het misgaan? Bel ons.',
    forbiddenTitle: 'Geen toegang',
    forbidden: 'U mag deze pagina niet bekijken.',
    back: 'Naar de startpagina',
  },
  apiDocs: {
    title: 'Botpad API',
    intro:
      'De API spreekt JSON onder /api/v1. Fouten komen terug als application/problem+json (RFC 9457). Het volledige contract staat in OpenAPI 3.1.',
    download: 'OpenAPI-document (JSON)',
    routes: 'Routes',
    method: 'Methode',
    path: 'Pad',
    summary: 'Omschrijving',
    schemas: 'Schema\'s',
    requestBody: 'Invoer',
    responses: 'Antwoorden',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...a: infer A) => infer R
    ? (...a: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof nl>;
