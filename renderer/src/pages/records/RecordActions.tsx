// What can be done to one record (DOM): amend and revoke (administrator and clerk), credit repair or
// release of a student sanction (administrator). The buttons follow the same rules as the core so
// nobody is offered a step that would fail; the core still decides and its error is shown.
import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { COUNTING } from '../../../../shared/domain/creditRules';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { ReasonForm } from '../../components/ReasonForm';
import { itemName } from '../../components/catalogue';
import { RecordForm } from './RecordForm';

const STAFF = ['school_admin', 'records_clerk'];

export function canChange(r: RecordView): boolean {
  return r.kind !== 'revocation' && r.supersededById === null && r.repair === null;
}

export function canRepair(r: RecordView): boolean {
  return r.item.polarity === 'negative' && COUNTING.includes(r.status) && r.supersededById === null && r.kind !== 'revocation';
}

/** compact: the small quiet buttons of a timeline entry, where every record has them. */
export function RecordActions({ record, onChanged, compact = false }: { record: RecordView; onChanged(r: RecordView): void; compact?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { me } = useSession();
  const [open, setOpen] = useState<'amend' | 'revoke' | 'repair' | null>(null);
  const revoke = useAction('records.revoke');
  const repair = useAction('records.repair');
  const staff = STAFF.includes(me.user.role);
  const admin = me.user.role === 'school_admin';
  const change = staff && canChange(record);
  const mend = admin && canRepair(record);
  if (!change && !mend) return null;
  const release = record.item.releasable;
  const title = `#${record.id} ${record.subjectName} · ${itemName(record.item)}`;

  return (
    <>
      <Group gap="xs" onClick={(e) => e.stopPropagation()}>
        {change && (
          <>
            <Button size={compact ? 'compact-xs' : 'xs'} variant={compact ? 'subtle' : 'light'} onClick={() => setOpen('amend')} data-testid="record-amend">
              {t('records.amend')}
            </Button>
            <Button size={compact ? 'compact-xs' : 'xs'} variant={compact ? 'subtle' : 'light'} color="red" onClick={() => setOpen('revoke')} data-testid="record-revoke">
              {t('records.revoke')}
            </Button>
          </>
        )}
        {mend && (
          <Button size={compact ? 'compact-xs' : 'xs'} variant={compact ? 'subtle' : 'light'} color="indigo" onClick={() => setOpen('repair')} data-testid="record-repair">
            {release ? t('records.release') : t('records.repair')}
          </Button>
        )}
      </Group>
      <Modal opened={open === 'amend'} onClose={() => setOpen(null)} title={`${t('records.amend')} · ${title}`} size="lg">
        {open === 'amend' && (
          <RecordForm
            amending={record}
            kinds={[record.subjectKind]}
            onCancel={() => setOpen(null)}
            onDone={(r) => {
              setOpen(null);
              notifications.show({ color: 'teal', message: t('records.amended', { id: r.id }) });
              onChanged(r);
            }}
          />
        )}
      </Modal>
      <Modal opened={open === 'revoke'} onClose={() => setOpen(null)} title={`${t('records.revoke')} · ${title}`}>
        {open === 'revoke' && (
          <ReasonForm
            label={t('records.revokeReason')}
            submitLabel={t('records.revoke')}
            color="red"
            busy={revoke.busy}
            error={revoke.apiError}
            onCancel={() => setOpen(null)}
            onSubmit={async (reason) => {
              const r = await revoke.run({ recordId: record.id, reason });
              if (r) {
                setOpen(null);
                notifications.show({ color: 'teal', message: t('records.revoked') });
                onChanged(r);
              }
            }}
          >
            <Text size="sm" c="dimmed">
              {t('records.auditNote')}
            </Text>
          </ReasonForm>
        )}
      </Modal>
      <Modal opened={open === 'repair'} onClose={() => setOpen(null)} title={`${release ? t('records.release') : t('records.repair')} · ${title}`}>
        {open === 'repair' && (
          <ReasonForm
            label={release ? t('records.releaseReason') : t('records.repairReason')}
            dateLabel={t('records.effectiveOn')}
            datePath="effectiveOn"
            submitLabel={release ? t('records.release') : t('records.repair')}
            color="indigo"
            busy={repair.busy}
            error={repair.apiError}
            onCancel={() => setOpen(null)}
            onSubmit={async (reason, effectiveOn) => {
              const r = await repair.run({ recordId: record.id, reason, effectiveOn });
              if (r) {
                setOpen(null);
                notifications.show({ color: 'teal', message: release ? t('records.released') : t('records.repaired') });
                onChanged(r);
              }
            }}
          />
        )}
      </Modal>
    </>
  );
}
