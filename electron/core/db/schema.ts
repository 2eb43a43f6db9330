// Drizzle schema of one installation's SQLite file (core, plain Node). drizzle-kit generates the
// committed migrations in electron/core/db/migrations from this file: edit here, then `npm run db:generate`.
import { sqliteTable, text, integer, blob, index, uniqueIndex, primaryKey, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

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

/**
 * The personal part of an audit entry about a student (names, numbers, phones, what a record
 * says), kept out of audit_log so that the auditor, who reads the log, never receives it. The
 * entry's diff holds this row's SHA-256, so the chain still vouches for it.
 */
export const auditPrivate = sqliteTable('audit_private', {
  seq: integer('seq')
    .primaryKey()
    .references(() => auditLog.seq),
  data: text('data').notNull(),
});

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
    /** public_school | private_school | training (shared/domain/supervision.ts INSTITUTION_KINDS). */
    kind: text('kind').notNull(),
    township: text('township').notNull(),
    /** active | suspended | closed. */
    status: text('status').notNull().default('active'),
    /** 网格: the grid area whose supervisor answers for the institution. */
    grid: text('grid').notNull().default(''),
    address: text('address').notNull().default(''),
    legalRep: text('legal_rep').notNull().default(''),
    /** 办学许可证 number and validity; public schools may have none. */
    licenceNo: text('licence_no'),
    licenceValidUntil: text('licence_valid_until'),
    createdAt: text('created_at').notNull().default('2026-01-01T00:00:00.000Z'),
  },
  (t) => [uniqueIndex('institutions_uscc').on(t.uscc), index('institutions_kind').on(t.kind)],
);

/** 从业人员 of a training institution (or private school), each with a credit file of their own. */
export const practitioners = sqliteTable(
  'practitioners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    idNumber: text('id_number').notNull(),
    post: text('post').notNull(),
    qualification: text('qualification').notNull().default(''),
    status: text('status').notNull().default('active'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('practitioners_institution_id_number').on(t.institutionId, t.idNumber), index('practitioners_id_number').on(t.idNumber)],
);

/** 年度报告: one per institution and year; a correction is a new row that supersedes the old. */
export const annualReports = sqliteTable(
  'annual_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    year: integer('year').notNull(),
    submittedOn: text('submitted_on').notNull(),
    /** The report's figures and statements as JSON (students, staff, income, fees held, …). */
    content: text('content').notNull(),
    conclusion: text('conclusion').notNull(),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => annualReports.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('annual_reports_institution').on(t.institutionId, t.year), uniqueIndex('annual_reports_supersedes').on(t.supersedesId)],
);

/**
 * 行政许可 and 行政处罚 in the fields of the national 双公示 data (docs/DOUBLE-PUBLICITY.md): the
 * common fields as columns, the kind-specific ones in \`fields\` (JSON). Each decision also enters
 * the subject's credit file as a record (record_id). A correction supersedes, never overwrites.
 */
export const enforcementDecisions = sqliteTable(
  'enforcement_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** licence | penalty */
    kind: text('kind').notNull(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    docNo: text('doc_no').notNull(),
    decidedOn: text('decided_on').notNull(),
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    content: text('content').notNull(),
    authority: text('authority').notNull(),
    authorityUscc: text('authority_uscc').notNull(),
    fields: text('fields').notNull(),
    recordId: integer('record_id').references(() => creditRecords.id),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => enforcementDecisions.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('enforcement_institution').on(t.institutionId, t.kind), uniqueIndex('enforcement_supersedes').on(t.supersedesId)],
);

/**
 * An entry on a red, black or white list, the key supervision list or the key monitoring objects.
 * Proposed (by a rule, by hand or by a negative-list case), then approved or rejected by a bureau
 * administrator with a reason; approved entries run from start_on to end_on and may be published.
 */
