// A place to drop files or choose them (runs in the DOM): a dashed box that takes dragged files and
// a button that opens the file picker, one file or several. Plain drag events, as @mantine/dropzone
// is not a dependency; while it is on screen, a file dropped beside it is ignored instead of the
// browser opening it in place of the app.
import { useEffect, useRef, useState } from 'react';
import { Button, Paper, Stack, Text } from '@mantine/core';

interface Props {
  accept: string;
  multiple?: boolean;
  prompt: string;
  or: string;
  choose: string;
  disabled?: boolean;
  onFiles(files: File[]): void;
  testId: string;
}

export function FileDrop({ accept, multiple = false, prompt, or, choose, disabled = false, onFiles, testId }: Props): React.JSX.Element {
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

  const take = (list: FileList | null | undefined): void => {
    const files = [...(list ?? [])];
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <Paper
      withBorder
      p="lg"
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
        take(e.dataTransfer.files);
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
          multiple={multiple}
          hidden
          data-testid={`${testId}-input`}
          onChange={(e) => {
            const files = e.currentTarget.files;
            take(files);
            // Cleared so that choosing the same file again still fires a change.
            e.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
