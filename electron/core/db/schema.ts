// Drizzle schema of one installation's SQLite file (core, plain Node). drizzle-kit generates the
// committed migrations in electron/core/db/migrations from this file: edit here, then `npm run db:generate`.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Installation facts: mode, organisation name and USCC, installation id. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Accounts. The password verifier is the account's key slot (electron/core/keys): the scrypt key
 * that unwraps the DB key, so a password and its slot can never disagree.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    teacherId: integer('teacher_id').references(() => teachers.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

/** Hash-chained audit log: each entry's hash covers the previous one's. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    route: text('route').notNull(),
    subject: text('subject').notNull(),
    diff: text('diff').notNull(),
    diffHash: text('diff_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_actor').on(t.actor), index('audit_subject').on(t.subject), index('audit_at').on(t.at)],
);

export const teachers = sqliteTable(
  'teachers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    idNumber: text('id_number').notNull(),
    staffNo: text('staff_no').notNull(),
    subject: text('subject').notNull(),
    title: text('title').notNull(),
    hireDate: text('hire_date').notNull(),
    status: text('status').notNull().default('active'),
  },
  (t) => [uniqueIndex('teachers_id_number').on(t.idNumber), index('teachers_status').on(t.status)],
);

export const classes = sqliteTable(
  'classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    grade: text('grade').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('classes_grade_name').on(t.grade, t.name)],
);

export const students = sqliteTable(
  'students',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    studentNo: text('student_no').notNull(),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
    status: text('status').notNull().default('active'),
    guardianContact: text('guardian_contact'),
  },
  (t) => [uniqueIndex('students_student_no').on(t.studentNo), index('students_class').on(t.classId), index('students_status').on(t.status)],
);

/** Bureau registry: public schools, private schools and training institutions. */
export const institutions = sqliteTable(
  'institutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    kind: text('kind').notNull(),
    township: text('township').notNull(),
    status: text('status').notNull().default('active'),
  },
  (t) => [uniqueIndex('institutions_uscc').on(t.uscc), index('institutions_kind').on(t.kind)],
);
