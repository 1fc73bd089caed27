/**
 * WeChat: a signature drawn with a finger on Taro's 2d canvas, exported as a PNG file and read as base64. The H5
 * build takes signature-pad.h5.tsx (a plain canvas) instead.
 */
import { Button, Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { SignaturePadProps } from './signature-types';

interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
}

let seq = 0;

export function SignaturePad({ label, onDone }: SignaturePadProps) {
  const [id] = useState(() => `signature-${++seq}`);
  const node = useRef<Canvas2d | null>(null);
  const [inked, setInked] = useState(false);

  async function canvas(): Promise<Canvas2d | null> {
    if (node.current) return node.current;
    const found = await new Promise<{ node: Canvas2d; width: number; height: number } | null>((resolve) =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => resolve((res?.[0] as { node: Canvas2d; width: number; height: number }) ?? null)),
    );
    if (!found) return null;
    const ratio = Taro.getSystemInfoSync().pixelRatio || 1;
    found.node.width = found.width * ratio;
    found.node.height = found.height * ratio;
    const ctx = found.node.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, found.width, found.height);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111111';
    node.current = found.node;
    return found.node;
  }

  type Touch = { touches: ReadonlyArray<{ x?: number; y?: number }> };
  async function start(e: Touch) {
    const c = await canvas();
    const t = e.touches[0];
    if (!c || !t) return;
    const ctx = c.getContext('2d');
    ctx.beginPath();
    ctx.moveTo(t.x ?? 0, t.y ?? 0);
  }
  function move(e: Touch) {
    const c = node.current;
    const t = e.touches[0];
    if (!c || !t) return;
    const ctx = c.getContext('2d');
    ctx.lineTo(t.x ?? 0, t.y ?? 0);
    ctx.stroke();
    setInked(true);
  }
  async function clear() {
    const c = await canvas();
    if (!c) return;
    const ctx = c.getContext('2d');
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
    setInked(false);
  }
  async function done() {
    const c = node.current;
    if (!c || !inked) return;
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: c as unknown as Taro.canvasToTempFilePath.Option['canvas'],
      fileType: 'png',
    });
    const dataBase64 = Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64') as string;
    onDone({ dataBase64, preview: tempFilePath });
  }

  return (
    <View className="signature">
      <Text className="field-label">{label}</Text>
      <View className="signature-box">
        <Canvas
          id={id}
          type="2d"
          className="signature-canvas"
          disableScroll
          onTouchStart={(e) => void start(e as unknown as Touch)}
          onTouchMove={(e) => move(e as unknown as Touch)}
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
