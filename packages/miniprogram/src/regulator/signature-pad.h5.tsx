/**
 * H5: a signature drawn with a finger (or mouse) on a plain `<canvas>`, kept as a PNG. The weapp build takes
 * signature-pad.tsx (Taro's 2d canvas) instead.
 */
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { SignaturePadProps } from './signature-types';

export function SignaturePad({ label, onDone }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef(false);
  const [inked, setInked] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(c.clientWidth * ratio);
    c.height = Math.round(c.clientHeight * ratio);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111111';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const ctx = () => canvas.current?.getContext('2d') ?? null;

  function clear() {
    const c = canvas.current;
    const context = ctx();
    if (!c || !context) return;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, c.width, c.height);
    context.restore();
    setInked(false);
  }

  function done() {
    const c = canvas.current;
    if (!c || !inked) return;
    const url = c.toDataURL('image/png');
    onDone({ dataBase64: url.replace(/^data:[^,]*,/, ''), preview: url });
  }

  return (
    <View className="signature">
      <Text className="field-label">{label}</Text>
      <View className="signature-box">
        <canvas
          ref={canvas}
          className="signature-canvas"
          aria-label={`${label}（在此处手写）`}
          data-testid="signature-canvas"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            drawing.current = true;
            const { x, y } = point(e);
            ctx()?.beginPath();
            ctx()?.moveTo(x, y);
          }}
          onPointerMove={(e) => {
            if (!drawing.current) return;
            const { x, y } = point(e);
            const context = ctx();
            context?.lineTo(x, y);
            context?.stroke();
            setInked(true);
          }}
          onPointerUp={() => {
            drawing.current = false;
          }}
          onPointerLeave={() => {
            drawing.current = false;
          }}
        />
      </View>
      <View className="actions">
        <Button className="btn" onClick={clear}>
          清除重写
        </Button>
        <Button className="btn btn-primary" disabled={!inked} onClick={done}>
          确认签名
        </Button>
      </View>
    </View>
  );
}
