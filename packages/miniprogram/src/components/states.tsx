/** Loading, error (with retry when it may help) and empty states, the same on every page. */
import { Button, Text, View } from '@tarojs/components';
import { errorText } from '../lib/error-text';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state-loading" aria-busy="true">
      <Text>{text}</Text>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, retryable, code } = errorText(error);
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
