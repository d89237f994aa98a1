// The shared decision: the options that apply with their drugs and safety verdicts, and the
// patient's own picture (findings, FRAX risks as icon arrays). Pure: the day comes in.
export { decisionOptions, drugFits, OPTION_DRUGS, OPTION_FACTS, SIDE_EFFECTS, type DecisionOptions, type DecisionOptionView, type DrugVerdict, type OptionFacts, type SideEffect } from './options.js';
export { iconArray, patientPicture, ICON_ARRAY_COLUMNS, ICON_ARRAY_SIZE, type IconArray, type PatientPicture } from './picture.js';
