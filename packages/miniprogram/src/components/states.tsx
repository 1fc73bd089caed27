/** Loading, error (with retry when it may help) and empty states, the same on every page. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { errorText } from '../lib/error-text';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state-loading" aria-busy="true">
      <Text>{text}</Text>
    </View>
  );
}

/**
 * What went wrong, in words, with a retry when it may help; `home` adds a way back to the home page (a page opened
 * from a link or a QR code has nothing to go back to).
 */
export function ErrorState({
  error,
  onRetry,
  home,
  title: said,
}: {
  error: unknown;
  onRetry?: () => void;
  home?: boolean;
  /** The sentence to show instead of the error's own (when the page knows better what went wrong). */
  title?: string;
}) {
  const known = errorText(error);
  const { retryable, code } = known;
  const title = said ?? known.title;
  // The code and the technical reason ride along for support and tests, out of the reader's way.
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <View className="state state-error" role="alert" data-error={detail} data-code={code}>
      <Text className="state-title">{title}</Text>
      {retryable && onRetry ? (
        <Button className="btn btn-primary" onClick={onRetry}>
          重试
        </Button>
      ) : null}
      {home ? (
        <Button className="btn" onClick={() => Taro.reLaunch({ url: '/pages/scan/index' })}>
          回到首页
        </Button>
      ) : null}
    </View>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <View className="state state-empty">
      <Text>{text}</Text>
    </View>
  );
}

/** A sentence the person must read (a refusal, a warning), announced to screen readers; nothing when empty. */
export function Notice({ text, testId }: { text: string | null | undefined; testId?: string }) {
  if (!text) return null;
  return (
    <View role="alert" className="notice-text" {...(testId ? { 'data-testid': testId } : {})}>
      <Text>{text}</Text>
    </View>
  );
}
