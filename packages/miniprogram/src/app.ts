import type { PropsWithChildren } from 'react';
import './app.css';

/** The app shell: Taro renders the current page as `children`. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
