// A place to drop a file or choose one (runs in the DOM): a dashed box that takes a dragged file
// and a button that opens the file picker. Plain drag events, as @mantine/dropzone is not a
// dependency; while it is on screen, a file dropped beside it is ignored instead of the browser
// opening it in place of the app.
import { useEffect, useRef, useState } from 'react';
import { Button, Paper, Stack, Text } from '@mantine/core';

interface Props {
  accept: string;
  prompt: string;
  or: string;
  choose: string;
  disabled?: boolean;
  onFile(file: File): void;
  testId: string;
}

export function DropZone({ accept, prompt, or, choose, disabled = false, onFile, testId }: Props): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    const stop = (e: DragEvent): void => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  return (
    <Paper
      withBorder
      p="xl"
      data-testid={testId}
      data-over={over || undefined}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-5)' : undefined,
        background: over ? 'var(--mantine-color-teal-0)' : undefined,
        textAlign: 'center',
      }}
      onDragOver={(e: React.DragEvent) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e: React.DragEvent) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <Stack gap="xs" align="center">
        <Text fw={500}>{prompt}</Text>
        <Text size="sm" c="dimmed">
          {or}
        </Text>
        <Button variant="light" disabled={disabled} onClick={() => input.current?.click()}>
          {choose}
        </Button>
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          data-testid={`${testId}-input`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared so that choosing the same file again still fires a change.
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </Stack>
    </Paper>
  );
}