export const listEntries = sqliteTable(
  'list_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    list: text('list').notNull(),
    /** institution | practitioner | teacher */
    subjectKind: text('subject_kind').notNull(),
    /** The institution's or practitioner's id, or `<school USCC>/<the school's teacher id>`. */
    subjectKey: text('subject_key').notNull(),
    subjectName: text('subject_name').notNull(),
    /** rule | manual | case */
    origin: text('origin').notNull(),
    rule: text('rule'),
    caseId: integer('case_id').references((): AnySQLiteColumn => negativeCases.id),
    reason: text('reason').notNull(),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: text('proposed_at').notNull(),
    /** proposed | approved | rejected | ended */
    state: text('state').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    startOn: text('start_on').notNull(),
    endOn: text('end_on').notNull(),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    publishedAt: text('published_at'),
    endedAt: text('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [index('list_entries_subject').on(t.subjectKind, t.subjectKey), index('list_entries_list_state').on(t.list, t.state)],
);

/** 负面清单 case of a private school: its state follows shared/domain/negativeList.ts. */
export const negativeCases = sqliteTable(
  'negative_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    matter: text('matter').notNull(),
    facts: text('facts').notNull(),
    openedOn: text('opened_on').notNull(),
    state: text('state').notNull(),
    /** The I-N01 record the case put in the school's credit file. */
    recordId: integer('record_id').references(() => creditRecords.id),
    noticeNumber: text('notice_number'),
    noticeRequirements: text('notice_requirements'),
    noticeIssuedOn: text('notice_issued_on'),
    noticeDeadline: text('notice_deadline'),
    /** The issued notice PDF, in the evidence store. */
    noticeSha256: text('notice_sha256').references(() => evidenceFiles.sha256),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('negative_cases_number').on(t.number), index('negative_cases_institution').on(t.institutionId), index('negative_cases_state').on(t.state)],
);

/** Every transition of a case, with who, when and why: the case's history. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => negativeCases.id),
    event: text('event').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    occurredOn: text('occurred_on').notNull(),
    reason: text('reason').notNull(),
    listEntryId: integer('list_entry_id').references(() => listEntries.id),
    by: integer('by')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('case_events_case').on(t.caseId)],
);

/** A funding application round, an honour or an evaluation: where credit decides (信用审查). */
export const decisionRounds = sqliteTable('decision_rounds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** funding | honour | evaluation */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  openedOn: text('opened_on').notNull(),
  /** open | closed */
  state: text('state').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const decisionApplicants = sqliteTable(
  'decision_applicants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => decisionRounds.id),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** What is asked: an amount in yuan for funding, a title for an honour, a level for an evaluation. */
    request: text('request').notNull(),
    /** The credit review when the decision was made: grade, score, restrictions (JSON). */
    review: text('review'),
    /** granted | declined | null while undecided */
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
  },
  (t) => [uniqueIndex('decision_applicants_round_institution').on(t.roundId, t.institutionId)],
);

/** 检查抽查: a plan groups inspections; a double-random draw records its seed and its result. */
export const inspectionPlans = sqliteTable('inspection_plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  /** routine | spot | double_random */
  kind: text('kind').notNull(),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const draws = sqliteTable('draws', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planId: integer('plan_id')
    .notNull()
    .references(() => inspectionPlans.id),
  seed: text('seed').notNull(),
  rulesVersion: integer('rules_version').notNull(),
  /** The candidates with their grades and weights, and the inspector pool, as drawn from (JSON). */
  pool: text('pool').notNull(),
  /** The drawn targets and inspectors (JSON). */
  result: text('result').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const inspections = sqliteTable(
  'inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').references(() => inspectionPlans.id),
    drawId: integer('draw_id').references(() => draws.id),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The inspectors' user ids (JSON array). */
    inspectors: text('inspectors').notNull(),
    dueOn: text('due_on').notNull(),
    /** planned | done | cancelled */
    state: text('state').notNull(),
    doneOn: text('done_on'),
    /** pass | problems | serious */
    result: text('result'),
    findings: text('findings'),
    recordId: integer('record_id').references(() => creditRecords.id),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('inspections_institution').on(t.institutionId), index('inspections_state_due').on(t.state, t.dueOn)],
);

