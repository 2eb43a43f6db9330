// First run (DOM): a new school or bureau installation, or demo data; then the recovery key.
import { useState } from 'react';
import { Alert, Button, Card, Center, Container, Group, PasswordInput, Radio, SimpleGrid, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkUscc } from '../../../../shared/domain/uscc';
import { describeUsccProblem } from '../../../../shared/api/messages';
import type { Mode } from '../../../../shared/domain/roles';
import { currentLang } from '../../i18n';
import { useAction } from '../../app/useAction';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { formErrors } from '../../components/fieldErrors';

type Path = 'choose' | 'new' | 'demo';

/** The core's limit for an organisation's name (shared/api/contract.ts). */
const ORG_NAME_MAX = 100;

function PasswordPair({
  value,
  onChange,
  repeat,
  onRepeat,
  error,
}: {
  value: string;
  onChange(v: string): void;
  repeat: string;
  onRepeat(v: string): void;
  /** The core's refusal of this password, in words. */
  error: string | undefined;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput label={t('setup.password')} description={t('setup.passwordHint')} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} required />
      <PasswordInput
        label={t('setup.password2')}
        value={repeat}
        onChange={(e) => onRepeat(e.currentTarget.value)}
        error={repeat && repeat !== value ? t('setup.passwordMismatch') : null}
        required
      />
    </>
  );
}

