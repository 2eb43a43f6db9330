// A handwritten signature drawn with a mouse, a pen or a finger (runs in the DOM): a <canvas> fed
// by pointer events, with a clear button. The drawing is handed up as a PNG data URL
// (canvas.toDataURL) after every stroke, or null once cleared, for reports.confirm's handwriting.
import { useRef, useState } from 'react';
import { Button, Group, Input, Paper } from '@mantine/core';

/** The canvas's own size in CSS pixels; its backing store is scaled for sharp lines on HiDPI screens. */
const WIDTH = 480;
const HEIGHT = 160;

interface Props {
  label: string;
  hint: string;
  clearLabel: string;
  onChange(png: string | null): void;
}

export function SignaturePad({ label, hint, clearLabel, onChange }: Props): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [inked, setInked] = useState(false);
  // Kept at most 2×: a bigger PNG would only grow the call (the contract caps it near 512 KiB).
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));

  const context = (): CanvasRenderingContext2D | null => canvas.current?.getContext('2d') ?? null;

  /** Pointer position in canvas pixels, whatever size CSS gives the element. */
  const point = (e: React.PointerEvent<HTMLCanvasElement>): { x: number; y: number } => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * WIDTH * scale, y: ((e.clientY - box.top) / box.height) * HEIGHT * scale };
  };

  const stroke = (e: React.PointerEvent<HTMLCanvasElement>): void => {
    const ctx = context();
    const from = last.current;
    if (!ctx || !from) return;
    const to = point(e);
    // A pen reports pressure; a mouse reports 0.5 while pressed, which gives the middle width.
    const pressure = e.pressure > 0 ? e.pressure : 0.5;
    ctx.lineWidth = (1.2 + pressure * 2.6) * scale;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1a1b1e';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  };

  const end = (): void => {
    if (!last.current) return;
    last.current = null;
    setInked(true);
    onChange(canvas.current?.toDataURL('image/png') ?? null);
  };

  const clear = (): void => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setInked(false);
    onChange(null);
  };

  return (
    <Input.Wrapper label={label} description={hint}>
      <Paper withBorder mt={4} style={{ width: '100%', maxWidth: WIDTH, lineHeight: 0, background: 'var(--mantine-color-gray-0)' }}>
        <canvas
          ref={canvas}
          width={WIDTH * scale}
          height={HEIGHT * scale}
          data-testid="signature-pad"
          data-inked={inked || undefined}
          // touch-action none: a finger draws instead of scrolling the page.
          style={{ width: '100%', aspectRatio: `${WIDTH} / ${HEIGHT}`, touchAction: 'none', cursor: 'crosshair', display: 'block' }}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            last.current = point(e);
            // A tap with no movement still leaves a dot.
            stroke(e);
          }}
          onPointerMove={(e) => {
            if (last.current) stroke(e);
          }}
          onPointerUp={end}
          onPointerCancel={end}
        />
      </Paper>
      <Group justify="flex-end" mt={4} maw={WIDTH}>
        <Button size="compact-xs" variant="subtle" onClick={clear} disabled={!inked} data-testid="signature-clear">
          {clearLabel}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
