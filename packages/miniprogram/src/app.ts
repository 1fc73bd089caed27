import type { PropsWithChildren } from 'react';
import './app.css';
import { setUpH5Shell } from './lib/h5-shell';

setUpH5Shell();

/** The app shell: Taro renders the current page as `children`. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