export function SetupWizard({ onDone, interrupted }: { onDone(): void; interrupted: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const [path, setPath] = useState<Path>('choose');
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<Mode>('school');
  const [orgName, setOrgName] = useState('');
  const [uscc, setUscc] = useState('');
  const [admin, setAdmin] = useState({ username: 'admin', displayName: '', password: '', repeat: '' });
  const [recovery, setRecovery] = useState<{ key: string; org: string } | null>(null);
  const init = useAction('setup.init');
  const demo = useAction('setup.demo');
  const initErrors = formErrors(init.apiError, ['admin.password', 'admin.username', 'admin.displayName', 'orgName', 'uscc']);
  // The core's word on the USCC belongs at the USCC field too, on its own step.
  const usccRefused = init.apiError?.code === 'INVALID_USCC' ? (initErrors.general ?? undefined) : initErrors.fields.uscc;
  const orgStepError = initErrors.fields.orgName !== undefined || usccRefused !== undefined;
  const demoErrors = formErrors(demo.apiError, ['password']);

  const usccCheck = uscc ? checkUscc(uscc) : null;
  const usccError = usccCheck && !usccCheck.ok ? describeUsccProblem(usccCheck.problem, currentLang()) : null;
  const passwordsOk = admin.password.length >= 8 && admin.password === admin.repeat;

  if (recovery) {
    return (
      <Container size="sm" py="xl">
        <RecoveryKeySheet recoveryKey={recovery.key} orgName={recovery.org} onDone={onDone} />
      </Container>
    );
  }

  const header = (
    <Stack gap={4} mb="lg">
      <Title order={2}>{t('setup.title')}</Title>
      <Text c="dimmed">{t('setup.subtitle')}</Text>
      {interrupted && (
        <Alert color="orange" data-testid="setup-interrupted">
          {t('setup.interrupted')}
        </Alert>
      )}
    </Stack>
  );

  if (path === 'choose') {
    return (
      <Container size="md" py="xl">
        {header}
        <SimpleGrid cols={2}>
          <Card withBorder padding="lg" component="button" onClick={() => setPath('new')} style={{ cursor: 'pointer', textAlign: 'left' }} data-testid="path-new">
            <Title order={4}>{t('setup.newInstall')}</Title>
            <Text c="dimmed" size="sm" mt="xs">
              {t('setup.newInstallHint')}
            </Text>
          </Card>
          <Card withBorder padding="lg" component="button" onClick={() => setPath('demo')} style={{ cursor: 'pointer', textAlign: 'left' }} data-testid="path-demo">
            <Title order={4}>{t('setup.demo')}</Title>
            <Text c="dimmed" size="sm" mt="xs">
              {t('setup.demoHint')}
            </Text>
          </Card>
        </SimpleGrid>
      </Container>
    );
  }

  if (path === 'demo') {
    return (
      <Container size="sm" py="xl">
        {header}
        <Stack>
          <Radio.Group label={t('setup.demoScale')} value={mode} onChange={(v) => setMode(v as Mode)}>
            <Stack gap="xs" mt="xs">
              <Radio value="school" label={t('setup.demoSchool')} />
              <Radio value="bureau" label={t('setup.demoBureau')} />
            </Stack>
          </Radio.Group>
          <PasswordPair
            value={admin.password}
            onChange={(password) => {
              setAdmin({ ...admin, password });
              demo.clear();
            }}
            repeat={admin.repeat}
            onRepeat={(repeat) => setAdmin({ ...admin, repeat })}
            error={demoErrors.fields.password}
          />
          <Text size="sm" c="dimmed">
            {t('setup.demoPasswordHint')}
          </Text>
          {demoErrors.general && <Alert color="red">{demoErrors.general}</Alert>}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setPath('choose')}>
              {t('common.back')}
            </Button>
            <Button
              disabled={!passwordsOk}
              loading={demo.busy}
              onClick={async () => {
                const r = await demo.run({ scale: mode, password: admin.password });
                if (r) setRecovery({ key: r.recoveryKey, org: r.orgName });
              }}
            >
              {t('setup.create')}
            </Button>
          </Group>
        </Stack>
      </Container>
    );
  }

  return (
    <Container size="md" py="xl">
      {header}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label={t('setup.stepMode')}>
          <Radio.Group value={mode} onChange={(v) => setMode(v as Mode)} mt="md">
            <Stack>
              <Radio value="school" label={t('setup.modeSchool')} description={t('setup.modeSchoolHint')} />
              <Radio value="bureau" label={t('setup.modeBureau')} description={t('setup.modeBureauHint')} />
            </Stack>
          </Radio.Group>
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepOrg')}>
          <Stack mt="md">
            <TextInput
              label={t('setup.orgName')}
              placeholder={t('setup.orgNamePlaceholder')}
              value={orgName}
              onChange={(e) => setOrgName(e.currentTarget.value)}
              error={initErrors.fields.orgName ?? (orgName.trim().length > ORG_NAME_MAX ? t('common.tooLong', { over: orgName.trim().length - ORG_NAME_MAX, max: ORG_NAME_MAX }) : undefined)}
              required
              data-testid="setup-org-name"
            />
            <TextInput
              label={t('setup.uscc')}
              description={usccCheck?.ok ? `${t('setup.usccHint')} · ✓ ${t('setup.usccOk')}` : t('setup.usccHint')}
              value={uscc}
              maxLength={18}
              onChange={(e) => setUscc(e.currentTarget.value.toUpperCase())}
              error={usccError ?? usccRefused}
              required
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepAdmin')}>
          <Stack mt="md">
            <TextInput
              label={t('setup.adminUser')}
              value={admin.username}
              onChange={(e) => setAdmin({ ...admin, username: e.currentTarget.value })}
              error={initErrors.fields['admin.username']}
              required
            />
            <TextInput
              label={t('setup.adminName')}
              value={admin.displayName}
              onChange={(e) => setAdmin({ ...admin, displayName: e.currentTarget.value })}
              error={initErrors.fields['admin.displayName']}
              required
            />
            <PasswordPair
              value={admin.password}
              onChange={(password) => {
                setAdmin({ ...admin, password });
                init.clear();
              }}
              repeat={admin.repeat}
              onRepeat={(repeat) => setAdmin({ ...admin, repeat })}
              error={initErrors.fields['admin.password']}
            />
            {!orgStepError && initErrors.general && <Alert color="red">{initErrors.general}</Alert>}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="xl">
        <Button variant="default" onClick={() => (step === 0 ? setPath('choose') : setStep(step - 1))}>
          {t('common.back')}
        </Button>
        {step < 2 ? (
          <Button onClick={() => setStep(step + 1)} disabled={step === 1 && (orgName.trim().length < 2 || orgName.trim().length > ORG_NAME_MAX || !usccCheck?.ok)}>
            {t('common.next')}
          </Button>
        ) : (
          <Button
            loading={init.busy}
            disabled={!passwordsOk || !admin.displayName.trim()}
            onClick={async () => {
              const r = await init.run({
                mode,
                orgName,
                uscc,
                admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
                language: currentLang(),
              });
              if (r) setRecovery({ key: r.recoveryKey, org: orgName });
              // A refusal of the organisation's name or code is shown on the step where they are typed.
              else if (init.refusedAt(['orgName', 'uscc'], ['INVALID_USCC'])) setStep(1);
            }}
          >
            {t('setup.create')}
          </Button>
        )}
      </Group>
      {init.busy && (
        <Center mt="md">
          <Text c="dimmed">{t('setup.creating')}</Text>
        </Center>
      )}
    </Container>
  );
}
