// A folder on this computer, chosen in the system's own dialog (DOM; desktop app only): the path
// shows in the field, where it can still be corrected by hand. The core takes whole paths only.
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Shell } from '../api/shell';

interface Props {
  shell: Shell;
  label: string;
  /** The picker's title: what the folder is for. */
  title: string;
  value: string;
  onChange(path: string): void;
  error?: string | undefined;
  disabled?: boolean;
  testId?: string;
}

export function FolderField({ shell, label, title, value, onChange, error, disabled = false, testId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap" style={{ flex: '1 1 360px' }}>
      <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} disabled={disabled} style={{ flex: 1 }} data-testid={testId} />
      <Button
        variant="default"
        disabled={disabled}
        mb={error ? 22 : 0}
        onClick={async () => {
          const chosen = await shell.pickFolder(title);
          if (chosen) onChange(chosen);
        }}
        data-testid={testId ? `${testId}-pick` : undefined}
      >
        {t('common.chooseFolder')}
      </Button>
    </Group>
  );
}
