// Registers the server-rendered pages on the shared Fastify instance, one slice per feature; each
// slice holds its routes, pages and view models. Pages are plain HTML with links and forms; none
// needs JavaScript. The web layer reaches data only through src/api.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from './render.js';
import { ErrorPage } from './public/public.page.js';
import { pageContextSync } from './page-context.js';
import { pageKit } from './page-kit.js';
import { registerPublicPages } from './public/public.route.js';
import { registerAccountPages } from './accounts/accounts.route.js';
import { registerOwnRecordPages } from './me/me.route.js';
import { registerCaregiverPages } from './me/caregivers.route.js';
import { registerQuestionnairePages } from './questionnaires/questionnaires.route.js';
import { registerResultsPages } from './results/results.route.js';
import { registerMyMedicinesPages } from './my-medicines/my-medicines.route.js';
import { registerPlanPages } from './plan/plan.route.js';
import { registerCalendarPages } from './calendar/calendar.route.js';
import { registerPatientPages } from './patients/patients.route.js';
import { registerAdminPages } from './admin/admin.route.js';
import { registerFactPages } from './facts/facts.route.js';
import { registerRecordPages } from './record/record.route.js';
import { registerIntakePages } from './intake/intake.route.js';
import { registerAssessmentPages } from './record/assessment.route.js';
import { registerDecisionPages } from './decision/decision.route.js';
import { registerLearnPages } from './learn/learn.route.js';
import { registerWorklistPages } from './worklist/worklist.route.js';
import { registerLogisticsPages } from './logistics/logistics.route.js';
import { registerFollowUpPages } from './follow-up/follow-up.route.js';
import { registerMedicationPages } from './medication/medication.route.js';
import { registerQualityPages } from './quality/quality.route.js';
import { registerDiaryPages } from './diary/diary.route.js';
import { registerExercisePages } from './exercise/exercise.route.js';
import { registerChildLoadingPages } from './child-loading/child-loading.route.js';
import { registerChildAidsPages } from './child-aids/child-aids.route.js';
import { registerReportPages } from './reports/reports.route.js';
import { registerTherapyIntakePages } from './therapy-intake/therapy-intake.route.js';
import { registerMeasurementPages } from './measurements/measurements.route.js';
import { registerTherapyProgressPages } from './therapy-progress/therapy-progress.route.js';
import { registerCoachingPages } from './coaching/coaching.route.js';
import { registerReferralPages } from './referrals/referrals.route.js';
import { registerGroupPages } from './groups/groups.route.js';
import { registerChildPages } from './child/child.route.js';

export function htmlError(app: FastifyInstance) {
  return (req: FastifyRequest, reply: FastifyReply, status: number): string => {
    const ctx = pageContextSync(app, req, { demo: false, reply });
    const kind = status === 404 ? 'not-found' : status === 403 || status === 401 ? 'forbidden' : 'server';
    return renderPage(<ErrorPage ctx={ctx} kind={kind} />);
  };
}

export function registerWebRoutes(fastify: FastifyInstance): void {
  registerPublicPages(fastify);
  registerLearnPages(fastify);
  const kit = pageKit(fastify);
  registerAccountPages(fastify, kit);
  registerOwnRecordPages(fastify, kit);
  registerCaregiverPages(fastify, kit);
  registerWorklistPages(fastify, kit);
  registerQualityPages(fastify, kit);
  registerQuestionnairePages(fastify, kit);
  registerResultsPages(fastify, kit);
  registerMyMedicinesPages(fastify, kit);
  registerPlanPages(fastify, kit);
  registerCalendarPages(fastify, kit);
  registerPatientPages(fastify, kit);
  registerRecordPages(fastify, kit);
  registerIntakePages(fastify, kit);
  registerAssessmentPages(fastify, kit);
  registerDecisionPages(fastify, kit);
  registerAdminPages(fastify, kit);
  registerFactPages(fastify, kit);
  registerLogisticsPages(fastify, kit);
  registerFollowUpPages(fastify, kit);
  registerMedicationPages(fastify, kit);
  registerDiaryPages(fastify, kit);
  registerExercisePages(fastify, kit);
  registerChildLoadingPages(fastify, kit);
  registerChildAidsPages(fastify, kit);
  registerReportPages(fastify, kit);
  registerTherapyIntakePages(fastify, kit);
  registerMeasurementPages(fastify, kit);
  registerCoachingPages(fastify, kit);
  registerReferralPages(fastify, kit);
  registerGroupPages(fastify, kit);
  registerChildPages(fastify, kit);
  registerTherapyProgressPages(fastify, kit);
}
