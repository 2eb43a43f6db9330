// What the role test (test/core/roles.test.ts) builds once per mode and hands to every sample.
import type { Installation } from '../../../electron/core/app/installation';
import type { RouteInput, RouteName } from '../../../shared/api/contract';
import type { Mode } from '../../../shared/domain/roles';
import type { TestClock } from '../../support/installation';

export type TeacherFieldsWithId = RouteInput<'teachers.update'>;

export interface Fixture {
  mode: Mode;
  inst: Installation;
  clock: TestClock;
  /** A spare account that password resets and (de)activation are tried on. */
  targetId: number;
  /** A backup taken at the start, which backup.restore puts back at the end. */
  backupFile: string;
  counter: number;
  /** School data the credit routes act on (zeros in a bureau, where those routes are refused anyway). */
  teacher: TeacherFieldsWithId;
  classId: number;
  items: Record<string, number>;
  recordId: number;
  evidence: { recordId: number; sha256: string };
  objectionId: number;
  ownRecordId: number;
  /** Two reports of teacher 1 (the teacher account's own): one to confirm in the app, one on paper. */
  reportId: number;
  paperReportId: number;
}

/** A valid input for each route of one group, built from the fixture. */
export type Samples<G> = { [R in keyof G & RouteName]: (f: Fixture) => RouteInput<R> };
