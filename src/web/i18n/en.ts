import type { Messages } from './nl.js';

export const en = {
  lang: 'en',
  appName: 'Botpad',
  tagline: 'Caring for strong bones, together with your care team',
  skipToContent: 'Skip to main content',
  nav: { label: 'Main menu', home: 'Home', help: 'Help', apiDocs: 'API', signIn: 'Sign in' },
  settings: {
    label: 'Display',
    language: 'Language',
    otherLanguage: 'Nederlands',
    otherLanguageName: 'Schakel over naar Nederlands',
    textSize: 'Text size',
    sizes: { normal: 'Normal', large: 'Large', larger: 'Extra large' },
    current: '(selected)',
  },
  demo: {
    banner: 'Demo environment. Every person and every record here is made up. Do not enter real data.',
  },
  footer: {
    help: 'Need help?',
    callUs: (phone: string) => `Call us: ${phone}`,
    hours: 'Working days, 8:30 to 17:00.',
    helpPage: 'Questions and answers',
    accessibility: 'Accessibility',
    apiDocs: 'For developers: API',
  },
  home: {
    title: 'Welcome to Botpad',
    intro:
      'Botpad helps people with fragile bones and the people who treat them. Your results, your plan, your medicines and your appointments are all in one place.',
    forPatients: 'For patients and their family',
    forPatientsText:
      'Fill in questionnaires before your visit. Read what your results mean. Keep track of your exercise and your medicines.',
    forClinicians: 'For clinicians',
    forCliniciansText:
      'From fracture to follow-up: the whole pathway in one record. Every conclusion shows the rule and the source behind it.',
    startSignIn: 'Sign in',
    learnMore: 'How does Botpad work?',
  },
  help: {
    title: 'Help',
    intro: 'Answers to questions people often ask.',
    questions: [
      {
        q: 'The text is hard to read. What can I do?',
        a: 'Choose Large or Extra large under "Text size" at the top. You can also zoom in with your browser.',
      },
      {
        q: 'Do I need a mouse?',
        a: 'No. Everything works with the keyboard too. The Tab key moves you to the next item.',
      },
      {
        q: 'Who can see my information?',
        a: 'Only the clinicians who treat you, and the family members you allow. You can see for yourself who opened your record.',
      },
      {
        q: 'I have a question about my treatment.',
        a: 'Please call your clinician or the outpatient clinic. The number is at the bottom of every page.',
      },
    ],
  },
  a11y: {
    title: 'Accessibility',
    intro:
      'We want everyone to be able to use Botpad, including people with poor eyesight, an old tablet or no mouse.',
    standardTitle: 'Which standard do we follow?',
    standard:
      'Botpad is built to WCAG 2.2 level AA. Every page is tested automatically in a real browser.',
    whatTitle: 'What have we done?',
    what: [
      'Large text: body text is at least 18 pixels, and you can make it larger.',
      'Large targets: everything you can click is at least 44 by 44 pixels.',
      'Everything works with the keyboard, and you can always see where you are.',
      'Pages stay readable when you zoom in to 200 percent.',
      'Enough contrast between text and background.',
      'Botpad works without JavaScript.',
      'Texts in plain Dutch and in English.',
    ],
    knownTitle: 'What does not work well yet?',
    known: 'We know of no problems at the moment. Found one anyway? Please tell us.',
    contactTitle: 'Found a problem?',
    contact: (phone: string) => `Call us on ${phone}. We reply within 5 working days.`,
    updated: 'Last updated: November 2026.',
  },
  errors: {
    notFoundTitle: 'This page does not exist',
    notFound: 'The address may have been typed wrongly. Go back to the home page.',
    serverTitle: 'Something went wrong',
    server: 'Please try again later. If it keeps happening, call us.',
    forbiddenTitle: 'No access',
    forbidden: 'You are not allowed to see this page.',
    back: 'Go to the home page',
  },
  apiDocs: {
    title: 'Botpad API',
    intro:
      'The API speaks JSON under /api/v1. Errors come back as application/problem+json (RFC 9457). The full contract is in OpenAPI 3.1.',
    download: 'OpenAPI document (JSON)',
    routes: 'Routes',
    method: 'Method',
    path: 'Path',
    summary: 'Summary',
    schemas: 'Schemas',
    requestBody: 'Input',
    responses: 'Responses',
  },
} as const satisfies Messages;
