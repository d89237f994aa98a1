// Words for the medication-safety reason codes of clinical-rules.md §7, so the safety rule can
// build each drug's explanation from the reasons that fired. Written for Botpad; patient texts are
// plain B1 Dutch and plain English.
export interface ReasonWords {
  readonly patientNl: string;
  readonly patientEn: string;
  readonly clinicianNl: string;
  readonly clinicianEn: string;
}

export const SAFETY_REASONS = [
  'egfr-below-35', 'egfr-below-30', 'hypocalcaemia', 'hypercalcaemia', 'osteomalacia-suspected',
  'vitamin-d-below-30', 'cannot-stay-upright', 'oesophageal-disorder', 'dental-treatment-pending',
  'dental-check-missing', 'hip-fracture-repair-under-2-weeks', 'pregnancy', 'mi-or-stroke-history',
  'not-postmenopausal-woman', 'vte-history', 'hyperparathyroidism', 'high-bone-turnover-unexplained',
  'skeletal-radiotherapy', 'skeletal-malignancy', 'lifetime-limit-reached',
] as const;
export type SafetyReason = (typeof SAFETY_REASONS)[number];

export const REASON_WORDS: Readonly<Record<SafetyReason, ReasonWords>> = {
  'egfr-below-35': {
    patientNl: 'Uw nieren werken minder goed.', patientEn: 'Your kidneys are working less well.',
    clinicianNl: 'eGFR < 35 mL/min/1,73m²', clinicianEn: 'eGFR < 35 mL/min/1.73m²',
  },
  'egfr-below-30': {
    patientNl: 'Uw nieren werken veel minder goed.', patientEn: 'Your kidneys are working much less well.',
    clinicianNl: 'eGFR < 30 mL/min/1,73m²', clinicianEn: 'eGFR < 30 mL/min/1.73m²',
  },
  hypocalcaemia: {
    patientNl: 'Er is te weinig kalk in uw bloed.', patientEn: 'There is too little calcium in your blood.',
    clinicianNl: 'gecorrigeerd calcium onder de referentiewaarde', clinicianEn: 'corrected calcium below the reference range',
  },
  hypercalcaemia: {
    patientNl: 'Er is te veel kalk in uw bloed.', patientEn: 'There is too much calcium in your blood.',
    clinicianNl: 'gecorrigeerd calcium boven de referentiewaarde', clinicianEn: 'corrected calcium above the reference range',
  },
  'osteomalacia-suspected': {
    patientNl: 'Uw botten zijn misschien te zacht door een groot tekort aan vitamine D. Dat moet eerst beter.',
    patientEn: 'Your bones may be too soft because of a large lack of vitamin D. That needs treating first.',
    clinicianNl: 'verdenking osteomalacie (25-OH-vitamine D < 30 nmol/L met laag calcium of klachten); verwijzen',
    clinicianEn: 'suspected osteomalacia (25-OH vitamin D < 30 nmol/L with low calcium or symptoms); refer',
  },
  'vitamin-d-below-30': {
    patientNl: 'U heeft te weinig vitamine D. U krijgt eerst extra vitamine D.',
    patientEn: 'You have too little vitamin D. You will first get extra vitamin D.',
    clinicianNl: '25-OH-vitamine D < 30 nmol/L: eerst aanvullen, start na 6 weken',
    clinicianEn: '25-OH vitamin D < 30 nmol/L: replete first, start after 6 weeks',
  },
  'cannot-stay-upright': {
    patientNl: 'Na de tablet moet u een tijd rechtop blijven. Dat lukt nu niet.',
    patientEn: 'After the tablet you must stay upright for a while. That is not possible now.',
    clinicianNl: 'kan na inname niet rechtop blijven (30 min; ibandroninezuur 60 min)',
    clinicianEn: 'cannot stay upright after intake (30 min; ibandronic acid 60 min)',
  },
  'oesophageal-disorder': {
    patientNl: 'U heeft een probleem met uw slokdarm.', patientEn: 'You have a problem with your gullet.',
    clinicianNl: 'aandoening van de slokdarm', clinicianEn: 'oesophageal disorder',
  },
  'dental-treatment-pending': {
    patientNl: 'Er staat een behandeling bij de tandarts gepland. Laat die eerst doen.',
    patientEn: 'You have dental treatment planned. Have it done first.',
    clinicianNl: 'invasieve tandheelkundige behandeling gepland (risico op kaaknecrose)',
    clinicianEn: 'invasive dental treatment planned (risk of osteonecrosis of the jaw)',
  },
  'dental-check-missing': {
    patientNl: 'Laat eerst uw gebit nakijken bij de tandarts.', patientEn: 'Have your teeth checked by the dentist first.',
    clinicianNl: 'gebitscontrole niet vastgelegd (risico op kaaknecrose)',
    clinicianEn: 'dental check not recorded (risk of osteonecrosis of the jaw)',
  },
  'hip-fracture-repair-under-2-weeks': {
    patientNl: 'Uw heupoperatie is minder dan 2 weken geleden.', patientEn: 'Your hip operation was less than 2 weeks ago.',
    clinicianNl: 'heupfractuuroperatie < 2 weken geleden', clinicianEn: 'hip fracture repair < 2 weeks ago',
  },
  pregnancy: {
    patientNl: 'U bent zwanger.', patientEn: 'You are pregnant.',
    clinicianNl: 'zwangerschap', clinicianEn: 'pregnancy',
  },
  'mi-or-stroke-history': {
    patientNl: 'U heeft eerder een hartinfarct of beroerte gehad.', patientEn: 'You have had a heart attack or stroke before.',
    clinicianNl: 'voorgeschiedenis van myocardinfarct of CVA', clinicianEn: 'history of myocardial infarction or stroke',
  },
  'not-postmenopausal-woman': {
    patientNl: 'Dit medicijn is alleen voor vrouwen na de overgang.', patientEn: 'This medicine is only for women after the menopause.',
    clinicianNl: 'geen postmenopauzale vrouw', clinicianEn: 'not a postmenopausal woman',
  },
  'vte-history': {
    patientNl: 'U heeft eerder een bloedstolsel (trombose) gehad.', patientEn: 'You have had a blood clot (thrombosis) before.',
    clinicianNl: 'voorgeschiedenis van veneuze trombo-embolie', clinicianEn: 'history of venous thromboembolism',
  },
  hyperparathyroidism: {
    patientNl: 'Uw bijschildklier werkt misschien te hard.', patientEn: 'Your parathyroid gland may be working too hard.',
    clinicianNl: 'verdenking hyperparathyreoïdie', clinicianEn: 'suspected hyperparathyroidism',
  },
  'high-bone-turnover-unexplained': {
    patientNl: 'Uw bloed laat een onverklaard hoge botombouw zien.', patientEn: 'Your blood shows high bone turnover without a clear cause.',
    clinicianNl: 'alkalische fosfatase verhoogd zonder recente fractuur', clinicianEn: 'alkaline phosphatase raised without a recent fracture',
  },
  'skeletal-radiotherapy': {
    patientNl: 'U bent eerder bestraald op het bot.', patientEn: 'You have had radiotherapy on your bones.',
    clinicianNl: 'eerdere radiotherapie van het skelet', clinicianEn: 'prior skeletal radiotherapy',
  },
  'skeletal-malignancy': {
    patientNl: 'U heeft (gehad) kanker in het bot.', patientEn: 'You have (had) cancer in the bone.',
    clinicianNl: 'maligniteit in het skelet', clinicianEn: 'skeletal malignancy',
  },
  'lifetime-limit-reached': {
    patientNl: 'U heeft dit medicijn al zo lang gehad als mag.', patientEn: 'You have already had this medicine for as long as allowed.',
    clinicianNl: 'maximale levenslange behandelduur bereikt', clinicianEn: 'lifetime treatment limit reached',
  },
};
