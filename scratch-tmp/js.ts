import { z } from 'zod';
import { Case } from '../src/core/case.schema.ts';
import { PatientInput } from '../src/schema/patient.schema.ts';
process.stdout.write(JSON.stringify([z.toJSONSchema(Case), z.toJSONSchema(PatientInput, { io: 'input' })], null, 1));
