import { forwardRef, type PointerEvent as ReactPointerEvent, useEffect, useImperativeHandle, useRef } from 'react';

export type SignaturePadHandle = {
  clear: () => void;
  /** The drawing as a PNG data URL, or undefined while too little has been drawn to be a signature. */
  toPng: () => string | undefined;
};

/** A stroke this long in CSS pixels, in total, is a signature rather than a stray touch. */
const MIN_INK = 60;
/** The backing store is capped so the PNG stays well under the hall's 400 KB limit on any screen. */
const MAX_SCALE = 2;

/**
 * A canvas the customer signs on with a finger, a stylus or a mouse (pointer events, so all
 * three alike). The pointer is captured while a stroke lasts, and the page does not scroll
 * under the finger (touch-action: none).
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { label: string; onInk: (hasInk: boolean) => void }>(function SignaturePad({ label, onInk }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef(0);
  const last = useRef<{ x: number; y: number } | undefined>(undefined);
  const onInkRef = useRef(onInk);
  onInkRef.current = onInk;

  const context = () => canvas.current?.getContext('2d') ?? undefined;

  const size = () => {
    const c = canvas.current;
    if (!c) return;
    const scale = Math.min(MAX_SCALE, window.devicePixelRatio || 1);
    const { width, height } = c.getBoundingClientRect();
    c.width = Math.round(width * scale);
    c.height = Math.round(height * scale);
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(scale, 0, 0, scale, 0, 0);
    g.lineWidth = 3;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#000';
    ink.current = 0;
    onInkRef.current(false);
  };

  useEffect(() => {
    size();
    // Resizing clears the canvas: a signature drawn at another size would be distorted.
    window.addEventListener('resize', size);
    return () => window.removeEventListener('resize', size);
  }, []);

  useImperativeHandle(ref, () => ({
    clear: size,
    toPng: () => (ink.current >= MIN_INK ? canvas.current?.toDataURL('image/png') : undefined),
  }));

  const point = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      role="img"
      aria-label={label}
      data-testid="signature-pad"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = point(e);
        const g = context();
        if (g) {
          g.beginPath();
          g.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2);
          g.fill();
        }
      }}
      onPointerMove={(e) => {
        const from = last.current;
        const g = context();
        if (!from || !g) return;
        const to = point(e);
        g.beginPath();
        g.moveTo(from.x, from.y);
        g.lineTo(to.x, to.y);
        g.stroke();
        ink.current += Math.hypot(to.x - from.x, to.y - from.y);
        last.current = to;
        if (ink.current >= MIN_INK) onInkRef.current(true);
      }}
      onPointerUp={() => {
        last.current = undefined;
      }}
      onPointerCancel={() => {
        last.current = undefined;
      }}
    />
  );
});
