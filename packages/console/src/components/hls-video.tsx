/** Plays a signed HLS URL: natively where the browser can, else with hls.js (loaded only when a video is shown). */
import { useEffect, useRef } from 'react';

export function HlsVideo({ src, label }: { src: string; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    let destroy = () => {};
    void import('hls.js').then(({ default: Hls }) => {
      if (Hls.isSupported()) {
        const hls = new Hls();
        hls.loadSource(src);
        hls.attachMedia(video);
        destroy = () => hls.destroy();
      } else {
        video.src = src;
      }
    });
    return () => destroy();
  }, [src]);
  return <video ref={ref} className="video" controls muted autoPlay playsInline aria-label={label} />;
}