/** One run of grading over every subject: the counts by kind and grade, for the trend charts. */
export const gradingRuns = sqliteTable('grading_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  rulesVersion: integer('rules_version').notNull(),
  asOf: text('as_of').notNull(),
  counts: text('counts').notNull(),
  ms: integer('ms').notNull(),
  by: text('by').notNull(),
  at: text('at').notNull(),
});

/** 公共信用信息目录: each published version is kept; records point at the item of their version. */
export const catalogueVersions = sqliteTable('catalogue_versions', {
  version: integer('version').primaryKey(),
  publishedAt: text('published_at').notNull(),
  publisher: text('publisher').notNull(),
  note: text('note').notNull(),
});

export const catalogueItems = sqliteTable(
  'catalogue_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    version: integer('version')
      .notNull()
      .references(() => catalogueVersions.version),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    infoClass: text('info_class').notNull(),
    subjectKinds: text('subject_kinds').notNull(),
    polarity: text('polarity').notNull(),
    points: integer('points').notNull(),
    disclosureMonths: integer('disclosure_months').notNull(),
    evidenceRequired: integer('evidence_required', { mode: 'boolean' }).notNull(),
    /** A student sanction that is released (解除) after its period rather than repaired. */
    releasable: integer('releasable', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('catalogue_items_version_code').on(t.version, t.code)],
);

/**
 * One fact about a subject. Never updated: an amendment or a revocation is a new row pointing at
 * the row it supersedes; expires_on is fixed at entry from the item's disclosure period.
 */
export const creditRecords = sqliteTable(
  'credit_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectKind: text('subject_kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => catalogueItems.id),
    occurredOn: text('occurred_on').notNull(),
    expiresOn: text('expires_on').notNull(),
    description: text('description').notNull(),
    kind: text('kind').notNull(),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => creditRecords.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    source: text('source').notNull().default('local'),
  },
  (t) => [
    index('records_subject').on(t.subjectKind, t.subjectId, t.occurredOn),
    // Unique: a record is superseded at most once, so its history is a line, never a fork.
    uniqueIndex('records_supersedes').on(t.supersedesId),
    index('records_item').on(t.itemId),
    index('records_occurred').on(t.occurredOn),
  ],
);

/** Evidence files: content-addressed, stored encrypted under evidence/ in the data folder. */
export const evidenceFiles = sqliteTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
});

export const recordEvidence = sqliteTable(
  'record_evidence',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => creditRecords.id),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    fileName: text('file_name').notNull(),
  },
  (t) => [uniqueIndex('record_evidence_pk').on(t.recordId, t.sha256)],
);

/** 异议: raised by the teacher the record is about, decided by an administrator. */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => creditRecords.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    raisedAt: text('raised_at').notNull(),
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
  },
  (t) => [index('objections_record').on(t.recordId), index('objections_open').on(t.decision)],
);

/** What a teacher attached to an objection: evidence files, stored like a record's. */
export const objectionEvidence = sqliteTable(
  'objection_evidence',
  {
    objectionId: integer('objection_id')
      .notNull()
      .references(() => objections.id),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    fileName: text('file_name').notNull(),
  },
  (t) => [uniqueIndex('objection_evidence_pk').on(t.objectionId, t.sha256)],
);

/** 信用修复, or 解除 of a student sanction: the record stops counting from that date. */
export const repairs = sqliteTable(
  'repairs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => creditRecords.id),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    effectiveOn: text('effective_on').notNull(),
    by: integer('by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('repairs_record').on(t.recordId)],
);

/**
 * A teacher's personal Ed25519 key: the private half wrapped under a key derived from the
 * teacher's password, so only the teacher can sign. A forgotten password retires the key; the
 * public half stays to verify what it signed.
 */
export const teacherKeys = sqliteTable(
  'teacher_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    teacherId: integer('teacher_id')
      .notNull()
      .references(() => teachers.id),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    wrappedPrivate: text('wrapped_private').notNull(),
    createdAt: text('created_at').notNull(),
    retiredAt: text('retired_at'),
  },
  (t) => [index('teacher_keys_user').on(t.userId)],
);

