// A page that throws while rendering (DOM) takes only itself down: the navigation and every other
// page stay usable, and the page says what failed, with the error to copy and a way to try again.
// Shell.tsx keys it by the view, so opening another page starts afresh.
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the one place a developer can read the component stack of a user's report.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <PageFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function PageFailed({ error, onRetry }: { error: Error; onRetry: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${error.name}: ${error.message}`;
  return (
    <Stack maw={720} data-testid="page-failed">
      <Alert color="red" title={t('pageFailed.title')}>
        <Text>{t('pageFailed.body')}</Text>
      </Alert>
      <Code block>{text}</Code>
      <Group>
        <Button onClick={onRetry}>{t('pageFailed.retry')}</Button>
        <Button variant="default" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
          {copied ? t('common.copied') : t('common.copyError')}
        </Button>
      </Group>
    </Stack>
  );
}
