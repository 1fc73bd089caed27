import { endpoints } from './taro-api';

/** A server-relative URL (`/v1/live/…`) made absolute for the weapp; h5 is served by the same server. */
export const absoluteUrl = (url: string) => (url.startsWith('/') ? `${endpoints().baseURL}${url}` : url);