/** 信用报告: a frozen snapshot of a teacher's file, numbered per school and year. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    teacherId: integer('teacher_id')
      .notNull()
      .references(() => teachers.id),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    snapshot: text('snapshot').notNull(),
    snapshotHash: text('snapshot_hash').notNull(),
    /** The newest audit entry about the teacher's file when the snapshot was taken. */
    fileAuditSeq: integer('file_audit_seq').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('reports_number').on(t.number), index('reports_teacher').on(t.teacherId), uniqueIndex('reports_year_serial').on(t.year, t.serial)],
);

/** Every PDF the app issued, by its SHA-256: verification checks a file against this register. */
export const reportFiles = sqliteTable('report_files', {
  sha256: text('sha256').primaryKey(),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id),
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** 签字确认: in the app with the teacher's key, or on paper with the scan attached. */
export const confirmations = sqliteTable(
  'confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').notNull(),
    teacherKeyId: integer('teacher_key_id').references(() => teacherKeys.id),
    signature: text('signature'),
    handwritingSha256: text('handwriting_sha256').references(() => evidenceFiles.sha256),
    scanSha256: text('scan_sha256').references(() => evidenceFiles.sha256),
    confirmedAt: text('confirmed_at').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('confirmations_report').on(t.reportId)],
);

/**
 * Installations this one exchanges bundles with (electron/core/sync): a bureau's enrolled schools,
 * or a school's one bureau, by the public halves of their identity card.
 */
export const syncPartners = sqliteTable('sync_partners', {
  uscc: text('uscc').primaryKey(),
  mode: text('mode').notNull(),
  name: text('name').notNull(),
  /** Ed25519 public key, raw 32 bytes in base64. */
  signKey: text('sign_key').notNull(),
  ageRecipient: text('age_recipient').notNull(),
  fingerprint: text('fingerprint').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
  /** The last of the partner's sequences applied here. */
  lastApplied: integer('last_applied').notNull().default(0),
  /** The last of our sequences the partner said it applied. */
  peerAcked: integer('peer_acked').notNull().default(0),
});

/** Bundles made for a partner; the bytes are kept until acknowledged, so a lost file can be re-exported. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    recipient: text('recipient').notNull(),
    seq: integer('seq').notNull(),
    createdAt: text('created_at').notNull(),
    innerHash: text('inner_hash').notNull(),
    fileName: text('file_name').notNull(),
    counts: text('counts').notNull(),
    bytes: integer('bytes').notNull(),
    data: blob('data', { mode: 'buffer' }),
  },
  (t) => [primaryKey({ columns: [t.recipient, t.seq] })],
);

/** Bundles applied here: a second import of the same sequence is a no-op only if its hash matches. */
export const syncInbox = sqliteTable(
  'sync_inbox',
  {
    sender: text('sender').notNull(),
    seq: integer('seq').notNull(),
    innerHash: text('inner_hash').notNull(),
    appliedAt: text('applied_at').notNull(),
    counts: text('counts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sender, t.seq] })],
);

/** What a school last sent a partner, row by row, so the next bundle carries only what changed. */
export const syncSent = sqliteTable(
  'sync_sent',
  {
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    remoteId: text('remote_id').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipient, t.kind, t.remoteId] })],
);

/**
 * The bureau's copies of what schools sent: one row per (school, kind, the school's own id), as
 * the canonical JSON the school sent. Kinds: teacher, record, objection, repair, report,
 * reportFile, studentStats.
 */
export const receivedRows = sqliteTable(
  'received_rows',
  {
    school: text('school').notNull(),
    kind: text('kind').notNull(),
    remoteId: text('remote_id').notNull(),
    data: text('data').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.school, t.kind, t.remoteId] })],
);
