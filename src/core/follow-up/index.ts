// Stage: follow-up — visits after treatment start, the FLS time targets after a fracture, and the
// hand-over to the GP (clinical-rules.md §8).
// Sources: PATHWAY-UMC, NIV-2022, FLS-DB, IOF-KPI, BOTPAD-POLICY.
import type { Rule } from '../rule.js';
import { handoverRule, scheduleRule } from './schedule.rule.js';
import { flsTimingRule } from './fls-timing.rule.js';

export { followUpItems, itemStatus, treatmentStart, HANDOVER_REASONS } from './schedule.rule.js';
export type { FollowUpItem, FollowUpKind, FollowUpStatus } from './schedule.rule.js';

export { FLS_KPIS, flsItems } from './fls-timing.rule.js';
export type { FlsItem, FlsKpi, FlsStatus } from './fls-timing.rule.js';

export const rules: Rule[] = [scheduleRule, flsTimingRule, handoverRule];
