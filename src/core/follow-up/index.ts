// Stage: follow-up — visits after treatment start and the hand-over to the GP (clinical-rules.md §8).
// Sources: PATHWAY-UMC, NIV-2022, FLS-DB, IOF-KPI, BOTPAD-POLICY.
import type { Rule } from '../rule.js';
import { handoverRule, scheduleRule } from './schedule.rule.js';

export { followUpItems, itemStatus, treatmentStart, HANDOVER_REASONS } from './schedule.rule.js';
export type { FollowUpItem, FollowUpKind, FollowUpStatus } from './schedule.rule.js';

export const rules: Rule[] = [scheduleRule, handoverRule];
