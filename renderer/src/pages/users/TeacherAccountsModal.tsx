// Opening accounts for many teachers at once (DOM): says how many, makes them, downloads the
// slips with the initial passwords, and keeps the file for a second download until closed, since
// the passwords exist nowhere else.
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { useAction } from '../../app/useAction';
import { downloadFile } from '../../components/files';
import { formatCount } from '../../components/format';

type Result = RouteOutput<'users.createForTeachers'>;

interface Props {
  opened: boolean;
  /** The chosen teachers, or undefined for every active teacher without an account. */
  teacherIds?: number[] | undefined;
  /** How many would get an account (every teacher without one), when teacherIds is undefined. */
  withoutAccount?: number | undefined;
  onClose(changed: boolean): void;
}

export function TeacherAccountsModal({ opened, teacherIds, withoutAccount, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const create = useAction('users.createForTeachers');
  const [result, setResult] = useState<Result | null>(null);
  const close = (): void => {
    const changed = (result?.created.length ?? 0) > 0;
    setResult(null);
    create.clear();
    onClose(changed);
  };
  const nothingToDo = teacherIds === undefined && withoutAccount === 0;
  return (
    <Modal opened={opened} onClose={close} title={t('teacherAccounts.title')} size="lg">
      <Stack data-testid="teacher-accounts">
        {!result && (
          <>
            <Text>
              {teacherIds ? t('teacherAccounts.introSome', { n: formatCount(teacherIds.length) }) : t('teacherAccounts.introAll', { n: formatCount(withoutAccount ?? 0), count: withoutAccount ?? 0 })}
            </Text>
            {!nothingToDo && <Alert color="orange">{t('teacherAccounts.slipsHint')}</Alert>}
          </>
        )}
        {result && (
          <>
            <Alert color={result.created.length ? 'teal' : 'gray'} data-testid="teacher-accounts-done">
              {result.created.length ? t('teacherAccounts.done', { n: formatCount(result.created.length) }) : t('teacherAccounts.noneMade')}
            </Alert>
            {result.skipped.length > 0 && (
              <List size="sm" data-testid="teacher-accounts-skipped">
                {result.skipped.map((s) => (
                  <List.Item key={s.teacherId}>
                    {s.reason === 'hasAccount' ? t('teacherAccounts.skippedHasAccount', { name: s.name, username: s.username }) : t('teacherAccounts.skippedInactive', { name: s.name })}
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
        {create.error && <Alert color="red">{create.error}</Alert>}
        <Group justify="flex-end">
          {result?.slips && (
            <Button variant="light" onClick={() => result.slips && downloadFile(result.slips)} data-testid="teacher-accounts-again">
              {t('teacherAccounts.downloadAgain')}
            </Button>
          )}
          <Button variant="default" onClick={close}>
            {result ? t('teacherAccounts.close') : t('common.cancel')}
          </Button>
          {!result && !nothingToDo && (
            <Button
              loading={create.busy}
              data-testid="teacher-accounts-submit"
              onClick={async () => {
                const r = await create.run(teacherIds ? { teacherIds } : {});
                if (!r) return;
                setResult(r);
                if (r.slips) downloadFile(r.slips);
              }}
            >
              {t('teacherAccounts.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
